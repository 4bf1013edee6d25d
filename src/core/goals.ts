// Goals as the förbund writes them in its Mål sheet, and how one goal is judged against an
// exact measured value: uppfyllt, ej uppfyllt, bedöms manuellt (no mått) or kan ej bedömas
// (no value, or a limit in a unit the measure does not have). Rounding only when shown.
import type Decimal from 'decimal.js';
import { type CellRef } from './cellref';
import { ExactDecimal } from './money';

export type Condition = '>=' | '<=' | '>' | '<' | '=';
export type GoalStatus = 'uppfyllt' | 'ej uppfyllt' | 'bedöms manuellt' | 'kan ej bedömas';
export type MeasureUnit = 'procent' | 'kr' | 'antal';

/** A limit as written: a percentage (20 %, 1/3 → 33,33… %), an amount in kronor, or a bare number. */
export interface GoalLimit {
  readonly value: Decimal;
  readonly kind: 'procent' | 'kr' | 'tal';
}

export interface Goal {
  readonly id: string;
  readonly text: string;
  /** Empty for the whole förbund. */
  readonly insats: string;
  /** Empty: the goal is judged by hand. */
  readonly measure: string;
  readonly condition: Condition | undefined;
  readonly limit: GoalLimit | undefined;
  /** The goal's row in the Mål sheet (column A). */
  readonly cell: CellRef;
}

export const CONDITION_TEXT: Record<Condition, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

/** The limit in the measure's unit, or why it cannot be compared. */
export function goalLimitInUnit(limit: GoalLimit, unit: MeasureUnit): Decimal | string {
  // A percentage typed into a percent-formatted cell arrives as a fraction (20 % → 0.2).
  if (limit.kind === 'tal' && unit === 'procent' && limit.value.greaterThan(0) && limit.value.lessThan(1)) return limit.value.times(100);
  if (limit.kind === 'tal') return limit.value;
  if (limit.kind === 'procent' && unit === 'procent') return limit.value;
  if (limit.kind === 'kr' && unit === 'kr') return limit.value;
  return `gränsvärdet är ${limit.kind === 'procent' ? 'en andel i procent' : 'ett belopp i kronor'} men måttet mäts i ${unit === 'procent' ? 'procent' : unit === 'kr' ? 'kronor' : 'antal'}`;
}

/** True when `value` meets `condition` against `limit`, compared exactly. */
export function conditionHolds(value: Decimal, condition: Condition, limit: Decimal): boolean {
  const c = new ExactDecimal(value).comparedTo(limit);
  switch (condition) {
    case '>=':
      return c >= 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '<':
      return c < 0;
    case '=':
      return c === 0;
  }
}
