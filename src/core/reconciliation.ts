// Reconciliations as data: what was expected, what was found and the difference, kept
// whether they pass or fail, so that the Kontroller sheet shows every check the run made.
import { type CellRef } from './cellref';
import { type Money, moneySub, moneyIsZero } from './money';

export interface Reconciliation {
  /** Stable id, e.g. "br-balanserar-2024". */
  readonly id: string;
  /** Swedish description shown on the Kontroller sheet. */
  readonly name: string;
  readonly expected: Money;
  readonly actual: Money;
  readonly difference: Money;
  readonly passed: boolean;
  readonly cells: readonly CellRef[];
}

export function reconcile(
  id: string,
  name: string,
  expected: Money,
  actual: Money,
  cells: readonly CellRef[] = [],
): Reconciliation {
  const difference = moneySub(actual, expected);
  return { id, name, expected, actual, difference, passed: moneyIsZero(difference), cells };
}
