// Golden test: the pipeline on the Sollefteå books reproduces every figure of the published
// årsredovisning as rebuilt in examples/solleftea-2024.expected.json, to the öre.
import * as fs from 'fs';
import * as path from 'path';
import { moneyToFixed2 } from '../src/core/money';
import { statementRow } from '../src/core/statement';
import { EXAMPLES, openExample, runOn } from './helpers';
import { type RunResult } from '../src/pipeline/run';

interface Expected {
  kronor: Record<string, { RR: Record<string, number>; BR: Record<string, number>; Driftredovisning_netto_per_insats: Record<string, number> }>;
  driftredovisning2024: Record<string, { netto: number; budget: number; avvikelse: number }>;
}

const expected = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'solleftea-2024.expected.json'), 'utf8')) as Expected;
const kr = (n: number) => n.toFixed(2);

let result: RunResult;
beforeAll(async () => {
  result = await runOn(await openExample('solleftea-2024.xlsx'));
});

test('the run writes the reports without blocking findings', () => {
  expect(result.findings.filter((f) => f.severity === 'blockerande')).toEqual([]);
  expect(result.status).toBe('skrivet');
  expect(result.year).toBe(2024);
});

describe.each([
  ['2024', 0],
  ['2023', 1],
] as const)('%s', (year, column) => {
  const rr = Object.entries(expected.kronor[year]?.RR ?? {});
  const br = Object.entries(expected.kronor[year]?.BR ?? {});
  test.each(rr)('resultaträkning: %s', (line, amount) => {
    const row = statementRow(result.bokslut!.resultatrakning, line);
    expect(row).toBeDefined();
    expect(moneyToFixed2(row!.amounts[column]!)).toBe(kr(amount));
  });
  test.each(br)('balansräkning: %s', (line, amount) => {
    const row = statementRow(result.bokslut!.balansrakning, line);
    expect(row).toBeDefined();
    expect(moneyToFixed2(row!.amounts[column]!)).toBe(kr(amount));
  });
  test('driftredovisning netto per insats', () => {
    const drift = result.bokslut!.driftredovisning.rows;
    for (const [name, amount] of Object.entries(expected.kronor[year]?.Driftredovisning_netto_per_insats ?? {})) {
      const row = drift.find((r) => r.name === name);
      expect({ name, netto: row ? moneyToFixed2(column === 0 ? row.netto : row.foregaendeAr!) : undefined }).toEqual({ name, netto: kr(amount) });
    }
  });
});

test('driftredovisning 2024: netto, budget and avvikelse per line', () => {
  const drift = result.bokslut!.driftredovisning.rows;
  for (const [name, e] of Object.entries(expected.driftredovisning2024)) {
    const row = drift.find((r) => r.name === name);
    expect(row && { name, netto: moneyToFixed2(row.netto), budget: moneyToFixed2(row.budget!), avvikelse: moneyToFixed2(row.avvikelse!) }).toEqual({ name, netto: kr(e.netto), budget: kr(e.budget), avvikelse: kr(e.avvikelse) });
  }
});

test('every reconciliation passes and the budget sum rows verify', () => {
  const failed = result.bokslut!.reconciliations.filter((r) => !r.passed).map((r) => r.name);
  expect(failed).toEqual([]);
  expect(result.budget!.checks.length).toBeGreaterThanOrEqual(2);
});

test('the written workbook holds the four generated sheets and the sources unchanged', async () => {
  const wb = await openExample('solleftea-2024.xlsx');
  const before = await wb.readSheets(await wb.sheetNames());
  await runOn(wb);
  const names = await wb.sheetNames();
  expect(names).toEqual(expect.arrayContaining(['Resultaträkning', 'Balansräkning', 'Driftredovisning', 'Kontroller']));
  const after = await wb.readSheets(before.map((s) => s.name));
  expect(after.map((s) => s.cells)).toEqual(before.map((s) => s.cells));
});
