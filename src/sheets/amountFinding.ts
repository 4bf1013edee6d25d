// The one place that turns an unreadable amount cell into a finding, so that every reader
// says it the same way: which sheet, which cell, what was there. And the one finding for a
// sheet whose formulas have no calculated value, which every reader gives before reading it.
import { cellRef, type CellRef } from '../core/cellref';
import { type Finding, finding } from '../core/findings';
import { type SheetSnapshot } from '../workbook/port';
import { cellIsUncalculated } from './cells';
import { type AmountParse } from './numbers';

const UNCALCULATED_TODO = 'öppna arbetsboken i Excel, räkna om och spara';
/** Cells named in the finding of a sheet full of formulas without value; the message gives the count. */
const UNCALCULATED_CELLS_NAMED = 100;

/**
 * The cells of a sheet whose formula has no calculated value, as one blocking finding (or
 * undefined when there are none). Any value of the sheet may depend on them, so a reader that
 * gets one reads nothing else of the sheet.
 */
export function sheetUncalculatedFinding(snapshot: SheetSnapshot): Finding | undefined {
  const at: CellRef[] = [];
  let count = 0;
  snapshot.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (!cellIsUncalculated(v)) return;
      count++;
      if (at.length < UNCALCULATED_CELLS_NAMED) at.push(cellRef(snapshot.name, r + 1, c + 1));
    }),
  );
  if (count === 0) return undefined;
  const what = count === 1 ? 'formeln har inget beräknat värde' : `${count} formler har inget beräknat värde`;
  return finding('formel-utan-varde', `Bladet ${snapshot.name}: ${what}: ${UNCALCULATED_TODO}.`, at);
}

export function amountFinding(sheet: string, row: number, col: number, parse: Extract<AmountParse, { ok: false }>): Finding {
  const at = [cellRef(sheet, row, col)];
  switch (parse.reason) {
    case 'error':
      return finding('cell-fel', `Cellen innehåller felvärdet ${parse.shown} i stället för ett belopp: rätta formeln eller skriv in beloppet.`, at);
    case 'decimals':
      return finding('belopp-oredelar', `Beloppet ${parse.shown} har fler än två decimaler: avrunda det till hela ören.`, at);
    case 'too-large':
      return finding('summa-for-stor', `Beloppet ${parse.shown} är för stort för att räknas exakt.`, at);
    case 'uncalculated':
      return finding('formel-utan-varde', `Formeln har inget beräknat värde: ${UNCALCULATED_TODO}.`, at);
    case 'percent':
      return finding('belopp-ej-tal', `Cellen är formaterad som procent (${parse.shown}) där ett belopp väntas: ändra cellens talformat till tal och kontrollera beloppet.`, at);
    case 'date':
      return finding('belopp-ej-tal', 'Cellen innehåller ett datum där ett belopp väntas.', at);
    case 'text':
      return finding('belopp-ej-tal', `Cellen innehåller texten "${parse.shown}" där ett belopp väntas.`, at);
  }
}
