// One result row per check: the printed figure against what the table's own figures give,
// judged `godkänd` (equal), `avrundning` (within what rounding to the printed unit explains)
// or `avvikelse` (a slip). Percentages are compared at the decimals they are printed with.
import Decimal from 'decimal.js';
import { cellRef } from '../../core/cellref';
import { ExactDecimal, moneyFromString } from '../../core/money';
import { type GranskaCheck, type GranskaCheckKind, type GranskaColumn, type GranskaRow, type GranskaStatus, type GranskaTable } from './types';

export function judge(difference: Decimal, tolerance: Decimal): GranskaStatus {
  if (difference.isZero()) return 'godkänd';
  return difference.abs().lte(tolerance) ? 'avrundning' : 'avvikelse';
}

/** A row's label for the report: its label, or its code where it has none. */
export function rowName(r: GranskaRow): string {
  if (r.label !== '' && r.code) return `${r.code} ${r.label}`;
  return r.label !== '' ? r.label : r.code ?? `rad ${r.row}`;
}

export interface AmountCheckArgs {
  readonly table: GranskaTable;
  readonly row: GranskaRow;
  readonly column: GranskaColumn;
  readonly kind: GranskaCheckKind;
  readonly kontroll: string;
  readonly expected: Decimal;
  readonly actual: Decimal;
  readonly tolerance: Decimal;
  readonly note?: string | undefined;
}

/** Where a check stands and what it is: the cell, its table, row and column. */
function checkAt(a: { readonly table: GranskaTable; readonly row: GranskaRow; readonly column: GranskaColumn; readonly kind: GranskaCheckKind; readonly kontroll: string }) {
  return {
    sheet: a.table.sheet,
    cell: cellRef(a.table.sheet, a.row.row, a.column.col),
    table: a.table.name,
    row: rowName(a.row),
    column: a.column.header,
    kind: a.kind,
    kontroll: a.kontroll,
  };
}

export function amountCheck(a: AmountCheckArgs): GranskaCheck {
  const difference = a.actual.minus(a.expected);
  return {
    ...checkAt(a),
    expected: moneyFromString(a.expected.toString()),
    actual: moneyFromString(a.actual.toString()),
    difference: moneyFromString(difference.toString()),
    unit: a.table.unit,
    status: judge(difference, a.tolerance),
    ...(a.note ? { note: a.note } : {}),
  };
}

export interface PercentCheckArgs {
  readonly table: GranskaTable;
  readonly row: GranskaRow;
  readonly column: GranskaColumn;
  readonly kind: GranskaCheckKind;
  readonly kontroll: string;
  /** The share the table's figures give, in percent points, unrounded. */
  readonly exact: Decimal;
  /** The printed share in percent points and its decimals. */
  readonly printed: Decimal;
  readonly decimals: number;
  readonly note?: string | undefined;
}

/** Percent points rounded half up to the printed decimals. */
export function roundPoints(points: Decimal, decimals: number): Decimal {
  return points.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}

/** A share as Swedish text: "9,89 %". */
export function percentText(points: Decimal, decimals = 2): string {
  return `${roundPoints(points, decimals).toFixed(decimals).replace('.', ',')} %`;
}

export function percentCheck(a: PercentCheckArgs): GranskaCheck {
  const expected = roundPoints(a.exact, a.decimals);
  const difference = a.printed.minus(expected);
  // Equal at the printed precision is godkänd; within one unit of the last printed digit of
  // the exact share is rounding (a share printed from rounded parts); beyond that a slip.
  const step = new ExactDecimal(10).pow(-a.decimals);
  const status: GranskaStatus = difference.isZero() ? 'godkänd' : a.printed.minus(a.exact).abs().lt(step) ? 'avrundning' : 'avvikelse';
  return {
    ...checkAt(a),
    expected,
    actual: a.printed,
    difference,
    unit: '%',
    status,
    note: [`beräknat ${percentText(a.exact, Math.max(2, a.decimals))}`, a.note].filter(Boolean).join('; '),
  };
}

/** Rows as "raderna 5–7" or "raderna 8, 12, 23". */
export function rowsText(rows: readonly number[]): string {
  if (rows.length === 0) return 'inga rader';
  if (rows.length === 1) return `rad ${rows[0]}`;
  const contiguous = rows.every((r, i) => i === 0 || r === rows[i - 1]! + 1);
  if (contiguous) return `raderna ${rows[0]}–${rows[rows.length - 1]}`;
  const shown = rows.length > 8 ? [...rows.slice(0, 7).map(String), '…'] : rows.map(String);
  return `raderna ${shown.join(', ')}`;
}

/** An amount as Swedish text: "-646 500", "2 579,54". */
export function amountText(d: Decimal): string {
  const fixed = d.isInteger() ? d.toFixed(0) : d.toFixed(Math.min(4, d.decimalPlaces()));
  const [int = '0', frac] = fixed.split('.');
  const negative = int.startsWith('-');
  const digits = negative ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${negative ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}
