// Noter: Verksamhetens intäkter per medlem, Verksamhetens kostnader per insats (styrelse and
// kansli included), Fordringar and Kortfristiga skulder per account — two years each, every
// note's total checked against its line in the resultaträkning or balansräkning.
import { type AccountLine, type AccountMapping } from './accounts';
import { type Finding, finding } from './findings';
import { type InsatsIndex, UNALLOCATED_LINE } from './insatser';
import { driftbidragPerMember, incomeIsDriftbidrag } from './members';
import { type LedgerSummary } from './ledger';
import { type Money, moneyAdd, moneyFormatKr, moneyFromOre, moneyNeg, moneySum, moneyZero } from './money';
import { type YearPosition } from './positions';
import { reconcile, type Reconciliation } from './reconciliation';
import { type Settings } from './settings';
import { type StatementModel, statementRow } from './statement';

export interface NoteRow {
  readonly name: string;
  /** [year, year before], report sign; undefined where the books do not hold the year. */
  readonly amounts: readonly (Money | undefined)[];
}

export interface Note {
  readonly number: number;
  readonly title: string;
  /** The statement lines the note's total equals (the first carries the not-number), and which statement. */
  readonly lines: readonly string[];
  readonly statement: 'resultatrakning' | 'balansrakning';
  readonly rows: readonly NoteRow[];
  readonly total: readonly (Money | undefined)[];
}

type PerYear = Map<string, Money>;

function merge(years: readonly (PerYear | undefined)[]): NoteRow[] {
  const names: string[] = [];
  for (const y of years) for (const n of y?.keys() ?? []) if (!names.includes(n)) names.push(n);
  return names.map((name) => ({ name, amounts: years.map((y) => (y ? y.get(name) ?? moneyZero : undefined)) }));
}

function accountsOn(map: ReadonlyMap<string, number>, mapping: AccountMapping, line: AccountLine, sign: 1 | -1, names: ReadonlyMap<string, string>): PerYear {
  const out: PerYear = new Map();
  for (const [account, ore] of [...map.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (mapping.place(account)?.line !== line || ore === 0) continue;
    out.set(`${account} ${names.get(account) ?? ''}`.trim(), moneyFromOre(sign * ore));
  }
  return out;
}

/** Verksamhetens intäkter: the driftbidrag per member and the rest; per account when the members cannot be told apart. */
function incomePerMember(p: YearPosition, mapping: AccountMapping, insatser: InsatsIndex, names: ReadonlyMap<string, string>, settings: Settings): PerYear {
  const incomes = [...p.movement.entries()].filter(([a, ore]) => ore !== 0 && mapping.place(a)?.line === 'Verksamhetens intäkter').map(([account, ore]) => ({ account, name: names.get(account) ?? '', amount: moneyFromOre(-ore) }));
  const driftbidrag = incomes.filter((i) => incomeIsDriftbidrag(insatser.byAccount(i.account), 'Verksamhetens intäkter', i.name));
  const split = driftbidragPerMember(settings.members, driftbidrag);
  if (settings.members.length === 0 || split.unplaced.length > 0 || split.total.isZero()) return accountsOn(p.movement, mapping, 'Verksamhetens intäkter', -1, names);
  const out: PerYear = new Map(split.perMember.map((m) => [m.member.name, m.amount]));
  const rest = moneyAdd(moneySum(incomes.map((i) => i.amount)), moneyNeg(split.total));
  if (!rest.isZero()) out.set('Övriga intäkter', rest);
  return out;
}

function costsPerInsats(summary: LedgerSummary, year: number, mapping: AccountMapping, insatser: InsatsIndex): PerYear | undefined {
  const accounts = summary.byYear.get(year);
  if (!accounts) return undefined;
  const out: PerYear = new Map(insatser.lines.filter((l) => l.type !== 'Medlemsbidrag' && l.type !== 'Finansiell post').map((l) => [l.name, moneyZero]));
  for (const [account, totals] of accounts) {
    const line = mapping.place(account)?.line;
    if (line !== 'Verksamhetens kostnader' && line !== 'Avskrivningar') continue;
    for (const [projekt, m] of totals.movementByProjekt) {
      if (m.ore === 0) continue;
      const insats = insatser.forLedger(projekt, account);
      const key = insats?.name ?? UNALLOCATED_LINE;
      out.set(key, moneyAdd(out.get(key) ?? moneyZero, moneyFromOre(-m.ore)));
    }
  }
  for (const [k, v] of out) if (v.isZero()) out.delete(k);
  return out;
}

export function noterBuild(args: {
  year: number;
  summary: LedgerSummary;
  positions: ReadonlyMap<number, YearPosition>;
  mapping: AccountMapping;
  insatser: InsatsIndex;
  settings: Settings;
  accountNames: ReadonlyMap<string, string>;
}): Note[] {
  const { year, positions, mapping, accountNames: names } = args;
  const ps = [positions.get(year), positions.get(year - 1)];
  const note = (number: number, title: string, lines: readonly string[], statement: Note['statement'], years: (PerYear | undefined)[]): Note => {
    const rows = merge(years);
    return { number, title, lines, statement, rows, total: years.map((y) => (y ? moneySum(y.values()) : undefined)) };
  };
  return [
    note(1, 'Verksamhetens intäkter per medlem', ['Verksamhetens intäkter'], 'resultatrakning', ps.map((p) => (p ? incomePerMember(p, mapping, args.insatser, names, args.settings) : undefined))),
    note(2, 'Verksamhetens kostnader per insats, styrelse och kansli', ['Verksamhetens kostnader', 'Avskrivningar'], 'resultatrakning', [year, year - 1].map((y, i) => (ps[i] ? costsPerInsats(args.summary, y, mapping, args.insatser) : undefined))),
    note(3, 'Fordringar', ['Fordringar'], 'balansrakning', ps.map((p) => (p ? accountsOn(p.ub, mapping, 'Fordringar', 1, names) : undefined))),
    note(4, 'Kortfristiga skulder', ['Kortfristiga skulder'], 'balansrakning', ps.map((p) => (p ? accountsOn(p.ub, mapping, 'Kortfristiga skulder', -1, names) : undefined))),
  ];
}

/** Each note's total equals the sum of its statement lines. */
export function noterCheck(notes: readonly Note[], year: number, rr: StatementModel, br: StatementModel): { reconciliations: Reconciliation[]; findings: Finding[] } {
  const reconciliations: Reconciliation[] = [];
  const findings: Finding[] = [];
  for (const n of notes) {
    n.total.forEach((total, col) => {
      if (!total) return;
      const model = n.statement === 'resultatrakning' ? rr : br;
      const line = moneySum(n.lines.map((name) => statementRow(model, name)?.amounts[col] ?? moneyZero));
      const y = year - col;
      const r = reconcile(`not-${n.number}-${y}`, `Not ${n.number} ${n.title} ${y}: summan = ${n.statement === 'resultatrakning' ? 'resultaträkningens' : 'balansräkningens'} rad ${n.lines.join(' + ')}`, line, total);
      reconciliations.push(r);
      if (!r.passed) findings.push(finding('not-avviker', `${r.name} stämmer inte: skillnad ${moneyFormatKr(r.difference)}.`));
    });
  }
  return { reconciliations, findings };
}
