// The one place that turns an unreadable amount cell into a finding, so that every reader
// says it the same way: which sheet, which cell, what was there.
import { cellRef } from '../core/cellref';
import { type Finding, finding } from '../core/findings';
import { type AmountParse } from './numbers';

export function amountFinding(sheet: string, row: number, col: number, parse: Extract<AmountParse, { ok: false }>): Finding {
  const at = [cellRef(sheet, row, col)];
  switch (parse.reason) {
    case 'error':
      return finding('cell-fel', `Cellen innehåller felvärdet ${parse.shown} i stället för ett belopp: rätta formeln eller skriv in beloppet.`, at);
    case 'decimals':
      return finding('belopp-oredelar', `Beloppet ${parse.shown} har fler än två decimaler: avrunda det till hela ören.`, at);
    case 'too-large':
      return finding('summa-for-stor', `Beloppet ${parse.shown} är för stort för att räknas exakt.`, at);
    case 'date':
      return finding('belopp-ej-tal', 'Cellen innehåller ett datum där ett belopp väntas.', at);
    case 'text':
      return finding('belopp-ej-tal', `Cellen innehåller texten "${parse.shown}" där ett belopp väntas.`, at);
  }
}
