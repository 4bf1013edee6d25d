// Flerårsöversikt: five years of intäkter, kostnader, årets resultat, soliditet, eget kapital
// i % av tilldelade medel and utgående eget kapital — from the books where the ledger holds
// the year, from the Historik sheet for older years — and the check that each year's eget
// kapital follows from the year before plus the year's result.
import type Decimal from 'decimal.js';
import { type AccountMapping, BR_ASSET_LINES } from './accounts';
import { type CellRef } from './cellref';
import { type Finding, finding } from './findings';
import { type InsatsIndex } from './insatser';
import { tilldeladeMedelForYear } from './goalBasis';
import { soliditetPercent } from './keyFigures';
import { type Money, moneyAdd, moneyFormatKr, moneyFromOre, moneyRatio } from './money';
import { positionOreOnLines, type YearPosition } from './positions';
import { reconcile, type Reconciliation } from './reconciliation';
import { type Settings } from './settings';

export const FLERARS_ROWS = ['Verksamhetens intäkter', 'Verksamhetens kostnader', 'Årets resultat', 'Soliditet', 'Eget kapital i % av tilldelade medel', 'Utgående eget kapital'] as const;
export type FlerarsRowName = (typeof FLERARS_ROWS)[number];
export const FLERARS_PERCENT_ROWS: readonly FlerarsRowName[] = ['Soliditet', 'Eget kapital i % av tilldelade medel'];

/** One figure of one year: kronor for amounts, percent for the two ratios. */
export interface FlerarsValue {
  readonly value: Decimal;
  readonly source: 'huvudbok' | 'historik';
  readonly cell?: CellRef;
}

/** A Historik sheet as read: per row name and year, the figure and its cell. */
export type History = ReadonlyMap<FlerarsRowName, ReadonlyMap<number, { value: Decimal; cell: CellRef }>>;

export interface Flerarsoversikt {
  readonly years: readonly number[];
  readonly rows: ReadonlyMap<FlerarsRowName, ReadonlyMap<number, FlerarsValue>>;
  readonly reconciliations: readonly Reconciliation[];
  readonly findings: readonly Finding[];
}

/** The figures of a year the ledger holds. */
function fromBooks(p: YearPosition, mapping: AccountMapping, insatser: InsatsIndex, settings: Settings): Map<FlerarsRowName, Decimal> {
  const out = new Map<FlerarsRowName, Decimal>();
  out.set('Verksamhetens intäkter', moneyFromOre(-positionOreOnLines(p.movement, mapping, ['Verksamhetens intäkter'])));
  out.set('Verksamhetens kostnader', moneyFromOre(-positionOreOnLines(p.movement, mapping, ['Verksamhetens kostnader'])));
  out.set('Årets resultat', p.result);
  out.set('Utgående eget kapital', p.equity);
  const assets = moneyFromOre(positionOreOnLines(p.ub, mapping, BR_ASSET_LINES));
  const sol = soliditetPercent(p.equity, assets);
  if (sol) out.set('Soliditet', sol);
  let medlemsOre = 0;
  for (const [account, ore] of p.movement) if (insatser.byAccount(account)?.type === 'Medlemsbidrag') medlemsOre -= ore;
  const tm = tilldeladeMedelForYear(settings, p.year, moneyFromOre(medlemsOre))?.amount;
  const share = tm ? moneyRatio(p.equity, tm)?.times(100) : undefined;
  if (share) out.set('Eget kapital i % av tilldelade medel', share);
  return out;
}

export function flerarsBuild(args: { year: number; positions: ReadonlyMap<number, YearPosition>; mapping: AccountMapping; insatser: InsatsIndex; settings: Settings; history: History | undefined }): Flerarsoversikt {
  const years = [4, 3, 2, 1, 0].map((d) => args.year - d);
  const rows = new Map<FlerarsRowName, Map<number, FlerarsValue>>(FLERARS_ROWS.map((r) => [r, new Map()]));
  for (const year of years) {
    const p = args.positions.get(year);
    if (p) {
      for (const [name, value] of fromBooks(p, args.mapping, args.insatser, args.settings)) rows.get(name)!.set(year, { value, source: 'huvudbok' });
      continue;
    }
    for (const name of FLERARS_ROWS) {
      const h = args.history?.get(name)?.get(year);
      if (h) rows.get(name)!.set(year, { value: h.value, source: 'historik', cell: h.cell });
    }
  }
  // Eget kapital follows from the year before plus the year's result.
  const reconciliations: Reconciliation[] = [];
  const findings: Finding[] = [];
  const equity = rows.get('Utgående eget kapital')!;
  const result = rows.get('Årets resultat')!;
  for (const year of years.slice(1)) {
    const before = equity.get(year - 1);
    const now = equity.get(year);
    const res = result.get(year);
    if (!before || !now || !res) continue;
    const expected = moneyAdd(before.value as Money, res.value as Money);
    const cells = [now.cell, before.cell, res.cell].filter((c): c is CellRef => c !== undefined);
    const r = reconcile(`flerar-eget-kapital-${year}`, `Flerårsöversikt: utgående eget kapital ${year} = eget kapital ${year - 1} + årets resultat ${year}`, expected, now.value as Money, cells);
    reconciliations.push(r);
    if (!r.passed) {
      findings.push(finding('eget-kapital-serie-bruten', `Flerårsöversikten går inte ihop ${year}: eget kapital ${year - 1} ${moneyFormatKr(before.value as Money)} + årets resultat ${moneyFormatKr(res.value as Money)} = ${moneyFormatKr(expected)}, men utgående eget kapital ${year} är ${moneyFormatKr(now.value as Money)} (skillnad ${moneyFormatKr(r.difference)}).`, cells));
    }
  }
  return { years, rows, reconciliations, findings };
}
