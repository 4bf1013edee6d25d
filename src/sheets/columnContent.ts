// What a column holds, read from its cells when its header says nothing: account numbers,
// dates, amounts, periods (YYYYMM), years, or codes (a few whole numbers repeated). A kind is given only when nearly every filled
// cell fits it, so a column of names or mixed notes is never taken for figures.
import { type CellValue } from '../workbook/port';
import { cellIsDate, cellIsEmpty, cellText } from './cells';
import { dateShapeOf } from './dates';
import { parseAmount } from './numbers';

export type ColumnContent = 'konto' | 'datum' | 'belopp' | 'period' | 'år' | 'kod';

export interface ColumnContentSummary {
  readonly kinds: ReadonlySet<ColumnContent>;
  /** Filled cells seen. */
  readonly filled: number;
}

const SHARE = 0.9;

/** An account number: 4–5 digits, alone or before the account's name ("1930 Bank"). */
export function looksLikeAccount(v: CellValue): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1000 && v <= 99999;
  if (typeof v !== 'string') return false;
  return /^\s*\d{4,5}(\s+\S.*)?\s*$/.test(v);
}

function looksLikeAmount(v: CellValue): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v !== 'string' || !/\d/.test(v)) return false;
  return parseAmount(v).ok;
}

function looksLikePeriod(v: CellValue): boolean {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{6}\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 190000 && n <= 220012 && n % 100 <= 12;
}

function looksLikeYear(v: CellValue): boolean {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{4}\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1990 && n <= 2100;
}

/** Whole non-negative numbers that repeat a few values over many rows: codes (projekt, kostnadsställe), not amounts. */
function looksLikeCodes(filled: readonly CellValue[]): boolean {
  if (filled.length < 10) return false;
  const texts = filled.map(cellText);
  if (!texts.every((t) => /^\d{1,6}$/.test(t))) return false;
  return new Set(texts).size <= Math.max(20, filled.length / 10);
}

export function columnContentOf(values: readonly CellValue[]): ColumnContentSummary {
  const filled = values.filter((v) => !cellIsEmpty(v));
  const kinds = new Set<ColumnContent>();
  if (filled.length === 0) return { kinds, filled: 0 };
  const share = (test: (v: CellValue) => boolean) => filled.filter(test).length / filled.length;
  const dates = share((v) => cellIsDate(v) || (typeof v === 'string' && dateShapeOf(cellText(v)) !== undefined));
  if (dates >= SHARE) kinds.add('datum');
  else if (share(looksLikePeriod) >= SHARE) kinds.add('period');
  else if (share(looksLikeYear) >= SHARE) kinds.add('år');
  else if (share(looksLikeAccount) >= SHARE && new Set(filled.map(cellText)).size > 1) kinds.add('konto');
  else if (looksLikeCodes(filled)) kinds.add('kod');
  else if (share(looksLikeAmount) >= SHARE && filled.some((v) => typeof v === 'number' || /[,-]/.test(cellText(v)))) kinds.add('belopp');
  return { kinds, filled: filled.length };
}
