// The budget as typed data: one amount per row and year, in ledger sign (debit positive)
// whatever sign the sheet used, with the account, projekt or name that places it. Sum and
// result rows of the sheet are not amounts here: they are reconciliations.
import { type CellRef } from './cellref';
import { type Money } from './money';
import { type Reconciliation } from './reconciliation';

export interface BudgetLine {
  readonly year: number;
  /** Ledger sign: intäkter negative, kostnader positive. */
  readonly amount: Money;
  readonly account: string | undefined;
  readonly projekt: string | undefined;
  readonly name: string;
  readonly cell: CellRef;
  /** True for balance rows (eget kapital and the like in a balansbudget). */
  readonly isBalance: boolean;
}

export interface Budget {
  readonly sheet: string;
  readonly years: readonly number[];
  readonly lines: readonly BudgetLine[];
  /** Every sum and result row of the sheet, verified against the rows it covers. */
  readonly checks: readonly Reconciliation[];
}

export function budgetLinesForYear(budget: Budget | undefined, year: number): BudgetLine[] {
  return budget ? budget.lines.filter((l) => l.year === year) : [];
}
