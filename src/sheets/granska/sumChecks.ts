// Sum rows and group rows against the rows they sum, column by column; children whose label
// names their share of the group ("Malung-Sälens kommun 3/5"); and the state's contribution
// against the members' in budget columns (staten pays as much as kommuner and region
// together, lag 2003:1210).
import type Decimal from 'decimal.js';
import { amountCheck, amountText, rowName, rowsText } from './status';
import { amountAt, roundingTolerance, sumOf, type TableStructure, topItems } from './structure';
import { type GranskaCheck, type GranskaTable } from './types';
import { isMemberLabel, isStateLabel, natureOf, sumSubject } from './words';

/** The sheet rows of a span, without the headings it opens with. */
export function sheetRows(table: GranskaTable, from: number, to: number): number[] {
  let first = from;
  while (first < to && table.rows[first]!.kind === 'rubrik') first++;
  const out: number[] = [];
  for (let k = first; k < to; k++) out.push(table.rows[k]!.row);
  return out;
}

/** A note naming the subtotals and group rows a sum counts as one row each. */
function subtotalNote(s: TableStructure, items: readonly number[]): string | undefined {
  const rows = s.table.rows;
  const sub = items.filter((k) => rows[k]!.kind === 'summa' || rows[k]!.kind === 'resultat' || s.groups.has(k));
  if (sub.length === 0) return undefined;
  const named = sub.map((k) => `${rowName(rows[k]!)} (rad ${rows[k]!.row})`).join(', ');
  return sub.length === 1 ? `räknar ${named} som en rad; raderna den summerar räknas inte två gånger` : `räknar ${named} som en rad var; raderna de summerar räknas inte två gånger`;
}

export function sumRowChecks(s: TableStructure): GranskaCheck[] {
  const { table } = s;
  const out: GranskaCheck[] = [];
  table.rows.forEach((r, i) => {
    if (r.kind !== 'summa') return;
    const start = s.spanStart.get(i) ?? i;
    const items = topItems(s, start, i);
    const range = sheetRows(table, start, i);
    const heading = s.namedHeading.get(i);
    const since = heading !== undefined ? ` (sedan rubriken ${table.rows[heading]!.label})` : '';
    table.columns.forEach((column, c) => {
      const stated = amountAt(table, i, c);
      if (stated === undefined) return;
      const { sum, parts } = sumOf(table, items, c);
      // A sum row without figures above it in this column is the block's figure itself.
      if (parts === 0) return;
      out.push(
        amountCheck({
          table,
          row: r,
          column,
          kind: 'summa',
          kontroll: `${rowName(r)} = summan av ${rowsText(range)}${since}`,
          expected: sum,
          actual: stated,
          tolerance: roundingTolerance(parts),
          note: subtotalNote(s, items),
        }),
      );
    });
  });
  return out;
}

/** "3/5" at the end of a label (or standing alone in it), as a fraction below 1. */
function labelFraction(label: string): { p: number; q: number } | undefined {
  const m = /(?:^|\s)(\d{1,2})\s*\/\s*(\d{1,2})(?:\s|$|,)/.exec(label);
  if (!m) return undefined;
  const p = Number(m[1]);
  const q = Number(m[2]);
  return p > 0 && q > p ? { p, q } : undefined;
}

export function groupChecks(s: TableStructure): GranskaCheck[] {
  const { table } = s;
  const out: GranskaCheck[] = [];
  for (const [g, last] of s.groups) {
    const group = table.rows[g]!;
    const children: number[] = [];
    for (let k = g + 1; k <= last; k++) children.push(k);
    const range = sheetRows(table, g + 1, last + 1);
    table.columns.forEach((column, c) => {
      const stated = amountAt(table, g, c);
      if (stated === undefined) return;
      const { sum, parts } = sumOf(table, children, c);
      if (parts === 0) return;
      out.push(
        amountCheck({
          table,
          row: group,
          column,
          kind: 'grupp',
          kontroll: `${rowName(group)} = summan av ${rowsText(range)} under den`,
          expected: sum,
          actual: stated,
          tolerance: roundingTolerance(parts),
          note: 'grupprad: den räknas i summan ovanför, raderna under den räknas inte två gånger',
        }),
      );
      for (const k of children) {
        const f = labelFraction(table.rows[k]!.label);
        const value = amountAt(table, k, c);
        if (!f || value === undefined) continue;
        out.push(
          amountCheck({
            table,
            row: table.rows[k]!,
            column,
            kind: 'andel',
            kontroll: `${rowName(table.rows[k]!)} = ${f.p}/${f.q} av ${rowName(group)}`,
            expected: stated.times(f.p).dividedBy(f.q),
            actual: value,
            tolerance: roundingTolerance(2),
          }),
        );
      }
    });
  }
  return out;
}

/** The members' contributions under the income sum: state rows and kommun/region rows (top items). */
export function memberRows(s: TableStructure): { state: number[]; members: number[] } | undefined {
  const { table } = s;
  const income = table.rows.findIndex((r) => r.kind === 'summa' && natureOf(sumSubject(r.label)) === 'intäkt');
  if (income < 0) return undefined;
  const items = topItems(s, s.spanStart.get(income) ?? income, income);
  const state = items.filter((k) => isStateLabel(table.rows[k]!.label));
  const members = items.filter((k) => isMemberLabel(table.rows[k]!.label));
  if (state.length === 0 || members.length === 0) return undefined;
  return { state, members };
}

/** The members' money (state and members) in column c, as printed in the table's sign. */
export function membersTotal(s: TableStructure, c: number): { sum: Decimal; parts: number; rows: number[] } | undefined {
  const m = memberRows(s);
  if (!m) return undefined;
  const all = [...m.state, ...m.members].sort((a, b) => a - b);
  const { sum, parts } = sumOf(s.table, all, c);
  if (parts < all.length) return undefined;
  return { sum, parts, rows: all.map((k) => s.table.rows[k]!.row) };
}

export function stateShareChecks(s: TableStructure): GranskaCheck[] {
  const { table } = s;
  const m = memberRows(s);
  if (!m || m.state.length !== 1) return [];
  const stateRow = table.rows[m.state[0]!]!;
  const out: GranskaCheck[] = [];
  table.columns.forEach((column, c) => {
    // The law sets the budget; what was paid in a month or a year may differ.
    if (column.kind !== undefined && column.kind !== 'budget' && column.kind !== 'plan') return;
    const stated = amountAt(table, m.state[0]!, c);
    const { sum, parts } = sumOf(table, m.members, c);
    if (stated === undefined || parts < m.members.length) return;
    out.push(
      amountCheck({
        table,
        row: stateRow,
        column,
        kind: 'andel',
        kontroll: `${rowName(stateRow)} = hälften av medlemmarnas bidrag (staten lika mycket som ${rowsText(m.members.map((k) => table.rows[k]!.row))})`,
        expected: sum,
        actual: stated,
        tolerance: roundingTolerance(parts + 1),
        note: `medlemmarnas bidrag ${amountText(sum.plus(stated))} ${table.unit}, varav staten hälften`,
      }),
    );
  });
  return out;
}
