// A ledger in a local chart of accounts (Kramfors-like: 1040 Bankkonto, 1480 Fordran moms)
// without a Kontoplan: the run writes the proposed Kontoplan and nothing else; while its rows
// say "förslag" nothing changes; confirmed, the next run yields the statements.
import { statementRow } from '../src/core/statement';
import { moneyToFixed2 } from '../src/core/money';
import { FIXED_NOW, generatedSheets, workbookFrom } from './helpers';
import { reportsRun } from '../src/pipeline/run';
import { type XlsxWorkbook } from '../src/workbook/xlsx';

const HEADER = ['Datum', 'Ver.nr', 'Konto', 'Kontonamn', 'Projekt', 'Text', 'Belopp'];
const ledger = [
  HEADER,
  ['2024-01-01', 'IB', 1040, 'Bankkonto', null, 'Ingående balans', 500000],
  ['2024-01-01', 'IB', 2010, 'Eget kapital', null, 'Ingående balans', -500000],
  ['2024-02-01', 1, 3610, 'Driftbidrag från staten', null, 'Driftbidrag', -100000],
  ['2024-02-01', 1, 1040, 'Bankkonto', null, 'Driftbidrag', 100000],
  ['2024-03-01', 2, 6591, 'Bidrag till kommun', null, 'Insats', 80000],
  ['2024-03-01', 2, 1040, 'Bankkonto', null, 'Insats', -80000],
  ['2024-04-01', 3, 1480, 'Fordran moms', null, 'Moms', 5000],
  ['2024-04-01', 3, 1040, 'Bankkonto', null, 'Moms', -5000],
];

const run = (wb: XlsxWorkbook) => reportsRun(wb, { version: 'test', now: FIXED_NOW });

test('proposed, left alone while unconfirmed, then used once confirmed', async () => {
  const wb = await workbookFrom({ Inställningar: [['Inställning', 'Värde'], ['Förbund', 'Testförbundet'], ['Räkenskapsår', 2024]], Huvudbok: ledger });
  const before = await wb.sheetNames();

  const first = await run(wb);
  expect(first.status).toBe('blockerat');
  expect(first.findings.filter((f) => f.code === 'konto-osakert').map((f) => f.message.slice(0, 30))).toEqual(['Konto 1040 (Bankkonto) ligger ', 'Konto 1480 (Fordran moms) ligg']);
  expect(await wb.sheetNames()).toEqual([...before, 'Kontoplan']);
  expect(await generatedSheets(wb)).toEqual([]);
  const [proposal] = await wb.readSheets(['Kontoplan']);
  const rows = proposal!.cells.slice(1).filter((r) => r[4] === 'förslag').map((r) => [r[0], r[3]]);
  expect(rows).toEqual([
    ['1040', 'Kassa och bank'],
    ['1480', 'Fordringar'],
    ['2010', 'Eget kapital'],
    ['3610', 'Verksamhetens intäkter'],
    ['6591', 'Verksamhetens kostnader'],
  ]);

  // Unconfirmed: still blocked, and the proposal is not written again.
  const again = await run(wb);
  expect(again.status).toBe('blockerat');
  expect(await wb.sheetNames()).toEqual([...before, 'Kontoplan']);

  // Confirmed: one row "bekräftad", the others with the column cleared.
  const ws = wb.workbook.getWorksheet('Kontoplan')!;
  ws.getCell(2, 5).value = 'bekräftad';
  for (let r = 3; r <= 6; r++) ws.getCell(r, 5).value = null;
  const confirmed = await run(wb);
  expect(confirmed.status).toBe('skrivet');
  const br = (line: string) => moneyToFixed2(statementRow(confirmed.bokslut!.balansrakning, line)!.amounts[0]!);
  expect(br('Kassa och bank')).toBe('515000.00');
  expect(br('Fordringar')).toBe('5000.00');
  expect(br('Summa eget kapital')).toBe('520000.00');
  expect(confirmed.bokslut!.reconciliations.filter((r) => !r.passed)).toEqual([]);
});
