// Swedish numbers in every form people and systems write them: Excel numbers, "1 293 000 kr",
// "-646 500", "−646 500" (U+2212), non-breaking spaces, "17,73", "(75)", "2 832 tkr", a
// trailing minus; and percentages ("20 %", "85%", 0.2, a cell formatted as percent). Amounts
// come back as whole öre; a percent-formatted cell or a formula without a calculated value is
// never an amount.
import { type CellValue } from '../workbook/port';
import { cellIsDate, cellIsError, cellIsPercent, cellIsUncalculated, cellText } from './cells';

export type AmountParse =
  | { readonly ok: true; readonly ore: number }
  | { readonly ok: false; readonly reason: 'text' | 'error' | 'decimals' | 'date' | 'too-large' | 'percent' | 'uncalculated'; readonly shown: string };

const MAX_ORE = 9e15;

function fromNumber(n: number, shown: string): AmountParse {
  if (!Number.isFinite(n)) return { ok: false, reason: 'text', shown };
  const scaled = n * 100;
  const ore = Math.round(scaled);
  if (Math.abs(ore) > MAX_ORE) return { ok: false, reason: 'too-large', shown };
  if (Math.abs(scaled - ore) > 1e-6 * Math.max(1, Math.abs(scaled) / 1e6)) return { ok: false, reason: 'decimals', shown };
  return { ok: true, ore: ore === 0 ? 0 : ore };
}

/** Parses Swedish number text to a decimal string ("-646500", "17.73"), or undefined. */
export function swedishNumberText(raw: string): { digits: string; scale: number } | undefined {
  let s = raw.replace(/[\u00a0\u2007\u202f\u2009\s]/g, '').replace(/[\u2212\u2012\u2013]/g, '-');
  let scale = 1;
  const unit = /(tkr|mkr|kr|sek|:-|%)$/i.exec(s);
  if (unit) {
    const u = unit[1]?.toLowerCase();
    if (u === 'tkr') scale = 1000;
    else if (u === 'mkr') scale = 1_000_000;
    else if (u === '%') return undefined;
    s = s.slice(0, -unit[0].length);
  }
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.endsWith('-') && s.length > 1) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (s === '') return undefined;
  // Decimal comma; dots are thousand separators unless a single dot ends with 1–2 digits.
  if (s.includes(',')) {
    if ((s.match(/,/g) ?? []).length > 1) return undefined;
    s = s.replace(/\./g, '').replace(',', '.');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, '');
  }
  if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
  return { digits: (negative ? '-' : '') + s, scale };
}

export function parseAmount(v: CellValue): AmountParse {
  if (v === null) return { ok: true, ore: 0 };
  if (typeof v === 'number') return fromNumber(v, String(v));
  if (typeof v === 'boolean') return { ok: false, reason: 'text', shown: String(v) };
  if (cellIsUncalculated(v)) return { ok: false, reason: 'uncalculated', shown: 'en formel utan beräknat värde' };
  if (cellIsError(v)) return { ok: false, reason: 'error', shown: v.error };
  if (cellIsDate(v)) return { ok: false, reason: 'date', shown: 'ett datum' };
  if (cellIsPercent(v)) return { ok: false, reason: 'percent', shown: cellText(v) };
  const text = v.trim();
  if (text === '' || text === '-' || text === '–') return { ok: true, ore: 0 };
  const parsed = swedishNumberText(text);
  if (!parsed) return { ok: false, reason: 'text', shown: text };
  const [intPart = '0', fracPart = ''] = parsed.digits.replace('-', '').split('.');
  const negative = parsed.digits.startsWith('-');
  // Exact: integer öre from the digits, then the unit's scale.
  const fracDigits = fracPart.padEnd(2, '0');
  if (parsed.scale === 1 && fracPart.length > 2 && /[1-9]/.test(fracPart.slice(2))) return { ok: false, reason: 'decimals', shown: text };
  let ore: number;
  if (parsed.scale === 1) ore = Number(intPart) * 100 + Number(fracDigits.slice(0, 2));
  else {
    const scaled = Number(`${intPart}.${fracPart || '0'}`) * parsed.scale * 100;
    ore = Math.round(scaled);
    if (Math.abs(scaled - ore) > 1e-6) return { ok: false, reason: 'decimals', shown: text };
  }
  if (!Number.isSafeInteger(ore) || ore > MAX_ORE) return { ok: false, reason: 'too-large', shown: text };
  return { ok: true, ore: negative && ore !== 0 ? -ore : ore };
}

/** True when the cell holds something that reads as an amount (and is not empty). */
export function cellLooksLikeAmount(v: CellValue): boolean {
  if (typeof v === 'number') return true;
  if (typeof v !== 'string' || v.trim() === '') return false;
  return swedishNumberText(v.trim()) !== undefined;
}

/**
 * A percentage as a fraction: "20 %" → 0.2, "85%" → 0.85, a cell formatted as percent → the
 * fraction it holds (1.5, shown 150 %, → 1.5); a bare number 0.5 → 0.5, and 17.73 or "17,73"
 * → 0.1773 when it reads as percent points (above 1). Undefined if unreadable.
 */
export function parsePercent(v: CellValue): number | undefined {
  if (cellIsPercent(v)) {
    const fraction = Number(v.percent.toPrecision(15));
    return Number.isFinite(fraction) ? fraction : undefined;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? (Math.abs(v) > 1 ? v / 100 : v) : undefined;
  if (typeof v !== 'string') return undefined;
  const text = v.replace(/[\u00a0\u2007\u202f\s]/g, '').replace(/[\u2212]/g, '-');
  const hasPercent = text.endsWith('%');
  const body = hasPercent ? text.slice(0, -1) : text;
  if (!/^-?\d+([.,]\d+)?$/.test(body)) return undefined;
  const n = Number(body.replace(',', '.'));
  if (hasPercent || Math.abs(n) > 1) return n / 100;
  return n;
}
