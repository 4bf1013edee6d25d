import { insatsIndexCreate } from '../core/insatser';
import { moneyToFixed2 } from '../core/money';
import { type CellValue } from '../workbook/port';
import { budgetRead } from './budgetReader';

const sheet = (cells: CellValue[][]) => ({ name: 'Budget', cells, generated: false });
const none = insatsIndexCreate([]);
const amounts = (cells: CellValue[][], override?: 'bokföring' | 'rapport') => {
  const read = budgetRead(sheet(cells), { insatser: none, signOverride: override });
  return { lines: read.budget!.lines.map((l) => [l.account ?? l.name, l.year, moneyToFixed2(l.amount)]), checks: read.budget!.checks, findings: read.findings };
};

test('each table keeps its own sign: ledger-sign result block, report-sign balance block', () => {
  const { lines } = amounts([
    ['Konto', 'Benämning', 'Budget 2025'],
    [3610, 'Driftbidrag', -1000],
    [4610, 'Insatser', 900],
    [],
    [2010, 'Eget kapital', 300],
  ]);
  expect(lines).toEqual([
    ['3610', 2025, '-1000.00'],
    ['4610', 2025, '900.00'],
    ['2010', 2025, '-300.00'],
  ]);
});

test('report sign is turned into ledger sign; Inställningar can force the sign', () => {
  const cells: CellValue[][] = [
    ['Konto', 'Post', 'Budget 2025'],
    [3610, 'Driftbidrag', 1000],
    [4610, 'Insatser', -900],
  ];
  expect(amounts(cells).lines).toEqual([
    ['3610', 2025, '-1000.00'],
    ['4610', 2025, '900.00'],
  ]);
  expect(amounts(cells, 'bokföring').lines).toEqual([
    ['3610', 2025, '1000.00'],
    ['4610', 2025, '-900.00'],
  ]);
});

test('a sum row that does not match its block is a failed check, not an amount', () => {
  const { lines, checks } = amounts([
    ['Post', 'Budget 2025'],
    ['Insatser'],
    ['A', -100],
    ['B', -200],
    ['Summa insatser', -350],
    ['Resultat', -300],
  ]);
  expect(lines.map((l) => l[0])).toEqual(['A', 'B']);
  expect(checks.map((c) => [c.id, c.passed, moneyToFixed2(c.difference)])).toEqual([
    ['budget-summa-5-2025', false, '-50.00'],
    ['budget-resultat-6-2025', true, '0.00'],
  ]);
});

test('plan and budget columns are year columns; utfall columns are not', () => {
  const read = budgetRead(sheet([['Post', 'Utfall 2023', 'Budget 2024', 'Plan 2025', '2026'], ['A', 1, 2, 3, 4]]), { insatser: none });
  expect(read.budget!.years).toEqual([2024, 2025, 2026]);
});
