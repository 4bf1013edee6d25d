// Year positions: for each year of the ledger, the closing balance (UB) of every balance
// account, the movement of every result account, årets resultat computed from classes 3–8
// (without the closing accounts), the closing entry where one is booked, and eget kapital
// including results of earlier years that have not been booked to equity.
import { type AccountMapping, accountLineIsResult, accountLineNature, type AccountLine } from './accounts';
import { type LedgerSummary } from './ledger';
import { type Money, moneyFromOre } from './money';

export interface YearPosition {
  readonly year: number;
  /** Balance accounts: UB in ledger sign, öre. */
  readonly ub: ReadonlyMap<string, number>;
  /** Balance accounts: IB of the year in ledger sign, öre (from IB rows, else the previous UB). */
  readonly ib: ReadonlyMap<string, number>;
  /** True when the year has IB rows of its own. */
  readonly hasOwnIB: boolean;
  /** Result accounts: the year's movement in ledger sign, öre. */
  readonly movement: ReadonlyMap<string, number>;
  /** Årets resultat in report sign (a surplus positive), from classes 3–8 without closing. */
  readonly result: Money;
  /** The closing entry booked on closing accounts this year (ledger sign; equals result when booked). */
  readonly closingBooked: Money;
  /** Eget kapital at year end, report sign, including results not yet booked to equity. */
  readonly equity: Money;
  /** Eget kapital at the start of the year, report sign. */
  readonly equityIB: Money;
}

export function positionsCompute(summary: LedgerSummary, mapping: AccountMapping): Map<number, YearPosition> {
  const positions = new Map<number, YearPosition>();
  let previousUb = new Map<string, number>();
  let unclosedOre = 0;
  let previousEquity: Money | undefined;
  for (const year of summary.years) {
    const accounts = summary.byYear.get(year) ?? new Map();
    const hasOwnIB = summary.ibYears.has(year);
    const ib = new Map<string, number>();
    const ub = new Map<string, number>();
    const movement = new Map<string, number>();
    if (!hasOwnIB) for (const [account, ore] of previousUb) ib.set(account, ore);
    let resultOre = 0;
    let closingOre = 0;
    if (hasOwnIB) unclosedOre = 0;
    for (const [account, totals] of accounts) {
      const line: AccountLine | undefined = mapping.place(account)?.line;
      if (!line) continue;
      const nature = accountLineNature(line);
      if (nature === 'bokslut' || accountLineIsResult(line)) {
        movement.set(account, totals.movementOre + totals.ibOre);
        unclosedOre += totals.movementOre + totals.ibOre;
        if (nature === 'bokslut') closingOre += totals.movementOre + totals.ibOre;
        else resultOre += totals.movementOre + totals.ibOre;
      } else if (hasOwnIB) {
        ib.set(account, totals.ibOre);
      }
    }
    for (const [account, ibOre] of ib) ub.set(account, ibOre);
    for (const [account, totals] of accounts) {
      const line = mapping.place(account)?.line;
      if (!line || accountLineIsResult(line) || accountLineNature(line) === 'bokslut') continue;
      ub.set(account, (ub.get(account) ?? 0) + totals.movementOre);
    }
    let equityUbOre = 0;
    let equityIbOre = 0;
    for (const [account, ore] of ub) if (mapping.place(account)?.line === 'Eget kapital') equityUbOre += ore;
    for (const [account, ore] of ib) if (mapping.place(account)?.line === 'Eget kapital') equityIbOre += ore;
    const equity = moneyFromOre(-(equityUbOre + unclosedOre));
    const equityIB = hasOwnIB || !previousEquity ? moneyFromOre(-equityIbOre) : previousEquity;
    positions.set(year, {
      year,
      ub,
      ib,
      hasOwnIB,
      movement,
      result: moneyFromOre(-resultOre),
      closingBooked: moneyFromOre(closingOre),
      equity,
      equityIB,
    });
    previousUb = ub;
    previousEquity = equity;
  }
  return positions;
}

/** Sum in öre (ledger sign) of the accounts of `map` (a position's ub, ib or movement) on `lines`. */
export function positionOreOnLines(map: ReadonlyMap<string, number>, mapping: AccountMapping, lines: readonly AccountLine[]): number {
  let ore = 0;
  for (const [account, v] of map) {
    const line = mapping.place(account)?.line;
    if (line && lines.includes(line)) ore += v;
  }
  return ore;
}
