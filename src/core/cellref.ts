// Cell references: where an input value came from, so that every finding and every figure
// can be traced back to a sheet and a cell ("Huvudbok!G5").
export interface CellRef {
  readonly sheet: string;
  /** 1-based row number. */
  readonly row: number;
  /** 1-based column number. */
  readonly col: number;
}

export function cellRef(sheet: string, row: number, col: number): CellRef {
  return { sheet, row, col };
}

/** Column number to letters: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A1"-style address of a cell. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** "Blad!A1", quoting the sheet name the way Excel does when it has spaces or punctuation. */
export function cellRefText(ref: CellRef): string {
  const needsQuotes = /[^A-Za-z0-9_ÅÄÖåäö]/.test(ref.sheet);
  const sheet = needsQuotes ? `'${ref.sheet.replace(/'/g, "''")}'` : ref.sheet;
  return `${sheet}!${cellAddress(ref.row, ref.col)}`;
}
