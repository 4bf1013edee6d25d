// The eget-kapital series of a balance or eget-kapital table: UB = IB + årets resultat in each
// column, and each year's IB = the year before's UB across columns (where there is no UB row,
// the year before's IB + its result; where there is no IB row, UB = the year before's UB +
// the year's result). The series is read in the table's own sign (eget kapital negative in
// bokföringstecken); a result subtracted instead of added is taken when that is what holds.
import type Decimal from 'decimal.js';
import { ExactDecimal } from '../../core/money';
import { amountCheck, rowName } from './status';
import { amountAt, roundingTolerance, type TableStructure } from './structure';
import { type GranskaCheck, type GranskaColumn, type GranskaTable } from './types';
import { equityPartOf } from './words';

export interface EquityReading {
  readonly checks: GranskaCheck[];
  readonly ib?: number;
  readonly ub?: number;
  readonly result?: number;
  /** +1 when eget kapital is printed positive, −1 in bokföringstecken. */
  readonly factor: number;
  /** +1 when the result is added to IB, −1 when it is subtracted. */
  readonly resultSign: number;
  /** Eget kapital at the start and the end of the year in column c, as printed (table's sign). */
  readonly start: (c: number) => Decimal | undefined;
  readonly end: (c: number) => Decimal | undefined;
}

export function equityRowsOf(table: GranskaTable): { ib?: number; ub?: number; result?: number } {
  const find = (part: 'ib' | 'ub' | 'resultat', from = 0) => {
    for (let i = from; i < table.rows.length; i++) {
      const r = table.rows[i]!;
      if ((r.kind === 'data' || r.kind === 'summa') && equityPartOf(r.label) === part) return i;
    }
    return undefined;
  };
  const ib = find('ib');
  const result = find('resultat', ib ?? 0);
  const ub = find('ub', ib ?? 0);
  return { ...(ib !== undefined ? { ib } : {}), ...(ub !== undefined ? { ub } : {}), ...(result !== undefined ? { result } : {}) };
}

/** The column of the year before, in whichever order the table prints its years. */
function previousYear(columns: readonly GranskaColumn[], c: number): number {
  const year = columns[c]?.year;
  if (year === undefined) return -1;
  const kind = columns[c]!.kind;
  const before = columns.map((col, i) => ({ col, i })).filter(({ col }) => col.year === year - 1);
  return (before.find(({ col }) => col.kind === kind) ?? before[0])?.i ?? -1;
}

export function equityChecks(s: TableStructure): EquityReading {
  const { table } = s;
  const { ib, ub, result } = equityRowsOf(table);
  const at = (i: number | undefined, c: number) => (i === undefined ? undefined : amountAt(table, i, c));
  // The sign of eget kapital: its IB and UB figures vote.
  let votes = 0;
  table.columns.forEach((_, c) => {
    for (const v of [at(ib, c), at(ub, c)]) if (v && !v.isZero()) votes += v.isNegative() ? -1 : 1;
  });
  const factor = votes < 0 ? -1 : 1;
  // Added or subtracted: whichever makes UB = IB ± result hold in more columns.
  let plus = 0;
  let minus = 0;
  table.columns.forEach((_, c) => {
    const [i, u, r] = [at(ib, c), at(ub, c), at(result, c)];
    if (!i || !u || !r) return;
    if (i.plus(r).equals(u)) plus++;
    else if (i.minus(r).equals(u)) minus++;
  });
  const resultSign = minus > plus ? -1 : 1;
  const end = (c: number): Decimal | undefined => {
    const u = at(ub, c);
    if (u) return u;
    const [i, r] = [at(ib, c), at(result, c)];
    return i && r ? i.plus(r.times(resultSign)) : undefined;
  };
  const start = (c: number) => at(ib, c);
  const checks: GranskaCheck[] = [];
  if (ib === undefined && ub === undefined) return { checks, factor, resultSign, start, end };
  const ibName = ib !== undefined ? rowName(table.rows[ib]!) : '';
  const ubName = ub !== undefined ? rowName(table.rows[ub]!) : '';
  const resName = result !== undefined ? rowName(table.rows[result]!) : '';
  const op = resultSign > 0 ? '+' : '−';
  table.columns.forEach((column, c) => {
    // UB = IB ± result, unless the UB row is a sum row (checked as such).
    if (ib !== undefined && ub !== undefined && result !== undefined && table.rows[ub]!.kind !== 'summa') {
      const [i, u, r] = [at(ib, c), at(ub, c), at(result, c)];
      if (i && u && r) {
        checks.push(amountCheck({ table, row: table.rows[ub]!, column, kind: 'eget-kapital', kontroll: `${ubName} = ${ibName} ${op} ${resName}`, expected: i.plus(r.times(resultSign)), actual: u, tolerance: roundingTolerance(2) }));
      }
    }
    const p = previousYear(table.columns, c);
    if (p < 0) return;
    const year = column.year!;
    if (ib !== undefined) {
      const i = at(ib, c);
      if (!i) return;
      const u = at(ub, p);
      if (u) {
        checks.push(amountCheck({ table, row: table.rows[ib]!, column, kind: 'eget-kapital', kontroll: `${ibName} ${year} = ${ubName} ${year - 1}`, expected: u, actual: i, tolerance: new ExactDecimal(0) }));
        return;
      }
      const [pi, pr] = [at(ib, p), at(result, p)];
      if (pi && pr) {
        checks.push(amountCheck({ table, row: table.rows[ib]!, column, kind: 'eget-kapital', kontroll: `${ibName} ${year} = ${ibName} ${year - 1} ${op} ${resName} ${year - 1}`, expected: pi.plus(pr.times(resultSign)), actual: i, tolerance: roundingTolerance(2) }));
      }
      return;
    }
    // No IB row: this year's UB = last year's UB ± this year's result.
    const [u, pu, r] = [at(ub, c), at(ub, p), at(result, c)];
    if (u && pu && r && ub !== undefined) {
      checks.push(amountCheck({ table, row: table.rows[ub]!, column, kind: 'eget-kapital', kontroll: `${ubName} ${year} = ${ubName} ${year - 1} ${op} ${resName} ${year}`, expected: pu.plus(r.times(resultSign)), actual: u, tolerance: roundingTolerance(3) }));
    }
  });
  return { checks, ...(ib !== undefined ? { ib } : {}), ...(ub !== undefined ? { ub } : {}), ...(result !== undefined ? { result } : {}), factor, resultSign, start, end };
}
