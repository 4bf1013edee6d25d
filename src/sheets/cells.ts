// Reading single cells: text of a cell, emptiness, and the folded form of a header or key
// used for matching Swedish column names and their variants.
import { type CellValue, type SheetCells } from '../workbook/port';

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

/** The cell as text: numbers as written by JavaScript, errors as their code, empty as ''. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v.replace(/[\u00a0\u2007\u202f]/g, ' ').trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (cellIsError(v)) return v.error;
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
