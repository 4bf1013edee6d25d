// The members' split against Inställningar's shares: in each budget and plan column, every
// member's contribution row is its share of the members' total (the sum of the member rows).
// A row is the member's by the accounts Inställningar names for it, else by the words the
// row's label and the member's name share ("Driftbidrag från kommun" ↔ "Kramfors kommun",
// "Driftbidrag från staten" ↔ "Försäkringskassan (staten)"), as core/members.ts matches
// driftbidrag accounts. A row no member (or more than one) can be given is not checked.
import type Decimal from 'decimal.js';
import { ExactDecimal } from '../../core/money';
import { type Member } from '../../core/settings';
import { amountCheck, amountText, percentText, rowName, rowsText } from './status';
import { amountAt, roundingTolerance, sumOf, type TableStructure } from './structure';
import { type GranskaCheck } from './types';
import { isMemberLabel, isStateLabel, natureOf, normal, sumSubject } from './words';

const STOP = new Set(['driftbidrag', 'driftsbidrag', 'från', 'fran', 'bidrag', 'medlemsbidrag', 'medlemsavgift', 'till', 'och', 'av', 'budget', 'plan', 'intäkter', 'intäkt']);

/** The words of a name that can tell a member: lower case, without driftbidrag, från, och … */
function nameTokens(name: string): Set<string> {
  return new Set(
    normal(name)
      .replace(/[()/,.\-:]/g, ' ')
      .split(/\s+/)
      .filter((t) => t.length > 1 && !STOP.has(t) && !/^\d/.test(t)),
  );
}

type Category = 'staten' | 'kommun' | 'region';

/** What kind of member a name is: the state, a kommun, a region (landsting); undefined when it says none or more than one. */
function categoryOf(name: string): Category | undefined {
  const t = normal(name);
  const found: Category[] = [];
  if (isStateLabel(t)) found.push('staten');
  if (/kommun/.test(t)) found.push('kommun');
  if (/region|landsting/.test(t)) found.push('region');
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The member a row is, or undefined: by its code among a member's accounts, else the one
 * member whose name shares the most words with the label (a tie is no answer), else the one
 * member of the row's kind (the state, the only kommun, the only region). A label that names
 * two kinds of member ("kommuner och region") is nobody's.
 */
export function memberOfRow(members: readonly Member[], label: string, code: string | undefined): Member | undefined {
  if (code) {
    const byAccount = members.filter((m) => m.accounts.includes(code));
    if (byAccount.length === 1) return byAccount[0];
  }
  const rowCategory = categoryOf(label);
  const namesTwo = isStateLabel(label) ? /kommun|region|landsting/.test(normal(label)) : /kommun/.test(normal(label)) && /region|landsting/.test(normal(label));
  if (namesTwo) return undefined;
  // A member of another kind is never the row's, whatever words they share.
  const fits = members.filter((m) => rowCategory === undefined || categoryOf(m.name) === undefined || categoryOf(m.name) === rowCategory);
  const tokens = nameTokens(label);
  let best: Member[] = [];
  let bestScore = 0;
  for (const m of fits) {
    const score = [...nameTokens(m.name)].filter((t) => tokens.has(t)).length;
    if (score > bestScore) {
      bestScore = score;
      best = [m];
    } else if (score === bestScore && score > 0) best.push(m);
  }
  if (bestScore > 0) return best.length === 1 ? best[0] : undefined;
  if (rowCategory === undefined) return undefined;
  const ofKind = members.filter((m) => categoryOf(m.name) === rowCategory);
  return ofKind.length === 1 ? ofKind[0] : undefined;
}

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
      if (s.groups.has(k) && table.rows[k]!.kind === 'data' && memberOfRow(members, table.rows[k]!.label, table.rows[k]!.code)) return { rows: [], whole: false };
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
    const m = memberOfRow(members, table.rows[k]!.label, table.rows[k]!.code);
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
