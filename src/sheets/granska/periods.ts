// Column headers that name a year or a period, in the forms plans and reports print them:
// "Budget 2024", "2025", "Plan 2026", "Budget 2010 (tkr)", the number 2011 shown "2 011",
// "2008-12-31 Utfall", a date cell, "Utfall 2023", "Föregående år", "Prognos". The words
// say what kind of column it is; the year comes from the text, the number or the date.
import { type CellValue } from '../../workbook/port';
import { cellIsDate, cellText } from '../cells';
import { dateFromSerial } from '../dates';
import { type PeriodKind } from './types';

export interface PeriodHeader {
  readonly text: string;
  readonly year?: number;
  readonly kind?: PeriodKind;
  /** True when the cell is a bare number (a year typed as a number). */
  readonly numeric: boolean;
}

const KIND_WORDS: readonly [PeriodKind, RegExp][] = [
  ['avvikelse', /avvik|differens|\bdiff\b|förändring/],
  ['föregående', /föreg|\bfg\.?\s*år|förra året|jämförelse/],
  ['utfall', /utfall|verklig|redovisa|\bactual\b|ackumul|\back\b/],
  ['prognos', /prognos/],
  ['bokslut', /bokslut|årsredovisning/],
  ['plan', /\bplan\b|planår|flerårsplan/],
  ['budget', /budget|beslutad|förslag|reviderad/],
  ['period', /\bperiod\b|helår|delår|tertial|kvartal|innevarande|\bår\b|årets/],
];

/** Words that make a header a ledger's or a register's, never a period column. */
const NOT_PERIOD = /debet|kredit|saldo|belopp|konto|datum|verifikat|ver\.?\s*nr|benämning|\btext\b|ingående|utgående|antal|mått|gränsvärde|andel|procent|villkor/;

export function yearOfNumber(n: number): number | undefined {
  return Number.isInteger(n) && n >= 1950 && n <= 2100 ? n : undefined;
}

function yearsInText(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?:^|[^\d])((?:19[5-9]|20\d)\d)(?![\d])/g)) if (m[1]) out.push(Number(m[1]));
  // "2 011": a year printed with a thousands space.
  const spaced = /^\s*([12])[\s\u00a0\u202f](\d{3})\s*$/.exec(text);
  if (spaced) out.push(Number(`${spaced[1]}${spaced[2]}`));
  return out;
}

/** The header a cell holds when it names a period, else undefined. */
export function periodHeaderOf(v: CellValue): PeriodHeader | undefined {
  if (typeof v === 'number') {
    const year = yearOfNumber(v);
    return year === undefined ? undefined : { text: String(v), year, numeric: true };
  }
  if (cellIsDate(v)) {
    const d = dateFromSerial(v.date);
    if (!d) return undefined;
    const text = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    return { text, year: d.year, numeric: false };
  }
  if (typeof v !== 'string') return undefined;
  const text = cellText(v);
  if (text === '' || text.length > 48) return undefined;
  const lower = text.toLowerCase();
  if (NOT_PERIOD.test(lower)) return undefined;
  // A voucher or case number ("2024-0127"), not a period.
  if (/(19|20)\d\d[-/]\d{3,}/.test(lower)) return undefined;
  const years = [...new Set(yearsInText(text).filter((y) => yearOfNumber(y) !== undefined))];
  const kind = KIND_WORDS.find(([, re]) => re.test(lower))?.[0];
  // A span of years ("2024–2026") is a title, not a column.
  const isDate = /\d{4}-\d{2}-\d{2}/.test(text);
  if (years.length > 1 && !isDate) return undefined;
  const year = years[0];
  if (year === undefined && kind === undefined) return undefined;
  // Beside the year only period words, units, dates and punctuation: a label that mentions
  // a year ("Insatser 2024 enligt beslut") is not a header.
  const rest = lower
    .replace(/\d{4}-\d{2}-\d{2}/g, ' ')
    .replace(/\d+/g, ' ')
    .replace(/avvikelse|differens|diff|förändring|föregående|föreg|fg|förra|året|år|jämförelse|utfall|verkligt|verklig|redovisat|ackumulerat|ack|prognos|bokslut|årsredovisning|planår|flerårsplan|plan|budget|beslutad|förslag|reviderad|period|helår|delår|tertial|kvartal|innevarande|årets|mot|och|per|netto|tkr|kkr|mkr|kr|sek|totalt|helt/g, ' ')
    .replace(/[\s.,:;()[\]/\-–—]+/g, '');
  if (rest.length > 3) return undefined;
  return { text, ...(year !== undefined ? { year } : {}), ...(kind !== undefined ? { kind } : {}), numeric: false };
}

/** Two header lines of one column read as one ("2008-12-31" over "Utfall"). */
export function periodHeaderJoin(upper: PeriodHeader | undefined, lower: PeriodHeader | undefined, upperText: string, lowerText: string): PeriodHeader | undefined {
  if (!upper && !lower) return undefined;
  const text = [upperText, lowerText].filter((t) => t !== '').join(' ');
  const year = upper?.year ?? lower?.year;
  const kind = lower?.kind ?? upper?.kind;
  return { text, ...(year !== undefined ? { year } : {}), ...(kind !== undefined ? { kind } : {}), numeric: (upper?.numeric ?? false) && !lower };
}
