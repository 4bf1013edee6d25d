// The shapes Granska hands out: the tables it found (where they stand, their columns, unit and
// rows as read) and one result per check, with what was expected, what is printed and how the
// difference is judged. Amounts are exact decimals in the table's printed unit.
import type Decimal from 'decimal.js';
import { type CellRef } from '../../core/cellref';
import { type Money } from '../../core/money';

/** The unit a table's amounts are printed in. */
export type GranskaUnit = 'kr' | 'tkr' | 'kkr' | 'Mkr';

export type GranskaStatus = 'godkänd' | 'avrundning' | 'avvikelse';

/**
 * What a table is, read from its rows: a result table (intäkter and kostnader, a result row),
 * a balance table (tillgångar against eget kapital and skulder), an eget-kapital table (IB,
 * årets resultat, UB), or any other table of figures (only its sum and group rows are checked).
 */
export type GranskaRole = 'resultat' | 'balans' | 'eget-kapital' | 'övrig';

/** What a column's header says beside the year. */
export type PeriodKind = 'budget' | 'utfall' | 'prognos' | 'plan' | 'bokslut' | 'föregående' | 'avvikelse' | 'period';

export interface GranskaColumn {
  /** 1-based sheet column. */
  readonly col: number;
  /** The header as printed; a two-line header joined with a space ("2009-12-31 Prognos"). */
  readonly header: string;
  readonly year?: number;
  readonly kind?: PeriodKind;
}

/** A cell of a value column as read. Amounts are in the table's unit; percentages in percent points. */
export type GranskaValue =
  | { readonly kind: 'belopp'; readonly value: Decimal }
  | { readonly kind: 'procent'; readonly value: Decimal; readonly decimals: number }
  | { readonly kind: 'text'; readonly text: string };

/**
 * A row's part in its table: a heading (a label without figures), a data row, a sum row
 * (`Summa …`, `Totalt`), a result row (in a result table: `Resultat`, `Årets resultat`,
 * `Verksamhetens nettokostnader`), a row of percentages, or a row of text in the value columns.
 */
export type GranskaRowKind = 'rubrik' | 'data' | 'summa' | 'resultat' | 'procent' | 'text';

export interface GranskaRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly label: string;
  /** The account or projekt code where the table has a code column. */
  readonly code?: string;
  readonly kind: GranskaRowKind;
  /** One entry per table column (same order as `columns`); undefined where empty. */
  readonly values: readonly (GranskaValue | undefined)[];
}

export interface GranskaTable {
  readonly sheet: string;
  /** The printed title, or a name made from where the table stands when it has none. */
  readonly name: string;
  readonly title?: string;
  readonly titleRow?: number;
  /** The header rows (none when the table uses the columns of the table above it). */
  readonly headerRows: readonly number[];
  /** The first header row, or the first row when the table has no header of its own. */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly labelColumn: number;
  readonly codeColumn?: number;
  readonly unit: GranskaUnit;
  /** Where the unit was read: a unit row, the header, the title, the table above, or kr by default. */
  readonly unitSource: 'enhetsrad' | 'rubrik' | 'titel' | 'tabellen ovanför' | 'standard';
  readonly role: GranskaRole;
  /** How the table signs its amounts, in words, once the checks have decided it. */
  readonly sign?: string;
  readonly columns: readonly GranskaColumn[];
  readonly rows: readonly GranskaRow[];
}

/**
 * What kind of check a result comes from. `andel`: a share a label states or the state's half;
 * `medlemsandel`: a member's row against its share in Inställningar.
 */
export type GranskaCheckKind = 'summa' | 'grupp' | 'resultat' | 'balans' | 'eget-kapital' | 'procent' | 'andel' | 'medlemsandel' | 'mellan-tabeller';

export interface GranskaCheck {
  readonly sheet: string;
  /** The checked cell: the printed figure the check is about. */
  readonly cell: CellRef;
  /** The table's name (its title where it has one). */
  readonly table: string;
  /** The checked row's label. */
  readonly row: string;
  /** The checked column's header as printed. */
  readonly column: string;
  readonly kind: GranskaCheckKind;
  /** Swedish, short: what was checked ("Summa kostnader = summan av raderna 30–38"). */
  readonly kontroll: string;
  /** What the figure should be: in `unit`; for percentages rounded to the printed decimals. */
  readonly expected: Money | Decimal;
  /** The printed figure. */
  readonly actual: Money | Decimal;
  /** actual − expected. */
  readonly difference: Money | Decimal;
  readonly unit: GranskaUnit | '%';
  readonly status: GranskaStatus;
  readonly note?: string;
}

export interface GranskaResult {
  tables: GranskaTable[];
  checks: GranskaCheck[];
}
