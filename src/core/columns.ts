// Column sources for the statement builder: the books of one year (from its position) and
// the budget of one year (each budget row placed on an account line).
import { type AccountLine, type AccountMapping, accountLineIsResult, accountLineNature } from './accounts';
import { type BudgetLine } from './budget';
import { type InsatsIndex } from './insatser';
import { type Money, moneyAdd, moneyFromOre, moneyZero } from './money';
import { type YearPosition } from './positions';
import { type StatementColumnSource } from './statement';

interface LineTotal {
  amount: Money;
  accounts: string[];
}

function lineTotalsFromOre(perAccount: ReadonlyMap<string, number>, mapping: AccountMapping, into: Map<AccountLine, { ore: number; accounts: string[] }>): void {
  for (const [account, ore] of perAccount) {
    const line = mapping.place(account)?.line;
    if (!line) continue;
    const t = into.get(line) ?? { ore: 0, accounts: [] };
    t.ore += ore;
    if (ore !== 0) t.accounts.push(account);
    into.set(line, t);
  }
}

/** The books of one year: balance lines from UB, result lines from the year's movement. */
export function columnFromPosition(label: string, position: YearPosition | undefined, mapping: AccountMapping, values: ReadonlyMap<string, (p: YearPosition) => Money> = new Map()): StatementColumnSource {
  if (!position) return { label, missing: true, accountLine: () => ({ amount: moneyZero, accounts: [] }), value: () => moneyZero };
  const totals = new Map<AccountLine, { ore: number; accounts: string[] }>();
  lineTotalsFromOre(position.ub, mapping, totals);
  lineTotalsFromOre(position.movement, mapping, totals);
  return {
    label,
    accountLine(line) {
      const t = totals.get(line);
      return t ? { amount: moneyFromOre(t.ore), accounts: t.accounts } : { amount: moneyZero, accounts: [] };
    },
    value(key) {
      const f = values.get(key);
      if (!f) throw new Error(`okänt värde i kolumnen ${label}: ${key}`);
      return f(position);
    },
  };
}

/**
 * The resultaträkning line a budget row counts on: its account's line; else the line of the
 * accounts of its Insatser line; else, for a line with projekt or name only, Verksamhetens
 * intäkter when it brings money in and Verksamhetens kostnader when it costs.
 */
export function budgetLineAccountLine(line: BudgetLine, mapping: AccountMapping, insatser: InsatsIndex): AccountLine | undefined {
  if (line.account) {
    const placed = mapping.place(line.account)?.line;
    if (placed) return placed;
  }
  if (line.accountLine) return line.accountLine;
  const insats = insatser.find({ projekt: line.projekt, name: line.name });
  const range = insats?.accounts[0];
  if (range) {
    const placed = mapping.place(range.from)?.line;
    if (placed) return placed;
  }
  return line.amount.isNegative() ? 'Verksamhetens intäkter' : 'Verksamhetens kostnader';
}

/** The budget of one year as a column of the resultaträkning. */
export function columnFromBudget(label: string, lines: readonly BudgetLine[] | undefined, mapping: AccountMapping, insatser: InsatsIndex): StatementColumnSource {
  if (!lines || lines.length === 0) return { label, missing: true, accountLine: () => ({ amount: moneyZero, accounts: [] }), value: () => moneyZero };
  const totals = new Map<AccountLine, LineTotal>();
  for (const line of lines) {
    if (line.isBalance) continue;
    const accountLine = budgetLineAccountLine(line, mapping, insatser);
    if (!accountLine || !(accountLineIsResult(accountLine) || accountLineNature(accountLine) === 'bokslut')) continue;
    const t = totals.get(accountLine) ?? { amount: moneyZero, accounts: [] };
    t.amount = moneyAdd(t.amount, line.amount);
    if (line.account) t.accounts.push(line.account);
    totals.set(accountLine, t);
  }
  return {
    label,
    accountLine: (l) => totals.get(l) ?? { amount: moneyZero, accounts: [] },
    value: () => moneyZero,
  };
}
