// A balansrapport + resultatrapport in another chart of accounts, placed by a Kontoplan
// sheet, with the closing entry booked, gives the same statements a huvudbok would.
import { moneyToFixed2 } from '../src/core/money';
import { statementRow } from '../src/core/statement';
import { type RunResult } from '../src/pipeline/run';
import { REPORT_SHEETS } from './fixtures/reports';
import { generatedSheets, runOn, workbookFrom } from './helpers';

let result: RunResult;
let written: string[];
beforeAll(async () => {
  const wb = await workbookFrom(REPORT_SHEETS);
  result = await runOn(wb);
  written = await generatedSheets(wb);
});

const rr = (line: string) => statementRow(result.bokslut!.resultatrakning, line)?.amounts.map((a) => (a ? moneyToFixed2(a) : null));
const br = (line: string) => statementRow(result.bokslut!.balansrakning, line)?.amounts.map((a) => (a ? moneyToFixed2(a) : null));

test('the run writes the statements', () => {
  expect(result.findings.filter((f) => f.severity === 'blockerande')).toEqual([]);
  expect(result.year).toBe(2024);
  expect(result.roles).toMatchObject({ balanceReport: 'Balansrapport', resultReport: 'Resultatrapport', kontoplan: 'Kontoplan' });
  expect(written).toEqual(expect.arrayContaining(['Balansräkning', 'Driftredovisning', 'Kassaflödesanalys', 'Balanskravsresultat', 'Nyckeltal', 'Kontroller', 'Resultaträkning']));
});

test('resultaträkning: utfall 2024, utfall 2023, budget 2024', () => {
  expect(rr('Verksamhetens intäkter')).toEqual(['1200000.00', '1200000.00', '1200000.00']);
  expect(rr('Verksamhetens kostnader')).toEqual(['-1070000.00', '-1030000.00', '-1100000.00']);
  expect(rr('Verksamhetens nettokostnader')).toEqual(['130000.00', '170000.00', '100000.00']);
  expect(rr('Finansiella intäkter')).toEqual(['5000.00', '2000.00', '0.00']);
  expect(rr('Finansiella kostnader')).toEqual(['-1000.00', '-1500.00', '-2000.00']);
  expect(rr('Årets resultat')).toEqual(['134000.00', '170500.00', '98000.00']);
});

test('balansräkning: UB 2024 and UB 2023', () => {
  expect(br('Fordringar')).toEqual(['15000.00', '10000.00']);
  expect(br('Kassa och bank')).toEqual(['639000.00', '500000.00']);
  expect(br('Summa tillgångar')).toEqual(['654000.00', '510000.00']);
  expect(br('Årets resultat')).toEqual(['134000.00', '170500.00']);
  expect(br('Övrigt eget kapital')).toEqual(['400000.00', '229500.00']);
  expect(br('Summa eget kapital')).toEqual(['534000.00', '400000.00']);
  expect(br('Kortfristiga skulder')).toEqual(['120000.00', '110000.00']);
  expect(br('Summa eget kapital, avsättningar och skulder')).toEqual(['654000.00', '510000.00']);
});

test('Kontroller reports the booked closing entry, and every check passes', () => {
  const recs = result.bokslut!.reconciliations;
  expect(recs.filter((r) => !r.passed).map((r) => r.name)).toEqual([]);
  expect(recs.some((r) => /bokslut/i.test(r.id) && r.passed)).toBe(true);
});

test('the driftredovisning ends with Resultat equal to årets resultat', () => {
  const rows = result.bokslut!.driftredovisning.rows;
  expect(moneyToFixed2(rows[rows.length - 1]!.netto)).toBe('134000.00');
});
