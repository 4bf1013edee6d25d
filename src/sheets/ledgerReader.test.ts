import { type CellValue } from '../workbook/port';
import { ledgerRead } from './ledgerReader';

const sheet = (cells: CellValue[][], name: string) => ({ name, cells, generated: false });
const sums = (cells: CellValue[][], codes = new Set<string>(), name = 'Huvudbok 2024') => {
  const read = ledgerRead(sheet(cells, name), { insatsCodes: codes });
  const per = new Map<string, number>();
  for (const r of read.ledger?.rows ?? []) per.set(`${r.year} ${r.account}${r.isIB ? ' IB' : ''}`, (per.get(`${r.year} ${r.account}${r.isIB ? ' IB' : ''}`) ?? 0) + r.ore);
  return { read, per: Object.fromEntries(per) };
};

// A per-account print: the account only on the block's first row, IB only in Saldo, summary rows.
const print: CellValue[][] = [
  ['Huvudbok', null, null, null, null, null, null, null],
  ['Sida: 1', 'Utskrivet: 2025-02-14', null, null, null, null, null, null],
  ['Konto', 'Benämning', 'Ver', 'Datum', 'Text', 'Debet', 'Kredit', 'Saldo'],
  [1930, 'Bank', null, null, 'Ingående balans', null, null, 1000],
  [null, null, 'A1', '24-01-15', 'Bidrag', 500, null, 1500],
  [null, null, 'A2', '24-03-15', 'Insats', null, 300, 1200],
  [null, null, null, null, 'Omslutning', 500, 300, null],
  [null, null, null, null, 'Utgående saldo', null, null, 1200],
  ['------', null, null, null, null, null, null, null],
  [2010, 'Eget kapital', null, null, 'Ingående balans', null, null, -1000],
  [null, null, null, null, 'Utgående saldo', null, null, -1000],
  ['------', null, null, null, null, null, null, null],
  [3511, 'Driftbidrag', null, null, 'Ingående balans', null, null, 0],
  [null, null, 'A1', '24-01-15', 'Bidrag', null, 500, -500],
  [null, null, null, null, 'Utgående saldo', null, null, -500],
  [4610, 'Insats', null, null, null, null, null, null],
  [null, null, 'A2', '24-03-15', 'Insats', 300, null, 300],
  [null, null, null, null, 'Utgående saldo', null, null, 300],
  [null, null, null, null, 'Huvudboksomslutning', 800, 800, null],
];

test('a print: accounts from the block, IB from Saldo, summary rows only checked', () => {
  const { read, per } = sums(print);
  expect(read.findings.filter((f) => f.severity === 'blockerande')).toEqual([]);
  expect(per).toEqual({ '2024 1930 IB': 100000, '2024 1930': 20000, '2024 2010 IB': -100000, '2024 3511 IB': 0, '2024 3511': -50000, '2024 4610': 30000 });
  const checks = read.ledger!.checks!;
  expect(checks.map((c) => [c.id, c.passed])).toEqual([
    ['las-ub-Huvudbok 2024', true],
    ['las-omslutning-Huvudbok 2024', true],
    ['las-total-Huvudbok 2024', true],
    ['las-saldo-Huvudbok 2024', true],
  ]);
});

test('an Utgående saldo that does not follow is a finding at its cell', () => {
  const cells = print.map((r) => [...r]);
  cells[7]![7] = 1300;
  const { read } = sums(cells);
  const f = read.findings.find((x) => x.code === 'summarad-avviker' && x.message.includes('Utgående saldo'));
  expect(f?.message).toContain("'Huvudbok 2024'!H8");
});

test('a Saldo column that is not the running balance is a finding', () => {
  const cells = print.map((r) => [...r]);
  cells[5]![7] = 1250;
  const { read } = sums(cells);
  expect(read.findings.some((x) => x.code === 'summarad-avviker' && x.message.includes("'Huvudbok 2024'!H6"))).toBe(true);
});

test('IB rows without a date take the year of the dated rows below them, stated', () => {
  const { read, per } = sums([
    ['Date', 'Verification', 'Account', 'Amount'],
    [null, 'IB', 1930, 100],
    [null, 'IB', 2010, -100],
    ['2023-02-01', 'V1', 1930, 5],
    ['2023-02-01', 'V1', 3511, -5],
  ], new Set(), 'Export');
  expect(per).toEqual({ '2023 1930 IB': 10000, '2023 2010 IB': -10000, '2023 1930': 500, '2023 3511': -500 });
  expect(read.findings.map((f) => f.code)).toEqual(['antagande']);
});

test('the dimension whose codes match Insatser holds the insatser; SIE "6 100" is code 100', () => {
  const { read } = sums(
    [
      ['Datum', 'Konto', 'Kst', 'Proj', 'Belopp'],
      ['2024-01-01', 4610, '1 1', '6 100', 10],
      ['2024-01-01', 1930, '1 1', null, -10],
    ],
    new Set(['100']),
  );
  expect(read.ledger!.rows.map((r) => r.projekt)).toEqual(['100', '']);
});

test('two dimensions that both match Insatser: a finding naming both', () => {
  const { read } = sums(
    [
      ['Datum', 'Konto', 'Ansvar', 'Projekt', 'Belopp'],
      ['2024-01-01', 4610, 100, 100, 10],
      ['2024-01-01', 1930, null, null, -10],
    ],
    new Set(['100']),
  );
  const f = read.findings.find((x) => x.code === 'dimension-oklar');
  expect(f?.message).toContain('"Ansvar"');
  expect(f?.message).toContain('"Projekt"');
  expect(read.ledger).toBeUndefined();
});

test('a column placed by its content is stated, naming the column and the role taken', () => {
  const { read } = sums([
    ['Datum', '', 'Text', 'Värde'],
    ['2024-01-01', 1930, 'IB', 100],
    ['2024-01-01', 2010, 'IB', -100],
    ['2024-02-01', 1930, 'Bidrag', 5.5],
    ['2024-02-01', 3511, 'Bidrag', -5.5],
  ], new Set(), 'Export');
  const stated = read.findings.find((f) => f.code === 'antagande' && f.message.includes('efter innehållet'));
  expect(stated?.message).toContain('kolumn B har lästs som Konto');
  expect(stated?.message).toContain('kolumn D ("Värde") har lästs som Belopp');
});

test('a sheet given over is let go row by row and reads into the same ledger', () => {
  const cells = (): CellValue[][] => [
    ['Huvudbok 2024'],
    [],
    ['Datum', 'Ver', 'Konto', 'Text', 'Debet', 'Kredit'],
    [{ date: 45292 }, 'IB', 1930, 'Ingående balans', 1000, null],
    [{ date: 45292 }, 'IB', 2099, 'Ingående balans', null, 1000],
    [{ date: 45300 }, 'A1', 1930, 'Bidrag', 500, null],
    [{ date: 45300 }, 'A1', 3010, 'Bidrag', null, 500],
  ];
  const kept = ledgerRead(sheet(cells(), 'Huvudbok'));
  const given = sheet(cells(), 'Huvudbok');
  const released = ledgerRead(given, { releaseRows: true });
  expect(released.ledger?.rows).toEqual(kept.ledger?.rows);
  expect(released.findings).toEqual(kept.findings);
  expect(kept.ledger?.rows.length).toBe(4);
  expect(given.cells.slice(3).every((r) => r.length === 0)).toBe(true);
});
