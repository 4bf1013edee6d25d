// Driftredovisning: one row per Insatser line (in the sheet's order), "Ej fördelat på insats"
// where amounts find no line, and a last row Resultat that equals årets resultat. Intäkt and
// kostnad in report sign; avvikelse = utfall − budget.
import { type AccountMapping, accountLineIsResult, accountLineNature } from './accounts';
import { type BudgetLine } from './budget';
import { type CellRef } from './cellref';
import { type InsatsIndex, type InsatsLine, UNALLOCATED_LINE } from './insatser';
import { type LedgerSummary } from './ledger';
import { type Money, moneyAdd, moneyFromOre, moneyNeg, moneySub, moneyZero } from './money';

export interface DriftRow {
  readonly name: string;
  readonly line: InsatsLine | undefined;
  readonly intakt: Money;
  readonly kostnad: Money;
  readonly netto: Money;
  /** Budgeted netto (report sign); undefined when there is no budget for the year. */
  readonly budget: Money | undefined;
  readonly avvikelse: Money | undefined;
  /** Netto of the previous year; undefined when the books do not hold it. */
  readonly foregaendeAr: Money | undefined;
  readonly accounts: readonly string[];
}

/** Ledger amounts that found no Insatser line, for the findings. */
export interface DriftUnallocated {
  readonly year: number;
  readonly account: string;
  readonly projekt: string;
  readonly ore: number;
  readonly cell: CellRef;
}

export interface DriftModel {
  readonly year: number;
  /** Every line, then Ej fördelat på insats where needed, then Resultat. */
  readonly rows: readonly DriftRow[];
  readonly unallocated: readonly DriftUnallocated[];
  readonly unallocatedBudget: readonly BudgetLine[];
}

interface Acc {
  intaktOre: number;
  kostnadOre: number;
  accounts: Set<string>;
}

function ledgerPerLine(summary: LedgerSummary, year: number, mapping: AccountMapping, insatser: InsatsIndex) {
  const perLine = new Map<string, Acc>();
  const unallocated: DriftUnallocated[] = [];
  const accounts = summary.byYear.get(year);
  if (!accounts) return undefined;
  for (const [account, totals] of accounts) {
    const line = mapping.place(account)?.line;
    if (!line || !accountLineIsResult(line)) continue;
    const isIncome = accountLineNature(line) === 'intäkt';
    for (const [projekt, m] of totals.movementByProjekt) {
      if (m.ore === 0) continue;
      const insats = insatser.forLedger(projekt, account);
      const key = insats ? insats.name : UNALLOCATED_LINE;
      if (!insats) unallocated.push({ year, account, projekt, ore: m.ore, cell: m.firstCell });
      const acc = perLine.get(key) ?? { intaktOre: 0, kostnadOre: 0, accounts: new Set<string>() };
      if (isIncome) acc.intaktOre -= m.ore;
      else acc.kostnadOre -= m.ore;
      acc.accounts.add(account);
      perLine.set(key, acc);
    }
  }
  return { perLine, unallocated };
}

function budgetPerLine(lines: readonly BudgetLine[], insatser: InsatsIndex) {
  const perLine = new Map<string, Money>();
  const unallocated: BudgetLine[] = [];
  for (const b of lines) {
    if (b.isBalance) continue;
    const insats = insatser.find({ projekt: b.projekt, account: b.account, name: b.name });
    const key = insats ? insats.name : UNALLOCATED_LINE;
    if (!insats) unallocated.push(b);
    perLine.set(key, moneyAdd(perLine.get(key) ?? moneyZero, moneyNeg(b.amount)));
  }
  return { perLine, unallocated };
}

export function driftredovisningBuild(args: {
  year: number;
  summary: LedgerSummary;
  mapping: AccountMapping;
  insatser: InsatsIndex;
  /** Budget rows of the year; undefined when there is no budget for it. */
  budget: readonly BudgetLine[] | undefined;
}): DriftModel {
  const { year, summary, mapping, insatser } = args;
  const current = ledgerPerLine(summary, year, mapping, insatser);
  const previous = ledgerPerLine(summary, year - 1, mapping, insatser);
  const budget = args.budget && args.budget.length > 0 ? budgetPerLine(args.budget, insatser) : undefined;

  const names: { name: string; line: InsatsLine | undefined }[] = insatser.lines.map((l) => ({ name: l.name, line: l }));
  const needsUnallocated =
    current?.perLine.has(UNALLOCATED_LINE) || previous?.perLine.has(UNALLOCATED_LINE) || budget?.perLine.has(UNALLOCATED_LINE);
  if (needsUnallocated) names.push({ name: UNALLOCATED_LINE, line: undefined });

  const rows: DriftRow[] = [];
  const total = { intakt: moneyZero, kostnad: moneyZero, budget: moneyZero, previous: moneyZero };
  for (const { name, line } of names) {
    const acc = current?.perLine.get(name);
    const intakt = moneyFromOre(acc?.intaktOre ?? 0);
    const kostnad = moneyFromOre(acc?.kostnadOre ?? 0);
    const netto = moneyAdd(intakt, kostnad);
    const budgetNetto = budget ? budget.perLine.get(name) ?? moneyZero : undefined;
    const prevAcc = previous?.perLine.get(name);
    const foregaendeAr = previous ? moneyFromOre((prevAcc?.intaktOre ?? 0) + (prevAcc?.kostnadOre ?? 0)) : undefined;
    rows.push({
      name,
      line,
      intakt,
      kostnad,
      netto,
      budget: budgetNetto,
      avvikelse: budgetNetto ? moneySub(netto, budgetNetto) : undefined,
      foregaendeAr,
      accounts: acc ? [...acc.accounts].sort() : [],
    });
    total.intakt = moneyAdd(total.intakt, intakt);
    total.kostnad = moneyAdd(total.kostnad, kostnad);
    if (budgetNetto) total.budget = moneyAdd(total.budget, budgetNetto);
    if (foregaendeAr) total.previous = moneyAdd(total.previous, foregaendeAr);
  }
  const netto = moneyAdd(total.intakt, total.kostnad);
  rows.push({
    name: 'Resultat',
    line: undefined,
    intakt: total.intakt,
    kostnad: total.kostnad,
    netto,
    budget: budget ? total.budget : undefined,
    avvikelse: budget ? moneySub(netto, total.budget) : undefined,
    foregaendeAr: previous ? total.previous : undefined,
    accounts: [],
  });
  return {
    year,
    rows,
    unallocated: [...(current?.unallocated ?? []), ...(previous?.unallocated ?? [])],
    unallocatedBudget: budget?.unallocated ?? [],
  };
}
