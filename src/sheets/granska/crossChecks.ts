// Figures that one sheet prints in more than one table, for the same year: a driftbudget in
// tkr against the resultaträkning in kr (intäkter, kostnader, resultat), the balansbudget's or
// eget-kapital table's årets resultat against the result table's, "Intäkter medlemmarna"
// against the members' rows of the result table. The reference is the result table printed
// in the finest unit; the other figure is the one checked, at the rounding of its own unit.
// Each table's sign is turned to "överskott positivt" before comparing.
import type Decimal from 'decimal.js';
import { type EquityReading } from './equityChecks';
import { costRowOf, incomeRowOf, type ResultReading, resultRowOf } from './resultChecks';
import { amountCheck, amountText, rowName } from './status';
import { amountAt, roundingTolerance, type TableStructure } from './structure';
import { membersTotal } from './sumChecks';
import { type GranskaCheck, type GranskaColumn, type GranskaTable } from './types';
import { unitFactor } from './values';
import { isMembersTotalLabel } from './words';

export interface TableReading {
  readonly table: GranskaTable;
  readonly structure: TableStructure;
  readonly result?: ResultReading;
  readonly equity?: EquityReading;
}

const SAME_KIND = new Set(['budget', 'plan']);

/** Two columns that hold the same year's figures of the same kind (budget and plan are one). */
export function sameColumn(a: GranskaColumn, b: GranskaColumn): boolean {
  if (a.year === undefined || a.year !== b.year) return false;
  return a.kind === undefined || b.kind === undefined || a.kind === b.kind || (SAME_KIND.has(a.kind) && SAME_KIND.has(b.kind));
}

/** From `from`'s unit to `to`'s. */
function convert(value: Decimal, from: GranskaTable, to: GranskaTable): Decimal {
  return value.times(unitFactor(from.unit)).dividedBy(unitFactor(to.unit));
}

interface Reference {
  readonly reading: TableReading;
  readonly c: number;
  readonly resultRow: number;
}

/** The result table that is the reference for a column: printed in the finest unit, a resultaträkning before a budget. */
function referenceFor(readings: readonly TableReading[], column: GranskaColumn): Reference | undefined {
  const candidates: Reference[] = [];
  for (const reading of readings) {
    if (!reading.result?.convention) continue;
    const resultRow = resultRowOf(reading.table);
    if (resultRow === undefined) continue;
    const c = reading.table.columns.findIndex((col) => sameColumn(col, column));
    if (c < 0 || amountAt(reading.table, resultRow, c) === undefined) continue;
    candidates.push({ reading, c, resultRow });
  }
  const rank = (r: Reference) => unitFactor(r.reading.table.unit).toNumber() * 10 + (/resultaträkning|resultatbudget/i.test(r.reading.table.name) ? 0 : 1);
  return candidates.sort((a, b) => rank(a) - rank(b))[0];
}

function unitNote(checked: GranskaTable, ref: GranskaTable, expected: Decimal): string | undefined {
  if (checked.unit === ref.unit) return undefined;
  return `${checked.unit} mot ${ref.unit}: ${amountText(expected)} ${checked.unit}, avrundat till hela ${checked.unit}`;
}

export function crossChecks(readings: readonly TableReading[]): GranskaCheck[] {
  const out: GranskaCheck[] = [];
  for (const reading of readings) {
    const { table } = reading;
    table.columns.forEach((column, c) => {
      const ref = referenceFor(readings, column);
      if (!ref || ref.reading === reading) return;
      const rt = ref.reading.table;
      const rr = ref.reading.result!;
      const refResult = amountAt(rt, ref.resultRow, ref.c)!.times(rr.surplusFactor);
      const refIncomeRow = incomeRowOf(rt);
      const refIncome = refIncomeRow !== undefined ? amountAt(rt, refIncomeRow, ref.c)?.times(rr.incomeFactor) : undefined;
      const tolerance = roundingTolerance(1);
      const push = (row: number, expectedNormal: Decimal, factor: number, kontroll: string) => {
        const actual = amountAt(table, row, c);
        if (!actual) return;
        const expected = convert(expectedNormal, rt, table).times(factor);
        out.push(amountCheck({ table, row: table.rows[row]!, column, kind: 'mellan-tabeller', kontroll, expected, actual, tolerance, note: unitNote(table, rt, expected) }));
      };
      const refName = (i: number) => `${rt.name}: ${rowName(rt.rows[i]!)}`;
      const tr = reading.result;
      if (tr?.convention) {
        const resultRow = resultRowOf(table);
        if (resultRow !== undefined) push(resultRow, refResult, tr.surplusFactor, `${rowName(table.rows[resultRow]!)} = ${refName(ref.resultRow)}`);
        const incomeRow = incomeRowOf(table);
        if (incomeRow !== undefined && refIncome !== undefined && refIncomeRow !== undefined) push(incomeRow, refIncome, tr.incomeFactor, `${rowName(table.rows[incomeRow]!)} = ${refName(refIncomeRow)}`);
        const costRow = costRowOf(reading.structure);
        if (costRow !== undefined && refIncome !== undefined && refIncomeRow !== undefined) {
          push(costRow, refIncome.minus(refResult), tr.costFactor, `${rowName(table.rows[costRow]!)} = ${rt.name}: kostnader och finansiella poster (${rowName(rt.rows[refIncomeRow]!)} − ${rowName(rt.rows[ref.resultRow]!)})`);
        }
        return;
      }
      const eq = reading.equity;
      if (eq?.result !== undefined) push(eq.result, refResult, eq.factor * eq.resultSign, `${rowName(table.rows[eq.result]!)} = ${refName(ref.resultRow)}`);
      // "Intäkter medlemmarna" against the members' rows of the result table.
      const membersRow = table.rows.findIndex((r) => r.kind === 'data' && isMembersTotalLabel(r.label));
      const members = membersTotal(ref.reading.structure, ref.c);
      if (membersRow >= 0 && members) {
        const actual = amountAt(table, membersRow, c);
        if (actual) {
          const expected = convert(members.sum.abs(), rt, table).times(actual.isNegative() ? -1 : 1);
          out.push(
            amountCheck({
              table,
              row: table.rows[membersRow]!,
              column,
              kind: 'mellan-tabeller',
              kontroll: `${rowName(table.rows[membersRow]!)} = ${rt.name}: medlemmarnas bidrag (rad ${members.rows.join(', ')})`,
              expected,
              actual,
              tolerance: roundingTolerance(members.parts),
            }),
          );
        }
      }
    });
  }
  return out;
}

/** The members' money for a column of `table`, from the result table of its sheet: positive, in `table`'s unit. */
export function membersFrom(readings: readonly TableReading[], table: GranskaTable, column: GranskaColumn): { value: Decimal; name: string } | undefined {
  for (const reading of readings) {
    if (reading.table === table || !reading.result?.convention) continue;
    const c = reading.table.columns.findIndex((col) => sameColumn(col, column));
    if (c < 0) continue;
    const m = membersTotal(reading.structure, c);
    if (m) return { value: convert(m.sum.abs(), reading.table, table), name: `medlemmarnas bidrag (${reading.table.name})` };
  }
  return undefined;
}
