// The machine-readable result of a run, as `finsam rapporter --json` prints it: amounts as
// decimal strings in kronor with two decimals and ASCII minus, in report sign.
import type Decimal from 'decimal.js';
import { cellRefText } from '../core/cellref';
import { type Finding } from '../core/findings';
import { type BudgetSeason } from '../core/budgetSeason';
import { measureIsValue } from '../core/measures';
import { ExactDecimal, type Money, moneyToFixed2 } from '../core/money';
import { type RunResult } from './run';

/** A decimal string with two decimals, rounded half up, ASCII minus: "-775000.00", "82.24". */
export const fixed2 = (d: Decimal | undefined): string | null => (d === undefined ? null : moneyToFixed2(d as Money));
const amount = fixed2;

/** Rows with a name and two columns (the year, the year before). */
const twoYears = (rows: readonly { name: string; amounts?: readonly (Decimal | undefined)[]; values?: readonly (Decimal | undefined)[] }[]) =>
  rows.map((r) => {
    const v = r.amounts ?? r.values ?? [];
    return { rad: r.name, utfall: fixed2(v[0]), foregaendeAr: fixed2(v[1]) };
  });

export function findingsJson(findings: readonly Finding[]): ReportsJson['fynd'] {
  return findings.map((f) => ({ kod: f.code, allvarlighet: f.severity, meddelande: f.message, celler: f.cells.map(cellRefText) }));
}

export interface ReportsJson {
  forbund: string | null;
  ar: number | null;
  rapporter: {
    resultatrakning: { rad: string; utfall: string | null; foregaendeAr: string | null; budget: string | null }[];
    balansrakning: { rad: string; utgaende: string | null; foregaendeAr: string | null }[];
    driftredovisning: { rad: string; intakt: string | null; kostnad: string | null; netto: string | null; budget: string | null; avvikelse: string | null; foregaendeAr: string | null }[];
    kassaflodesanalys: { rad: string; utfall: string | null; foregaendeAr: string | null }[];
    balanskrav: { rad: string; utfall: string | null; foregaendeAr: string | null }[];
    nyckeltal: { rad: string; utfall: string | null; foregaendeAr: string | null }[];
    flerarsoversikt: { rad: string; ar: number; belopp: string }[];
    noter: { not: number; rubrik: string; rader: { rad: string; utfall: string | null; foregaendeAr: string | null }[] }[];
  };
  /** Budget season (a budget and no books): the budget's own reports, per year. */
  budgetsasong?: {
    budgetar: number;
    resultatbudget: { rad: string; belopp: { ar: number; kolumn: string; belopp: string | null }[] }[];
    balansbudget: { ar: number; kolumn: string; ib: string | null; resultat: string | null; ub: string | null; tilldeladeMedel: string | null; procentAvTilldelade: string | null; tak: string | null; golv: string | null; bedomning: string }[];
    driftbudget: { rad: string; grupp: string; typ: string | null; belopp: { ar: number; belopp: string | null }[] }[];
    andelar: { matt: string; ar: number; varde: string | null; saknas: string | null }[];
  };
  kontroller: { id: string; namn: string; godkand: boolean; forvantat: string; faktiskt: string; differens: string }[];
  fynd: { kod: string; allvarlighet: string; meddelande: string; celler: string[] }[];
}

export function reportsJson(result: RunResult): ReportsJson {
  const b = result.bokslut;
  const withAmounts = <T extends { amounts: readonly (Money | undefined)[] }>(rows: readonly T[]) => rows.filter((r) => r.amounts.some((a) => a !== undefined));
  return {
    forbund: b?.forbund ?? result.forbund ?? null,
    ar: result.year ?? null,
    rapporter: {
      resultatrakning: b ? withAmounts(b.resultatrakning.rows).map((r) => ({ rad: r.name, utfall: amount(r.amounts[0]), foregaendeAr: amount(r.amounts[1]), budget: amount(r.amounts[2]) })) : [],
      balansrakning: b ? withAmounts(b.balansrakning.rows).map((r) => ({ rad: r.name, utgaende: amount(r.amounts[0]), foregaendeAr: amount(r.amounts[1]) })) : [],
      driftredovisning: b
        ? b.driftredovisning.rows.map((r) => ({ rad: r.name, intakt: amount(r.intakt), kostnad: amount(r.kostnad), netto: amount(r.netto), budget: amount(r.budget), avvikelse: amount(r.avvikelse), foregaendeAr: amount(r.foregaendeAr) }))
        : [],
      kassaflodesanalys: b ? twoYears(withAmounts(b.kassaflodesanalys.rows)) : [],
      noter: b ? b.noter.map((n) => ({ not: n.number, rubrik: n.title, rader: twoYears([...n.rows, { name: 'Summa', amounts: n.total }]) })) : [],
      flerarsoversikt: b ? [...b.flerarsoversikt.rows.entries()].flatMap(([rad, years]) => [...years.entries()].sort(([a], [c]) => a - c).map(([ar, v]) => ({ rad, ar, belopp: fixed2(v.value) as string }))) : [],
      nyckeltal: twoYears(b?.nyckeltal ?? []),
      balanskrav: b ? twoYears(withAmounts(b.balanskrav.rows)) : [],
    },
    ...(result.season ? { budgetsasong: seasonJson(result.season) } : {}),
    kontroller: (b?.reconciliations ?? result.season?.reconciliations ?? []).map((r) => ({ id: r.id, namn: r.name, godkand: r.passed, forvantat: moneyToFixed2(r.expected), faktiskt: moneyToFixed2(r.actual), differens: moneyToFixed2(r.difference) })),
    fynd: findingsJson(result.findings),
  };
}

function seasonJson(season: BudgetSeason): NonNullable<ReportsJson['budgetsasong']> {
  const opt = (m: Money | undefined) => (m ? moneyToFixed2(m) : null);
  return {
    budgetar: season.budgetYear,
    resultatbudget: season.resultatbudget.rows.filter((r) => r.amounts.some((a) => a !== undefined)).map((r) => ({ rad: r.name, belopp: season.resultColumns.map((c, i) => ({ ar: c.year, kolumn: c.label, belopp: opt(r.amounts[i]) })) })),
    balansbudget: season.equity.map((e) => ({ ar: e.year, kolumn: e.label, ib: opt(e.ib), resultat: opt(e.result), ub: opt(e.ub), tilldeladeMedel: opt(e.tilldelade), procentAvTilldelade: e.percent ? e.percent.toFixed(2, ExactDecimal.ROUND_HALF_UP) : null, tak: opt(e.ceiling), golv: opt(e.floor), bedomning: e.status })),
    driftbudget: season.drift.map((r) => ({ rad: r.name, grupp: r.group, typ: r.type ?? null, belopp: season.columns.map((c, i) => ({ ar: c.year, belopp: opt(r.amounts[i]) })) })),
    andelar: season.shares.flatMap((s) => s.values.map((v) => ({ matt: s.name, ar: v.year, varde: measureIsValue(v) ? v.value.toFixed(2, ExactDecimal.ROUND_HALF_UP) : null, saknas: measureIsValue(v) ? null : v.missing }))),
  };
}
