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
import { EXAMPLES, ROOT, runOn } from './helpers';

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
