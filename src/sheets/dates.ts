// Dates in the forms real exports carry: Excel serials (numbers or date cells), "2024-03-15",
// "2024/03/15", "2024-03", "202403", "20240315", "15 jan 2024", and day–month–year texts
// ("24-03-15", "15.03.24", "03/15/2024") whose order is decided once per column. Only the
// year is needed for a bokslut; a text that is not a date is named, never guessed at.
import { type CellValue } from '../workbook/port';
import { cellIsDate } from './cells';

export interface DateParse {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Excel's 1900 date system (with its 1900-02-29) to a calendar date. */
export function dateFromSerial(serial: number): DateParse | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const ms = Math.round((Math.floor(serial) - 25569) * 86400000);
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function valid(year: number, month: number, day: number): DateParse | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return undefined;
  return { year, month, day };
}

export function parseDate(v: CellValue): DateParse | undefined {
  if (cellIsDate(v)) return dateFromSerial(v.date);
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 190001 && v <= 220012) return valid(Math.floor(v / 100), v % 100, 1);
    if (Number.isInteger(v) && v >= 19000101 && v <= 22001231) return valid(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
    return dateFromSerial(v);
  }
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})-?(\d{2})$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), 1);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  const shape = dateShapeOf(s);
  return shape?.kind === 'fixed' ? shape.date : undefined;
}

/** A four-digit year inside a text ("Budget 2024", "Utfall 2023-12-31"), or undefined. */
export function yearInText(text: string): number | undefined {
  const m = /(?:^|[^\d])((?:19|20|21)\d{2})(?![\d])/.exec(text);
  return m ? Number(m[1]) : undefined;
}

const MONTHS: readonly (readonly string[])[] = [
  ['jan', 'januari', 'january'],
  ['feb', 'februari', 'february'],
  ['mar', 'mars', 'march'],
  ['apr', 'april'],
  ['maj', 'may'],
  ['jun', 'juni', 'june'],
  ['jul', 'juli', 'july'],
  ['aug', 'augusti', 'august'],
  ['sep', 'sept', 'september'],
  ['okt', 'oktober', 'oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
];

function monthOfName(name: string): number | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.findIndex((names) => names.includes(n));
  return i >= 0 ? i + 1 : undefined;
}

/** The written shape of a date text, before deciding which group is the day, month or year. */
export type DateShape =
  | { readonly kind: 'fixed'; readonly date: DateParse | undefined }
  | { readonly kind: 'groups'; readonly a: number; readonly b: number; readonly c: number; readonly sep: string; readonly yearFirst: boolean; readonly yearLast: boolean; readonly shortYear: boolean };

/** Recognises the forms exports write dates in; undefined for text that is no date. */
export function dateShapeOf(text: string): DateShape | undefined {
  const s = text.trim();
  let m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T].*)?$/.exec(s);
  if (m) return { kind: 'fixed', date: valid(Number(m[1]), Number(m[3]), Number(m[4])) };
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return { kind: 'fixed', date: valid(Number(m[1]), Number(m[2]), Number(m[3])) };
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return { kind: 'fixed', date: valid(Number(m[1]), Number(m[2]), 1) };
  m = /^(\d{1,2})\s*\.?\s*([a-zåäö]{3,9}\.?)\s*(\d{4}|\d{2})$/i.exec(s);
  if (m) {
    const month = monthOfName(m[2] ?? '');
    if (month === undefined) return undefined;
    const y = Number(m[3]);
    return { kind: 'fixed', date: valid(y < 100 ? 2000 + y : y, month, Number(m[1])) };
  }
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})(?:\s.*)?$/.exec(s);
  if (m) return { kind: 'groups', a: Number(m[1]), b: Number(m[3]), c: Number(m[4]), sep: m[2] as string, yearFirst: (m[1] ?? '').length === 2 && (m[4] ?? '').length === 2, yearLast: true, shortYear: (m[4] ?? '').length === 2 };
  return undefined;
}

type Reading = 'ymd' | 'dmy' | 'mdy';

function readGroups(shape: Extract<DateShape, { kind: 'groups' }>, reading: Reading): DateParse | undefined {
  const year = (y: number) => (shape.shortYear ? 2000 + y : y);
  if (reading === 'ymd') return shape.yearFirst ? valid(2000 + shape.a, shape.b, shape.c) : undefined;
  if (reading === 'dmy') return valid(year(shape.c), shape.b, shape.a);
  return valid(year(shape.c), shape.a, shape.b);
}

export interface DateColumn {
  /** Reads one cell of the column the way the whole column is written. */
  parse(v: CellValue): DateParse | undefined;
  /** Set when the column's texts can be read in ways that give other years: the user must say. */
  readonly ambiguousYear?: { readonly example: string };
  /** Set when only day and month could be swapped (the year is certain): stated, not asked. */
  readonly assumedDayMonth?: { readonly example: string; readonly reading: string };
}

/**
 * Decides once per column how its day–month–year texts are written: every reading that
 * reads every cell is a candidate; a ledger's dates lie within a few years, so the readings
 * that gather them into the fewest years win, then those that fit the years the sheet's
 * headings or Inställningar name. Two readings left that give other years
 * make the column ambiguous; two that swap only day and month are Swedish day-first.
 */
export function dateColumnRead(values: readonly CellValue[], hintYears: readonly number[] = []): DateColumn {
  const groups: Extract<DateShape, { kind: 'groups' }>[] = [];
  let example = '';
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const shape = dateShapeOf(v);
    if (shape?.kind === 'groups') {
      groups.push(shape);
      if (example === '') example = v.trim();
    }
  }
  const base = (v: CellValue) => {
    if (typeof v === 'string') {
      const shape = dateShapeOf(v);
      if (shape?.kind === 'fixed') return shape.date;
      if (shape?.kind === 'groups') return undefined;
    }
    return parseDate(v);
  };
  if (groups.length === 0) return { parse: base };
  const spread = new Map<Reading, number>();
  for (const reading of ['ymd', 'dmy', 'mdy'] as const) {
    const years = new Set<number>();
    if (groups.every((g) => years.add(readGroups(g, reading)?.year ?? NaN) && readGroups(g, reading) !== undefined)) spread.set(reading, years.size);
  }
  const fewest = Math.min(...spread.values());
  let readings = [...spread].filter(([, n]) => n === fewest && n <= 3).map(([r]) => r);
  // Still more than one: the one whose years the sheet's headings or Inställningar name.
  if (readings.length > 1 && hintYears.length > 0) {
    const fits = readings.filter((r) => groups.every((g) => hintYears.some((y) => Math.abs((readGroups(g, r)?.year ?? 0) - y) <= 1)));
    if (fits.length > 0) readings = fits;
  }
  const chosen = readings[0] ?? (groups[0]?.sep === '/' ? 'mdy' : 'dmy');
  const parse = (v: CellValue) => {
    if (typeof v === 'string') {
      const shape = dateShapeOf(v);
      if (shape?.kind === 'groups') return readGroups(shape, chosen);
    }
    return base(v);
  };
  const yearsDiffer = readings.length > 1 && groups.some((g) => new Set(readings.map((r) => readGroups(g, r)?.year)).size > 1);
  if (yearsDiffer) return { parse, ambiguousYear: { example } };
  const swapped = readings.length > 1 && groups.some((g) => readGroups(g, readings[0] as Reading)?.month !== readGroups(g, readings[1] as Reading)?.month);
  if (swapped) return { parse, assumedDayMonth: { example, reading: chosen === 'mdy' ? 'månad/dag/år' : chosen === 'ymd' ? 'år-månad-dag' : 'dag/månad/år' } };
  return { parse };
}

/**
 * The year a title or heading row speaks of: a period ("2023-01-01 – 2024-12-31" → its first
 * year; "Period 2024") or a year on its own ("Huvudbok 2024"), never a single full date such
 * as a print date ("Utskriven 2025-02-14").
 */
export function periodYearInText(text: string): number | undefined {
  const range = /((?:19|20|21)\d{2})-?\d{2}-?\d{2}\s*(?:[-–—]|till|to|t\.o\.m\.?)\s*((?:19|20|21)\d{2})-?\d{2}-?\d{2}/.exec(text);
  if (range) return Number(range[1]);
  const withoutDates = text.replace(/\d{2,4}[-/.]\d{1,2}[-/.]\d{1,4}/g, ' ').replace(/\d{1,2}:\d{2}/g, ' ');
  const m = /(?:^|[^\d])((?:19|20|21)\d{2})(?![\d])/.exec(withoutDates);
  return m ? Number(m[1]) : undefined;
}
