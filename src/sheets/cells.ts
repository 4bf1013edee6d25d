// Reading single cells: text of a cell, emptiness, and the folded form of a header or key
// used for matching Swedish column names and their variants.
import { type CellValue, CELL_ERROR_UNCALCULATED, type SheetCells } from '../workbook/port';

export function cellAt(cells: SheetCells, row: number, col: number): CellValue {
  return cells[row - 1]?.[col - 1] ?? null;
}

export function cellIsEmpty(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

export function cellIsError(v: CellValue): v is { readonly error: string } {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function cellIsDate(v: CellValue): v is { readonly date: number } {
  return typeof v === 'object' && v !== null && 'date' in v;
}

/** A number formatted as percent: `percent` is the fraction it holds (1.5 is shown 150 %). */
export function cellIsPercent(v: CellValue): v is { readonly percent: number } {
  return typeof v === 'object' && v !== null && 'percent' in v;
}

/** A formula the file holds no calculated value for (an error-like value: it never reads as empty). */
export function cellIsUncalculated(v: CellValue): boolean {
  return cellIsError(v) && v.error === CELL_ERROR_UNCALCULATED;
}

/** Percent points of a fraction without the binary noise of floating point: 0.1773 → 17.73. */
export function percentPoints(fraction: number): number {
  return Number((fraction * 100).toPrecision(15));
}

const HARD_SPACE = /[\u00a0\u2007\u202f]/;
const HARD_SPACES = /[\u00a0\u2007\u202f]/g;

/** The cell as text: numbers as written by JavaScript, percent as shown ("17,5 %"), errors as their code, empty as ''. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') {
    // trim() takes the hard spaces at the ends too; those inside become plain spaces.
    const t = v.trim();
    return HARD_SPACE.test(t) ? t.replace(HARD_SPACES, ' ') : t;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (cellIsError(v)) return v.error;
  if (cellIsPercent(v)) {
    const points = percentPoints(v.percent);
    return Number.isFinite(points) ? `${String(points).replace('.', ',')} %` : String(v.percent);
  }
  return String(v.date);
}

/** Folded for matching: lower case, no spaces, dots, dashes, colons or underscores. */
export function foldKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\s.\-–:_/()]+/g, '');
}

export function rowIsEmpty(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every(cellIsEmpty);
}

/** Number of rows in the sheet (the last row with any value). */
export function sheetRowCount(cells: SheetCells): number {
  for (let r = cells.length; r > 0; r--) if (!rowIsEmpty(cells[r - 1])) return r;
  return 0;
}
