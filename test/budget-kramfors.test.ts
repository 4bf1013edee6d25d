// The budget reader on Kramfors' RESULTATBUDGET/BALANSBUDGET (ledger sign, insats rows under
// account headings, sum-only blocks, text amounts): every amount of the published plan
// (reference/kramfors-verksamhetsplan-budget-2024.txt, printed in ledger sign) for all four
// years, and every sum and result row verified.
import { moneyToFixed2 } from '../src/core/money';
import { insatsIndexCreate } from '../src/core/insatser';
import { budgetRead } from '../src/sheets/budgetReader';
import { insatserRead } from '../src/sheets/insatserReader';
import { openExample } from './helpers';
import { type Budget } from '../src/core/budget';

// As printed in the plan: [account, name, 2023, 2024, 2025, 2026] in ledger sign; null = empty.
const PUBLISHED: [string | undefined, string, ...(number | null)[]][] = [
  ['3610', 'Driftbidrag från staten', -1293000, -1293000, -1293000, -1293000],
  ['3631', 'Driftbidrag från kommun', -646500, -646500, -646500, -646500],
  ['3632', 'Driftbidrag från region', -646500, -646500, -646500, -646500],
  ['6591', 'Teamkoordinator/ Coach Samkraft', 575000, 575000, null, null],
  ['6591', 'Aktivitetscoach STEGSAM', 965000, 987000, 987000, null],
  ['6592', 'Psykiatridagen', 30000, 20000, 20000, 20000],
  ['6590', 'Nya projekt under året/Kvar att fördela', 24998, null, 575000, 1562000],
  [undefined, 'Personalkostnader', 858002, 910048, 910048, 910048],
  [undefined, 'Övriga verksamhetskostnader', 129000, 89952, 89952, 89952],
  [undefined, 'Övriga intäkter och kostnader', 4000, 4000, 4000, 4000],
  // Balansbudget: eget kapital in ledger sign (credit) although the sheet shows it positive.
  ['2010', 'Eget kapital (IB EK)', -315470, -315470, -315470, -315470],
  ['2020', 'Årets resultat', 0, 0, 0, 0],
];
const YEARS = [2023, 2024, 2025, 2026];

let budget: Budget;
beforeAll(async () => {
  const wb = await openExample('kramfors-budget-2024.xlsx');
  const [sheet, insatserSheet] = await wb.readSheets(['Budget 2024', 'Insatser']);
  const insatser = insatserRead(insatserSheet).lines;
  const read = budgetRead(sheet!, { insatser: insatsIndexCreate(insatser) });
  expect(read.findings).toEqual([]);
  budget = read.budget!;
});

test('the year columns are found', () => {
  expect(budget.years).toEqual(YEARS);
});

test.each(PUBLISHED)('%s %s: all four years', (account, name, ...amounts) => {
  YEARS.forEach((year, i) => {
    const lines = budget.lines.filter((l) => l.year === year && l.name === name);
    const published = amounts[i];
    if (published === null || published === undefined) {
      expect(lines).toEqual([]);
      return;
    }
    expect(lines).toHaveLength(1);
    expect({ account: lines[0]!.account, amount: moneyToFixed2(lines[0]!.amount) }).toEqual({ account, amount: published.toFixed(2) });
  });
});

test('no other amounts are read (sum and result rows are never added)', () => {
  const published = PUBLISHED.reduce((n, [, , ...a]) => n + a.filter((x) => x !== null).length, 0);
  expect(budget.lines).toHaveLength(published);
});

test('every sum and result row verifies, in every year', () => {
  const byRow = new Map<string, number>();
  for (const c of budget.checks) {
    expect({ id: c.id, passed: c.passed }).toEqual({ id: c.id, passed: true });
    const row = c.id.replace(/-\d{4}$/, '');
    byRow.set(row, (byRow.get(row) ?? 0) + 1);
  }
  // Summa driftsbidrag (8), Summa kostnader/utgifter (19), 8900 Årets resultat (26), UB Eget kapital (31)
  expect([...byRow.entries()].sort()).toEqual([
    ['budget-resultat-26', 4],
    ['budget-resultat-31', 4],
    ['budget-summa-19', 4],
    ['budget-summa-8', 4],
  ]);
});
