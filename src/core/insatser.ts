// Insatser: the lines of the driftredovisning (insatser, styrelse, kansli, driftbidrag,
// finansiella poster) as the förbund lists them, and how ledger, budget and statistics rows
// find their line: by projekt code, else by account, else by name.
import { type CellRef } from './cellref';

export const INSATS_TYPES = [
  'Individinriktad',
  'Strukturövergripande',
  'Samverkansstödjande',
  'Blandad',
  'Ej fördelat',
  'Administration',
  'Medlemsbidrag',
  'Finansiell post',
] as const;
export type InsatsType = (typeof INSATS_TYPES)[number];

export interface AccountRange {
  readonly from: string;
  readonly to: string;
}

export interface InsatsLine {
  readonly name: string;
  readonly projekt: readonly string[];
  readonly accounts: readonly AccountRange[];
  readonly type: InsatsType;
  /** Andel individinriktad as a fraction 0..1 (as written, exact to the percent's decimals). */
  readonly individShare: number;
  readonly cell: CellRef;
}

/** Types of insats lines: all but Administration, Medlemsbidrag and Finansiell post. */
export function insatsTypeIsInsats(type: InsatsType): boolean {
  return type !== 'Administration' && type !== 'Medlemsbidrag' && type !== 'Finansiell post';
}

/** Lines that are insatser (all but Administration, Medlemsbidrag and Finansiell post). */
export function insatsLineIsInsats(line: InsatsLine): boolean {
  return insatsTypeIsInsats(line.type);
}

/** The name of the line for amounts that find no Insatser line. */
export const UNALLOCATED_LINE = 'Ej fördelat på insats';

export function accountInRange(account: string, range: AccountRange): boolean {
  if (account.length !== range.from.length && range.from === range.to) return false;
  const width = Math.max(account.length, range.from.length, range.to.length);
  const a = account.padEnd(width, '0');
  const from = range.from.padEnd(width, '0');
  const to = range.to.padEnd(width, '9');
  return a >= from && a <= to && /^\d+$/.test(account) === /^\d+$/.test(range.from);
}

/** Folds a name for matching: case, spacing and punctuation ignored. */
export function insatsNameKey(name: string): string {
  return name.toLowerCase().replace(/[\s.,:;\-–/()]+/g, '');
}

/** Finds Insatser lines by projekt, account and name; built once, asked per row. */
export interface InsatsIndex {
  readonly lines: readonly InsatsLine[];
  byProjekt(projekt: string): InsatsLine | undefined;
  byAccount(account: string): InsatsLine | undefined;
  byName(name: string): InsatsLine | undefined;
  /** projekt first, then account, then name. */
  find(query: { projekt?: string; account?: string; name?: string }): InsatsLine | undefined;
  /** A ledger amount's line: by its projekt when it has one (no fallback), else by its account. */
  forLedger(projekt: string, account: string): InsatsLine | undefined;
}

export function insatsIndexCreate(lines: readonly InsatsLine[]): InsatsIndex {
  const projektMap = new Map<string, InsatsLine>();
  const nameMap = new Map<string, InsatsLine>();
  for (const line of lines) {
    for (const p of line.projekt) if (!projektMap.has(p)) projektMap.set(p, line);
    const key = insatsNameKey(line.name);
    if (!nameMap.has(key)) nameMap.set(key, line);
  }
  const accountCache = new Map<string, InsatsLine | undefined>();
  const byAccount = (account: string): InsatsLine | undefined => {
    if (accountCache.has(account)) return accountCache.get(account);
    const line = lines.find((l) => l.accounts.some((r) => accountInRange(account, r)));
    accountCache.set(account, line);
    return line;
  };
  const byProjekt = (projekt: string): InsatsLine | undefined => (projekt === '' ? undefined : projektMap.get(projekt));
  const byName = (name: string): InsatsLine | undefined => nameMap.get(insatsNameKey(name));
  return {
    lines,
    byProjekt,
    byAccount,
    byName,
    forLedger: (projekt, account) => (projekt !== '' ? byProjekt(projekt) : byAccount(account)),
    find(query) {
      return (
        (query.projekt ? byProjekt(query.projekt) : undefined) ??
        (query.account ? byAccount(query.account) : undefined) ??
        (query.name ? byName(query.name) : undefined)
      );
    },
  };
}
