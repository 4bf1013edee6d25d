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

const d = (month: number, day: number, year = 2024) => new Date(Date.UTC(year, month - 1, day));

/**
 * A small valid workbook (Inställningar, Insatser, a huvudbok of 2024 with IB, driftbidrag,
 * one insats and kansli) that the bad-input and bad-file cases each break one thing of.
 */
export function baseSheets(): Record<string, (string | number | Date | null)[][]> {
  return {
    Inställningar: [
      ['Inställning', 'Värde'],
      ['Förbund', 'Samordningsförbundet Test'],
      ['Räkenskapsår', 2024],
    ],
    Insatser: [
      ['Projekt', 'Konton', 'Post', 'Typ', 'Andel individinriktad'],
      [null, '3500-3599', 'Driftbidrag', 'Medlemsbidrag', null],
      [100, null, 'SamCoach', 'Individinriktad', '100 %'],
      [910, null, 'Kansli', 'Administration', null],
    ],
    Huvudbok: [
      ['Samordningsförbundet Test'],
      ['Huvudbok 2024'],
      [],
      ['Datum', 'Ver.nr', 'Konto', 'Kontonamn', 'Projekt', 'Text', 'Debet', 'Kredit'],
      [d(1, 1), 'IB', 1930, 'Bank', null, 'Ingående balans', 100000, null], // row 5
      [d(1, 1), 'IB', 2010, 'Eget kapital', null, 'Ingående balans', null, 100000],
      [d(1, 15), 1, 1930, 'Bank', null, 'Driftbidrag', 500000, null], // row 7
      [d(1, 15), 1, 3511, 'Driftbidrag staten', null, 'Driftbidrag', null, 500000],
      [d(3, 15), 2, 4610, 'Bidrag insatser', 100, 'SamCoach', 300000, null], // row 9
      [d(3, 15), 2, 1930, 'Bank', null, 'SamCoach', null, 300000],
      [d(4, 30), 3, 5410, 'Förbrukningsinventarier', 910, 'Kansli', 50000, null], // row 11
      [d(4, 30), 3, 1930, 'Bank', null, 'Kansli', null, 50000],
    ],
  };
}

export { oleCompoundFile } from './oleFile';
