// The basis the measures are computed on, for one year: from a bokslut (the books of the
// report year and the year before) or from a budget (each budget and plan year, eget kapital
// projected from the balansbudget's IB plus each year's budgeted result).
import { type AccountMapping, accountLineNature } from './accounts';
import { type Bokslut } from './bokslut';
import { balanskravResult } from './balanskrav';
import { type Budget, budgetLinesForYear } from './budget';
import { budgetLineAccountLine } from './columns';
import { type InsatsIndex } from './insatser';
import { type Money, moneyAdd, moneyFormatKr, moneyFromOre, moneyNeg, moneySum, moneyZero } from './money';
import { type BasisLine, type YearBasis } from './measures';
import { type Member, type Settings } from './settings';
import { statementRow } from './statement';

/** Tilldelade medel: Inställningar's value for the year, else the Medlemsbidrag lines, else the budget's driftbidrag. */
function tilldelade(settings: Settings, year: number, medlemsbidrag: Money | undefined, fallback?: { amount: Money; source: string }): YearBasis['tilldeladeMedel'] {
  const given = settings.tilldeladeMedel.get(year);
  if (given) return { amount: given, source: 'Inställningar' };
  if (medlemsbidrag && !medlemsbidrag.isZero()) return { amount: medlemsbidrag, source: `summan av medlemsbidragen ${year}` };
  return fallback;
}

/** Which member an account (by its name) belongs to: staten/Försäkringskassan, region, kommun. */
function memberKind(text: string): 'staten' | 'region' | 'kommun' | undefined {
  const t = text.toLowerCase();
  if (/stat|försäkringskassa/.test(t)) return 'staten';
  if (/region|landsting/.test(t)) return 'region';
  if (/kommun/.test(t)) return 'kommun';
  return undefined;
}

/** Driftbidrag per member: by the accounts Inställningar names, else by kind (one member per kind). */
export function membersDriftbidrag(members: readonly Member[], incomes: readonly { account: string; name: string; amount: Money }[]): { name: string; amount: Money }[] {
  if (members.length === 0 || incomes.length === 0) return [];
  const out: { name: string; amount: Money }[] = [];
  const kinds = members.map((m) => memberKind(m.name));
  for (const [i, m] of members.entries()) {
    let mine = m.accounts.length > 0 ? incomes.filter((x) => m.accounts.includes(x.account)) : [];
    if (m.accounts.length === 0) {
      const kind = kinds[i];
      if (!kind || kinds.filter((k) => k === kind).length > 1) return [];
      mine = incomes.filter((x) => memberKind(x.name) === kind);
    }
    if (mine.length === 0) return [];
    out.push({ name: m.name, amount: moneySum(mine.map((x) => x.amount)) });
  }
  return out;
}

/** The books: column 0 the report year, column 1 the year before (when the ledger holds it). */
export function yearBasisFromBokslut(bokslut: Bokslut, settings: Settings, accountNames: ReadonlyMap<string, string>, mapping: AccountMapping, column: 0 | 1): YearBasis | undefined {
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
  const incomes = [...position.movement.entries()]
    .filter(([account]) => accountLineNature(mapping.place(account)?.line ?? 'Verksamhetens kostnader') === 'intäkt' && mapping.place(account)?.line === 'Verksamhetens intäkter')
    .map(([account, ore]) => ({ account, name: accountNames.get(account) ?? '', amount: moneyNeg(moneyFromOre(ore)) }));
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
    langfristigaSkulder: br('Långfristiga skulder') ?? (br('Summa skulder') ? moneyZero : undefined),
    tilldeladeMedel: tilldelade(settings, year, medlemsbidrag),
    tilldeladeMedelNastaAr: column === 0 ? settings.tilldeladeMedelNextYear : settings.tilldeladeMedel.get(year + 1),
    lines,
    members: membersDriftbidrag(settings.members, incomes),
  };
}

/** Eget kapital accounts of a balansbudget (class 20), without the årets-resultat row. */
function isEquityIB(account: string | undefined, name: string): boolean {
  if (/årets resultat/i.test(name)) return false;
  if (account) return account.startsWith('20') && account !== '2020' && !account.startsWith('209');
  return /eget kapital/i.test(name) && !/^ub\b/i.test(name);
}

/** Each year of a budget. `firstYear` is the budget year: eget kapital is projected from its IB. */
export function yearBasesFromBudget(budget: Budget, settings: Settings, insatser: InsatsIndex, mapping: AccountMapping, firstYear: number): YearBasis[] {
  const bases: YearBasis[] = [];
  let projected: { amount: Money; source: string } | undefined;
  for (const year of [...budget.years].sort((a, b) => a - b)) {
    const rows = budgetLinesForYear(budget, year);
    const perLine = new Map<string, BasisLine>();
    const incomes: { account: string; name: string; amount: Money }[] = [];
    let resultLedger = moneyZero;
    let medlemsbidrag = moneyZero;
    let driftbidrag = moneyZero;
    for (const r of rows) {
      if (r.isBalance) continue;
      resultLedger = moneyAdd(resultLedger, r.amount);
      const line = insatser.find({ projekt: r.projekt, account: r.account, name: r.name });
      const accountLine = budgetLineAccountLine(r, mapping, insatser);
      const income = accountLine === 'Verksamhetens intäkter';
      if (income) {
        driftbidrag = moneyAdd(driftbidrag, moneyNeg(r.amount));
        incomes.push({ account: r.account ?? '', name: r.name, amount: moneyNeg(r.amount) });
      }
      if (line?.type === 'Medlemsbidrag') medlemsbidrag = moneyAdd(medlemsbidrag, moneyNeg(r.amount));
      if (!line && income) continue;
      const key = line?.name ?? r.name;
      const prev = perLine.get(key);
      perLine.set(key, { name: key, type: line?.type, individShare: line?.individShare ?? 0, cost: moneyAdd(prev?.cost ?? moneyZero, r.amount) });
    }
    // Insatser lines without a budget row this year still count (as 0).
    const result = moneyNeg(resultLedger);
    const ib = rows.filter((r) => r.isBalance && isEquityIB(r.account, r.name));
    const ibAmount = ib.length > 0 ? moneyNeg(moneySum(ib.map((r) => r.amount))) : undefined;
    let egetKapital: { amount: Money; source: string } | undefined;
    if (year <= firstYear || !projected) {
      egetKapital = ibAmount ? { amount: moneyAdd(ibAmount, result), source: `IB ${moneyFormatKr(ibAmount)} + budgeterat resultat ${moneyFormatKr(result)}` } : undefined;
    } else {
      egetKapital = { amount: moneyAdd(projected.amount, result), source: `eget kapital ${year - 1} ${moneyFormatKr(projected.amount)} + budgeterat resultat ${moneyFormatKr(result)}` };
    }
    if (year >= firstYear) projected = egetKapital;
    bases.push({
      year,
      kind: 'budget',
      egetKapital: egetKapital?.amount,
      egetKapitalSource: egetKapital?.source,
      aretsResultat: result,
      tilldeladeMedel: tilldelade(settings, year, medlemsbidrag, driftbidrag.isZero() ? undefined : { amount: driftbidrag, source: `summan av driftbidragen i budgeten ${year}` }),
      tilldeladeMedelNastaAr: settings.tilldeladeMedel.get(year + 1) ?? (year === settings.year ? settings.tilldeladeMedelNextYear : undefined),
      lines: [...perLine.values()],
      members: membersDriftbidrag(settings.members, incomes),
    });
  }
  return bases;
}
