// Table finding: header forms, units, titles, tables one under another with and without a
// blank row, account codes that look like years, and sheets that hold no table of sums.
import { type CellValue, type SheetSnapshot } from '../../workbook/port';
import { granska } from './index';
import { periodHeaderOf } from './periods';
import { sheetTables } from './tables';

const sheet = (cells: CellValue[][], name = 'Blad'): SheetSnapshot => ({ name, cells, generated: false });

describe('period headers', () => {
  test.each([
    ['Budget 2024', 2024, 'budget'],
    ['2025', 2025, undefined],
    ['Plan 2026', 2026, 'plan'],
    ['Budget 2010 (tkr)', 2010, 'budget'],
    ['Utfall 2023', 2023, 'utfall'],
    ['2008-12-31 Utfall', 2008, 'utfall'],
    ['2 011', 2011, undefined],
    ['Föregående år', undefined, 'föregående'],
    ['Prognos', undefined, 'prognos'],
  ])('%s', (text, year, kind) => {
    const p = periodHeaderOf(text);
    expect(p?.year).toBe(year);
    expect(p?.kind).toBe(kind);
  });

  test('a year typed as a number, and a date cell, name their year', () => {
    expect(periodHeaderOf(2011)).toMatchObject({ year: 2011, numeric: true });
    expect(periodHeaderOf({ date: 45657 })).toMatchObject({ year: 2024 });
  });

  test.each(['Budgetar 2024-2026', 'RESULTATBUDGET 2024', 'Driftbudget 2024, beslutad av styrelsen 2023-11-24', 'Verksamhetens intäkter', 'Debet', 'Belopp', 'Saldo 2024'])('%s is not a column header', (text) => {
    expect(periodHeaderOf(text)).toBeUndefined();
  });

  test('numbers that are not years are not headers', () => {
    expect(periodHeaderOf(1930)).toBeUndefined();
    expect(periodHeaderOf(646500)).toBeUndefined();
    expect(periodHeaderOf({ percent: 0.2 })).toBeUndefined();
  });
});

describe('tables', () => {
  test('a headerless label column, a unit row under one column, years as numbers', () => {
    const [t] = sheetTables(
      sheet([
        ['Budget för förbundet'],
        [],
        [null, 'Budget 2010', 2011, 2012],
        [null, 'tkr'],
        ['Medlemsbidrag', -100, -100, -100],
        ['Summa intäkter', -100, -100, -100],
      ]),
    );
    expect(t).toMatchObject({ title: 'Budget för förbundet', titleRow: 1, firstRow: 3, lastRow: 6, labelColumn: 1, unit: 'tkr', unitSource: 'enhetsrad' });
    expect(t!.columns.map((c) => [c.col, c.header, c.year])).toEqual([
      [2, 'Budget 2010', 2010],
      [3, '2011', 2011],
      [4, '2012', 2012],
    ]);
    expect(t!.rows.map((r) => r.kind)).toEqual(['data', 'summa']);
  });

  test('a two-line header is read as one; the unit in a title row or a header applies', () => {
    const [a, b] = sheetTables(
      sheet([
        ['Balansräkning'],
        ['Belopp i tkr'],
        [null, '2023-12-31', '2024-12-31'],
        [null, 'Utfall', 'Budget'],
        ['Kassa och bank', 10, 20],
        [],
        ['Resultaträkning'],
        ['Post', 'Utfall 2023 (tkr)', 'Budget 2024 (tkr)'],
        ['Intäkter', 5, 6],
      ]),
    );
    expect(a).toMatchObject({ title: 'Balansräkning', titleRow: 1, headerRows: [3, 4], unit: 'tkr', unitSource: 'titel' });
    expect(a!.columns.map((c) => [c.header, c.year, c.kind])).toEqual([
      ['2023-12-31 Utfall', 2023, 'utfall'],
      ['2024-12-31 Budget', 2024, 'budget'],
    ]);
    expect(b).toMatchObject({ title: 'Resultaträkning', firstRow: 8, unit: 'tkr', unitSource: 'rubrik' });
    expect(b!.columns.map((c) => c.kind)).toEqual(['utfall', 'budget']);
  });

  test('a new header row starts a new table even without a blank row', () => {
    const tables = sheetTables(
      sheet([
        ['Budget', 2024, 2025],
        ['Intäkter', 100, 100],
        ['Beräknat resultat', 10, 0],
        [null, 2024, 2025],
        ['Eget kapital vid ingång av året', 50, 60],
        ['Resultat', 10, 0],
      ]),
    );
    expect(tables.map((t) => [t.firstRow, t.lastRow, t.title, t.name])).toEqual([
      [1, 3, undefined, 'Tabell utan rubrik (rad 1–3)'],
      [4, 6, undefined, 'Tabell utan rubrik (rad 4–6)'],
    ]);
  });

  test('account numbers that look like years stay codes; a block under a blank row keeps the columns above', () => {
    const tables = sheetTables(
      sheet([
        ['RESULTATBUDGET'],
        ['Konto', 'Benämning', 'Budget 2023', 'Budget 2024'],
        [3610, 'Driftbidrag', -100, -100],
        [8900, 'Årets resultat', 0, 0],
        [],
        ['BALANSBUDGET'],
        [2010, 'Eget kapital (IB EK)', 300, 300],
        [2020, 'Årets resultat', 0, 0],
        [null, 'UB Eget kapital', 300, 300],
      ]),
    );
    expect(tables).toHaveLength(2);
    const [, balance] = tables;
    expect(balance).toMatchObject({ title: 'BALANSBUDGET', titleRow: 6, firstRow: 7, lastRow: 9, headerRows: [], labelColumn: 2, codeColumn: 1, role: 'eget-kapital' });
    expect(balance!.columns.map((c) => c.year)).toEqual([2023, 2024]);
    expect(balance!.rows.map((r) => r.code)).toEqual(['2010', '2020', undefined]);
  });

  test('a statement title opens a new table without a blank row', () => {
    const tables = sheetTables(
      sheet([
        ['Post', 'Budget 2024'],
        ['Intäkter', 100],
        ['Balansräkning'],
        ['Kassa', 100],
      ]),
    );
    expect(tables.map((t) => [t.firstRow, t.lastRow, t.title ?? null])).toEqual([
      [1, 2, null],
      [4, 4, 'Balansräkning'],
    ]);
  });

  test('settings, registers and ledgers are not tables of sums', () => {
    const settings = sheet(
      [
        ['Inställning', 'Värde'],
        ['Räkenskapsår', 2024],
        ['Tilldelade medel', 2832000],
        [],
        ['Medlem', 'Andel av driftbidraget'],
        ['Sollefteå kommun', '25 %'],
      ],
      'Inställningar',
    );
    const ledger = sheet(
      [
        ['Huvudbok 2024-01-01 – 2024-12-31'],
        ['Datum', 'Ver.nr', 'Konto', 'Text', 'Debet', 'Kredit'],
        [{ date: 45292 }, 'IB', 2010, 'Ingående balans', null, 701120],
        [{ date: 45300 }, '2024-0001', 1930, 'Driftbidrag', 354000, null],
        [null, null, null, 'Summa', 354000, 701120],
      ],
      'Huvudbok',
    );
    const statistics = sheet(
      [
        ['Insats', 'Mått', 'Antal', 'Av'],
        ['SamCoach', 'Upplevt stöd', 28, 28],
      ],
      'Insatsstatistik',
    );
    expect([settings, ledger, statistics].flatMap(sheetTables)).toEqual([]);
    expect(granska([settings, ledger, statistics])).toEqual({ tables: [], checks: [] });
  });

  test('a generated sheet is never read', () => {
    const cells: CellValue[][] = [
      ['Post', 'Budget 2024'],
      ['A', 1],
      ['Summa', 5],
    ];
    expect(granska([{ name: 'Resultaträkning', cells, generated: true }])).toEqual({ tables: [], checks: [] });
    expect(granska([sheet(cells)]).checks.map((c) => c.status)).toEqual(['avvikelse']);
  });
});
