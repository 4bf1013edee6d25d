// Finding the tables of a sheet. A table is a header row whose value columns name a year or a
// period (one or two lines, a unit row under it), a label column of text left of them, an
// optional code column (accounts, projekt), and the rows below down to a blank row or the next
// header. A block after a blank row with figures in the same columns but no header of its own
// (BALANSBUDGET under RESULTATBUDGET) is a table of its own with the columns above; so is a
// block that a statement title (Balansräkning, Resultatbudget …) opens without a blank row.
// Titles and units come from the text rows above, the header and a unit row. Years typed as
// numbers are told from account codes by where they stand (right of the labels, over
// figures) and by the row (a header row holds no amounts).
import { type CellValue, type SheetSnapshot } from '../../workbook/port';
import { cellIsEmpty, cellText } from '../cells';
import { periodHeaderJoin, periodHeaderOf, type PeriodHeader, yearOfNumber } from './periods';
import { type GranskaColumn, type GranskaRole, type GranskaRow, type GranskaRowKind, type GranskaTable, type GranskaUnit } from './types';
import { cellIsUnitOnly, isFigure, readValue, unitInText } from './values';
import { equityPartOf, isResultLabel, isSumLabel, natureOf, normal, sumSubject } from './words';

type Cells = SheetSnapshot['cells'];

interface Layout {
  readonly columns: readonly GranskaColumn[];
  readonly labelColumn: number;
  readonly unit: GranskaUnit;
  readonly unitSource: GranskaTable['unitSource'];
}

interface HeaderBlock extends Layout {
  /** The header lines and the unit row, if any. */
  readonly rows: readonly number[];
  readonly headerRows: readonly number[];
}

/** Words that may stand left of a lone year typed as a number in a header row. */
const HEADER_WORDS = /^(post|poster|benämning|text|rad|rader|konto|kontonr|kontonummer|kontonamn|projekt|insats|insatser|budget|budgetpost|belopp|resultaträkning|balansräkning|resultatbudget|balansbudget|driftbudget|tkr|kkr|mkr|kr|sek)$/;

/** Words of a ledger's or a register's header: such a row is never a table header. */
const LEDGER_WORDS = /^(debet|kredit|saldo|datum|bokföringsdatum|verifikation|verifikationsnummer|ver\.?\s*nr|vernr|ver|verifikationstext|transaktionsinfo)$/;

/** A title that opens a new table even without a blank row above it. */
const STATEMENT_TITLE = /^(balans|resultat|drift)(budget|räkning|redovisning)|^kassaflödes(analys|budget)/;

const row = (cells: Cells, r: number): readonly CellValue[] => cells[r - 1] ?? [];

function rowBlank(cells: Cells, r: number): boolean {
  return row(cells, r).every(cellIsEmpty);
}

/** Text of a cell that is words, not a number written as text. */
function isLabelText(v: CellValue): boolean {
  if (typeof v !== 'string' || v.trim() === '') return false;
  const value = readValue(v, 'kr');
  return value?.kind === 'text';
}

/** Non-empty cells of a row as [col, value]. */
function filled(cells: Cells, r: number): [number, CellValue][] {
  const out: [number, CellValue][] = [];
  row(cells, r).forEach((v, i) => {
    if (!cellIsEmpty(v)) out.push([i + 1, v]);
  });
  return out;
}

/** A row of nothing but text (title, heading, note): no figures anywhere. */
function textOnly(cells: Cells, r: number): boolean {
  const f = filled(cells, r);
  return f.length > 0 && f.every(([, v]) => isLabelText(v));
}

/** A row that could be a header line: period headers, units and words; no amounts. */
function headerLine(cells: Cells, r: number): Map<number, PeriodHeader> | undefined {
  const periods = new Map<number, PeriodHeader>();
  for (const [col, v] of filled(cells, r)) {
    if (typeof v === 'string' && LEDGER_WORDS.test(normal(v))) return undefined;
    const p = periodHeaderOf(v);
    if (p) {
      periods.set(col, p);
      continue;
    }
    if (typeof v === 'string' && isLabelText(v)) continue;
    return undefined;
  }
  return periods.size > 0 ? periods : undefined;
}

function unitRow(cells: Cells, r: number): GranskaUnit | undefined {
  const f = filled(cells, r);
  if (f.length === 0) return undefined;
  const units = f.map(([, v]) => cellIsUnitOnly(v));
  return units.every((u) => u !== undefined) ? units[0] : undefined;
}

/** Rows below a header down to the next blank row (at most `limit`). */
function blockBelow(cells: Cells, from: number, limit = 400): number[] {
  const out: number[] = [];
  for (let r = from; r <= cells.length && out.length < limit; r++) {
    if (rowBlank(cells, r)) break;
    out.push(r);
  }
  return out;
}

/** The label column: left of the value columns, the one with the most words in the rows. */
function labelColumnOf(cells: Cells, rows: readonly number[], firstValueCol: number): number | undefined {
  const counts = new Map<number, number>();
  for (const r of rows) {
    row(cells, r).forEach((v, i) => {
      if (i + 1 < firstValueCol && isLabelText(v)) counts.set(i + 1, (counts.get(i + 1) ?? 0) + 1);
    });
  }
  let best: number | undefined;
  for (const [col, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = col;
  return best;
}

/** A column whose figures below are all years is a period column of a register, not amounts. */
function columnOfYears(cells: Cells, rows: readonly number[], col: number): boolean {
  const values = rows.map((r) => row(cells, r)[col - 1] ?? null).filter((v) => typeof v === 'number');
  return values.length >= 3 && values.every((v) => typeof v === 'number' && yearOfNumber(v) !== undefined);
}

/** The header that starts at row r, with its unit row and the layout it gives, if r is one. */
function headerAt(cells: Cells, r: number): HeaderBlock | undefined {
  const first = headerLine(cells, r);
  if (!first) return undefined;
  let periods = first;
  const headerRows = [r];
  let next = r + 1;
  // A second header line: period words or years over the same columns ("Utfall" under a date).
  const second = next <= cells.length ? headerLine(cells, next) : undefined;
  if (second && [...second.keys()].some((c) => first.has(c) || !filled(cells, r).some(([col]) => col === c))) {
    const joined = new Map<number, PeriodHeader>();
    for (const col of new Set([...first.keys(), ...second.keys()])) {
      const upperText = cellText(row(cells, r)[col - 1] ?? null);
      const lowerText = cellText(row(cells, next)[col - 1] ?? null);
      const p = periodHeaderJoin(first.get(col), second.get(col), upperText, lowerText);
      if (p) joined.set(col, p);
    }
    periods = joined;
    headerRows.push(next);
    next++;
  }
  const rows = [...headerRows];
  let unit: GranskaUnit | undefined;
  let unitSource: GranskaTable['unitSource'] = 'standard';
  const u = next <= cells.length ? unitRow(cells, next) : undefined;
  if (u) {
    unit = u;
    unitSource = 'enhetsrad';
    rows.push(next);
    next++;
  }
  const below = blockBelow(cells, next);
  // Value columns: period columns with figures below them.
  const valueCols = [...periods.keys()]
    .filter((col) => below.some((b) => isFigure(readValue(row(cells, b)[col - 1] ?? null, 'kr'))))
    .filter((col) => !columnOfYears(cells, below, col))
    .sort((a, b) => a - b);
  if (valueCols.length === 0) return undefined;
  const labelColumn = labelColumnOf(cells, below, valueCols[0]!);
  if (labelColumn === undefined) return undefined;
  const cols = valueCols.filter((c) => c > labelColumn);
  if (cols.length === 0) return undefined;
  // A lone year typed as a number beside words is a key and its value (Budgetår 2024), unless
  // the words are a header's own (Post, Benämning, Budget).
  const headers = cols.map((c) => periods.get(c)!);
  if (headers.length === 1 && headers[0]!.numeric) {
    for (const hr of headerRows) {
      for (const [col, v] of filled(cells, hr)) {
        if (col < cols[0]! && !HEADER_WORDS.test(normal(cellText(v)).replace(/[():]/g, ''))) return undefined;
      }
    }
  }
  if (!unit) {
    for (const hr of headerRows) {
      for (const [, v] of filled(cells, hr)) {
        const inHeader = typeof v === 'string' ? unitInText(v) : undefined;
        if (inHeader && inHeader !== 'kr') {
          unit = inHeader;
          unitSource = 'rubrik';
        }
      }
    }
  }
  const columns: GranskaColumn[] = cols.map((col) => {
    const p = periods.get(col)!;
    return { col, header: p.text, ...(p.year !== undefined ? { year: p.year } : {}), ...(p.kind !== undefined ? { kind: p.kind } : {}) };
  });
  return { rows, headerRows, columns, labelColumn, unit: unit ?? 'kr', unitSource };
}

/** Figures of the row in the layout's value columns. */
function hasFiguresIn(cells: Cells, r: number, layout: Layout): boolean {
  return layout.columns.some((c) => isFigure(readValue(row(cells, r)[c.col - 1] ?? null, layout.unit)));
}

/** Text rows straight above a table (through at most two blank rows), nearest first. */
function titleRowsAbove(cells: Cells, firstRow: number, floor: number): number[] {
  const out: number[] = [];
  let blanks = 0;
  for (let r = firstRow - 1; r > floor; r--) {
    if (rowBlank(cells, r)) {
      if (out.length > 0) break;
      if (++blanks > 2) break;
      continue;
    }
    if (!textOnly(cells, r)) break;
    out.push(r);
    if (out.length >= 5) break;
  }
  return out;
}

function codeColumnOf(cells: Cells, rows: readonly number[], labelColumn: number, firstValueCol: number): number | undefined {
  const counts = new Map<number, number>();
  for (const r of rows) {
    row(cells, r).forEach((v, i) => {
      const col = i + 1;
      // Codes stand before the labels (Konto | Benämning); numbers between labels and figures are other columns.
      if (col >= labelColumn || col >= firstValueCol) return;
      const t = cellText(v);
      if ((typeof v === 'number' && Number.isInteger(v) && v >= 0) || (typeof v === 'string' && /^\d{1,6}$/.test(t))) counts.set(col, (counts.get(col) ?? 0) + 1);
    });
  }
  let best: number | undefined;
  for (const [col, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = col;
  return best;
}

function rowKind(label: string, values: GranskaRow['values'], role: GranskaRole): GranskaRowKind {
  const figures = values.filter(isFigure);
  if (figures.length === 0) return values.some((v) => v?.kind === 'text') ? 'text' : 'rubrik';
  if (figures.every((v) => v.kind === 'procent')) return 'procent';
  // Percentages typed as plain numbers ("Soliditet 17,73") are not amounts to add.
  if (/%|procent|soliditet/.test(normal(label)) && figures.every((v) => v.value.abs().lte(100))) return 'procent';
  if (isSumLabel(label)) {
    // A bare "Totalt" under both intäkter and kostnader is the result.
    return role === 'resultat' && sumSubject(label) === '' ? 'resultat' : 'summa';
  }
  if (role === 'resultat' && isResultLabel(label)) return 'resultat';
  return 'data';
}

/** What the rows say the table is. */
function roleOf(labels: readonly string[], title: string, sheet: string): GranskaRole {
  const natures = new Set(labels.map(natureOf));
  const equity = natures.has('eget kapital') || labels.some((l) => equityPartOf(l) === 'ib' || equityPartOf(l) === 'ub');
  const overview = /nyckeltal|flerårsöversikt|översikt|historik/.test(normal(`${title} ${sheet}`));
  if (natures.has('tillgång') && (equity || natures.has('skuld'))) return 'balans';
  if (!overview && natures.has('intäkt') && natures.has('kostnad')) return 'resultat';
  if (equity) return 'eget-kapital';
  return 'övrig';
}

interface Draft {
  layout: Layout;
  headerRows: readonly number[];
  firstRow: number;
  /** Rows below the header (and unit row). */
  rows: number[];
  titleRow?: number;
  title?: string;
  unitFromTitle?: GranskaUnit;
}

function finish(cells: Cells, sheet: string, d: Draft): GranskaTable | undefined {
  const rows = d.rows.filter((r) => !rowBlank(cells, r));
  if (!rows.some((r) => hasFiguresIn(cells, r, d.layout))) return undefined;
  const firstValueCol = Math.min(...d.layout.columns.map((c) => c.col));
  const labelColumn = labelColumnOf(cells, rows, firstValueCol) ?? d.layout.labelColumn;
  const codeColumn = codeColumnOf(cells, rows, labelColumn, firstValueCol);
  let unit = d.layout.unit;
  let unitSource = d.layout.unitSource;
  if (d.unitFromTitle && (unitSource === 'standard' || unitSource === 'tabellen ovanför')) {
    unit = d.unitFromTitle;
    unitSource = 'titel';
  }
  const read = rows.map((r) => {
    const cellsOfRow = row(cells, r);
    let label = cellText(cellsOfRow[labelColumn - 1] ?? null);
    if (label === '') {
      // A heading written in the code column (or any column left of the figures).
      for (let c = 1; c < firstValueCol && label === ''; c++) if (c !== labelColumn && isLabelText(cellsOfRow[c - 1] ?? null)) label = cellText(cellsOfRow[c - 1] ?? null);
    }
    const codeCell = codeColumn ? cellsOfRow[codeColumn - 1] ?? null : null;
    const code = codeColumn && !cellIsEmpty(codeCell) && !isLabelText(codeCell) ? cellText(codeCell) : undefined;
    const values = d.layout.columns.map((c) => readValue(cellsOfRow[c.col - 1] ?? null, unit));
    return { row: r, label, code, values };
  });
  const role = roleOf(
    read.map((x) => x.label),
    d.title ?? '',
    sheet,
  );
  const tableRows: GranskaRow[] = read.map((x) => ({ row: x.row, label: x.label, ...(x.code !== undefined ? { code: x.code } : {}), kind: rowKind(x.label, x.values, role), values: x.values }));
  const lastRow = rows[rows.length - 1]!;
  const name = d.title ?? `Tabell utan rubrik (rad ${d.firstRow}–${lastRow})`;
  return {
    sheet,
    name,
    ...(d.title !== undefined ? { title: d.title } : {}),
    ...(d.titleRow !== undefined ? { titleRow: d.titleRow } : {}),
    headerRows: d.headerRows,
    firstRow: d.firstRow,
    lastRow,
    labelColumn,
    ...(codeColumn !== undefined ? { codeColumn } : {}),
    unit,
    unitSource,
    role,
    columns: d.layout.columns,
    rows: tableRows,
  };
}

/** A text row that names a table rather than telling when or by whom it was printed. */
const TITLE_WORDS = /budget|räkning|rapport|redovisning|balans|resultat|översikt|nyckeltal|kapital|plan|tabell|sammanställning/;
const PRINT_LINE = /utskriv|utskrift|^sida\b|^period\b|^räkenskapsår\b|^datum\b/;

function withTitle(cells: Cells, d: Draft, floor: number): Draft {
  const above = titleRowsAbove(cells, d.firstRow, floor);
  let unitFromTitle: GranskaUnit | undefined;
  const candidates: { row: number; text: string }[] = [];
  for (const r of above) {
    const texts = filled(cells, r).map(([, v]) => cellText(v));
    const u = texts.map(unitInText).find((x) => x !== undefined);
    if (u && !unitFromTitle) unitFromTitle = u;
    if (filled(cells, r).every(([, v]) => cellIsUnitOnly(v) !== undefined)) continue;
    const text = texts.join(' ');
    // A sentence (a note, a marker line) is not a title.
    if (text.length > 100 || /^genererat av/i.test(text)) continue;
    candidates.push({ row: r, text });
  }
  // Nearest first: a row that names a table, else the nearest that is not a print line.
  const chosen = candidates.find((c) => TITLE_WORDS.test(normal(c.text)) && !PRINT_LINE.test(normal(c.text))) ?? candidates.find((c) => !PRINT_LINE.test(normal(c.text)));
  if (!chosen) return { ...d, ...(unitFromTitle ? { unitFromTitle } : {}) };
  return { ...d, titleRow: chosen.row, title: chosen.text, ...(unitFromTitle ? { unitFromTitle } : {}) };
}

/**
 * A ledger or register: a row with two or more of a ledger's column names (Datum, Debet,
 * Kredit, Saldo, Ver.nr …). Its Summa and saldo rows are not a table's sums.
 */
export function sheetIsLedger(cells: Cells): boolean {
  for (let r = 1; r <= cells.length; r++) {
    let n = 0;
    for (const v of row(cells, r)) if (typeof v === 'string' && LEDGER_WORDS.test(normal(v)) && ++n >= 2) return true;
  }
  return false;
}

/** The tables of one sheet, top to bottom. */
export function sheetTables(snapshot: SheetSnapshot): GranskaTable[] {
  const cells = snapshot.cells;
  if (sheetIsLedger(cells)) return [];
  const tables: GranskaTable[] = [];
  let current: Draft | undefined;
  let lastLayout: Layout | undefined;
  let floor = 0;
  const close = () => {
    if (!current) return;
    const t = finish(cells, snapshot.name, current);
    if (t) {
      tables.push(t);
      floor = t.lastRow;
    }
    current = undefined;
  };
  for (let r = 1; r <= cells.length; r++) {
    if (rowBlank(cells, r)) {
      close();
      continue;
    }
    const header = headerAt(cells, r);
    if (header) {
      close();
      current = withTitle(cells, { layout: header, headerRows: header.headerRows, firstRow: r, rows: [] }, floor);
      lastLayout = header;
      r = header.rows[header.rows.length - 1]!;
      continue;
    }
    const opensStatement = textOnly(cells, r) && STATEMENT_TITLE.test(normal(filled(cells, r).map(([, v]) => cellText(v)).join(' ')));
    if (current && opensStatement && current.rows.length > 0) {
      close();
      continue;
    }
    if (current) {
      current.rows.push(r);
      continue;
    }
    if (lastLayout && hasFiguresIn(cells, r, lastLayout)) {
      // A block without a header of its own: the columns of the table above.
      const inherited: Layout = { ...lastLayout, unitSource: lastLayout.unitSource === 'standard' ? 'standard' : 'tabellen ovanför' };
      current = withTitle(cells, { layout: inherited, headerRows: [], firstRow: r, rows: [r] }, floor);
    }
  }
  close();
  return tables;
}
