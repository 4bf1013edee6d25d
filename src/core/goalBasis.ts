// The basis the measures are computed on, for one year: from a bokslut (the books of the
// report year and the year before) or from a budget (each budget and plan year, eget kapital
// projected from the balansbudget's IB plus each year's budgeted result).
import { type AccountMapping } from './accounts';
import { type Bokslut } from './bokslut';
import { balanskravResult } from './balanskrav';
import { type Budget, budgetLinesForYear, type PlanEquity } from './budget';
import { budgetLineAccountLine } from './columns';
import { type InsatsIndex } from './insatser';
import { type Money, moneyAdd, moneyFormatKr, moneyFromOre, moneyNeg, moneySum, moneyZero } from './money';
import { type BasisLine, type YearBasis } from './measures';
import { driftbidragMembersComplete, incomeIsDriftbidrag, type MemberIncome } from './members';
import { type Settings } from './settings';
import { statementRow } from './statement';

/**
 * Tilldelade medel of a year: Inställningar's value for the year, else the Medlemsbidrag
 * lines, else `fallback` (a budget's driftbidrag rows).
 */
export function tilldeladeMedelForYear(settings: Settings, year: number, medlemsbidrag: Money | undefined, fallback?: { amount: Money; source: string }): YearBasis['tilldeladeMedel'] {
  const given = settings.tilldeladeMedel.get(year);
  if (given) return { amount: given, source: 'Inställningar' };
  if (medlemsbidrag && !medlemsbidrag.isZero()) return { amount: medlemsbidrag, source: `summan av medlemsbidragen ${year}` };
  return fallback;
}

/** What a year's basis reads from a bokslut: its statements, not the bases built from them. */
export type BokslutStatements = Omit<Bokslut, 'bases' | 'nyckeltal' | 'flerarsoversikt' | 'noter' | 'reconciliations'>;

/** What the books' bases need beside the statements. */
export interface BasisContext {
  readonly settings: Settings;
  readonly accountNames: ReadonlyMap<string, string>;
  readonly mapping: AccountMapping;
  readonly insatser: InsatsIndex;
}

/** The books: column 0 the report year, column 1 the year before (when the ledger holds it). */
export function yearBasisFromBokslut(bokslut: BokslutStatements, context: BasisContext, column: 0 | 1): YearBasis | undefined {
  const { settings, accountNames, mapping, insatser } = context;
  const year = bokslut.year - column;
  const position = bokslut.positions.get(year);
  if (!position) return undefined;
  const rr = (name: string, col: number = column) => statementRow(bokslut.resultatrakning, name)?.amounts[col];
  const br = (name: string) => statementRow(bokslut.balansrakning, name)?.amounts[column];
  const lines: BasisLine[] = [];
  let medlemsbidrag = moneyZero;
  for (const row of bokslut.driftredovisning.rows) {
    if (row.name === 'Resultat') continue;
    const netto = column === 0 ? row.netto : row.foregaendeAr;
    if (!netto) continue;
    lines.push({ name: row.name, type: row.line?.type, individShare: row.line?.individShare ?? 0, cost: moneyNeg(netto) });
    if (row.line?.type === 'Medlemsbidrag') medlemsbidrag = moneyAdd(medlemsbidrag, netto);
  }
  const driftbidrag = [...position.movement.entries()]
    .map(([account, ore]) => ({ account, name: accountNames.get(account) ?? '', amount: moneyNeg(moneyFromOre(ore)) }))
    .filter((income) => incomeIsDriftbidrag(insatser.byAccount(income.account), mapping.place(income.account)?.line, income.name));
  const hasBudget = column === 0 && rr('Årets resultat', 2) !== undefined;
  return {
    year,
    kind: 'utfall',
    egetKapital: br('Summa eget kapital'),
    summaTillgangar: br('Summa tillgångar'),
    aretsResultat: rr('Årets resultat'),
    balanskravsresultat: balanskravResult(bokslut.balanskrav, column),
    budgetResultat: hasBudget ? rr('Årets resultat', 2) : undefined,
    kostnader: rr('Verksamhetens kostnader'),
    budgetKostnader: hasBudget ? rr('Verksamhetens kostnader', 2) : undefined,
    langfristigaSkulder: br('Långfristiga skulder'),
    tilldeladeMedel: tilldeladeMedelForYear(settings, year, medlemsbidrag),
    tilldeladeMedelNastaAr: column === 0 ? settings.tilldeladeMedelNextYear : settings.tilldeladeMedel.get(year + 1),
    lines,
    members: driftbidragMembersComplete(settings.members, driftbidrag),
  };
}

/** Eget kapital accounts of a balansbudget (class 20), without the årets-resultat row. */
function isEquityIB(account: string | undefined, name: string): boolean {
  if (/årets resultat/i.test(name)) return false;
  if (account) return account.startsWith('20') && account !== '2020' && !account.startsWith('209');
  return /eget kapital/i.test(name) && !/^ub\b/i.test(name);
}

/**
 * Eget kapital at a year's end in a printed plan: its UB where printed, else its IB plus the
 * year's result, else the year before's plus the result.
 */
function planEquityOf(printed: PlanEquity | undefined, before: { amount: Money } | undefined, result: Money, year: number): { amount: Money; source: string } | undefined {
  if (printed?.ub) return { amount: printed.ub.amount, source: `eget kapital vid årets slut enligt planen, ${printed.ub.source}` };
  if (printed?.ib) return { amount: moneyAdd(printed.ib.amount, result), source: `IB ${moneyFormatKr(printed.ib.amount)} (${printed.ib.source}) + budgeterat resultat ${moneyFormatKr(result)}` };
  if (before) return { amount: moneyAdd(before.amount, result), source: `eget kapital ${year - 1} ${moneyFormatKr(before.amount)} + budgeterat resultat ${moneyFormatKr(result)}` };
  return undefined;
}

/** The members' money as a printed plan states it in a row of its own ("Intäkter medlemmarna"). */
function planMembers(budget: Budget, year: number): Money | undefined {
  return budget.plan?.membersMoney.get(year)?.amount;
}

/** Each year of a budget. `firstYear` is the budget year: eget kapital is projected from its IB. */
export function yearBasesFromBudget(budget: Budget, settings: Settings, insatser: InsatsIndex, mapping: AccountMapping, firstYear: number): YearBasis[] {
  const bases: YearBasis[] = [];
  let projected: { amount: Money; source: string } | undefined;
  for (const year of [...budget.years].sort((a, b) => a - b)) {
    const rows = budgetLinesForYear(budget, year);
    const perLine = new Map<string, BasisLine>();
    const driftbidragRows: MemberIncome[] = [];
    let resultLedger = moneyZero;
    let medlemsbidrag = moneyZero;
    let driftbidrag = moneyZero;
    for (const r of rows) {
      if (r.isBalance) continue;
      resultLedger = moneyAdd(resultLedger, r.amount);
      const line = insatser.find({ projekt: r.projekt, account: r.account, name: r.name });
      const accountLine = budgetLineAccountLine(r, mapping, insatser);
      const income = accountLine === 'Verksamhetens intäkter';
      if (income) driftbidrag = moneyAdd(driftbidrag, moneyNeg(r.amount));
      const member = line ? line.type === 'Medlemsbidrag' : r.medlemsbidrag === true;
      if (member || incomeIsDriftbidrag(line, accountLine, r.name)) driftbidragRows.push({ account: r.account ?? '', name: r.name, amount: moneyNeg(r.amount) });
      if (member) medlemsbidrag = moneyAdd(medlemsbidrag, moneyNeg(r.amount));
      if (!line && income) continue;
      const key = line?.name ?? r.name;
      const prev = perLine.get(key);
      perLine.set(key, { name: key, type: line?.type, individShare: line?.individShare ?? 0, cost: moneyAdd(prev?.cost ?? moneyZero, r.amount) });
    }
    const printedResult = budget.plan?.results.get(year);
    const result = printedResult?.amount ?? moneyNeg(resultLedger);
    const ib = rows.filter((r) => r.isBalance && isEquityIB(r.account, r.name));
    const ibAmount = ib.length > 0 ? moneyNeg(moneySum(ib.map((r) => r.amount))) : undefined;
    let egetKapital: { amount: Money; source: string } | undefined;
    const planEquity = budget.plan?.equity.get(year);
    if (budget.plan) {
      egetKapital = planEquityOf(planEquity, projected, result, year);
    } else if (year <= firstYear || !projected) {
      egetKapital = ibAmount ? { amount: moneyAdd(ibAmount, result), source: `IB ${moneyFormatKr(ibAmount)} + budgeterat resultat ${moneyFormatKr(result)}` } : undefined;
    } else {
      egetKapital = { amount: moneyAdd(projected.amount, result), source: `eget kapital ${year - 1} ${moneyFormatKr(projected.amount)} + budgeterat resultat ${moneyFormatKr(result)}` };
    }
    if (year >= firstYear || budget.plan) projected = egetKapital;
    bases.push({
      year,
      kind: 'budget',
      egetKapital: egetKapital?.amount,
      egetKapitalSource: egetKapital?.source,
      aretsResultat: result,
      tilldeladeMedel: tilldeladeMedelForYear(settings, year, planMembers(budget, year) ?? medlemsbidrag, driftbidrag.isZero() ? undefined : { amount: driftbidrag, source: `summan av driftbidragen i budgeten ${year}` }),
      tilldeladeMedelNastaAr: settings.tilldeladeMedel.get(year + 1) ?? (year === settings.year ? settings.tilldeladeMedelNextYear : undefined),
      lines: [...perLine.values()],
      members: driftbidragMembersComplete(settings.members, driftbidragRows),
    });
  }
  return bases;
}
