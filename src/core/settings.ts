// Settings of a förbund as read from its Inställningar sheet: name, year, presentation unit,
// tilldelade medel and the members with their shares of the driftbidrag.
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
};
