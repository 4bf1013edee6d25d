// The ribbon's buttons are ShowTaskpane actions whose URL names the step to open:
// taskpane.html?steg=rapporter (Generera rapporter), ?steg=mal (Kontrollera mål) and
// ?steg=granska (Granska tabeller).
export type TaskpaneStep = 'rapporter' | 'mal' | 'granska';

export function stepFromUrl(search: string): TaskpaneStep {
  const step = new URLSearchParams(search).get('steg');
  return step === 'mal' || step === 'granska' ? step : 'rapporter';
}
