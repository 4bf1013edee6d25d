// The published plans in test/plans, read as printed: `rapporter` writes the budget season's
// sheets and `mal` judges the goals on every plan year, each with the figures the plan prints
// (the expected files, typed from the reference texts). The shares need the plan's insatser:
// Kramfors 2024 is run with the Insatser sheet of the examples' Kramfors budget.
import * as fs from 'fs';
import * as path from 'path';
import Decimal from 'decimal.js';
import { reportsRun } from '../src/pipeline/run';
import { goalsRun } from '../src/pipeline/goals';
import { measureIsValue } from '../src/core/measures';
import { XlsxWorkbook } from '../src/workbook/xlsx';
import { FIXED_NOW, generatedSheets, openExample, type Rows, workbookFrom } from './helpers';

const PLANS = path.join(__dirname, 'plans');
const NAMES = ['kramfors-2010', 'kramfors-2024', 'vasterdalarna-2024'];

interface Figure {
  readonly printed: string | null;
  readonly value: string;
  readonly unit: string;
  readonly cell: string | null;
}
type Figures = Record<string, Record<string, Figure>>;

const expected = (name: string) => JSON.parse(fs.readFileSync(path.join(PLANS, `${name}.expected.json`), 'utf8')) as { figures: Figures };
const open = (name: string) => XlsxWorkbook.fromBuffer(fs.readFileSync(path.join(PLANS, `${name}.xlsx`)));
const kronor = (f: Figure) => new Decimal(f.value).times(f.unit === 'tkr' ? 1000 : 1);
/** Equal at the figure's printed precision: whole kr, or whole tkr for a figure printed in tkr. */
const samePrinted = (actual: Decimal, f: Figure) => actual.dividedBy(f.unit === 'tkr' ? 1000 : 1).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).equals(new Decimal(f.value).toDecimalPlaces(0, Decimal.ROUND_HALF_UP));

describe.each(NAMES)('%s', (name) => {
  const figures = expected(name).figures;

  test('rapporter writes Resultatbudget, Balansbudget, Driftbudget and Kontroller with the plan’s figures', async () => {
    const wb = await open(name);
    const result = await reportsRun(wb, { version: 'test', now: FIXED_NOW });
    expect(result.status).toBe('skrivet');
    expect(await generatedSheets(wb)).toEqual(['Resultatbudget', 'Balansbudget', 'Driftbudget', 'Kontroller']);
    const season = result.season!;
    let compared = 0;
    for (const [year, byName] of Object.entries(figures)) {
      const e = season.equity.find((x) => x.year === Number(year));
      const ub = byName['Eget kapital'];
      if (ub) {
        expect(e?.ub?.toString()).toBe(kronor(ub).toString());
        compared++;
      }
      const ib = byName['Eget kapital (IB)'];
      if (ib) {
        expect(e?.ib?.toString()).toBe(kronor(ib).toString());
        compared++;
      }
      const result_ = byName['Årets resultat'];
      if (result_) {
        expect(e?.result && samePrinted(e.result, result_)).toBe(true);
        compared++;
      }
      const tilldelade = byName['Tilldelade medel'];
      if (tilldelade) {
        expect(e?.tilldelade?.toString()).toBe(kronor(tilldelade).toString());
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(10);
    // A figure the plan prints wrongly is a warning naming its cell; the reports still come out.
    expect(result.findings.filter((f) => f.severity === 'blockerande')).toEqual([]);
  });

  test('mal judges the goals on the budget year and every plan year, on the plan’s eget kapital', async () => {
    const wb = await open(name);
    const result = await goalsRun(wb, { version: 'test', now: FIXED_NOW });
    expect(result.status).toBe('skrivet');
    expect(result.kind).toBe('budget');
    const years = Object.keys(figures).map(Number).filter((y) => figures[String(y)]!['Tilldelade medel']);
    const budgetYear = name === 'kramfors-2024' ? 2024 : Math.min(...years);
    expect(result.check!.years).toEqual(years.filter((y) => y >= budgetYear));
    for (const year of result.check!.years) {
      const f = figures[String(year)]!;
      const ub = f['Eget kapital'] ? kronor(f['Eget kapital']) : undefined;
      const share = result.check!.results.find((r) => r.year === year && r.goal.measure === 'Eget kapital i % av tilldelade medel');
      if (ub && share?.value) expect(share.value.toFixed(6)).toBe(ub.dividedBy(kronor(f['Tilldelade medel']!)).times(100).toFixed(6));
    }
  });
});

test('Kramfors 2024 with its insatser: the shares per year are the plan’s', async () => {
  const plan = await open('kramfors-2024');
  const [budget] = await plan.readSheets(['Budget']);
  const example = await openExample('kramfors-budget-2024.xlsx');
  const [insatser] = await example.readSheets(['Insatser']);
  const wb = await workbookFrom({ Budget: budget!.cells as Rows, Insatser: insatser!.cells as Rows });
  const result = await reportsRun(wb, { version: 'test', now: FIXED_NOW });
  const season = result.season!;
  const figures = expected('kramfors-2024').figures;
  let compared = 0;
  for (const share of season.shares) {
    season.columns.forEach((column, c) => {
      const f = figures[String(column.year)]?.[share.name];
      if (!f) return;
      const v = share.values[c]!;
      expect(measureIsValue(v) && v.value.toFixed(2)).toBe(new Decimal(f.value).toFixed(2));
      compared++;
    });
  }
  expect(compared).toBe(8);
});

test('a budget sheet in the examples’ layout still reads by its header, exactly as before', async () => {
  const wb = await openExample('kramfors-budget-2024.xlsx');
  const result = await reportsRun(wb, { version: 'test', now: FIXED_NOW });
  expect(result.budget?.plan).toBeUndefined();
  expect(result.budget?.years).toEqual([2023, 2024, 2025, 2026]);
  expect(result.season?.budgetYear).toBe(2024);
});

test('an earlier year’s utfall beside the budget is shown in the Resultatbudget, never judged as a budget year', async () => {
  const wb = await workbookFrom({
    Budget: [
      ['Driftbudget 2024'],
      [null, 'Utfall 2023', 'Budget 2024', 'Plan 2025'],
      ['tkr'],
      ['Driftbidrag från staten', 1000, 1100, 1100],
      ['Driftbidrag från kommunerna', 1000, 1100, 1100],
      ['Summa intäkter', 2000, 2200, 2200],
      ['Kansli', -900, -1000, -1000],
      ['Insatser', -1300, -1200, -1300],
      ['Summa kostnader', -2200, -2200, -2300],
      ['Resultat', -200, 0, -100],
    ],
  });
  const result = await reportsRun(wb, { version: 'test', now: FIXED_NOW });
  const season = result.season!;
  expect(season.columns.map((c) => c.year)).toEqual([2024, 2025]);
  expect(season.resultColumns.map((c) => c.label)).toEqual(['Utfall 2023', 'Budget 2024', 'Plan 2025']);
  const arets = season.resultatbudget.rows.find((r) => r.name === 'Årets resultat')!;
  expect(arets.amounts.map((a) => a?.toString())).toEqual(['-200000', '0', '-100000']);
  const intakter = season.resultatbudget.rows.find((r) => r.name === 'Verksamhetens intäkter')!;
  expect(intakter.amounts[0]?.toString()).toBe('2000000');
  const goals = await goalsRun(wb, { version: 'test', now: FIXED_NOW });
  expect(goals.check!.years).toEqual([2024, 2025]);
});
