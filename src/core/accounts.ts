// Accounts and the lines they report on: the account lines of the resultaträkning and
// balansräkning, the default Kommun-Bas mapping by account range, and per-förbund overrides
// from a Kontoplan sheet. Everything that asks "where does this account go" asks here.
import { type CellRef } from './cellref';

/** Resultaträkning lines that accounts are booked on (names exactly as on the statement). */
export const RR_ACCOUNT_LINES = [
  'Verksamhetens intäkter',
  'Verksamhetens kostnader',
  'Avskrivningar',
  'Skatteintäkter',
  'Generella statsbidrag och utjämning',
  'Finansiella intäkter',
  'Finansiella kostnader',
  'Extraordinära poster',
] as const;

/** Balansräkning lines that accounts are booked on. */
export const BR_ASSET_LINES = [
  'Immateriella anläggningstillgångar',
  'Materiella anläggningstillgångar',
  'Finansiella anläggningstillgångar',
  'Förråd m.m.',
  'Fordringar',
  'Kortfristiga placeringar',
  'Kassa och bank',
] as const;

export const BR_LIABILITY_LINES = ['Avsättningar', 'Långfristiga skulder', 'Kortfristiga skulder'] as const;

/** Equity accounts all go to one line; the statement splits it into Årets resultat and Övrigt. */
export const EQUITY_LINE = 'Eget kapital';
/** The closing account line (89xx): årets resultat booked against eget kapital. */
export const CLOSING_LINE = 'Årets resultat (bokslut)';

export type RrAccountLine = (typeof RR_ACCOUNT_LINES)[number];
export type BrAccountLine = (typeof BR_ASSET_LINES)[number] | (typeof BR_LIABILITY_LINES)[number] | typeof EQUITY_LINE;
export type AccountLine = RrAccountLine | BrAccountLine | typeof CLOSING_LINE;

export type AccountNature = 'tillgång' | 'eget kapital' | 'skuld' | 'intäkt' | 'kostnad' | 'bokslut';

const NATURE: Record<AccountLine, AccountNature> = {
  'Verksamhetens intäkter': 'intäkt',
  'Verksamhetens kostnader': 'kostnad',
  'Avskrivningar': 'kostnad',
  'Skatteintäkter': 'intäkt',
  'Generella statsbidrag och utjämning': 'intäkt',
  'Finansiella intäkter': 'intäkt',
  'Finansiella kostnader': 'kostnad',
  'Extraordinära poster': 'kostnad',
  'Immateriella anläggningstillgångar': 'tillgång',
  'Materiella anläggningstillgångar': 'tillgång',
  'Finansiella anläggningstillgångar': 'tillgång',
  'Förråd m.m.': 'tillgång',
  'Fordringar': 'tillgång',
  'Kortfristiga placeringar': 'tillgång',
  'Kassa och bank': 'tillgång',
  'Avsättningar': 'skuld',
  'Långfristiga skulder': 'skuld',
  'Kortfristiga skulder': 'skuld',
  'Eget kapital': 'eget kapital',
  'Årets resultat (bokslut)': 'bokslut',
};

export function accountLineNature(line: AccountLine): AccountNature {
  return NATURE[line];
}

/** Lines of the resultaträkning (income and costs): årets resultat is computed from these. */
export function accountLineIsResult(line: AccountLine): boolean {
  const n = NATURE[line];
  return n === 'intäkt' || n === 'kostnad';
}

export function accountLineIsBalance(line: AccountLine): boolean {
  const n = NATURE[line];
  return n === 'tillgång' || n === 'skuld' || n === 'eget kapital';
}

/** Kommun-Bas by the first two digits (design.md: accounting conventions). */
const KOMMUN_BAS: ReadonlyArray<readonly [number, number, AccountLine]> = [
  [10, 10, 'Immateriella anläggningstillgångar'],
  [11, 12, 'Materiella anläggningstillgångar'],
  [13, 13, 'Finansiella anläggningstillgångar'],
  [14, 14, 'Förråd m.m.'],
  [15, 17, 'Fordringar'],
  [18, 18, 'Kortfristiga placeringar'],
  [19, 19, 'Kassa och bank'],
  [20, 20, 'Eget kapital'],
  [22, 22, 'Avsättningar'],
  [23, 23, 'Långfristiga skulder'],
  [24, 29, 'Kortfristiga skulder'],
  [30, 39, 'Verksamhetens intäkter'],
  [40, 67, 'Verksamhetens kostnader'],
  [68, 68, 'Avskrivningar'],
  [69, 79, 'Verksamhetens kostnader'],
  [80, 80, 'Skatteintäkter'],
  [82, 82, 'Generella statsbidrag och utjämning'],
  [84, 84, 'Finansiella intäkter'],
  [85, 85, 'Finansiella kostnader'],
  [88, 88, 'Extraordinära poster'],
  [89, 89, 'Årets resultat (bokslut)'],
];

/** The default line of an account number in Kommun-Bas, or undefined when it has none. */
export function accountDefaultLine(account: string): AccountLine | undefined {
  if (!/^\d{2}/.test(account)) return undefined;
  const prefix = Number(account.slice(0, 2));
  for (const [from, to, line] of KOMMUN_BAS) {
    if (prefix >= from && prefix <= to) return line;
  }
  return undefined;
}

/** One row of a förbund's own Kontoplan sheet. */
export interface KontoplanEntry {
  readonly account: string;
  readonly name: string;
  readonly line: AccountLine;
  readonly cell: CellRef;
}

export interface AccountPlacement {
  readonly line: AccountLine;
  readonly source: 'kontoplan' | 'kommun-bas';
}

/** Other names of account lines in the Kontoplan's Rad column (normalised), and their lines. */
const LINE_ALIASES: ReadonlyMap<string, AccountLine> = new Map<string, AccountLine>([
  ['förråd', 'Förråd m.m.'],
  ['förrådmm', 'Förråd m.m.'],
  ['övrigtegetkapital', 'Eget kapital'],
  ['summaegetkapital', 'Eget kapital'],
  ['bokslut', 'Årets resultat (bokslut)'],
  ['åretsresultatbokslut', 'Årets resultat (bokslut)'],
]);

/** The names a user may write in the Kontoplan's Rad column, mapped to account lines. */
export function accountLineFromRowName(rowName: string, account: string): AccountLine | undefined {
  const wanted = normaliseLineName(rowName);
  if (wanted === '') return undefined;
  const all: AccountLine[] = [...RR_ACCOUNT_LINES, ...BR_ASSET_LINES, ...BR_LIABILITY_LINES, EQUITY_LINE];
  const exact = all.find((l) => normaliseLineName(l) === wanted);
  if (exact) return exact;
  const alias = LINE_ALIASES.get(wanted);
  if (alias) return alias;
  if (wanted === 'åretsresultat') {
    // On a balance account Årets resultat is equity; elsewhere it is the closing account.
    return /^[12]/.test(account) ? 'Eget kapital' : 'Årets resultat (bokslut)';
  }
  return undefined;
}

export function normaliseLineName(name: string): string {
  return name.toLowerCase().replace(/[\s.,\-–/]+/g, '');
}

/** The mapping in force: Kontoplan rows first, then Kommun-Bas ranges. */
export interface AccountMapping {
  place(account: string): AccountPlacement | undefined;
}

export function accountMappingCreate(kontoplan: readonly KontoplanEntry[]): AccountMapping {
  const overrides = new Map<string, AccountLine>();
  for (const entry of kontoplan) overrides.set(entry.account, entry.line);
  const cache = new Map<string, AccountPlacement | undefined>();
  return {
    place(account: string): AccountPlacement | undefined {
      if (cache.has(account)) return cache.get(account);
      const own = overrides.get(account);
      let placement: AccountPlacement | undefined;
      if (own) placement = { line: own, source: 'kontoplan' };
      else {
        const line = accountDefaultLine(account);
        placement = line ? { line, source: 'kommun-bas' } : undefined;
      }
      cache.set(account, placement);
      return placement;
    },
  };
}
