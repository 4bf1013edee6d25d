// The members' driftbidrag: which income rows are driftbidrag (their Insatser line is a
// Medlemsbidrag line, or, with no line, an intäkt named driftbidrag or medlemsbidrag), and
// whose each one is — by the accounts Inställningar names for a member, else by the words
// the member's name and the account's name share ("Region Västernorrland" ↔ "Driftbidrag
// från Region Västernorrland"). Used by Kontroller, the measures and Not 1.
import { type AccountLine, accountLineNature } from './accounts';
import { type InsatsLine } from './insatser';
import { type Money, moneyAdd, moneySum, moneyZero } from './money';
import { type Member } from './settings';

/** An income row in report sign (money in positive). */
export interface MemberIncome {
  readonly account: string;
  readonly name: string;
  readonly amount: Money;
}

export function incomeIsDriftbidrag(insatsLine: InsatsLine | undefined, accountLine: AccountLine | undefined, name: string): boolean {
  if (insatsLine) return insatsLine.type === 'Medlemsbidrag';
  return accountLine !== undefined && accountLineNature(accountLine) === 'intäkt' && /driftsbidrag|driftbidrag|medlemsbidrag/i.test(name);
}

const STOP_WORDS = new Set(['driftbidrag', 'driftsbidrag', 'från', 'fran', 'bidrag', 'medlemsbidrag', 'medlemsavgift', 'till', 'och', 'av', 'budget', 'plan', 'intäkter', 'intäkt']);

/** The words of a name that can tell a member: lower case, without driftbidrag, från, och, figures … */
function nameTokens(name: string): Set<string> {
  return new Set(
    name
      .toLowerCase()
      .replace(/[()/,.\-:]/g, ' ')
      .split(/\s+/)
      .filter((t) => t.length > 1 && !STOP_WORDS.has(t) && !/^\d/.test(t)),
  );
}

export type MemberKind = 'staten' | 'kommun' | 'region';

/** The kinds of member a name speaks of: the state, a kommun, a region (landsting). */
function memberKinds(name: string): MemberKind[] {
  const t = name.toLowerCase();
  const found: MemberKind[] = [];
  if (/försäkringskassan|arbetsförmedling|staten|statlig/.test(t)) found.push('staten');
  if (/kommun/.test(t)) found.push('kommun');
  if (/region|landsting/.test(t)) found.push('region');
  return found;
}

/** What kind of member a name is; undefined when it says none or more than one. */
export function memberKindOf(name: string): MemberKind | undefined {
  const kinds = memberKinds(name);
  return kinds.length === 1 ? kinds[0] : undefined;
}

/**
 * The member an income row is, or undefined: by its account among a member's accounts, else
 * the one member whose name shares the most words with the row's (a tie is no answer), else
 * the one member of the row's kind (the state, the only kommun, the only region). A row that
 * names two kinds of member ("kommuner och region") is nobody's; a member of another kind is
 * never the row's, whatever words they share.
 */
export function memberOfIncome(members: readonly Member[], name: string, account: string | undefined): Member | undefined {
  if (account) {
    const byAccount = members.filter((m) => m.accounts.includes(account));
    if (byAccount.length === 1) return byAccount[0];
  }
  if (memberKinds(name).length > 1) return undefined;
  const rowKind = memberKindOf(name);
  const fits = members.filter((m) => rowKind === undefined || memberKindOf(m.name) === undefined || memberKindOf(m.name) === rowKind);
  const tokens = nameTokens(name);
  let best: Member[] = [];
  let bestScore = 0;
  for (const m of fits) {
    const score = [...nameTokens(m.name)].filter((w) => tokens.has(w)).length;
    if (score > bestScore) {
      bestScore = score;
      best = [m];
    } else if (score === bestScore && score > 0) best.push(m);
  }
  if (bestScore > 0) return best.length === 1 ? best[0] : undefined;
  if (rowKind === undefined) return undefined;
  const ofKind = members.filter((m) => memberKindOf(m.name) === rowKind);
  return ofKind.length === 1 ? ofKind[0] : undefined;
}

export interface DriftbidragSplit {
  /** Every member, in Inställningar's order, with its driftbidrag (zero when none). */
  readonly perMember: readonly { readonly member: Member; readonly amount: Money }[];
  readonly total: Money;
  /** Accounts of driftbidrag rows that no member could be given. */
  readonly unplaced: readonly string[];
}

export function driftbidragPerMember(members: readonly Member[], driftbidrag: readonly MemberIncome[]): DriftbidragSplit {
  const amounts = new Map<Member, Money>(members.map((m) => [m, moneyZero]));
  const unplaced: string[] = [];
  for (const income of driftbidrag) {
    const member = memberOfIncome(members, income.name, income.account);
    if (member) amounts.set(member, moneyAdd(amounts.get(member)!, income.amount));
    else unplaced.push(income.account);
  }
  return { perMember: members.map((member) => ({ member, amount: amounts.get(member)! })), total: moneySum(driftbidrag.map((d) => d.amount)), unplaced };
}

/** Driftbidrag per member by name, when every row found its member; else none. */
export function driftbidragMembersComplete(members: readonly Member[], driftbidrag: readonly MemberIncome[]): { name: string; amount: Money }[] {
  const split = driftbidragPerMember(members, driftbidrag);
  if (members.length === 0 || split.unplaced.length > 0 || split.total.isZero()) return [];
  return split.perMember.map((p) => ({ name: p.member.name, amount: p.amount }));
}
