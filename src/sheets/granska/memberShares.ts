// The members' split against Inställningar's shares: in each budget and plan column, every
// member's contribution row is its share of the members' total (the sum of the member rows).
// A row is the member's by the accounts Inställningar names for it, else by the words the
// row's label and the member's name share ("Driftbidrag från kommun" ↔ "Kramfors kommun",
// "Driftbidrag från staten" ↔ "Försäkringskassan (staten)"): core/members.ts's
// memberOfIncome, as for the books' driftbidrag. A row no member (or more than one) can be
// given is not checked.
import type Decimal from 'decimal.js';
import { memberOfIncome } from '../../core/members';
import { ExactDecimal } from '../../core/money';
import { type Member } from '../../core/settings';
import { amountCheck, amountText, percentText, rowName, rowsText } from './status';
import { amountAt, roundingTolerance, sumOf, type TableStructure } from './structure';
import { type GranskaCheck } from './types';
import { isMemberLabel, isStateLabel, natureOf, sumSubject } from './words';

/**
 * The rows of the members' money: the data rows under the income sum (not group rows, whose
 * children are counted instead) that name the state, a kommun, a region or a member, or whose
 * account is a member's; without an income sum, such rows labelled as income.
 */
function contributionRows(s: TableStructure, members: readonly Member[]): { rows: number[]; whole: boolean } {
  const { table } = s;
  const isContribution = (k: number) => {
    const r = table.rows[k]!;
    if (r.kind !== 'data' || s.groups.has(k)) return false;
    return isStateLabel(r.label) || isMemberLabel(r.label) || (r.code !== undefined && members.some((m) => m.accounts.includes(r.code!)));
  };
  const income = table.rows.findIndex((r) => r.kind === 'summa' && natureOf(sumSubject(r.label)) === 'intäkt');
  if (income >= 0) {
    const start = s.spanStart.get(income) ?? income;
    const rows: number[] = [];
    for (let k = start; k < income; k++) {
      // A member's own row read as a group of the others (staten = kommun + region) leaves the split unclear.
      if (s.groups.has(k) && table.rows[k]!.kind === 'data' && memberOfIncome(members, table.rows[k]!.label, table.rows[k]!.code)) return { rows: [], whole: false };
      if (isContribution(k)) rows.push(k);
    }
    // The rows make up the whole income sum when every other data row of its span is a group of them.
    let whole = true;
    for (let k = start; k < income; k++) if (table.rows[k]!.kind === 'data' && !s.groups.has(k) && !rows.includes(k)) whole = false;
    return { rows, whole };
  }
  const rows = table.rows.map((_, k) => k).filter((k) => isContribution(k) && natureOf(table.rows[k]!.label) === 'intäkt');
  return { rows, whole: false };
}

/**
 * Inställningar's shares as fractions of the whole, when they add up to 100 % within what
 * rounding the printed shares explains (3 × 33,33 %); `gap` is how far they miss it.
 */
function sharesOf(members: readonly Member[]): { shares: Map<Member, Decimal>; gap: Decimal } | undefined {
  const exact = members.map((m) => new ExactDecimal(String(m.share)));
  const total = exact.reduce((a, b) => a.plus(b), new ExactDecimal(0));
  const gap = total.minus(1).abs();
  if (gap.gt('0.005')) return undefined;
  return { shares: new Map(members.map((m, i) => [m, exact[i]!.dividedBy(total)])), gap };
}

export function memberShareChecks(s: TableStructure, members: readonly Member[]): GranskaCheck[] {
  if (members.length < 2) return [];
  const split = sharesOf(members);
  if (!split) return [];
  const { shares, gap } = split;
  const { table } = s;
  const { rows, whole } = contributionRows(s, members);
  if (rows.length < 2) return [];
  const byMember = new Map<Member, number[]>();
  for (const k of rows) {
    const m = memberOfIncome(members, table.rows[k]!.label, table.rows[k]!.code);
    if (m) byMember.set(m, [...(byMember.get(m) ?? []), k]);
  }
  // The total is the members' money only when every member has its row, or the rows make up the income sum.
  if (byMember.size === 0 || (byMember.size < members.length && !whole)) return [];
  const sheetRows = rows.map((k) => table.rows[k]!.row);
  const out: GranskaCheck[] = [];
  table.columns.forEach((column, c) => {
    // Inställningar's shares are the budget's; what was paid in a period may differ.
    if (column.kind !== undefined && column.kind !== 'budget' && column.kind !== 'plan') return;
    const { sum, parts } = sumOf(table, rows, c);
    if (parts < rows.length || sum.isZero()) return;
    for (const member of members) {
      const own = byMember.get(member);
      // Two rows for one member: which cell is its share cannot be told.
      if (!own || own.length !== 1) continue;
      const k = own[0]!;
      const stated = amountAt(table, k, c);
      if (stated === undefined) continue;
      const share = shares.get(member)!;
      const row = table.rows[k]!;
      const printedShare = percentText(new ExactDecimal(String(member.share)).times(100)).replace(/,00 %$/, ' %');
      out.push(
        amountCheck({
          table,
          row,
          column,
          kind: 'medlemsandel',
          kontroll: `${rowName(row)} = ${printedShare} av medlemmarnas bidrag (${rowsText(sheetRows)}), andelen för ${member.name} i Inställningar`,
          expected: sum.times(share).toDecimalPlaces(4),
          actual: stated,
          // Half a unit per printed part, and what the shares' own rounding (summing to 100,01 %) moves.
          tolerance: roundingTolerance(parts + 1).plus(sum.abs().times(gap)),
          note: `medlemmarnas bidrag ${amountText(sum)} ${table.unit}, varav ${member.name} ${printedShare}`,
        }),
      );
    }
  });
  return out;
}
