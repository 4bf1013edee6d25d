// Dates in the forms real exports carry: Excel serials (numbers or date cells), "2024-03-15",
// "2024-03", "202403", "20240315" and "15/3/2024"-style text. Only the year is needed for a
// bokslut; the rest is checked so that a text that is not a date is named, not guessed at.
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
  return undefined;
}

/** A four-digit year inside a text ("Budget 2024", "Utfall 2023-12-31"), or undefined. */
export function yearInText(text: string): number | undefined {
  const m = /(?:^|[^\d])((?:19|20|21)\d{2})(?![\d])/.exec(text);
  return m ? Number(m[1]) : undefined;
}
