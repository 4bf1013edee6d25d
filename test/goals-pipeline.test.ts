// Kontrollera mål through the pipeline: a workbook without a Mål sheet gets the common goals,
// a Mål sheet that cannot be read writes nothing, and the Office adapter writes Målkontroll
// with its conditional formats.
import { goalsRun } from '../src/pipeline/goals';
import { MemoryExcelHost, memoryWorkbook } from '../src/workbook/memory';
import { type CellValue } from '../src/workbook/port';
import { FIXED_NOW, openExample, workbookFrom } from './helpers';

const toScalar = (v: CellValue): string | number | boolean | null => (v === null || typeof v !== 'object' ? v : 'date' in v ? v.date : 'percent' in v ? v.percent : v.error);

async function exampleSheets(name: string): Promise<Record<string, (string | number | boolean | null)[][]>> {
  const wb = await openExample(name);
  const snaps = await wb.readSheets(await wb.sheetNames());
  return Object.fromEntries(snaps.map((s) => [s.name, s.cells.map((r) => r.map(toScalar))]));
}

test('a workbook without a Mål sheet gets the common goals, unprotected, and they are checked', async () => {
  const sheets = await exampleSheets('kramfors-budget-2024.xlsx');
  delete sheets['Mål'];
  const wb = await workbookFrom(sheets);
  const result = await goalsRun(wb, { version: 'test', now: FIXED_NOW });
  expect(result.status).toBe('skrivet');
  expect(result.proposedGoals).toBe(true);
  expect(result.findings.map((f) => f.code)).toContain('mal-saknas');
  expect(result.written?.written.map((w) => w.name)).toEqual(['Mål', 'Målkontroll']);
  const [mal] = await wb.readSheets(['Mål']);
  expect(mal?.generated).toBe(false);
  expect(mal?.cells[0]).toEqual(['Id', 'Mål', 'Insats', 'Mått', 'Villkor', 'Gränsvärde']);
  expect((wb.workbook.getWorksheet('Mål') as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBeFalsy();
  const ek = result.check!.results.find((r) => r.goal.measure === 'Eget kapital i % av tilldelade medel' && r.year === 2024 && r.goal.condition === '<=');
  expect(ek?.status).toBe('uppfyllt');
  // the participant goals have no statistics here: kan ej bedömas, saying why
  const v1 = result.check!.results.find((r) => r.goal.id === 'V1' && r.year === 2024);
  expect(v1).toMatchObject({ status: 'kan ej bedömas', underlag: 'Kan ej bedömas: arbetsboken har inget blad Insatsstatistik.' });
});

test('a Mål sheet that cannot be read writes nothing', async () => {
  const sheets = await exampleSheets('solleftea-2024.xlsx');
  sheets['Mål']![1]![4] = 'ungefär';
  const wb = await workbookFrom(sheets);
  const before = await wb.sheetNames();
  const result = await goalsRun(wb, { version: 'test', now: FIXED_NOW });
  expect(result.status).toBe('blockerat');
  expect(result.findings.find((f) => f.code === 'mal-ogiltigt')?.cells[0]).toMatchObject({ sheet: 'Mål', row: 2, col: 5 });
  expect(await wb.sheetNames()).toEqual(before);
});

test('the Office adapter writes Målkontroll, protected, with one conditional format per status', async () => {
  const host = new MemoryExcelHost();
  for (const [name, rows] of Object.entries(await exampleSheets('solleftea-2024.xlsx'))) host.addSheet(name, rows);
  const result = await goalsRun(memoryWorkbook(host), { version: 'test', now: FIXED_NOW });
  expect(result.status).toBe('skrivet');
  const sheet = host.sheet('Målkontroll')!;
  expect(sheet.protected).toBe(true);
  expect(sheet.values.find((r) => r[0] === 'F1')?.[6]).toBe('Ej uppfyllt');
  expect(sheet.conditionalFormats.map((c) => [c.address, c.type, c.formula, c.fill])).toEqual([
    ['G6:G15', 'Custom', '=$G6="Uppfyllt"', '#C6EFCE'],
    ['G6:G15', 'Custom', '=$G6="Ej uppfyllt"', '#FFC7CE'],
    ['G6:G15', 'Custom', '=$G6="Bedöms manuellt"', '#FFEB9C'],
    ['G6:G15', 'Custom', '=$G6="Kan ej bedömas"', '#EDEDED'],
  ]);
  // Beside the table, a bar chart of the percentage goals against their limits, on the
  // sheet's own data block (goal, utfall, gränsvärde).
  expect(sheet.charts).toHaveLength(1);
  const chart = sheet.charts[0]!;
  expect(chart).toMatchObject({ type: 'BarClustered', seriesBy: 'Columns', title: 'Procentmål: utfall mot gränsvärde', position: 'J5' });
  const [from, to] = chart.address.split(':').map((a) => Number(a.replace(/[A-Z]+/, '')) - 1);
  const block = sheet.values.slice(from, to! + 1).map((r) => r.slice(0, 3));
  expect(block[0]).toEqual(['Mål', 'Utfall', 'Gränsvärde']);
  expect(block.slice(1).map((r) => r[0])).toEqual(['F1 2024', 'F5 2024', 'V1 2024', 'V2 2024', 'V3 2024', 'V4 2024', 'V5 2024']);
  expect(block[1]![1]).toBeCloseTo(0.2897, 4);
  expect(block[1]![2]).toBe(0.2);
});

test('a workbook with neither books nor budget has nothing to check against', async () => {
  const wb = await workbookFrom({ Mål: [['Id', 'Mål', 'Insats', 'Mått', 'Villkor', 'Gränsvärde'], ['F1', 'x', null, 'Eget kapital', '≥', 0]] });
  const result = await goalsRun(wb, { version: 'test', now: FIXED_NOW });
  expect(result.status).toBe('blockerat');
  expect(result.findings.map((f) => f.code)).toContain('underlag-saknas');
});
