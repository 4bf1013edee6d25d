// Cell addresses for the adapters (which may not import the core): column letters, and the
// formula of a conditional format that colours the cells of a column equal to a text.
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `$G6="Uppfyllt"`: true where the column's cell (relative to the first row) equals `text` (without the leading "="). */
export function cellEqualsTextFormula(column: number, firstRow: number, text: string): string {
  return `$${columnLetters(column)}${firstRow}="${text.replace(/"/g, '""')}"`;
}
