// The .xlsx adapter: a WorkbookPort over an exceljs workbook, for the command line and the
// browser mode. Reads cells as typed values (dates as Excel serials, formulas as their cached
// results), writes generated sheets as a whole and tells what the copy cannot carry along
// (charts, pivot tables, images), which exceljs drops when it saves.
import { cellEqualsTextFormula, columnLetters } from './address';
import ExcelJS from 'exceljs';
import {
  type CellValue,
  type SheetSnapshot,
  type SheetSpec,
  type SpecCell,
  type WorkbookPort,
  type WriteOutcome,
  sheetAlternativeName,
  sheetIsGenerated,
} from './port';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A JavaScript date (as exceljs gives it, in UTC) to an Excel serial. */
export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

/** One exceljs cell value as a port cell value. */
export function cellValueFromExceljs(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return { date: dateToSerial(v) };
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: ExcelJS.CellValue }).result;
      if (result !== null && typeof result === 'object' && !(result instanceof Date) && 'error' in result) return { error: String(result.error) };
      return cellValueFromExceljs(result ?? null);
    }
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return null;
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
  if (s.bold || s.italic || s.fontColor || s.size) {
    cell.font = { bold: s.bold, italic: s.italic, size: s.size, color: s.fontColor ? { argb: `FF${s.fontColor}` } : undefined };
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

export class XlsxWorkbook implements WorkbookPort {
  private constructor(
    readonly workbook: ExcelJS.Workbook,
    /** Kinds of content the source had that a saved copy will not carry. */
    readonly contentsLost: readonly string[],
  ) {}

  static async fromBuffer(buffer: Uint8Array): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    return new XlsxWorkbook(wb, xlsxContentsLost(buffer));
  }

  static empty(): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook(), []);
  }

  sheetNames(): Promise<string[]> {
    return Promise.resolve(this.workbook.worksheets.map((w) => w.name));
  }

  readSheets(names: readonly string[]): Promise<SheetSnapshot[]> {
    return Promise.resolve(
      names.map((name) => {
        const ws = this.workbook.getWorksheet(name);
        if (!ws) throw new Error(`Bladet ${name} finns inte i arbetsboken.`);
        const cells: CellValue[][] = [];
        ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
          const values: CellValue[] = [];
          row.eachCell({ includeEmpty: false }, (cell, col) => {
            values[col - 1] = cellValueFromExceljs(cell.value);
          });
          for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
          cells[rowNumber - 1] = values;
        });
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = [];
        return { name, cells, generated: sheetIsGenerated(cells) };
      }),
    );
  }

  async writeSheets(sheets: readonly SheetSpec[]): Promise<WriteOutcome> {
    const written: { wanted: string; name: string }[] = [];
    const replaced: string[] = [];
    const generated = (ws: ExcelJS.Worksheet): boolean => {
      const marker = cellValueFromExceljs(ws.getCell(3, 1).value);
      return sheetIsGenerated([[], [], [marker]]);
    };
    for (const spec of sheets) {
      if (spec.kind === 'settings' && this.workbook.getWorksheet(spec.name)) continue;
      const taken = (n: string): boolean => {
        const ws = this.workbook.getWorksheet(n);
        return ws !== undefined && !generated(ws);
      };
      const name = taken(spec.name) ? sheetAlternativeName(spec.name, taken) : spec.name;
      const earlier = this.workbook.getWorksheet(name);
      if (earlier) {
        this.workbook.removeWorksheet(earlier.id);
        replaced.push(name);
      }
      const ws = this.workbook.addWorksheet(name, { views: spec.freezeRows > 0 ? [{ state: 'frozen', ySplit: spec.freezeRows }] : [] });
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
      written.push({ wanted: spec.name, name });
    }
    return { written, replaced };
  }

  async toBuffer(): Promise<Uint8Array> {
    const out = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(out as ArrayBuffer);
  }
}
