// Kontrollera mål on the two examples, against their expected files: Sollefteå's books
// (goals2024, the 20 % goal not met at 28,97 %) and Kramfors' budget with plan years (every
// goal status per year, the shares in nyckeltal and in the sheet's budget summary).
import * as fs from 'fs';
import * as path from 'path';
import { goalsRun, type GoalsRunResult } from '../src/pipeline/goals';
import { goalsJson } from '../src/pipeline/goalsJson';
import { EXAMPLES, FIXED_NOW, openExample } from './helpers';
import { type XlsxWorkbook } from '../src/workbook/xlsx';
import { type CellValue } from '../src/workbook/port';

const read = (name: string) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, name), 'utf8'));
/** A percent-formatted cell as read back: the fraction it holds. */
const fraction = (v: CellValue | undefined): number => (typeof v === 'object' && v !== null && 'percent' in v ? v.percent : Number(v));
const run = (wb: XlsxWorkbook) => goalsRun(wb, { version: 'test', now: FIXED_NOW });

describe('Sollefteå 2024, on the books', () => {
  const expected = read('solleftea-2024.expected.json').goals2024 as Record<string, { utfall?: number; status: string }>;
  let wb: XlsxWorkbook;
  let result: GoalsRunResult;
  beforeAll(async () => {
    wb = await openExample('solleftea-2024.xlsx');
    result = await run(wb);
  });

  test('written, one result per goal for 2024', () => {
    expect(result.status).toBe('skrivet');
    expect(result.check?.years).toEqual([2024]);
    expect(result.check?.results.map((r) => r.goal.id).sort()).toEqual(Object.keys(expected).sort());
  });

  test.each(Object.keys(read('solleftea-2024.expected.json').goals2024))('%s has the expected status and utfall', (id) => {
    const json = goalsJson(result).mal.find((m) => m.id === id)!;
    const e = expected[id]!;
    expect(json.status).toBe(e.status);
    if (e.utfall === undefined) expect(json.utfall).toBeNull();
    else expect(json.utfall).toBe(e.utfall.toFixed(2));
  });

  test('the 20 % goal is not met at 28,97 %, with the figures behind it', () => {
    const f1 = result.check!.results.find((r) => r.goal.id === 'F1')!;
    expect(f1.status).toBe('ej uppfyllt');
    expect(f1.underlag).toBe('Eget kapital 820 526 kr / tilldelade medel 2 832 000 kr = 28,97 %');
    expect(goalsJson(result).mal.find((m) => m.id === 'F1')).toMatchObject({ villkor: '<=', gransvarde: '20.00', utfall: '28.97' });
  });

  test('the Målkontroll sheet is written, marked, with Status coloured by conditional formats', async () => {
    const [sheet] = await wb.readSheets(['Målkontroll']);
    expect(sheet?.generated).toBe(true);
    const row = sheet!.cells.find((r) => r[0] === 'F1')!;
    expect(row[6]).toBe('Ej uppfyllt');
    expect(fraction(row[5])).toBeCloseTo(0.2897, 4);
    const ws = wb.workbook.getWorksheet('Målkontroll') as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] };
    const formulae = ws.conditionalFormattings.flatMap((c) => c.rules.flatMap((r) => r.formulae));
    expect(formulae).toEqual(['$G6="Uppfyllt"', '$G6="Ej uppfyllt"', '$G6="Bedöms manuellt"', '$G6="Kan ej bedömas"']);
  });
});

describe('Kramfors budget 2024 with plan 2025–2026', () => {
  let wb: XlsxWorkbook;
  let result: GoalsRunResult;
  beforeAll(async () => {
    wb = await openExample('kramfors-budget-2024.xlsx');
    result = await run(wb);
  });

  test('goals are checked for the budget year and the plan years, not for the earlier budget column', () => {
    expect(result.status).toBe('skrivet');
    expect(result.kind).toBe('budget');
    expect(result.check?.years).toEqual([2024, 2025, 2026]);
  });

  const goalCases = Object.entries(read('kramfors-budget-2024.expected.json').goals as Record<string, Record<string, string>>).flatMap(([year, goals]) =>
    Object.entries(goals)
      .filter(([id]) => id !== 'note')
      .map(([id, status]) => [year, id, status] as const),
  );
  test.each(goalCases)('%s %s: %s', (year, id, status) => {
    const m = goalsJson(result).mal.find((x) => x.id === id && x.ar === Number(year));
    expect(m?.status).toBe(status);
  });

  const measureCases = Object.entries(read('kramfors-budget-2024.expected.json').measures as Record<string, Record<string, number | string>>).flatMap(([year, measures]) =>
    Object.entries(measures)
      .filter(([, v]) => typeof v === 'number')
      .filter(([name]) => !name.includes('(kr)'))
      .map(([name, value]) => [year, name, value as number] as const),
  );
  test.each(measureCases)('nyckeltal %s %s = %s', (year, name, value) => {
    const n = goalsJson(result).nyckeltal.find((x) => x.ar === Number(year) && x.rad === name);
    expect(n?.varde).toBe(value.toFixed(2));
  });

  test('the unallocated amount is named in the individ goal for 2025 and 2026', () => {
    const f3 = (year: number) => result.check!.results.find((r) => r.goal.id === 'F3' && r.year === year)!.underlag;
    expect(f3(2025)).toContain('575 000 kr är ännu inte fördelat');
    expect(f3(2026)).toContain('1 562 000 kr är ännu inte fördelat');
  });

  test("the sheet's budget summary shows the shares of 2023 and 2024", async () => {
    const [sheet] = await wb.readSheets(['Målkontroll']);
    const cells = sheet!.cells;
    const head = cells.findIndex((r) => r[0] === 'Mått');
    const header = cells[head]!;
    const col = (label: string) => header.indexOf(label);
    const row = (name: string) => cells.find((r) => r[0] === name)!;
    expect(col('Budget 2023')).toBeGreaterThan(0);
    expect(fraction(row('Andel individinriktade insatser')[col('Budget 2024')]) * 100).toBeCloseTo(80.56, 2);
    expect(fraction(row('Andel individinriktade insatser')[col('Budget 2023')]) * 100).toBeCloseTo(78.53, 2);
    expect(fraction(row('Andel administration av tilldelade medel')[col('Budget 2023')]) * 100).toBeCloseTo(38.32, 2);
    expect(fraction(row('Andel insatser av tilldelade medel')[col('Budget 2024')]) * 100).toBeCloseTo(61.18, 2);
  });
});
