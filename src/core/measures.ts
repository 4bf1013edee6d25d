// The financial measures a goal's Mått can name, each computed from one year's basis (the
// books of a year, or a budget year) with the figures it rests on spelled out in Swedish.
// Values are exact; percentages are in percent (28.97…, not 0.2897).
import type Decimal from 'decimal.js';
import { type MeasureUnit } from './goals';
import { type InsatsType, insatsTypeIsInsats } from './insatser';
import { soliditetPercent } from './keyFigures';
import { ExactDecimal, type Money, moneyAdd, moneyFormatKr, moneyRatio, moneySub, moneySum } from './money';

/** One line's net cost in a year (positive = cost), typed as its Insatser line. */
export interface BasisLine {
  readonly name: string;
  /** Undefined: the amount found no Insatser line. */
  readonly type: InsatsType | undefined;
  readonly individShare: number;
  readonly cost: Money;
}

export interface YearBasis {
  readonly year: number;
  readonly kind: 'utfall' | 'budget';
  readonly egetKapital?: Money;
  /** How eget kapital was found, for the Underlag ("IB 315 470 kr + budgeterat resultat 0 kr"). */
  readonly egetKapitalSource?: string;
  readonly summaTillgangar?: Money;
  readonly aretsResultat?: Money;
  /** From the Balanskravsresultat table (books); a budget's is its result. */
  readonly balanskravsresultat?: Money;
  /** The budget's result for the year, when the books are measured against a budget. */
  readonly budgetResultat?: Money;
  readonly kostnader?: Money;
  readonly budgetKostnader?: Money;
  readonly langfristigaSkulder?: Money;
  readonly tilldeladeMedel?: { readonly amount: Money; readonly source: string };
  readonly tilldeladeMedelNastaAr?: Money;
  readonly lines: readonly BasisLine[];
  /** Driftbidrag per member, where the accounts tell the members apart. */
  readonly members: readonly { readonly name: string; readonly amount: Money }[];
}

export interface MeasureValue {
  readonly measure: string;
  readonly year: number;
  readonly unit: MeasureUnit;
  readonly value: Decimal;
  readonly underlag: string;
}

export type MeasureOutcome = MeasureValue | { readonly measure: string; readonly year: number; readonly missing: string };

export function measureIsValue(o: MeasureOutcome): o is MeasureValue {
  return 'value' in o;
}

/** Swedish percent with two decimals: "28,97 %". */
export function percentText(value: Decimal): string {
  return `${value.toFixed(2, ExactDecimal.ROUND_HALF_UP).replace('-', '−').replace('.', ',')} %`;
}

export function unitValueText(value: Decimal, unit: MeasureUnit): string {
  if (unit === 'procent') return percentText(value);
  if (unit === 'kr') return moneyFormatKr(value as Money);
  return value.isInteger() ? value.toFixed(0) : value.toFixed(2, ExactDecimal.ROUND_HALF_UP).replace('.', ',');
}

const kr = (m: Money) => moneyFormatKr(m);
const pct = (a: Money, b: Money): Decimal | undefined => moneyRatio(a, b)?.times(100);

/** `part` in percent of `whole` (not zero), with its Underlag: "Insatser 1 582 000 kr / tilldelade medel 2 586 000 kr = 61,18 %". */
function share(partLabel: string, part: Money, wholeLabel: string, whole: Money, more = ''): { value: Decimal; underlag: string } {
  const value = pct(part, whole)!;
  return { value, underlag: `${partLabel} ${kr(part)} / ${wholeLabel} ${kr(whole)} = ${percentText(value)}${more}` };
}

function isInsats(line: BasisLine): boolean {
  return line.type !== undefined && insatsTypeIsInsats(line.type);
}

/** Costs on Administration lines, or where the förbund has none, every cost outside the insats lines. */
function administration(basis: YearBasis): { amount: Money; what: string } {
  const hasAdmin = basis.lines.some((l) => l.type === 'Administration');
  const lines = hasAdmin ? basis.lines.filter((l) => l.type === 'Administration') : basis.lines.filter((l) => l.type === undefined && l.cost.isPositive());
  return { amount: moneySum(lines.map((l) => l.cost)), what: hasAdmin ? 'Administration (styrelse och kansli)' : 'Kostnader utanför insatserna' };
}

function insatser(basis: YearBasis): Money {
  return moneySum(basis.lines.filter(isInsats).map((l) => l.cost));
}

/** The insats lines weighted by their andel individinriktad. */
function individinriktat(basis: YearBasis): Money {
  return moneySum(basis.lines.filter(isInsats).map((l) => l.cost.times(l.individShare) as Money));
}

/** All costs: the insats lines and every other cost but Medlemsbidrag and Finansiell post. */
function kostnader(basis: YearBasis): Money {
  const other = basis.lines.filter((l) => !isInsats(l) && l.type !== 'Medlemsbidrag' && l.type !== 'Finansiell post' && l.cost.isPositive());
  return moneyAdd(insatser(basis), moneySum(other.map((l) => l.cost)));
}

function unallocatedText(basis: YearBasis): string {
  const open = basis.lines.filter((l) => l.type === 'Ej fördelat' && !l.cost.isZero());
  if (open.length === 0) return '';
  const total = moneySum(open.map((l) => l.cost));
  return `; ${kr(total)} är ännu inte fördelat på någon insats (${open.map((l) => l.name).join(', ')}) och räknas som 0 % individinriktat`;
}

type Compute = (b: YearBasis) => { value: Decimal; underlag: string } | string;

interface MeasureDef {
  readonly unit: MeasureUnit;
  readonly compute: Compute;
}

/** The financial measures by the name the Mått column writes (a Map: the name comes from a cell). */
const MEASURES: ReadonlyMap<string, MeasureDef> = new Map<string, MeasureDef>([
  ['Eget kapital', {
    unit: 'kr',
    compute: (b) => (b.egetKapital ? { value: b.egetKapital, underlag: `Eget kapital ${kr(b.egetKapital)}${b.egetKapitalSource ? ` (${b.egetKapitalSource})` : ''}` } : 'eget kapital saknas'),
  }],
  ['Eget kapital i % av tilldelade medel', {
    unit: 'procent',
    compute: (b) => {
      const t = b.tilldeladeMedel;
      if (!b.egetKapital) return 'eget kapital saknas';
      if (!t || t.amount.isZero()) return `tilldelade medel ${b.year} saknas (Inställningar: Tilldelade medel)`;
      return share('Eget kapital', b.egetKapital, 'tilldelade medel', t.amount);
    },
  }],
  ['Eget kapital i % av nästa års tilldelade medel', {
    unit: 'procent',
    compute: (b) => {
      if (!b.egetKapital) return 'eget kapital saknas';
      if (!b.tilldeladeMedelNastaAr || b.tilldeladeMedelNastaAr.isZero()) return 'nästa års tilldelade medel saknas (Inställningar: Tilldelade medel nästa år)';
      return share('Eget kapital', b.egetKapital, 'nästa års tilldelade medel', b.tilldeladeMedelNastaAr);
    },
  }],
  ['Soliditet', {
    unit: 'procent',
    compute: (b) => {
      if (!b.egetKapital || !b.summaTillgangar || b.summaTillgangar.isZero()) return b.kind === 'budget' ? 'budgeten har ingen balansräkning med tillgångar' : 'summa tillgångar saknas';
      const v = soliditetPercent(b.egetKapital, b.summaTillgangar)!;
      return { value: v, underlag: `Eget kapital ${kr(b.egetKapital)} / summa tillgångar ${kr(b.summaTillgangar)} = ${percentText(v)}` };
    },
  }],
  ['Årets resultat', {
    unit: 'kr',
    compute: (b) => (b.aretsResultat ? { value: b.aretsResultat, underlag: `${b.kind === 'budget' ? 'Budgeterat resultat' : 'Årets resultat'} ${kr(b.aretsResultat)}` } : 'årets resultat saknas'),
  }],
  ['Balanskravsresultat', {
    unit: 'kr',
    compute: (b) => {
      const v = b.balanskravsresultat ?? b.aretsResultat;
      if (!v) return 'årets resultat saknas';
      return { value: v, underlag: b.balanskravsresultat ? `Balanskravsresultat ${kr(v)} (tabellen Balanskravsresultat: årets resultat ${kr(b.aretsResultat ?? v)} efter balanskravsjusteringar)` : `Budgeterat resultat ${kr(v)}; budgeten har inga balanskravsjusteringar` };
    },
  }],
  ['Budgetavvikelse', {
    unit: 'kr',
    compute: (b) => {
      if (b.kind === 'budget') return 'budgetavvikelse mäts på utfallet, inte på budgeten';
      if (!b.aretsResultat || !b.budgetResultat) return `ingen budget för ${b.year}`;
      const v = moneySub(b.aretsResultat, b.budgetResultat);
      return { value: v, underlag: `Utfall netto ${kr(b.aretsResultat)} − budget ${kr(b.budgetResultat)} = ${kr(v)}` };
    },
  }],
  ['Utfall i % av budget', {
    unit: 'procent',
    compute: (b) => {
      if (b.kind === 'budget') return 'utfall i % av budget mäts på utfallet, inte på budgeten';
      if (!b.kostnader || !b.budgetKostnader || b.budgetKostnader.isZero()) return `ingen budget för verksamhetens kostnader ${b.year}`;
      return share('Verksamhetens kostnader', b.kostnader.abs() as Money, 'budget', b.budgetKostnader.abs() as Money);
    },
  }],
  ['Långfristiga skulder', {
    unit: 'kr',
    compute: (b) => (b.langfristigaSkulder ? { value: b.langfristigaSkulder, underlag: `Långfristiga skulder ${kr(b.langfristigaSkulder)}` } : b.kind === 'budget' ? 'budgeten har inga långfristiga skulder att läsa' : 'balansräkningen saknas'),
  }],
  ['Andel individinriktade insatser', {
    unit: 'procent',
    compute: (b) => {
      const all = insatser(b);
      if (all.isZero()) return `inga kostnader för insatser ${b.year}`;
      return share('Individinriktat', individinriktat(b), 'insatser', all, unallocatedText(b));
    },
  }],
  ['Andel strukturinsatser', {
    unit: 'procent',
    compute: (b) => {
      const all = insatser(b);
      if (all.isZero()) return `inga kostnader för insatser ${b.year}`;
      return share('Strukturövergripande och övriga insatser', moneySub(all, individinriktat(b)), 'insatser', all, unallocatedText(b));
    },
  }],
  ['Andel administration av kostnader', {
    unit: 'procent',
    compute: (b) => {
      const admin = administration(b);
      const total = kostnader(b);
      if (total.isZero()) return `inga kostnader ${b.year}`;
      return share(admin.what, admin.amount, 'kostnader', total);
    },
  }],
  ['Andel insatser av kostnader', {
    unit: 'procent',
    compute: (b) => {
      const all = insatser(b);
      const total = kostnader(b);
      if (total.isZero()) return `inga kostnader ${b.year}`;
      return share('Insatser', all, 'kostnader', total);
    },
  }],
  ['Andel administration av tilldelade medel', {
    unit: 'procent',
    compute: (b) => {
      const t = b.tilldeladeMedel;
      if (!t || t.amount.isZero()) return `tilldelade medel ${b.year} saknas`;
      const admin = administration(b);
      return share(admin.what, admin.amount, 'tilldelade medel', t.amount);
    },
  }],
  ['Andel insatser av tilldelade medel', {
    unit: 'procent',
    compute: (b) => {
      const t = b.tilldeladeMedel;
      if (!t || t.amount.isZero()) return `tilldelade medel ${b.year} saknas`;
      return share('Insatser', insatser(b), 'tilldelade medel', t.amount);
    },
  }],
]);

export const MEMBER_SHARE_MEASURE = 'Medlemmarnas andelar av driftbidraget';

/** Every financial measure's name, as the Mått column writes it. */
export const FINANCIAL_MEASURES: readonly string[] = [...MEASURES.keys(), MEMBER_SHARE_MEASURE];

export function measureUnit(measure: string): MeasureUnit | undefined {
  if (measure === MEMBER_SHARE_MEASURE) return 'procent';
  return MEASURES.get(measure)?.unit;
}

/** The canonical name of a financial measure written with other case or spacing, if any. */
export function measureCanonical(written: string): string | undefined {
  const key = written.toLowerCase().replace(/\s+/g, ' ').trim();
  return FINANCIAL_MEASURES.find((m) => m.toLowerCase() === key);
}

/** One member's share of the driftbidrag (`member` as the Insats column names it). */
function memberShare(b: YearBasis, member: string): MeasureOutcome {
  const total = moneySum(b.members.map((m) => m.amount));
  const found = b.members.find((m) => m.name.toLowerCase() === member.toLowerCase());
  if (!found || total.isZero()) return { measure: MEMBER_SHARE_MEASURE, year: b.year, missing: b.members.length === 0 ? 'driftbidraget går inte att dela upp per medlem (ange medlemmarnas konton i Inställningar)' : `medlemmen ${member} finns inte bland ${b.members.map((m) => m.name).join(', ')}` };
  return { measure: MEMBER_SHARE_MEASURE, year: b.year, unit: 'procent', ...share(found.name, found.amount, 'driftbidrag', total) };
}

/** A financial measure for one year; `insats` names the member for the member-share measure. */
export function measureCompute(measure: string, basis: YearBasis, insats = ''): MeasureOutcome {
  if (measure === MEMBER_SHARE_MEASURE) return memberShare(basis, insats);
  const def = MEASURES.get(measure);
  if (!def) return { measure, year: basis.year, missing: `måttet ${measure} är okänt` };
  const r = def.compute(basis);
  if (typeof r === 'string') return { measure, year: basis.year, missing: r };
  return { measure, year: basis.year, unit: def.unit, value: r.value, underlag: r.underlag };
}

/** Every measure that can be computed for the year (members one by one), for Nyckeltal. */
export function measuresAll(basis: YearBasis): MeasureValue[] {
  const out: MeasureValue[] = [];
  for (const m of MEASURES.keys()) {
    const r = measureCompute(m, basis);
    if (measureIsValue(r)) out.push(r);
  }
  for (const member of basis.members) {
    const r = memberShare(basis, member.name);
    if (measureIsValue(r)) out.push({ ...r, measure: `${MEMBER_SHARE_MEASURE}: ${member.name}` });
  }
  return out;
}

