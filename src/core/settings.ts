// Settings of a förbund as read from its Inställningar sheet: name, year, presentation unit,
// tilldelade medel, the members with their shares of the driftbidrag, the year the förbund
// started, and the user's choice of ledger columns where the headers do not tell.
import { type CellRef } from './cellref';
import { type Money } from './money';

export interface Member {
  readonly name: string;
  /** Share of the driftbidrag as a fraction 0..1. */
  readonly share: number;
  /** Driftbidrag accounts named for this member in the sheet, if any. */
  readonly accounts: readonly string[];
  readonly cell: CellRef;
}

export type BudgetSignOverride = 'bokföring' | 'rapport' | undefined;

/** A row "Kolumn <roll>" of Inställningar: which ledger column holds that role. */
export interface ColumnChoice {
  /** The text after "Kolumn", as written (trimmed): "Projekt", "Belopp", … */
  readonly role: string;
  /** The header text or column letter of the chosen column, as written (trimmed). */
  readonly column: string;
  /** The value cell. */
  readonly cell: CellRef;
}

export interface Settings {
  readonly forbund: string | undefined;
  readonly year: number | undefined;
  readonly yearCell: CellRef | undefined;
  readonly unit: 'kr' | 'tkr';
  /** Tilldelade medel per year where the sheet gives it. */
  readonly tilldeladeMedel: ReadonlyMap<number, Money>;
  readonly tilldeladeMedelNextYear: Money | undefined;
  readonly members: readonly Member[];
  readonly budgetSign: BudgetSignOverride;
  /** The year the förbund started: its first year has no ingående balanser, rightly. */
  readonly startYear: number | undefined;
  readonly startYearCell: CellRef | undefined;
  /** The ledger column (header text or letter) whose dimension holds the insatser. */
  readonly insatsDimension: string | undefined;
  readonly insatsDimensionCell: CellRef | undefined;
  readonly columnChoices: readonly ColumnChoice[];
}

export const settingsEmpty: Settings = {
  forbund: undefined,
  year: undefined,
  yearCell: undefined,
  unit: 'kr',
  tilldeladeMedel: new Map(),
  tilldeladeMedelNextYear: undefined,
  members: [],
  budgetSign: undefined,
  startYear: undefined,
  startYearCell: undefined,
  insatsDimension: undefined,
  insatsDimensionCell: undefined,
  columnChoices: [],
};
