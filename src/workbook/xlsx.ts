// The .xlsx adapter: a WorkbookPort over an exceljs workbook, for the command line and the
// browser mode. Opens only what is an .xlsx workbook (anything else is a WorkbookFileError
// that says what the file is). Reads cells as typed values (dates as Excel serials, formulas
// as their cached results — a formula without one as CELL_ERROR_UNCALCULATED —, numbers
// formatted as percent as such, a merged range's value in its top-left cell only), writes
// generated sheets as a whole and tells what the copy cannot carry along (charts, pivot
// tables, images), which exceljs drops when it saves.
import { cellEqualsTextFormula, columnLetters, addressArea, numberFormatIsPercent, sheetLinks } from './address';
import ExcelJS from 'exceljs';
import {
  type CellArea,
  type CellValue,
  CELL_ERROR_UNCALCULATED,
  type SheetSnapshot,
  type SheetSpec,
  type SpecCell,
  type WorkbookPort,
  type WriteOutcome,
  sheetAlternativeName,
  sheetIsGenerated,
} from './port';
import { WorkbookFileError, workbookSheetsUnreadable, WORKBOOK_FILE_MESSAGES, xlsxPackageInspect, xlsxPartEmptyResults } from './xlsxFile';
import { xlsxLinksPut } from './xlsxLinks';
import { xlsxPackageCompose, xlsxPackageComposable, XlsxPackageUnsupported } from './xlsxPackage';
import { zipInflateAvailable } from './zip';

export { WorkbookFileError, type WorkbookFileKind } from './xlsxFile';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A JavaScript date (as exceljs gives it, in UTC) to an Excel serial. */
export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

/** What the file says of the cell beside its value. */
export interface ExceljsCellContext {
  /** The cell's number format shows percent: a number is the fraction shown as percent. */
  readonly percent?: boolean;
}

interface ExceljsFormula {
  readonly result?: ExcelJS.CellValue;
  /** 'shared' or 'array' on the cell that holds the formula of a range. */
  readonly shareType?: string;
  readonly ref?: string;
}

/** The formula of a cell (its own, shared or of an array), or undefined for a plain value. */
function formulaOf(v: ExcelJS.CellValue): ExceljsFormula | undefined {
  if (v === null || typeof v !== 'object' || v instanceof Date) return undefined;
  return 'formula' in v || 'sharedFormula' in v ? (v as ExceljsFormula) : undefined;
}

/** One exceljs cell value as a port cell value. */
export function cellValueFromExceljs(v: ExcelJS.CellValue, context: ExceljsCellContext = {}): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return context.percent ? { percent: v } : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return { date: dateToSerial(v) };
  const formula = formulaOf(v);
  if (formula) {
    const result = formula.result;
    // Without a stored value a formula is never empty. (exceljs reads one whose value is an
    // empty text alike; the adapter tells them apart by the file: see worksheetRead.)
    if (result === undefined || result === null) return { error: CELL_ERROR_UNCALCULATED };
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) return { error: String(result.error) };
    return cellValueFromExceljs(result, context);
  }
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return null;
}

/** The sheet's merged ranges, as exceljs keeps them (by top-left cell). */
function worksheetMerges(ws: ExcelJS.Worksheet): CellArea[] {
  const merges = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
  return Object.values(merges)
    .map((m) => ({ row: m.top, col: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
}

/** A formula cell the file holds no value for: uncalculated, or an empty text (the file tells). */
interface Unvalued {
  readonly row: number;
  readonly col: number;
  readonly address: string;
  /** The range of an array formula: its other cells are missing from the file without values. */
  readonly array?: CellArea;
}

/**
 * The cells of one worksheet, with its merged ranges. Formula cells without a value read as
 * uncalculated; `emptyResults` (read from the file only when there are such cells) names
 * those whose value is an empty text.
 */
export async function worksheetRead(ws: ExcelJS.Worksheet, emptyResults: () => Promise<ReadonlySet<string>>): Promise<{ cells: CellValue[][]; merges: CellArea[] }> {
  const cells: CellValue[][] = [];
  const unvalued: Unvalued[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = (cells[rowNumber - 1] = []);
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // exceljs repeats a merged range's value into every cell of it: the top-left one holds it.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = cellValueFromExceljs(cell.value, { percent: numberFormatIsPercent(cell.numFmt) });
      values[col - 1] = value;
      const formula = formulaOf(cell.value);
      if (formula && (formula.result === undefined || formula.result === null)) {
        const array = formula.shareType === 'array' && formula.ref ? addressArea(formula.ref) : undefined;
        unvalued.push({ row: rowNumber, col, address: cell.address, array });
      }
    });
  });
  if (unvalued.length > 0) {
    const empty = await emptyResults();
    for (const u of unvalued) {
      const values = cells[u.row - 1] as CellValue[];
      if (empty.has(u.address)) values[u.col - 1] = null;
      else if (u.array) {
        for (let r = u.array.row; r < u.array.row + u.array.rows; r++) {
          const line = (cells[r - 1] ??= []);
          for (let c = u.array.col; c < u.array.col + u.array.cols; c++) if (line[c - 1] === undefined || line[c - 1] === null) line[c - 1] = { error: CELL_ERROR_UNCALCULATED };
        }
      }
    }
  }
  for (let r = 0; r < cells.length; r++) {
    const values = (cells[r] ??= []);
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
  }
  return { cells, merges: worksheetMerges(ws) };
}

/** What the saved copy will lose, found by the parts inside the .xlsx package. */
export function xlsxContentsLost(buffer: Uint8Array): string[] {
  // Part names are stored uncompressed in the zip directory; latin1 keeps every byte.
  const text = new TextDecoder('latin1').decode(buffer);
  const lost: string[] = [];
  if (text.includes('xl/charts/chart')) lost.push('diagram');
  if (text.includes('xl/pivotTables/')) lost.push('pivottabeller');
  if (text.includes('xl/media/')) lost.push('bilder');
  if (text.includes('xl/vbaProject')) lost.push('makron');
  return lost;
}

function applyCell(cell: ExcelJS.Cell, spec: SpecCell): void {
  // Text stays text: exceljs writes a string as a string even when it starts with "=".
  cell.value = spec.value;
  if (spec.format) cell.numFmt = spec.format;
  const s = spec.style;
  if (!s) return;
  if (s.bold || s.italic || s.fontColor || s.size || s.underline) {
    cell.font = { bold: s.bold, italic: s.italic, size: s.size, underline: s.underline, color: s.fontColor ? { argb: `FF${s.fontColor}` } : undefined };
  }
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${s.fill}` } };
  if (s.align || s.wrap) cell.alignment = { horizontal: s.align, wrapText: s.wrap, vertical: 'top' };
  if (s.borderTop || s.borderBottom) {
    cell.border = {
      top: s.borderTop ? { style: 'thin' } : undefined,
      bottom: s.borderBottom ? { style: s.borderBottom } : undefined,
    };
  }
}

/**
 * A generated sheet's cells, styles, widths, frozen rows, conditional formats and protection.
 * Its links are not exceljs's to write: `xlsxLinksPut` puts them into the package it wrote.
 */
export async function worksheetRender(ws: ExcelJS.Worksheet, spec: SheetSpec): Promise<void> {
  spec.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  spec.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell) applyCell(ws.getCell(r + 1, c + 1), cell);
    });
  });
  for (const cf of spec.conditionalFormats ?? []) {
    const col = columnLetters(cf.column);
    ws.addConditionalFormatting({
      ref: `${col}${cf.fromRow}:${col}${cf.toRow}`,
      rules: cf.rules.map((rule, i) => ({
        type: 'expression',
        formulae: [cellEqualsTextFormula(cf.column, cf.fromRow, rule.text)],
        priority: i + 1,
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${rule.fill}` } }, font: { color: { argb: `FF${rule.fontColor}` } } },
      })),
    });
  }
  if (spec.kind !== 'settings') await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
}

export function worksheetAdd(wb: ExcelJS.Workbook, name: string, spec: SheetSpec): ExcelJS.Worksheet {
  return wb.addWorksheet(name, { views: spec.freezeRows > 0 ? [{ state: 'frozen', ySplit: spec.freezeRows }] : [] });
}

/** The file a workbook was opened from: its bytes and the part of each sheet. */
interface XlsxSource {
  readonly bytes: Uint8Array;
  readonly parts: ReadonlyMap<string, string>;
}

export class XlsxWorkbook implements WorkbookPort {
  /** Per sheet, the formula cells whose calculated value the file stores as an empty text. */
  private readonly emptyResults = new Map<string, Promise<ReadonlySet<string>>>();
  /** The generated sheets written, by the name each got, in the order written. */
  private readonly rendered = new Map<string, SheetSpec>();
  /** The exceljs workbook was handed out: it may hold changes the sheets written do not tell. */
  private handedOut = false;

  private constructor(
    private readonly book: ExcelJS.Workbook,
    /** Kinds of content the source had that a saved copy will not carry. */
    readonly contentsLost: readonly string[],
    private readonly source?: XlsxSource,
  ) {}

  /**
   * Opens an .xlsx file. Throws WorkbookFileError (with a Swedish message and its kind) for
   * anything that is not a readable .xlsx workbook: an empty file, a password-protected or old
   * .xls workbook, a text file, another program's file, a package with a part missing, a
   * damaged file.
   */
  static async fromBuffer(buffer: Uint8Array): Promise<XlsxWorkbook> {
    const pkg = await xlsxPackageInspect(buffer);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    } catch (e) {
      throw new WorkbookFileError('skadad', WORKBOOK_FILE_MESSAGES.damaged, { cause: e });
    }
    // exceljs passes over a sheet whose part it cannot place: a sheet must never go missing.
    const loaded = new Set(wb.worksheets.map((w) => w.name));
    const listed = pkg.worksheets ?? [];
    const unread = listed.filter((s) => !loaded.has(s.name)).map((s) => s.name);
    if (unread.length > 0) throw workbookSheetsUnreadable(unread);
    // The copy keeps the original's parts byte for byte where the package allows it: then
    // charts, pivot tables, images and macros all come along, and nothing is lost.
    const lost = (await xlsxPackageComposable(buffer)) ? [] : xlsxContentsLost(buffer);
    return new XlsxWorkbook(wb, lost, { bytes: buffer, parts: new Map(listed.map((s) => [s.name, s.part])) });
  }

  /** The exceljs workbook. A copy saved after changes made through it is written whole by exceljs. */
  get workbook(): ExcelJS.Workbook {
    this.handedOut = true;
    return this.book;
  }

  static empty(): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook(), []);
  }

  sheetNames(): Promise<string[]> {
    return Promise.resolve(this.book.worksheets.map((w) => w.name));
  }

  async readSheets(names: readonly string[]): Promise<SheetSnapshot[]> {
    const out: SheetSnapshot[] = [];
    for (const name of names) {
      const ws = this.book.getWorksheet(name);
      if (!ws) throw new Error(`Bladet ${name} finns inte i arbetsboken.`);
      const { cells, merges } = await worksheetRead(ws, () => this.sheetEmptyResults(name));
      out.push({ name, cells, generated: sheetIsGenerated(cells), merges });
    }
    return out;
  }

  /** Read from the file only for a sheet that has formula cells without a value. */
  private sheetEmptyResults(name: string): Promise<ReadonlySet<string>> {
    let found = this.emptyResults.get(name);
    if (!found) {
      const part = this.source?.parts.get(name);
      found = this.source && part ? xlsxPartEmptyResults(this.source.bytes, part) : Promise.resolve(new Set<string>());
      this.emptyResults.set(name, found);
    }
    return found;
  }

  async writeSheets(sheets: readonly SheetSpec[]): Promise<WriteOutcome> {
    // A link that goes nowhere fails the run before anything is written.
    for (const spec of sheets) sheetLinks(spec);
    const written: { wanted: string; name: string }[] = [];
    const replaced: string[] = [];
    const generated = (ws: ExcelJS.Worksheet): boolean => {
      const marker = cellValueFromExceljs(ws.getCell(3, 1).value);
      return sheetIsGenerated([[], [], [marker]]);
    };
    for (const spec of sheets) {
      if (spec.kind === 'settings' && this.book.getWorksheet(spec.name)) continue;
      const taken = (n: string): boolean => {
        const ws = this.book.getWorksheet(n);
        return ws !== undefined && !generated(ws);
      };
      const name = taken(spec.name) ? sheetAlternativeName(spec.name, taken) : spec.name;
      const earlier = this.book.getWorksheet(name);
      if (earlier) {
        this.book.removeWorksheet(earlier.id);
        replaced.push(name);
      }
      await worksheetRender(worksheetAdd(this.book, name, spec), spec);
      this.rendered.delete(name);
      this.rendered.set(name, spec);
      written.push({ wanted: spec.name, name });
    }
    return { written, replaced };
  }

  /**
   * The copy: the original file with every part kept byte for byte and the generated sheets put
   * in (see xlsxPackage.ts). exceljs writes the whole workbook instead for a workbook not opened
   * from a file, one changed through `workbook`, and a package that cannot be put together so.
   */
  async toBuffer(): Promise<Uint8Array> {
    const composed = await this.packageCompose();
    if (composed) return composed;
    const out = await this.book.xlsx.writeBuffer();
    return xlsxLinksPut(new Uint8Array(out as ArrayBuffer), this.rendered);
  }

  private async packageCompose(): Promise<Uint8Array | undefined> {
    // Without the platform's inflater the listing parts cannot be read: exceljs writes the copy.
    if (!this.source || this.handedOut || !zipInflateAvailable()) return undefined;
    // Every sheet is either the original's or a generated one written here.
    const original = this.source.parts;
    const names = this.book.worksheets.map((w) => w.name);
    if (names.some((n) => !original.has(n) && !this.rendered.has(n))) return undefined;
    if ([...original.keys()].some((n) => !names.includes(n))) return undefined;
    if (this.rendered.size === 0) return new Uint8Array(this.source.bytes);
    const sheets = new ExcelJS.Workbook();
    for (const [name, spec] of this.rendered) await worksheetRender(worksheetAdd(sheets, name, spec), spec);
    const generated = await xlsxLinksPut(new Uint8Array((await sheets.xlsx.writeBuffer()) as ArrayBuffer), this.rendered);
    try {
      return await xlsxPackageCompose(this.source.bytes, generated);
    } catch (e) {
      if (e instanceof XlsxPackageUnsupported) return undefined;
      throw e;
    }
  }
}
