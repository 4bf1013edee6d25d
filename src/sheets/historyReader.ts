// The Historik sheet: year columns (a header row with years) and the Flerårsöversikt's row
// names in the first column — amounts in kronor, Soliditet and Eget kapital i % as percent
// ("17,73", "17,73 %", or a percent-formatted 0,1773).
import type Decimal from 'decimal.js';
import { cellRef } from '../core/cellref';
import { type Finding } from '../core/findings';
import { FLERARS_PERCENT_ROWS, FLERARS_ROWS, type FlerarsRowName, type History } from '../core/flerars';
import { ExactDecimal, moneyFromOre } from '../core/money';
import { type CellValue, type SheetSnapshot } from '../workbook/port';
import { amountFinding, sheetUncalculatedFinding } from './amountFinding';
import { cellIsEmpty, cellText, foldKey } from './cells';
import { parseAmount, parsePercent } from './numbers';

/** Row names as written (folded) to the Flerårsöversikt's rows; a Map, since the name comes from a cell. */
const ALIASES: ReadonlyMap<string, FlerarsRowName> = new Map<string, FlerarsRowName>([
  ...FLERARS_ROWS.map((r): [string, FlerarsRowName] => [foldKey(r), r]),
  [foldKey('Intäkter'), 'Verksamhetens intäkter'],
  [foldKey('Kostnader'), 'Verksamhetens kostnader'],
  [foldKey('Resultat'), 'Årets resultat'],
  [foldKey('Eget kapital'), 'Utgående eget kapital'],
  [foldKey('UB eget kapital'), 'Utgående eget kapital'],
  [foldKey('Eget kapital i procent av tilldelade medel'), 'Eget kapital i % av tilldelade medel'],
  [foldKey('Soliditet %'), 'Soliditet'],
]);

function yearOf(v: CellValue): number | undefined {
  const n = typeof v === 'number' ? v : /^\s*(\d{4})\s*$/.exec(cellText(v))?.[1];
  const year = Number(n);
  return Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined;
}

export function historyRead(snapshot: SheetSnapshot): { history: History; findings: Finding[] } {
  const sheet = snapshot.name;
  const findings: Finding[] = [];
  const history = new Map<FlerarsRowName, Map<number, { value: Decimal; cell: ReturnType<typeof cellRef> }>>();
  const uncalculated = sheetUncalculatedFinding(snapshot);
  if (uncalculated) return { history, findings: [uncalculated] };
  const headerIndex = snapshot.cells.findIndex((row) => row.filter((v) => yearOf(v) !== undefined).length >= 2);
  if (headerIndex < 0) return { history, findings };
  const years = (snapshot.cells[headerIndex] ?? []).map(yearOf);
  for (let r = headerIndex + 1; r < snapshot.cells.length; r++) {
    const row = snapshot.cells[r] ?? [];
    const name = ALIASES.get(foldKey(cellText(row[0] ?? null)));
    if (!name) continue;
    const values = new Map<number, { value: Decimal; cell: ReturnType<typeof cellRef> }>();
    years.forEach((year, c) => {
      const v = row[c] ?? null;
      if (year === undefined || cellIsEmpty(v)) return;
      const cell = cellRef(sheet, r + 1, c + 1);
      if (FLERARS_PERCENT_ROWS.includes(name)) {
        const p = parsePercent(v);
        if (p === undefined) {
          findings.push({ ...amountFinding(sheet, r + 1, c + 1, { ok: false, reason: 'text', shown: cellText(v) }) });
          return;
        }
        values.set(year, { value: new ExactDecimal(String(p)).times(100), cell });
        return;
      }
      const a = parseAmount(v);
      if (!a.ok) {
        findings.push(amountFinding(sheet, r + 1, c + 1, a));
        return;
      }
      values.set(year, { value: moneyFromOre(a.ore), cell });
    });
    history.set(name, values);
  }
  return { history, findings };
}
