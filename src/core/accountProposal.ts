// Accounts the default mapping does not place with certainty — no Kontoplan row, and either
// outside the Kommun-Bas ranges or named against their range ("Bankkonto" on 1040, which
// Kommun-Bas reads as an immaterial asset) — and the Kontoplan proposed for them: every
// account of the ledger with the line its range or its name suggests, for the user to confirm.
import { type AccountLine, type AccountMapping, accountLineNature } from './accounts';
import { type CellRef } from './cellref';
import { type LedgerSummary } from './ledger';
import { type Money, moneyFromOre } from './money';

/** What an account's name says about its line, where it says something unmistakable. */
export function accountLineFromName(name: string, account: string): AccountLine | undefined {
  const n = name.toLowerCase();
  if (/\b(bank|bankkonto|kassa|plusgiro|bankgiro|handkassa)\b/.test(n) && !/kostnad|avgift|ränta|ränte/.test(n)) return 'Kassa och bank';
  if (/eget kapital|balanserat resultat/.test(n)) return 'Eget kapital';
  if (/årets resultat/.test(n)) return /^[12]/.test(account) ? 'Eget kapital' : 'Årets resultat (bokslut)';
  // Accruals first: "förutbetalda intäkter" is a debt, "förutbetalda kostnader" a claim.
  if (/förutbetalda intäkter|upplupna (kostnader|sociala|löner|räntor)/.test(n)) return 'Kortfristiga skulder';
  if (/fordran|fordringar|kundfordring|förutbetalda kostnader|upplupna intäkter/.test(n)) return 'Fordringar';
  if (/skuld|leverantör|källskatt|interimsskuld|avräkning skatt/.test(n)) return 'Kortfristiga skulder';
  if (/ränteintäkt|finansiella intäkter/.test(n)) return 'Finansiella intäkter';
  if (/räntekostnad|bankkostnad|bankavgift|finansiella kostnader/.test(n)) return 'Finansiella kostnader';
  if (/avskrivning/.test(n)) return 'Avskrivningar';
  if (/driftbidrag|medlemsbidrag|bidrag från|intäkt/.test(n)) return 'Verksamhetens intäkter';
  if (/lön|arvode|sociala avgifter|bidrag till|hyra|resor|konsult|kostnad|material|utbildning|försäkring/.test(n)) return 'Verksamhetens kostnader';
  return undefined;
}

/** The name's line differs from the range's (the closing account and equity being two sides of one entry). */
function contradicts(rangeLine: AccountLine, nameLine: AccountLine): boolean {
  if (rangeLine === nameLine) return false;
  const pair = new Set([accountLineNature(rangeLine), accountLineNature(nameLine)]);
  return !(pair.has('bokslut') && pair.has('eget kapital'));
}

export interface UncertainAccount {
  readonly account: string;
  readonly name: string;
  readonly reason: 'utanför' | 'motsäger';
  readonly rangeLine: AccountLine | undefined;
  readonly proposed: AccountLine | undefined;
  readonly cells: readonly CellRef[];
}

/** Accounts with amounts that no Kontoplan row places and the Kommun-Bas range places wrongly or not at all. */
export function accountsUncertain(summary: LedgerSummary, mapping: AccountMapping, names: ReadonlyMap<string, string>): UncertainAccount[] {
  const out = new Map<string, UncertainAccount>();
  for (const accounts of summary.byYear.values()) {
    for (const [account, totals] of accounts) {
      if (out.has(account) || (totals.rowCount === 0 && totals.ibOre === 0 && totals.movementOre === 0)) continue;
      const placement = mapping.place(account);
      if (placement?.source === 'kontoplan') continue;
      const name = names.get(account) ?? '';
      const fromName = accountLineFromName(name, account);
      if (!placement) out.set(account, { account, name, reason: 'utanför', rangeLine: undefined, proposed: fromName, cells: [totals.firstCell] });
      else if (fromName && contradicts(placement.line, fromName)) out.set(account, { account, name, reason: 'motsäger', rangeLine: placement.line, proposed: fromName, cells: [totals.firstCell] });
    }
  }
  return [...out.values()].sort((a, b) => a.account.localeCompare(b.account));
}

export interface KontoplanProposalRow {
  readonly account: string;
  readonly name: string;
  /** The year's amount in ledger sign: IB plus the year's rows. */
  readonly amount: Money;
  readonly line: AccountLine | undefined;
}

/** Every account of the ledger in the report year with the line proposed for it. */
export function kontoplanProposal(summary: LedgerSummary, year: number, mapping: AccountMapping, names: ReadonlyMap<string, string>, uncertain: readonly UncertainAccount[]): KontoplanProposalRow[] {
  const byAccount = new Map(uncertain.map((u) => [u.account, u]));
  const accounts = new Set<string>();
  for (const a of summary.byYear.values()) for (const k of a.keys()) accounts.add(k);
  return [...accounts].sort((a, b) => a.localeCompare(b)).map((account) => {
    const t = summary.byYear.get(year)?.get(account);
    const u = byAccount.get(account);
    return { account, name: names.get(account) ?? '', amount: moneyFromOre((t?.ibOre ?? 0) + (t?.movementOre ?? 0)), line: u ? u.proposed : mapping.place(account)?.line };
  });
}
