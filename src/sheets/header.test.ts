import { type CellValue } from '../workbook/port';
import { headerFind, headerRoleOf } from './header';
import { ledgerHeaderAccept, LEDGER_ROLES } from './ledgerReader';
import { KONTOPLAN_ROLES } from './kontoplanReader';
import { GOAL_ROLES, STATISTICS_ROLES } from './goalsReader';
import { BUDGET_ROLES } from './budgetReader';
import { INSATSER_ROLES } from './insatserReader';
import { BALANCE_REPORT_ROLES, RESULT_REPORT_ROLES } from './balanceReportReader';

const find = (cells: CellValue[][], choices = []) => headerFind('Blad', cells, LEDGER_ROLES, ledgerHeaderAccept, 'Konto och Belopp', { choices });
const roleAt = (cells: CellValue[][], col: number) => {
  const h = find(cells).header;
  return h ? [...h.columns].find(([, cols]) => cols.includes(col))?.[0] : undefined;
};

test.each([
  ['Konto(T)', 'Kontonamn'],
  ['Kontotext', 'Kontonamn'],
  ['Account name', 'Kontonamn'],
  ['Bokfört belopp', 'Belopp'],
  ['Belopp SEK', 'Belopp'],
  ['Amount', 'Belopp'],
  ['Debet SEK', 'Debet'],
  ['Projnr', 'Dimension'],
  ['Ks', 'Dimension'],
  ['Kostnadsställe', 'Dimension'],
  ['Dim 1', 'Dimension'],
  ['Ver.datum', 'Datum'],
  ['Registreringsdatum', 'Registreringsdatum'],
  ['Bilagsnr', 'Ver.nr'],
  ['Transaktionsinfo', 'Text'],
])('ledger header %p is %p', (text, role) => {
  expect(headerRoleOf(text, LEDGER_ROLES)).toBe(role);
});

test.each(['Rad', 'Rapportrad', 'Rad i resultaträkningen', 'RR/BR-rad', 'Rad i balansräkningen'])('kontoplan header %p is the line column', (text) => {
  expect(headerRoleOf(text, KONTOPLAN_ROLES)).toBe('Rad');
});

test('a header split over two rows is one header', () => {
  const cells: CellValue[][] = [
    ['Ver', 'Bokf.', 'Konto', 'Konto', 'Proj', 'Debet', 'Kredit'],
    ['nr', 'datum', 'nr', 'namn', 'nr', null, null],
    ['1', '2024-01-15', 1930, 'Bank', null, 100, null],
  ];
  const h = find(cells).header!;
  expect(h.row).toBe(2);
  expect(h.columns.get('Konto')).toEqual([3]);
  expect(h.columns.get('Kontonamn')).toEqual([4]);
  expect(h.columns.get('Datum')).toEqual([2]);
});

test('columns whose header says nothing are placed by their content', () => {
  const cells: CellValue[][] = [
    ['Huvudbok'],
    ['', 'Text', 'Summa kr', ''],
    [1930, 'Bank', 100.5, { date: 45306 }],
    [3511, 'Bidrag', -100.5, { date: 45306 }],
    [4610, 'Insats', 20, { date: 45307 }],
  ];
  expect(roleAt(cells, 1)).toBe('Konto');
  expect(roleAt(cells, 3)).toBe('Belopp');
  expect(roleAt(cells, 4)).toBe('Datum');
});

test("the user's word wins over the header", () => {
  const cells: CellValue[][] = [
    ['Nr', 'Text', 'D', 'K'],
    [1930, 'Bank', 100, null],
    [3511, 'Bidrag', null, 100],
  ];
  expect(find(cells).header).toBeUndefined();
  const h = headerFind('Blad', cells, LEDGER_ROLES, ledgerHeaderAccept, '', { choices: [{ column: 'Nr', role: 'Konto' }, { column: 'C', role: 'Debet' }, { column: 'K', role: 'Kredit' }] }).header!;
  expect([h.columns.get('Konto'), h.columns.get('Debet'), h.columns.get('Kredit')]).toEqual([[1], [3], [4]]);
  expect(h.sources.get(1)).toBe('val');
});

test.each([
  [GOAL_ROLES, 'Mått (nyckeltal)', 'Mått'],
  [GOAL_ROLES, 'Gräns för målet', 'Gränsvärde'],
  [GOAL_ROLES, 'Målnr', 'Id'],
  [STATISTICS_ROLES, 'Antal svarande', 'Av'],
  [STATISTICS_ROLES, 'Antal deltagare', 'Antal'],
  [BUDGET_ROLES, 'Projekt nr', 'Projekt'],
  [BUDGET_ROLES, 'Budgetpost', 'Post'],
  [INSATSER_ROLES, 'Andel individinriktad (%)', 'Andel individinriktad'],
  [INSATSER_ROLES, 'Insatsens namn', 'Post'],
  [BALANCE_REPORT_ROLES, 'Ing saldo', 'IB'],
  [BALANCE_REPORT_ROLES, 'Utgående saldo 2024-12-31', 'UB'],
  [RESULT_REPORT_ROLES, 'Ackumulerat utfall', 'Utfall'],
  [RESULT_REPORT_ROLES, 'Föregående år', 'Föregående'],
] as const)('every input sheet reads header words: %#', (roles, text, role) => {
  expect(headerRoleOf(text, roles)).toBe(role);
});
