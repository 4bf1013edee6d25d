// A value cell as a table prints it: an amount (an Excel number, or Swedish number text such
// as "-646 500 kr") as an exact decimal in the table's unit, a percentage in percent points
// with the decimals it is printed with, or text ("Inga"). Amount text that names its own unit
// ("2 832 tkr" in a kr table) is converted; never a float sum.
import Decimal from 'decimal.js';
import { ExactDecimal } from '../../core/money';
import { type CellValue } from '../../workbook/port';
import { cellIsDate, cellIsEmpty, cellIsError, cellIsPercent, cellText, percentPoints } from '../cells';
import { parseAmount, swedishNumberText } from '../numbers';
import { type GranskaUnit, type GranskaValue } from './types';

/** Kronor in one unit. */
export function unitFactor(unit: GranskaUnit): Decimal {
  return new ExactDecimal(unit === 'kr' ? 1 : unit === 'Mkr' ? 1_000_000 : 1000);
}

/** A unit named by a word of a title, header or unit row: tkr, kkr, Mkr, kr (SEK). */
export function unitInText(text: string): GranskaUnit | undefined {
  const t = text.toLowerCase();
  if (/(^|[^a-zåäö])(tkr|tsek|tusental\s+kronor|tusen\s+kronor)([^a-zåäö]|$)/.test(t)) return 'tkr';
  if (/(^|[^a-zåäö])kkr([^a-zåäö]|$)/.test(t)) return 'kkr';
  if (/(^|[^a-zåäö])(mkr|msek|miljoner\s+kronor)([^a-zåäö]|$)/.test(t)) return 'Mkr';
  if (/(^|[^a-zåäö])(kr|sek|kronor)([^a-zåäö]|$)/.test(t)) return 'kr';
  return undefined;
}

/** A cell that says nothing but a unit: "tkr", "(tkr)", "Belopp i tkr", "Kr", "SEK". */
export function cellIsUnitOnly(v: CellValue): GranskaUnit | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim().toLowerCase().replace(/[()[\]:]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!/^(belopp\s+)?(i\s+|i\s+hela\s+)?(tkr|kkr|mkr|kr|sek|tsek|msek|kronor|tusental kronor|tusen kronor|miljoner kronor)$/.test(t)) return undefined;
  return unitInText(t);
}

function decimalsOf(points: number): number {
  const text = String(points);
  const dot = text.indexOf('.');
  return dot < 0 || /e/i.test(text) ? 0 : Math.min(6, text.length - dot - 1);
}

function percentFromText(text: string): GranskaValue | undefined {
  const m = /^([-−+]?\d+(?:[.,]\d+)?)\s*%$/.exec(text.replace(/[\u00a0\u2007\u202f]/g, ' ').trim());
  if (!m?.[1]) return undefined;
  const body = m[1].replace('−', '-').replace(',', '.');
  const dot = body.indexOf('.');
  return { kind: 'procent', value: new ExactDecimal(body), decimals: dot < 0 ? 0 : body.length - dot - 1 };
}

/** The cell as a value of a table printed in `unit`; undefined when empty. */
export function readValue(v: CellValue, unit: GranskaUnit): GranskaValue | undefined {
  if (cellIsEmpty(v)) return undefined;
  if (cellIsPercent(v)) {
    const points = percentPoints(v.percent);
    if (!Number.isFinite(points)) return { kind: 'text', text: cellText(v) };
    return { kind: 'procent', value: new ExactDecimal(String(points)), decimals: decimalsOf(points) };
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'text', text: cellText(v) };
    const parsed = parseAmount(v);
    // Whole öre where the number has them; a tkr figure with more decimals kept as printed.
    const value = parsed.ok ? new ExactDecimal(parsed.ore).dividedBy(100) : new ExactDecimal(Number(v.toPrecision(15)));
    return { kind: 'belopp', value };
  }
  if (typeof v === 'boolean' || cellIsError(v) || cellIsDate(v)) return { kind: 'text', text: cellText(v) };
  const text = cellText(v);
  // A dash in a figure column is printed for nothing.
  if (/^[-–—]$/.test(text)) return undefined;
  const percent = percentFromText(text);
  if (percent) return percent;
  const parsed = swedishNumberText(text);
  if (!parsed) return { kind: 'text', text };
  let value = new ExactDecimal(parsed.digits).times(parsed.scale);
  // Text that names its unit is in kronor (times the unit it names); else in the table's unit.
  if (/(tkr|mkr|kr|sek|:-)\s*$/i.test(text)) value = value.dividedBy(unitFactor(unit));
  return { kind: 'belopp', value };
}

/** True when the cell holds a figure (amount or percentage). */
export function isFigure(v: GranskaValue | undefined): v is Extract<GranskaValue, { kind: 'belopp' | 'procent' }> {
  return v !== undefined && v.kind !== 'text';
}

/** The amount of a value, or undefined when it is not an amount. */
export function amountOf(v: GranskaValue | undefined): Decimal | undefined {
  return v?.kind === 'belopp' ? v.value : undefined;
}
