// Cell addresses and number formats for the adapters (which may not import the core): column
// letters, an address as an area, the formula of a conditional format that colours the cells
// of a column equal to a text, whether a number format shows percent, and where a link goes.
import { type CellArea, type CellLink, type SheetSpec } from './port';

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

/** "B2:D9", "Blad 1!A3" or "'Mitt blad'!$A$1:$B$2" as a 1-based area; undefined if it is not an address. */
export function addressArea(address: string): CellArea | undefined {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(local);
  if (!m) return undefined;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const first = { row: Number(m[2]), col: col(m[1] as string) };
  const last = m[3] ? { row: Number(m[4]), col: col(m[3]) } : first;
  return { row: Math.min(first.row, last.row), col: Math.min(first.col, last.col), rows: Math.abs(last.row - first.row) + 1, cols: Math.abs(last.col - first.col) + 1 };
}

/**
 * True when a number format shows a number as percent (the cell holds the fraction: 1.5 is
 * shown 150 %). A "%" in quotes, after a backslash, or in brackets is a literal character
 * that does not scale the number: `0" %"` and `0\%` show 1.5 as "2 %".
 */
export function numberFormatIsPercent(format: string | undefined): boolean {
  if (!format) return false;
  const scaling = format
    .replace(/"[^"]*"?/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]?/g, '');
  return scaling.includes('%');
}

/** What Excel does not allow in a sheet's name: these characters, an apostrophe first or last. */
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]|^'|'$/;

/**
 * Where a link goes, as Excel writes it: `'Budget 2024'!B39` — the sheet's name always in
 * quotes, an apostrophe in it doubled, the cell in A1 form. Throws for a name no sheet can have
 * or a cell that is not one.
 */
export function linkLocation(link: CellLink): string {
  const cell = link.cell.toUpperCase();
  const area = /^[A-Z]{1,3}[1-9]\d{0,6}$/.test(cell) ? addressArea(cell) : undefined;
  if (!area || area.col > 16_384 || area.row > 1_048_576) throw new Error(`Länken går inte till en cell: ${link.cell}`);
  if (link.sheet === '' || link.sheet.length > 31 || SHEET_NAME_FORBIDDEN.test(link.sheet)) throw new Error(`Länken går inte till ett blad: ${link.sheet}`);
  return `'${link.sheet.replace(/'/g, "''")}'!${cell}`;
}

/** The links of a sheet to write: each linked cell's address ("B6") and where it goes. Throws for a link that goes nowhere. */
export function sheetLinks(spec: SheetSpec): { readonly ref: string; readonly location: string; readonly display: string }[] {
  const out: { ref: string; location: string; display: string }[] = [];
  spec.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.link) out.push({ ref: `${columnLetters(c)}${r + 1}`, location: linkLocation(cell.link), display: cell.value === null ? '' : String(cell.value) });
    }),
  );
  return out;
}
