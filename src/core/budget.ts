// The budget as typed data: one amount per row and year, in ledger sign (debit positive)
// whatever sign the sheet used, with the account, projekt or name that places it. Sum and
// result rows of the sheet are not amounts here: they are reconciliations.
import { type AccountLine } from './accounts';
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
  /** The resultaträkning line, where the row's words say it and it has no account (a printed plan). */
  readonly accountLine?: AccountLine;
  /** A member's contribution (tilldelade medel), as a printed plan's row names it. */
  readonly medlemsbidrag?: boolean;
}

/** A figure a printed plan states for a year, in kr, with the cell it stands in. */
export interface PlanFigure {
  readonly amount: Money;
  readonly cell: CellRef;
  /** How it was read, in Swedish ("Resultat, Budget!B40, tkr"). */
  readonly source: string;
}

/** Eget kapital of a year as a printed plan states it (positive = eget kapital, surplus positive). */
export interface PlanEquity {
  readonly year: number;
  /** The column's kind as printed: budget, plan, utfall, prognos … */
  readonly kind: string;
  readonly header: string;
  readonly ib?: PlanFigure;
  readonly result?: PlanFigure;
  readonly ub?: PlanFigure;
}

/** What a printed plan states beside its rows: results, eget kapital, the members' money per year. */
export interface PlanFigures {
  /** The budget year: the year the plan is for (its first budget column, or the year its title names). */
  readonly budgetYear: number;
  /** Headers of the budget columns as printed, per year ("Budget 2010", "2011"). */
  readonly headers: ReadonlyMap<number, string>;
  /** Årets resultat per year, surplus positive, from the main table's result row. */
  readonly results: ReadonlyMap<number, PlanFigure>;
  /** Eget kapital per year, from the plan's balansräkning or eget-kapital table (utfall and prognos years too). */
  readonly equity: ReadonlyMap<number, PlanEquity>;
  /** Utfall or prognos columns of earlier years in the driftbudget, for comparison (never budget years). */
  readonly earlier: readonly { readonly year: number; readonly header: string; readonly lines: readonly BudgetLine[] }[];
  /** Kronor per printed unit of the main table (1 for kr, 1 000 for tkr): what rounding to the print can explain. */
  readonly unitKronor: number;
  /** A printed row naming the members' money ("Intäkter medlemmarna"), per year. */
  readonly membersMoney: ReadonlyMap<number, PlanFigure>;
}

export interface Budget {
  readonly sheet: string;
  readonly years: readonly number[];
  readonly lines: readonly BudgetLine[];
  /** Every sum and result row of the sheet, verified against the rows it covers. */
  readonly checks: readonly Reconciliation[];
  /** Set when the sheet was read as a printed plan (tables found by their rows, not a header). */
  readonly plan?: PlanFigures;
}

export function budgetLinesForYear(budget: Budget | undefined, year: number): BudgetLine[] {
  return budget ? budget.lines.filter((l) => l.year === year) : [];
}

/** The budget year: Inställningar's Budgetår where the budget has it, else the plan's own, else its first year. */
export function budgetFirstYear(budget: Budget, settingsYear: number | undefined): number {
  if (settingsYear !== undefined && budget.years.includes(settingsYear)) return settingsYear;
  return budget.plan?.budgetYear ?? Math.min(...budget.years);
}
