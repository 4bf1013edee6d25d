// Rows of percentages recomputed from what their label names, at the printed decimals:
// eget kapital in % of the members' money (tilldelade medel, intäkter medlemmarna) or of
// summa tillgångar (soliditet); shares such as "Andel individinriktade insatser" or
// "Administration i % av tilldelade medel" from the rows they name. Where the label leaves a
// choice open (which year-end, which whole), the definition the print matches is taken and
// named; where none matches, the check says which definitions were tried and what they give.
// Amount rows whose label names a share ("… 20 % av de tilldelade medlen") are checked too.
import type Decimal from 'decimal.js';
import { ExactDecimal } from '../../core/money';
import { type EquityReading } from './equityChecks';
import { amountCheck, percentCheck, percentText, roundPoints, rowName } from './status';
import { amountAt, roundingTolerance, type TableStructure } from './structure';
import { type GranskaCheck, type GranskaColumn, type GranskaRow } from './types';
import { fold, isMembersTotalLabel, natureOf, normal, sumSubject } from './words';

/** The members' money for a column from outside the table (the result table above), positive, in this table's unit. */
export type MembersSource = (column: GranskaColumn) => { value: Decimal; name: string } | undefined;

interface Figure {
  readonly name: string;
  readonly value: Decimal;
}

const points = (num: Decimal, den: Decimal) => num.dividedBy(den).times(100);
const MEMBERS_WORDS = /tilldelade|tilldelat|medlem|driftbidrag|driftsbidrag/;

function membersOf(s: TableStructure, c: number, column: GranskaColumn, external: MembersSource): Figure | undefined {
  const { table } = s;
  const i = table.rows.findIndex((r, k) => r.kind === 'data' && isMembersTotalLabel(r.label) && amountAt(table, k, c) !== undefined);
  if (i >= 0) return { value: amountAt(table, i, c)!.abs(), name: normal(rowName(table.rows[i]!)) };
  const own = table.rows.findIndex((r, k) => r.kind === 'summa' && MEMBERS_WORDS.test(normal(r.label)) && amountAt(table, k, c) !== undefined);
  if (own >= 0) return { value: amountAt(table, own, c)!.abs(), name: normal(rowName(table.rows[own]!)) };
  return external(column);
}

function assetsOf(s: TableStructure, c: number): Figure | undefined {
  const { table } = s;
  const i = table.rows.findIndex((r) => r.kind === 'summa' && (fold(sumSubject(r.label)) === 'tillgångar' || natureOf(sumSubject(r.label)) === 'tillgång'));
  const v = i >= 0 ? amountAt(table, i, c) : undefined;
  return v ? { value: v.abs(), name: normal(rowName(table.rows[i]!)) } : undefined;
}

/**
 * The check of one printed share: against `primary`, or, where the label leaves the choice
 * open, against the first of `open` that the print matches; the note names what matched.
 */
function shareCheck(s: TableStructure, r: GranskaRow, c: number, primary: Figure, den: Figure, open: readonly Figure[], others: readonly Figure[]): GranskaCheck | undefined {
  const printed = r.values[c];
  if (printed?.kind !== 'procent' || den.value.isZero()) return undefined;
  const matches = (f: Figure) => roundPoints(points(f.value, den.value), printed.decimals).equals(printed.value);
  const chosen = matches(primary) ? primary : open.find(matches) ?? primary;
  let note: string | undefined;
  if (chosen !== primary) note = `räknat på ${chosen.name}, som det tryckta talet`;
  else if (!matches(primary)) {
    const rest = [...open, ...others].filter((f) => f !== primary);
    const match = rest.find(matches);
    note = match
      ? `det tryckta talet motsvarar ${match.name} i procent av ${den.name}: ${percentText(points(match.value, den.value))}`
      : `det tryckta talet motsvarar ingen av definitionerna${rest.length > 0 ? ` (${rest.map((f) => `${f.name} ${percentText(points(f.value, den.value))}`).join(', ')})` : ''}`;
  }
  return percentCheck({
    table: s.table,
    row: r,
    column: s.table.columns[c]!,
    kind: 'procent',
    kontroll: `${rowName(r)} = ${chosen.name} / ${den.name}`,
    exact: points(chosen.value, den.value),
    printed: printed.value,
    decimals: printed.decimals,
    note,
  });
}

function equityShares(s: TableStructure, r: GranskaRow, equity: EquityReading, external: MembersSource): GranskaCheck[] {
  const { table } = s;
  const label = normal(r.label);
  const out: GranskaCheck[] = [];
  table.columns.forEach((column, c) => {
    const den = /soliditet|tillgång/.test(label) ? assetsOf(s, c) : membersOf(s, c, column, external);
    if (!den) return;
    const end = equity.end(c);
    const start = equity.start(c);
    const result = equity.result !== undefined ? amountAt(table, equity.result, c) : undefined;
    const atEnd = end ? { name: 'eget kapital vid årets slut', value: end.times(equity.factor) } : undefined;
    const atStart = start ? { name: 'eget kapital vid årets början', value: start.times(equity.factor) } : undefined;
    const others = result ? [{ name: 'årets resultat utan tecken', value: result.abs() }] : [];
    // The label may say which: "IB", "ingående", "vid ingången"; else the year-end, or the start where the print is that.
    const wantsStart = /\bib\b|ingående|ingång|början/.test(label);
    const primary = wantsStart ? atStart ?? atEnd : atEnd ?? atStart;
    if (!primary) return;
    const open = wantsStart ? [] : [atEnd, atStart].filter((f): f is Figure => f !== undefined && f !== primary);
    const check = shareCheck(s, r, c, primary, den, open, others);
    if (check) out.push(check);
  });
  return out;
}

/** Significant words of a name, cut to a stem: "individinriktade insatser" → ["indivi", "insats"]. */
function stems(text: string): string[] {
  return normal(text)
    .split(/[^a-zåäöéü]+/)
    .filter((w) => w.length >= 4 && !/^(andel|andelen|procent|summa|totalt|varav|samt|till|från|inom|för|av|och)$/.test(w))
    .map((w) => w.slice(0, 6));
}

/** The amount rows a name points at, sum rows first. */
function rowsNamed(s: TableStructure, name: string, except: number): number[] {
  const want = stems(name);
  if (want.length === 0) return [];
  const found = s.table.rows
    .map((r, i) => ({ r, i }))
    .filter(({ r, i }) => i !== except && (r.kind === 'data' || r.kind === 'summa' || r.kind === 'resultat'))
    .filter(({ r }) => {
      const have = stems(r.kind === 'summa' ? sumSubject(r.label) : r.label);
      return want.every((w) => have.some((h) => h.startsWith(w) || w.startsWith(h)));
    });
  return [...found.filter(({ r }) => r.kind === 'summa'), ...found.filter(({ r }) => r.kind !== 'summa')].map(({ i }) => i);
}

/** The innermost sum or result row whose span holds row k. */
function enclosingSum(s: TableStructure, k: number): number | undefined {
  let best: number | undefined;
  for (const [i, start] of s.spanStart) if (i > k && start <= k && (best === undefined || i < best)) best = i;
  return best;
}

function namedShares(s: TableStructure, r: GranskaRow, i: number, external: MembersSource): GranskaCheck[] {
  const { table } = s;
  const label = normal(r.label)
    .replace(/\(%\)|\bi\s+(%|procent)\b|%|\bprocent\b/g, ' ')
    .replace(/^andel(en)?\s+(av\s+)?/, '')
    .trim();
  const split = /^(.*?)\s+av\s+(.+)$/.exec(label);
  const subject = split?.[1] ?? label;
  const whole = split?.[2];
  const num = rowsNamed(s, subject, i)[0];
  if (num === undefined) return [];
  const out: GranskaCheck[] = [];
  table.columns.forEach((column, c) => {
    const numValue = amountAt(table, num, c);
    if (!numValue) return;
    const numFigure = { name: normal(rowName(table.rows[num]!)), value: numValue.abs() };
    const figureOf = (k: number | undefined): Figure | undefined => {
      const v = k === undefined ? undefined : amountAt(table, k, c);
      return v && !v.isZero() ? { name: normal(rowName(table.rows[k!]!)), value: v.abs() } : undefined;
    };
    let wholes: Figure[];
    if (whole !== undefined) {
      const named = MEMBERS_WORDS.test(whole) ? membersOf(s, c, column, external) : figureOf(rowsNamed(s, whole, i)[0]);
      if (!named) return;
      wholes = [named];
    } else {
      // The label names no whole: the block the row stands in, or the members' money.
      wholes = [figureOf(enclosingSum(s, num)), membersOf(s, c, column, external)].filter((f): f is Figure => f !== undefined);
      if (wholes.length === 0) return;
    }
    const printed = r.values[c];
    if (printed?.kind !== 'procent') return;
    const matching = wholes.find((w) => roundPoints(points(numFigure.value, w.value), printed.decimals).equals(printed.value)) ?? wholes[0]!;
    const check = shareCheck(s, r, c, numFigure, matching, [], []);
    if (!check) return;
    const alternatives = wholes.filter((w) => w !== matching).map((w) => `av ${w.name} ${percentText(points(numFigure.value, w.value))}`);
    out.push(alternatives.length > 0 && check.status !== 'godkänd' ? { ...check, note: `${check.note}; ${alternatives.join(', ')}` } : check);
  });
  return out;
}

export function percentChecks(s: TableStructure, equity: EquityReading | undefined, external: MembersSource): GranskaCheck[] {
  const { table } = s;
  const out: GranskaCheck[] = [];
  table.rows.forEach((r, i) => {
    const label = normal(r.label);
    if (r.kind === 'procent') {
      if (/eget kapital|egna kapital|soliditet/.test(label)) {
        if (equity) out.push(...equityShares(s, r, equity, external));
        return;
      }
      out.push(...namedShares(s, r, i, external));
      return;
    }
    // An amount row whose label states its share: "inte överstiga 20 % av de tilldelade medlen".
    const share = /(\d+(?:[.,]\d+)?)\s*%\s*av\s+(.+)$/.exec(label);
    if (r.kind !== 'data' || !share?.[1] || !/tilldelade|medlem|driftbidrag|driftsbidrag|intäkter|medel/.test(share[2] ?? '')) return;
    const rate = new ExactDecimal(share[1].replace(',', '.')).dividedBy(100);
    table.columns.forEach((column, c) => {
      const stated = amountAt(table, i, c);
      const den = membersOf(s, c, column, external);
      if (!stated || !den) return;
      out.push(
        amountCheck({
          table,
          row: r,
          column,
          kind: 'andel',
          kontroll: `${share[1]} % av ${den.name}`,
          expected: den.value.times(rate).times(stated.isNegative() ? -1 : 1),
          actual: stated,
          tolerance: roundingTolerance(2),
        }),
      );
    });
  });
  return out;
}
