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

function nameTokens(name: string): Set<string> {
  const stop = new Set(['driftbidrag', 'driftsbidrag', 'från', 'fran', 'bidrag', 'medlemsbidrag', 'till', 'och', 'av']);
  return new Set(name.toLowerCase().replace(/[()/,.\-]/g, ' ').split(/\s+/).filter((t) => t.length > 1 && !stop.has(t)));
}

/** The member a driftbidrag row belongs to, or undefined when neither its account nor its name tells. */
function memberOf(members: readonly Member[], income: MemberIncome): Member | undefined {
  const named = members.find((m) => m.accounts.includes(income.account));
  if (named) return named;
  const tokens = nameTokens(income.name);
  let best: Member | undefined;
  let bestScore = 0;
  for (const m of members) {
    const score = [...nameTokens(m.name)].filter((t) => tokens.has(t)).length;
    if (score > bestScore) {
      bestScore = score;
      best = m;
    }
  }
  return best;
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
    const member = memberOf(members, income);
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
