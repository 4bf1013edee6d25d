// The workbook port: what every adapter (Office.js, .xlsx, memory) offers the pipeline.
// Cells travel as plain typed values; a run reads the sheets it needs in one batch and
// writes all generated sheets in one call, so a failed run writes nothing.

/**
 * A cell as read: empty, number, text, boolean, an Excel error, a date as an Excel serial, or a
 * number formatted as percent, kept as the fraction it holds (`{ percent: 1.5 }` shows 150 %).
 * A formula the file holds no calculated value for is the error CELL_ERROR_UNCALCULATED, never
 * empty: every reader that parses it stops.
 */
export type CellValue = null | number | string | boolean | { readonly error: string } | { readonly date: number } | { readonly percent: number };

/**
 * The error a formula reads as when the file has no calculated value for it (a file written by
 * a program that does not calculate, or saved without recalculating). Not an Excel error code.
 */
export const CELL_ERROR_UNCALCULATED = '#EJBERÄKNAD';

/** Row-major cells; index [r][c] is sheet row r+1, column c+1. Rows may be ragged. */
export type SheetCells = readonly (readonly CellValue[])[];

/** A block of cells: 1-based first row and column, and the number of rows and columns. */
export interface CellArea {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface SheetSnapshot {
  readonly name: string;
  readonly cells: SheetCells;
  /** True when the sheet carries the generated-sheet marker (see below). */
  readonly generated: boolean;
  /**
   * The sheet's merged ranges. A merged range's value stands in its top-left cell only; the
   * other cells of the range read as empty. Undefined when the host could not list them.
   */
  readonly merges?: readonly CellArea[];
}

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Hex colour without #, e.g. "DDEBF7". */
  readonly fill?: string;
  readonly fontColor?: string;
  readonly align?: 'left' | 'right' | 'center';
  readonly borderTop?: boolean;
  readonly borderBottom?: 'thin' | 'double';
  readonly wrap?: boolean;
  readonly size?: number;
  readonly underline?: boolean;
}

/** The look of a cell that links to another cell: Excel's own hyperlink style. */
export const LINK_STYLE: CellStyle = { fontColor: '0563C1', underline: true };

/**
 * A link from a cell to another cell of the same workbook: a sheet's name and a cell in A1 form
 * ("B39"). Internal only, and never a formula: clicking the cell goes to that sheet and cell.
 */
export interface CellLink {
  readonly sheet: string;
  readonly cell: string;
}

/** A cell to write. Text is always written as text (never as a formula). */
export interface SpecCell {
  readonly value: number | string | boolean | null;
  /** Invariant (en-US) number format, e.g. "#,##0;-#,##0". */
  readonly format?: string;
  readonly style?: CellStyle;
  /** Clicking the cell goes to this cell of the workbook; the cell still shows `value`. */
  readonly link?: CellLink;
}

export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly (SpecCell | null)[])[];
  /** Column widths in characters. */
  readonly widths: readonly number[];
  /** Rows to keep in view when scrolling (the header), 0 for none. */
  readonly freezeRows: number;
  /**
   * 'report' (the default): a generated sheet, protected, replaced on the next run.
   * 'settings': a sheet proposed for the user (Inställningar, Insatser): created only when no
   * sheet has that name, never protected, never replaced.
   */
  readonly kind?: 'report' | 'settings';
  /** Conditional formats: cells of one column whose text equals a rule's text get its colours. */
  readonly conditionalFormats?: readonly ConditionalTextFormat[];
  /**
   * Charts over a block of the sheet's own cells (first row the series names, first column
   * the categories). Written where the host can (Excel); the .xlsx adapter leaves them out.
   */
  readonly charts?: readonly SheetChart[];
}

export interface SheetChart {
  readonly title: string;
  readonly kind: 'bar';
  /** The data block: 1-based rows, 0-based columns, inclusive. */
  readonly fromRow: number;
  readonly toRow: number;
  readonly fromColumn: number;
  readonly toColumn: number;
  /** Where the chart's top left corner goes: 1-based row, 0-based column. */
  readonly anchorRow: number;
  readonly anchorColumn: number;
}

export interface ConditionalTextFormat {
  /** 0-based column, and the 1-based first and last row it covers. */
  readonly column: number;
  readonly fromRow: number;
  readonly toRow: number;
  readonly rules: readonly { readonly text: string; readonly fill: string; readonly fontColor: string }[];
}

export interface WriteOutcome {
  /** Sheets written, with the name each got. */
  readonly written: readonly { readonly wanted: string; readonly name: string }[];
  /** Generated sheets of an earlier run that were replaced. */
  readonly replaced: readonly string[];
}

export interface WorkbookPort {
  /** Names of all sheets, in workbook order. */
  sheetNames(): Promise<string[]>;
  /** Reads the used range of each named sheet, in one batch. */
  readSheets(names: readonly string[]): Promise<SheetSnapshot[]>;
  /**
   * True when each readSheets call returns cells of their own that nothing else holds, which
   * the caller may let go row by row (the run does, for a huvudbok of a million rows). A port
   * that hands out cells it keeps leaves this unset.
   */
  readonly freshCells?: boolean;
  /**
   * Writes the generated sheets: an earlier generated sheet of the same name is replaced
   * whole; a user's own sheet of that name is left alone and the new sheet gets another name.
   * Generated sheets are protected without password.
   */
  writeSheets(sheets: readonly SheetSpec[]): Promise<WriteOutcome>;
}

/**
 * The marker of a generated sheet: cell A3 holds a text that starts with this prefix. A plain
 * cell works the same in Office.js, exceljs and every spreadsheet, and a user's own sheet
 * never starts with it by chance.
 */
export const GENERATED_MARKER_PREFIX = 'Genererat av Finsam Ekonomi';
export const GENERATED_MARKER_ROW = 3;

export function sheetIsGenerated(cells: SheetCells): boolean {
  const marker = cells[GENERATED_MARKER_ROW - 1]?.[0];
  return typeof marker === 'string' && marker.startsWith(GENERATED_MARKER_PREFIX);
}

/** Another name for a generated sheet whose name a user's sheet already has (max 31 chars). */
export function sheetAlternativeName(wanted: string, taken: (name: string) => boolean): string {
  for (let i = 1; i < 100; i++) {
    const suffix = i === 1 ? ' (Finsam)' : ` (Finsam ${i})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!taken(name)) return name;
  }
  throw new Error(`inget ledigt bladnamn för ${wanted}`);
}
