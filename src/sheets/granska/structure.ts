// What each sum row sums and which rows are group rows. A `Summa X` row sums the rows since
// the heading named X; without one, it walks up over data rows, headings and the sums it
// contains (a sum whose name is part of X or holds X, or names nothing of its own kind, such
// as `Summa styrelsen` under `Summa kostnader`) and stops at a sum of another kind (`Summa
// intäkter`), a sibling (`Summa anläggningstillgångar` above `Summa omsättningstillgångar`), a
// result row or the table's start. A result row sums everything above it. Within a span only
// the top items count: a subtotal stands for its rows, a group row (a row equal to the
// consecutive rows right below it) for its children, so nothing is counted twice.
import type Decimal from 'decimal.js';
import { ExactDecimal } from '../../core/money';
import { type GranskaRow, type GranskaTable } from './types';
import { amountOf } from './values';
import { equityPartOf, fold, type Nature, natureOf, sumSubject } from './words';

export interface TableStructure {
  readonly table: GranskaTable;
  /** Sum and result rows (row index) → index of the first row of their span; the span ends above the row. */
  readonly spanStart: ReadonlyMap<number, number>;
  /** Sum rows whose span starts after the heading they name: row index → the heading's index. */
  readonly namedHeading: ReadonlyMap<number, number>;
  /** Group rows (row index) → index of their last child. */
  readonly groups: ReadonlyMap<number, number>;
}

const isSum = (r: GranskaRow) => r.kind === 'summa';
const isResult = (r: GranskaRow) => r.kind === 'resultat';

/**
 * A heading that a sum's subject names: "Styrelsen" for "Summa styrelsen", "Projekt,
 * medfinansiering i" for "Summa projekt"; loosely, a heading that begins the subject
 * ("Eget kapital" for "Summa eget kapital och skulder").
 */
function headingNamed(heading: string, subject: string, loose: boolean): boolean {
  const h = fold(heading);
  const s = fold(subject);
  if (s === '' || h === '') return false;
  return h === s || h.startsWith(s) || (loose && s.startsWith(h) && h.length >= 5);
}

/** Whether a sum named `outer` contains the sum row `inner` found above it. */
function contains(outer: string, inner: GranskaRow): boolean {
  const x = fold(outer);
  const y = fold(sumSubject(inner.label));
  if (x === '' || y === '') return true;
  if (x.includes(y) || y.includes(x)) return true;
  const nx = natureOf(outer);
  const ny = natureOf(sumSubject(inner.label));
  return ny === undefined && nx !== undefined;
}

interface Span {
  readonly start: number;
  readonly heading?: number;
  /** Wider spans, each taking in one more sum the walk stopped at: tried when the span does not hold. */
  readonly wider: readonly number[];
}

function spanOfSum(rows: readonly GranskaRow[], i: number, spans: ReadonlyMap<number, number>): Span {
  const subject = sumSubject(rows[i]!.label);
  const fx = fold(subject);
  for (const loose of fx === '' ? [] : [false, true]) {
    for (let j = i - 1; j >= 0; j--) {
      const r = rows[j]!;
      if (isResult(r)) break;
      if (isSum(r) && fold(sumSubject(r.label)) === fx) break;
      if (r.kind === 'rubrik' && headingNamed(r.label, subject, loose)) return { start: j + 1, heading: j, wider: [] };
    }
  }
  // Walk up; every sum the rules stop at gives a wider span to try.
  let start: number | undefined;
  const wider: number[] = [];
  let j = i - 1;
  while (j >= 0) {
    const r = rows[j]!;
    if (isResult(r)) break;
    if (isSum(r) && (start !== undefined || !contains(subject, r))) {
      if (start === undefined) start = j + 1;
      else wider.push(j + 1);
      j = (spans.get(j) ?? j) - 1;
      continue;
    }
    if (isSum(r)) {
      j = (spans.get(j) ?? j) - 1;
      continue;
    }
    j--;
  }
  if (start === undefined) return { start: j + 1, wider: [] };
  wider.push(j + 1);
  return { start, wider };
}

/**
 * The top items of rows [from, to): data rows, subtotals standing for their spans, group rows
 * standing for their children. Headings, text and percent rows are not items.
 */
export function topItems(s: Pick<TableStructure, 'table' | 'spanStart' | 'groups'>, from: number, to: number): number[] {
  const rows = s.table.rows;
  let items: number[] = [];
  for (let j = from; j < to; j++) {
    const r = rows[j]!;
    if (isSum(r) || isResult(r)) {
      const start = s.spanStart.get(j) ?? j;
      items = items.filter((k) => k < start);
      items.push(j);
      continue;
    }
    if (r.kind !== 'data') continue;
    items.push(j);
    const last = s.groups.get(j);
    if (last !== undefined) j = last;
  }
  return items;
}

/** The amount in column c of row index i, or undefined. */
export function amountAt(table: GranskaTable, i: number, c: number): Decimal | undefined {
  return amountOf(table.rows[i]?.values[c]);
}

/**
 * The sum of the items' amounts in column c, and how many of them are printed. A column where
 * an item holds something other than an amount (an error, a formula without a value, text) has
 * no parts: nothing there can be checked.
 */
export function sumOf(table: GranskaTable, items: readonly number[], c: number): { sum: Decimal; parts: number } {
  let sum = new ExactDecimal(0);
  let parts = 0;
  for (const k of items) {
    const cell = table.rows[k]?.values[c];
    if (cell === undefined) continue;
    if (cell.kind !== 'belopp') return { sum: new ExactDecimal(0), parts: 0 };
    sum = sum.plus(cell.value);
    parts++;
  }
  return { sum, parts };
}

/** Half a unit per printed part: what rounding each part to the printed unit can explain. */
export function roundingTolerance(parts: number): Decimal {
  return new ExactDecimal(Math.max(1, parts)).times('0.5');
}

/** Candidate group rows: a data row equal (exactly, or within rounding) to the k ≥ 2 data rows right below it. */
function groupCandidates(table: GranskaTable): Map<number, { last: number; rough: boolean }> {
  const rows = table.rows;
  const out = new Map<number, { last: number; rough: boolean }>();
  const eligible = (r: GranskaRow) => r.kind === 'data' && !(table.role !== 'resultat' && equityPartOf(r.label) !== undefined);
  for (let g = 0; g < rows.length; g++) {
    if (!eligible(rows[g]!)) continue;
    let end = g + 1;
    while (end < rows.length && eligible(rows[end]!)) end++;
    for (let last = g + 2; last < end; last++) {
      let matched = 0;
      let rough = false;
      let fails = false;
      table.columns.forEach((_, c) => {
        if (fails) return;
        const gv = amountAt(table, g, c);
        const children: number[] = [];
        for (let k = g + 1; k <= last; k++) children.push(k);
        const { sum, parts } = sumOf(table, children, c);
        if (gv === undefined) {
          if (parts > 0) fails = true;
          return;
        }
        if (parts === 0) {
          if (!gv.isZero()) fails = true;
          return;
        }
        const diff = gv.minus(sum).abs();
        if (diff.isZero()) {
          if (!gv.isZero()) matched++;
        } else if (diff.lte(roundingTolerance(parts)) && !gv.isZero()) {
          rough = true;
          matched++;
        } else fails = true;
      });
      if (!fails && matched > 0) {
        out.set(g, { last, rough });
        break;
      }
    }
  }
  return out;
}

/** How many columns a sum or result row holds in (within rounding), by the plain sum of its items. */
function columnsHolding(s: Pick<TableStructure, 'table' | 'spanStart' | 'groups'>, i: number): number {
  const table = s.table;
  const items = topItems(s, s.spanStart.get(i) ?? i, i);
  let n = 0;
  table.columns.forEach((_, c) => {
    const stated = amountAt(table, i, c);
    if (stated === undefined) return;
    const { sum, parts } = sumOf(table, items, c);
    if (parts === 0) return;
    if (stated.minus(sum).abs().lte(roundingTolerance(parts))) n++;
    // A result row may be intäkter − kostnader: count it as holding if the magnitudes agree.
    else if (isResult(table.rows[i]!) && stated.abs().minus(netOfItems(table, items, c).abs()).abs().lte(roundingTolerance(parts))) n++;
  });
  return n;
}

/** The nature of an item: its own words, a sum's subject, else the heading above it. */
export function itemNature(table: GranskaTable, i: number): Nature | undefined {
  const r = table.rows[i]!;
  const own = natureOf(isSum(r) ? sumSubject(r.label) : r.label);
  if (own !== undefined || isResult(r)) return own;
  for (let j = i - 1; j >= 0; j--) {
    const h = table.rows[j]!;
    if (h.kind === 'rubrik') {
      const n = natureOf(h.label);
      if (n !== undefined) return n;
    }
    if (isSum(h) || isResult(h)) break;
  }
  return undefined;
}

/** Intäkter minus the other items, each taken as printed (all-positive tables). */
export function netOfItems(table: GranskaTable, items: readonly number[], c: number): Decimal {
  let net = new ExactDecimal(0);
  for (const k of items) {
    const v = amountAt(table, k, c);
    if (v === undefined) continue;
    const n = itemNature(table, k);
    net = n === 'intäkt' || isResult(table.rows[k]!) ? net.plus(v) : net.minus(v);
  }
  return net;
}

/** How far a sum row is from its span's sum, over all its columns. */
function gapOf(s: Pick<TableStructure, 'table' | 'spanStart' | 'groups'>, i: number): Decimal {
  const table = s.table;
  const items = topItems(s, s.spanStart.get(i) ?? i, i);
  let gap = new ExactDecimal(0);
  table.columns.forEach((_, c) => {
    const stated = amountAt(table, i, c);
    if (stated !== undefined) gap = gap.plus(stated.minus(sumOf(table, items, c).sum).abs());
  });
  return gap;
}

/** Whether a sum row holds in every column it can be checked in (within rounding); undefined where it can be checked in none. */
function holdsEverywhere(s: Pick<TableStructure, 'table' | 'spanStart' | 'groups'>, i: number, exact: boolean): boolean | undefined {
  const table = s.table;
  const items = topItems(s, s.spanStart.get(i) ?? i, i);
  let checked = 0;
  let holds = 0;
  table.columns.forEach((_, c) => {
    const stated = amountAt(table, i, c);
    if (stated === undefined) return;
    const { sum, parts } = sumOf(table, items, c);
    if (parts === 0) return;
    checked++;
    const diff = stated.minus(sum).abs();
    if (exact ? diff.isZero() : diff.lte(roundingTolerance(parts))) holds++;
  });
  return checked === 0 ? undefined : holds === checked;
}

/**
 * Spans, then group rows (a candidate is kept unless the sum it stands in holds only without
 * it), then each sum whose span does not hold is given the first wider span that holds
 * exactly in every column, if there is one: content decides where the layout does not say.
 */
export function tableStructure(table: GranskaTable): TableStructure {
  const rows = table.rows;
  const spanStart = new Map<number, number>();
  const namedHeading = new Map<number, number>();
  const wider = new Map<number, readonly number[]>();
  rows.forEach((r, i) => {
    if (isResult(r)) spanStart.set(i, 0);
    else if (isSum(r)) {
      const span = spanOfSum(rows, i, spanStart);
      spanStart.set(i, span.start);
      wider.set(i, span.wider);
      if (span.heading !== undefined) namedHeading.set(i, span.heading);
    }
  });
  const candidates = groupCandidates(table);
  const groups = new Map<number, number>([...candidates].map(([g, c]) => [g, c.last]));
  for (const [g, candidate] of candidates) {
    // The innermost sum or result row whose span holds the candidate.
    let enclosing: number | undefined;
    for (let i = candidate.last + 1; i < rows.length; i++) {
      const start = spanStart.get(i);
      if (start !== undefined && start <= g) {
        enclosing = i;
        break;
      }
    }
    if (enclosing === undefined) {
      if (candidate.rough) groups.delete(g);
      continue;
    }
    const withGroup = columnsHolding({ table, spanStart, groups }, enclosing);
    const without = new Map(groups);
    without.delete(g);
    const withoutGroup = columnsHolding({ table, spanStart, groups: without }, enclosing);
    if (withoutGroup > withGroup || (candidate.rough && withoutGroup >= withGroup)) groups.delete(g);
  }
  rows.forEach((r, i) => {
    // A sum without rows of its own is the block's figure; one that holds keeps its span.
    if (!isSum(r) || namedHeading.has(i) || holdsEverywhere({ table, spanStart, groups }, i, false) !== false) return;
    // None holds: the span that comes closest, the rules' own on a tie.
    let best = spanStart.get(i)!;
    let bestGap = gapOf({ table, spanStart, groups }, i);
    for (const start of wider.get(i) ?? []) {
      spanStart.set(i, start);
      if (holdsEverywhere({ table, spanStart, groups }, i, true) === true) return;
      const gap = gapOf({ table, spanStart, groups }, i);
      if (gap.lt(bestGap)) {
        best = start;
        bestGap = gap;
      }
    }
    spanStart.set(i, best);
  });
  return { table, spanStart, namedHeading, groups };
}
