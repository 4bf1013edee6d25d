// Shared helpers of the cross-layer suites: open an .xlsx file or build a workbook from rows,
// run the pipeline on it, read back what was written.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { reportsRun, type RunResult } from '../src/pipeline/run';
import { XlsxWorkbook } from '../src/workbook/xlsx';
import { type SheetSpec } from '../src/workbook/port';

export const ROOT = path.join(__dirname, '..');
export const EXAMPLES = path.join(ROOT, 'examples');

export const FIXED_NOW = () => new Date('2025-02-20T10:00:00Z');

export async function openExample(name: string): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(fs.readFileSync(path.join(EXAMPLES, name)));
}

export async function runOn(workbook: XlsxWorkbook): Promise<RunResult> {
  return reportsRun(workbook, { version: 'test', now: FIXED_NOW, contentsLost: workbook.contentsLost });
}

export type Rows = readonly (readonly (string | number | boolean | Date | null | { error: string })[])[];

/** A workbook built from plain rows per sheet, saved and loaded again as a real .xlsx. */
export async function workbookFrom(sheets: Record<string, Rows>): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof v === 'object' && !(v instanceof Date)) cell.value = { error: v.error } as ExcelJS.CellErrorValue;
        else cell.value = v;
      }),
    );
  }
  const buffer = await wb.xlsx.writeBuffer();
  return XlsxWorkbook.fromBuffer(new Uint8Array(buffer as ArrayBuffer));
}

/** Names of the sheets that carry the generated marker. */
export async function generatedSheets(workbook: XlsxWorkbook): Promise<string[]> {
  const names = await workbook.sheetNames();
  const snaps = await workbook.readSheets(names);
  return snaps.filter((s) => s.generated).map((s) => s.name);
}

export function specText(spec: SheetSpec): string[][] {
  return spec.rows.map((r) => r.map((c) => (c ? String(c.value) : '')));
}

/** The command line's output, caught: `io` for main(), and what it wrote to each stream. */
export function cliCapture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}
