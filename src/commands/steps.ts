// The ribbon's two buttons are ShowTaskpane actions whose URL names the step to open:
// taskpane.html?steg=rapporter (Generera rapporter) and ?steg=mal (Kontrollera mål).
export type TaskpaneStep = 'rapporter' | 'mal';

export function stepFromUrl(search: string): TaskpaneStep {
  const step = new URLSearchParams(search).get('steg');
  return step === 'mal' ? 'mal' : 'rapporter';
}
