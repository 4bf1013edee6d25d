// Every export layout in test/layouts/ (generated from the Sollefteå books by
// scripts/make-layouts.ts) must give the example's figures: the resultaträkning and
// balansräkning of each year the layout carries, and the driftredovisning per insats where
// the layout carries the projekt dimension — read as the systems export them, untouched.
import * as fs from 'fs';
import * as path from 'path';
import { moneyToFixed2 } from '../src/core/money';
import { statementRow } from '../src/core/statement';
import { type RunResult } from '../src/pipeline/run';
import { XlsxWorkbook } from '../src/workbook/xlsx';
import { EXAMPLES, ROOT, runOn, workbookFrom } from './helpers';

interface Layout {
  readonly file: string;
  readonly system: string;
  readonly describes: string;
  readonly projekt: boolean;
  readonly years: readonly number[];
}

interface Expected {
  kronor: Record<string, { RR: Record<string, number>; BR: Record<string, number>; Driftredovisning_netto_per_insats: Record<string, number> }>;
}

const DIR = path.join(ROOT, 'test', 'layouts');
const layouts = JSON.parse(fs.readFileSync(path.join(DIR, 'layouts.json'), 'utf8')) as Layout[];
const expected = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'solleftea-2024.expected.json'), 'utf8')) as Expected;
const kr = (n: number) => n.toFixed(2);

test('there are at least 30 layouts', () => {
  expect(layouts.length).toBeGreaterThanOrEqual(30);
});

describe.each(layouts.map((l) => [l.file, l] as const))('%s', (_file, layout) => {
  let result: RunResult;
  beforeAll(async () => {
    result = await runOn(await XlsxWorkbook.fromBuffer(fs.readFileSync(path.join(DIR, layout.file))));
  });

  test('written without blocking findings', () => {
    expect(result.findings.filter((f) => f.severity === 'blockerande').map((f) => `${f.code}: ${f.message}`)).toEqual([]);
    expect(result.status).toBe('skrivet');
    expect(result.year).toBe(2024);
  });

  test.each(layout.years.map((y) => [y]))('resultaträkning and balansräkning %s', (year) => {
    const column = year === 2024 ? 0 : 1;
    const figures = expected.kronor[String(year)];
    const got: Record<string, string | undefined> = {};
    const want: Record<string, string> = {};
    for (const [line, amount] of Object.entries(figures?.RR ?? {})) {
      want[`RR ${line}`] = kr(amount);
      const a = statementRow(result.bokslut!.resultatrakning, line)?.amounts[column];
      got[`RR ${line}`] = a ? moneyToFixed2(a) : undefined;
    }
    for (const [line, amount] of Object.entries(figures?.BR ?? {})) {
      want[`BR ${line}`] = kr(amount);
      const a = statementRow(result.bokslut!.balansrakning, line)?.amounts[column];
      got[`BR ${line}`] = a ? moneyToFixed2(a) : undefined;
    }
    expect(got).toEqual(want);
  });

  (layout.projekt ? test : test.skip)('driftredovisning per insats', () => {
    const drift = result.bokslut!.driftredovisning.rows;
    for (const year of layout.years) {
      const column = year === 2024 ? 0 : 1;
      const got: Record<string, string | undefined> = {};
      const want: Record<string, string> = {};
      for (const [name, amount] of Object.entries(expected.kronor[String(year)]?.Driftredovisning_netto_per_insats ?? {})) {
        want[name] = kr(amount);
        const row = drift.find((r) => r.name === name);
        const a = row ? (column === 0 ? row.netto : row.foregaendeAr) : undefined;
        got[name] = a ? moneyToFixed2(a) : undefined;
      }
      expect({ year, netto: got }).toEqual({ year, netto: want });
    }
  });
});

// The same layouts with one thing broken: never written with wrong figures.
describe('a broken layout is stopped, not written', () => {
  async function broken(file: string, edit: (sheets: Record<string, (string | number | boolean | Date | null)[][]>) => void): Promise<RunResult> {
    const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(path.join(DIR, file)));
    const snaps = await wb.readSheets(await wb.sheetNames());
    const sheets = Object.fromEntries(
      snaps.map((s) => [s.name, s.cells.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? ('date' in v ? new Date(Math.round((v.date - 25569) * 86400000)) : null) : v)))]),
    );
    edit(sheets);
    return runOn(await workbookFrom(sheets));
  }
  const codes = (r: RunResult) => r.findings.filter((f) => f.severity === 'blockerande').map((f) => f.code);

  test('a print whose Ingående balans rows are gone', async () => {
    const r = await broken('04-huvudbok-print-ett-blad.xlsx', (s) => {
      const sheet = s.Huvudbok!;
      for (let i = sheet.length - 1; i >= 0; i--) if (sheet[i]!.some((v) => typeof v === 'string' && /^Ingående (balans|saldo)/.test(v))) sheet[i] = [];
    });
    expect(r.status).toBe('blockerat');
    expect(codes(r)).toContain('summarad-avviker');
  });

  test('a print with one amount changed', async () => {
    const r = await broken('03-huvudbok-print-per-ar.xlsx', (s) => {
      const sheet = s['Huvudbok 2024']!;
      const i = sheet.findIndex((row) => row.some((v) => v === 'Omslutning'));
      const above = sheet[i - 1]!;
      const c = above.findIndex((v, j) => j >= 4 && typeof v === 'number');
      above[c] = (above[c] as number) + 100;
    });
    expect(r.status).toBe('blockerat');
    expect(codes(r)).toContain('summarad-avviker');
  });

  test('a verifikationslista without its balansrapport: no ingående balanser', async () => {
    const r = await broken('01-fortnox-verifikationslista.xlsx', (s) => {
      delete s['Balansrapport 2023'];
    });
    expect(r.status).toBe('blockerat');
    expect(codes(r)).toContain('ib-saknas');
  });
});
