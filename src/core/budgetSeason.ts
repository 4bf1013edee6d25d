// The budget season's reports, from a budget alone (no books yet): the resultatbudget per year
// (the budget year, the plan years and any earlier year the sheet prints), eget kapital per
// year (IB, årets resultat, UB, in % of tilldelade medel against the ceiling and the floor),
// the driftbudget per insats and by nature with the shares per year, and the reconciliations
// behind them. Pure: the budget, the settings, the Insatser and the goals in; models out.
import type Decimal from 'decimal.js';
import { type AccountMapping } from './accounts';
import { type Budget, budgetFirstYear, budgetLinesForYear, type BudgetLine } from './budget';
import { type CellRef } from './cellref';
import { budgetLineAccountLine, columnFromBudget } from './columns';
import { yearBasesFromBudget } from './goalBasis';
import { incomeIsDriftbidrag } from './members';
import { type Goal, goalLimitInUnit } from './goals';
import { type InsatsIndex, type InsatsType, insatsTypeIsInsats } from './insatser';
import { type MeasureOutcome, measureCompute, type YearBasis } from './measures';
import { ExactDecimal, type Money, moneyAdd, moneyNeg, moneyRatio, moneySum, moneyZero } from './money';
import { type Reconciliation, reconcile } from './reconciliation';
import { RESULTATRAKNING_SPEC } from './resultatrakning';
import { type Settings } from './settings';
import { statementBuild, type StatementModel, statementRow } from './statement';

export interface SeasonColumn {
  readonly year: number;
  /** The column's header: as the plan prints it, else "Budget 2024" / "Plan 2025". */
  readonly label: string;
}

/** Eget kapital of one year against the limits. Amounts positive = eget kapital, surplus. */
export interface SeasonEquity {
  readonly year: number;
  readonly label: string;
  readonly ib?: Money;
  readonly result?: Money;
  readonly ub?: Money;
  readonly ubSource?: string;
  readonly tilldelade?: Money;
  /** UB in percent of tilldelade medel. */
  readonly percent?: Decimal;
  /** The ceiling in percent (a Mål sheet's ≤ goal on the measure, else 20 %) and in kr. */
  readonly ceilingPercent: Decimal;
  readonly ceiling?: Money;
  /** The förbund's floor: a Mål sheet's ≥ goal on eget kapital (kr) or its percentage. */
  readonly floor?: Money;
  readonly status: 'inom gränserna' | 'över taket' | 'under golvet' | 'kan ej bedömas';
}

export type DriftGroup = 'Medlemmarnas bidrag' | 'Övriga intäkter' | 'Insatser' | 'Administration och övriga kostnader' | 'Finansiella poster';

export const DRIFT_GROUPS: readonly DriftGroup[] = ['Medlemmarnas bidrag', 'Övriga intäkter', 'Insatser', 'Administration och övriga kostnader', 'Finansiella poster'];

export interface SeasonDriftRow {
  readonly name: string;
  readonly group: DriftGroup;
  readonly type?: InsatsType;
  readonly individShare?: number;
  /** Per column: report sign (intäkter positive, kostnader negative); undefined where the year has none. */
  readonly amounts: readonly (Money | undefined)[];
  readonly cells: readonly CellRef[];
}

export const SEASON_SHARES = ['Andel insatser av tilldelade medel', 'Andel individinriktade insatser', 'Andel strukturinsatser', 'Andel administration av tilldelade medel'] as const;

export interface BudgetSeason {
  readonly budgetYear: number;
  readonly sheet: string;
  readonly columns: readonly SeasonColumn[];
  /** The resultatbudget's columns: earlier years' utfall the plan prints, then `columns`. */
  readonly resultColumns: readonly SeasonColumn[];
  readonly resultatbudget: StatementModel;
  readonly equity: readonly SeasonEquity[];
  readonly drift: readonly SeasonDriftRow[];
  /** Per share, per column: the measure's value or why it is missing. */
  readonly shares: readonly { readonly name: string; readonly values: readonly MeasureOutcome[] }[];
  readonly reconciliations: readonly Reconciliation[];
  /** True when no line of the budget found an Insatser line: the shares cannot tell individ from struktur. */
  readonly insatserMissing: boolean;
}

export interface BudgetSeasonInput {
  readonly budget: Budget;
  readonly settings: Settings;
  readonly insatser: InsatsIndex;
  readonly mapping: AccountMapping;
  readonly goals?: readonly Goal[];
}

const TWENTY = new ExactDecimal(20);

function columnLabel(budget: Budget, year: number, budgetYear: number): string {
  return budget.plan?.headers.get(year) ?? (year > budgetYear ? `Plan ${year}` : `Budget ${year}`);
}

/** The ceiling and floor the förbund's goals set on eget kapital, else the 20 % rule alone. */
function limitsOf(goals: readonly Goal[]): { ceilingPercent: Decimal; floorKr?: Decimal; floorPercent?: Decimal } {
  let ceilingPercent: Decimal = TWENTY;
  let floorKr: Decimal | undefined;
  let floorPercent: Decimal | undefined;
  for (const g of goals) {
    if (!g.limit || !g.condition || g.insats !== '') continue;
    const upper = g.condition === '<=' || g.condition === '<';
    const lower = g.condition === '>=' || g.condition === '>';
    if (g.measure === 'Eget kapital i % av tilldelade medel') {
      const v = goalLimitInUnit(g.limit, 'procent');
      if (typeof v === 'string') continue;
      if (upper) ceilingPercent = v;
      if (lower) floorPercent = v;
    } else if (g.measure === 'Eget kapital' && lower) {
      const v = goalLimitInUnit(g.limit, 'kr');
      if (typeof v !== 'string') floorKr = v;
    }
  }
  return { ceilingPercent, ...(floorKr ? { floorKr } : {}), ...(floorPercent ? { floorPercent } : {}) };
}

function equityOf(basis: YearBasis | undefined, year: number, label: string, limits: ReturnType<typeof limitsOf>, budget: Budget): SeasonEquity {
  const printed = budget.plan?.equity.get(year);
  const ub = basis?.egetKapital;
  // The year's result as the eget-kapital table counts it, where it prints one (it may be finer than the driftbudget's).
  const result = printed?.result?.amount ?? basis?.aretsResultat;
  const ib = printed?.ib?.amount ?? (ub && result ? (moneyAdd(ub, moneyNeg(result)) as Money) : undefined);
  const tilldelade = basis?.tilldeladeMedel?.amount;
  const percent = ub && tilldelade ? moneyRatio(ub, tilldelade)?.times(100) : undefined;
  const ceiling = tilldelade ? (tilldelade.times(limits.ceilingPercent).dividedBy(100) as Money) : undefined;
  const floor = limits.floorKr ? (limits.floorKr as Money) : limits.floorPercent && tilldelade ? (tilldelade.times(limits.floorPercent).dividedBy(100) as Money) : undefined;
  const status: SeasonEquity['status'] = !ub || !ceiling ? 'kan ej bedömas' : ub.greaterThan(ceiling) ? 'över taket' : floor && ub.lessThan(floor) ? 'under golvet' : 'inom gränserna';
  return {
    year,
    label,
    ...(ib ? { ib } : {}),
    ...(result ? { result } : {}),
    ...(ub ? { ub } : {}),
    ...(basis?.egetKapitalSource ? { ubSource: basis.egetKapitalSource } : {}),
    ...(tilldelade ? { tilldelade } : {}),
    ...(percent ? { percent } : {}),
    ceilingPercent: limits.ceilingPercent,
    ...(ceiling ? { ceiling } : {}),
    ...(floor ? { floor } : {}),
    status,
  };
}

function groupOf(line: BudgetLine, type: InsatsType | undefined, mapping: AccountMapping, insatser: InsatsIndex): DriftGroup {
  const accountLine = budgetLineAccountLine(line, mapping, insatser);
  if (accountLine === 'Finansiella intäkter' || accountLine === 'Finansiella kostnader') return 'Finansiella poster';
  if (type === 'Medlemsbidrag' || (type === undefined && (line.medlemsbidrag || incomeIsDriftbidrag(undefined, accountLine, line.name)))) return 'Medlemmarnas bidrag';
  if (type !== undefined && insatsTypeIsInsats(type)) return 'Insatser';
  if (type === 'Finansiell post') return 'Finansiella poster';
  if (accountLine === 'Verksamhetens intäkter') return 'Övriga intäkter';
  return 'Administration och övriga kostnader';
}

function driftRows(budget: Budget, columns: readonly SeasonColumn[], mapping: AccountMapping, insatser: InsatsIndex): SeasonDriftRow[] {
  const rows = new Map<string, { name: string; group: DriftGroup; type?: InsatsType; individShare?: number; amounts: (Money | undefined)[]; cells: CellRef[] }>();
  columns.forEach(({ year }, c) => {
    for (const line of budgetLinesForYear(budget, year)) {
      if (line.isBalance) continue;
      const insats = insatser.find({ projekt: line.projekt, account: line.account, name: line.name });
      const group = groupOf(line, insats?.type, mapping, insatser);
      const name = insats?.name ?? line.name;
      const key = `${group}\u0000${name}`;
      const row = rows.get(key) ?? { name, group, ...(insats ? { type: insats.type, individShare: insats.individShare } : {}), amounts: columns.map(() => undefined), cells: [] };
      row.amounts[c] = moneyAdd(row.amounts[c] ?? moneyZero, moneyNeg(line.amount));
      row.cells.push(line.cell);
      rows.set(key, row);
    }
  });
  return [...rows.values()].sort((a, b) => DRIFT_GROUPS.indexOf(a.group) - DRIFT_GROUPS.indexOf(b.group));
}

export function budgetSeasonBuild(input: BudgetSeasonInput): BudgetSeason {
  const { budget, settings, insatser, mapping } = input;
  const budgetYear = budgetFirstYear(budget, settings.year);
  const years = [...budget.years].sort((a, b) => a - b);
  const columns = years.map((year) => ({ year, label: columnLabel(budget, year, budgetYear) }));
  // The resultatbudget also shows an earlier year's utfall where the driftbudget prints it.
  const earlier = (budget.plan?.earlier ?? []).filter((e) => e.year < budgetYear);
  const resultColumns = [...earlier.map((e) => ({ year: e.year, label: e.header })), ...columns];
  const resultatbudget = statementBuild(
    { ...RESULTATRAKNING_SPEC, title: 'Resultatbudget' },
    [...earlier.map((e) => columnFromBudget(e.header, e.lines, mapping, insatser)), ...columns.map(({ year, label }) => columnFromBudget(label, budgetLinesForYear(budget, year), mapping, insatser))],
  );
  const bases = yearBasesFromBudget(budget, settings, insatser, mapping, budgetYear);
  const basisOf = (year: number) => bases.find((b) => b.year === year);
  const limits = limitsOf(input.goals ?? []);
  // Eget kapital: the years the plan prints it for (utfall, prognos) before the budget's own.
  const equityYears = [...new Set([...(budget.plan ? [...budget.plan.equity.keys()] : []), ...years])].sort((a, b) => a - b);
  const equity = equityYears.map((year) => {
    const printed = budget.plan?.equity.get(year);
    if (!years.includes(year) && printed) {
      const label = printed.header;
      const ub = printed.ub?.amount ?? (printed.ib && printed.result ? moneyAdd(printed.ib.amount, printed.result.amount) : undefined);
      const pseudo = { year, kind: 'budget', lines: [], members: [], ...(ub ? { egetKapital: ub, egetKapitalSource: printed.ub?.source ?? 'IB + årets resultat enligt planen' } : {}), ...(printed.result ? { aretsResultat: printed.result.amount } : {}) } as YearBasis;
      return equityOf(pseudo, year, label, limits, budget);
    }
    return equityOf(basisOf(year), year, columnLabel(budget, year, budgetYear), limits, budget);
  });
  const drift = driftRows(budget, columns, mapping, insatser);
  const insatserMissing = !budget.lines.some((l) => !l.isBalance && insatser.find({ projekt: l.projekt, account: l.account, name: l.name }) !== undefined);
  // Without insatser every cost would count as administration and none as insats: no share at all.
  const shares = SEASON_SHARES.map((name) => ({
    name,
    values: columns.map(({ year }): MeasureOutcome => (insatserMissing ? { measure: name, year, missing: 'bladet Insatser saknas eller känner inte igen någon rad i budgeten' } : measureCompute(name, basisOf(year)!))),
  }));

  // Reconciliations: the sheet's own sums and results, then the reports against the plan's figures.
  const reconciliations: Reconciliation[] = [...budget.checks];
  columns.forEach(({ year, label }, c) => {
    const computed = statementRow(resultatbudget, 'Årets resultat')?.amounts[c + earlier.length];
    const printed = budget.plan?.results.get(year);
    if (computed && printed) {
      // Rows printed rounded to the plan's unit may miss its result by half a unit each.
      const lines = budgetLinesForYear(budget, year).filter((l) => !l.isBalance).length;
      const tolerance = new ExactDecimal(budget.plan?.unitKronor ?? 1).times(lines).dividedBy(2);
      const rec = reconcile(`resultatbudget-resultat-${year}`, `Resultatbudget ${label}: årets resultat (summan av budgetens rader) = planens resultat (${printed.source})`, computed, printed.amount, [printed.cell]);
      const rounding = !rec.passed && rec.difference.abs().lte(tolerance);
      reconciliations.push(rounding ? { ...rec, name: `${rec.name} — avrundning till tryckt enhet`, passed: true } : rec);
    }
    const e = equity.find((x) => x.year === year);
    const before = equity.find((x) => x.year === year - 1);
    if (e?.ib && before?.ub && budget.plan?.equity.get(year)?.ib) {
      reconciliations.push(reconcile(`balansbudget-ib-${year}`, `Balansbudget ${label}: eget kapital vid årets början = föregående års eget kapital vid årets slut`, before.ub, e.ib, [budget.plan.equity.get(year)!.ib!.cell]));
    }
    const printedEquity = budget.plan?.equity.get(year);
    if (e?.ub && e.result && printedEquity?.ib && printedEquity.ub) {
      reconciliations.push(reconcile(`balansbudget-ub-${year}`, `Balansbudget ${label}: eget kapital vid årets slut = IB + årets resultat (${printedEquity.result ? printedEquity.result.source : 'budgetens resultat'})`, moneyAdd(printedEquity.ib.amount, e.result), e.ub, [printedEquity.ub.cell]));
    }
  });
  return { budgetYear, sheet: budget.sheet, columns, resultColumns, resultatbudget, equity, drift, shares, reconciliations, insatserMissing };
}

/** Sum of a drift group in one column (report sign). */
export function driftGroupTotal(rows: readonly SeasonDriftRow[], group: DriftGroup, c: number): Money | undefined {
  const amounts = rows.filter((r) => r.group === group).map((r) => r.amounts[c]).filter((a): a is Money => a !== undefined);
  return amounts.length > 0 ? moneySum(amounts) : undefined;
}
