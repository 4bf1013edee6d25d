// The Inställningar sheet: Startår (and its other names), Insatsdimension and Kolumn <roll>
// rows, wherever they stand, beside the keys read before them.
import { cellRefText } from '../core/cellref';
import { settingsEmpty } from '../core/settings';
import { type CellValue, type SheetSnapshot } from '../workbook/port';
import { settingsRead } from './settingsReader';

const sheet = (cells: CellValue[][]): SheetSnapshot => ({ name: 'Inställningar', cells, generated: false });

const read = (cells: CellValue[][]) => settingsRead(sheet(cells));

test('no sheet: the empty settings, with no start year, dimension or column choices', () => {
  const { settings, findings } = settingsRead(undefined);
  expect(settings).toBe(settingsEmpty);
  expect(settings.startYear).toBeUndefined();
  expect(settings.startYearCell).toBeUndefined();
  expect(settings.insatsDimension).toBeUndefined();
  expect(settings.insatsDimensionCell).toBeUndefined();
  expect(settings.columnChoices).toEqual([]);
  expect(findings).toEqual([]);
});

describe('Startår', () => {
  test.each([
    ['Startår', 2019],
    ['Förbundet bildat', 2019],
    ['Första verksamhetsår', '2019'],
    ['Startade', 2019],
    ['Förbundet startår:', 2019],
    ['FÖRBUNDET BILDAT', { date: 43525 }], // 2019-03-01 as a date cell
    ['Bildat', '2019-03-01'],
  ] as [string, CellValue][])('%s', (key, value) => {
    const { settings, findings } = read([
      ['Inställning', 'Värde'],
      ['Räkenskapsår', 2024],
      [key, value],
    ]);
    expect(findings).toEqual([]);
    expect(settings.startYear).toBe(2019);
    expect(settings.startYearCell && cellRefText(settings.startYearCell)).toBe('Inställningar!B3');
    expect(settings.year).toBe(2024);
  });

  test('does not take the place of Räkenskapsår, nor Verksamhetsår its', () => {
    const { settings } = read([
      ['Verksamhetsår', 2024],
      ['Första verksamhetsår', 2020],
    ]);
    expect(settings.year).toBe(2024);
    expect(settings.startYear).toBe(2020);
  });

  test('empty: not set, and no finding', () => {
    const { settings, findings } = read([['Startår', null]]);
    expect(settings.startYear).toBeUndefined();
    expect(findings).toEqual([]);
  });

  test('not a year: a blocking finding naming the cell', () => {
    const { settings, findings } = read([
      ['Räkenskapsår', 2024],
      ['Startår', 'i fjol'],
    ]);
    expect(settings.startYear).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]?.code).toBe('installning-ogiltig');
    expect(findings[0]?.severity).toBe('blockerande');
    expect(findings[0]?.message).toContain('i fjol');
    expect(findings[0]?.message).toContain('Inställningar!B2');
  });

  test('two different start years: the first counts and both cells are named', () => {
    const { settings, findings } = read([
      ['Startår', 2019],
      ['Förbundet bildat', 2020],
    ]);
    expect(settings.startYear).toBe(2019);
    expect(findings[0]?.code).toBe('installning-ogiltig');
    expect(findings[0]?.cells.map(cellRefText)).toEqual(['Inställningar!B1', 'Inställningar!B2']);
  });

  test('read below the members table too, without becoming a member', () => {
    const { settings, findings } = read([
      ['Räkenskapsår', 2024],
      [],
      ['Medlem', 'Andel av driftbidraget'],
      ['Försäkringskassan (staten)', '50 %'],
      ['Region', '25 %'],
      ['Kommunen', '25 %'],
      ['Startår', 2021],
    ]);
    expect(findings).toEqual([]);
    expect(settings.startYear).toBe(2021);
    expect(settings.members.map((m) => m.name)).toEqual(['Försäkringskassan (staten)', 'Region', 'Kommunen']);
  });
});

describe('Insatsdimension', () => {
  test('the text of the cell: a header', () => {
    const { settings, findings } = read([['Insatsdimension', ' Projnr ']]);
    expect(findings).toEqual([]);
    expect(settings.insatsDimension).toBe('Projnr');
    expect(settings.insatsDimensionCell && cellRefText(settings.insatsDimensionCell)).toBe('Inställningar!B1');
  });

  test('a column letter, under another spelling of the key', () => {
    expect(read([['Förbundets insatsdimension:', 'F']]).settings.insatsDimension).toBe('F');
  });

  test('empty: not set', () => {
    expect(read([['Insatsdimension', '']]).settings.insatsDimension).toBeUndefined();
  });

  test('two different ones: the first counts and both cells are named', () => {
    const { settings, findings } = read([
      ['Insatsdimension', 'Aktivitet'],
      ['Insatsdimension', 'Projekt'],
    ]);
    expect(settings.insatsDimension).toBe('Aktivitet');
    expect(findings[0]?.code).toBe('installning-ogiltig');
    expect(findings[0]?.cells.map(cellRefText)).toEqual(['Inställningar!B1', 'Inställningar!B2']);
  });
});

describe('Kolumn <roll>', () => {
  test('the role as written after "Kolumn", the column as written, the value cell', () => {
    const { settings, findings } = read([
      ['Inställning', 'Värde'],
      ['Förbund', 'Samordningsförbundet Test'],
      ['Kolumn Projekt', 'Ks'],
      ['kolumn  Belopp ', 'G'],
      ['Kolumn: Ver.nr', 'Verifikation'],
      ['Kolumn Datum', null],
    ]);
    expect(findings).toEqual([]);
    expect(settings.forbund).toBe('Samordningsförbundet Test');
    expect(settings.columnChoices.map((c) => ({ role: c.role, column: c.column, cell: cellRefText(c.cell) }))).toEqual([
      { role: 'Projekt', column: 'Ks', cell: 'Inställningar!B3' },
      { role: 'Belopp', column: 'G', cell: 'Inställningar!B4' },
      { role: 'Ver.nr', column: 'Verifikation', cell: 'Inställningar!B5' },
    ]);
  });

  test('a key that only begins with the word is not a choice', () => {
    const { settings } = read([
      ['Kolumnval', 'Ks'],
      ['Kolumn', 'Ks'],
    ]);
    expect(settings.columnChoices).toEqual([]);
  });

  test('the same role twice with different columns: the first counts and both cells are named', () => {
    const { settings, findings } = read([
      ['Kolumn Projekt', 'Ks'],
      ['Kolumn projekt', 'Aktivitet'],
      ['Kolumn Belopp', 'G'],
      ['Kolumn BELOPP', 'g'],
    ]);
    expect(settings.columnChoices.map((c) => [c.role, c.column])).toEqual([
      ['Projekt', 'Ks'],
      ['Belopp', 'G'],
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.code).toBe('installning-ogiltig');
    expect(findings[0]?.message).toContain('Ks');
    expect(findings[0]?.message).toContain('Aktivitet');
    expect(findings[0]?.cells.map(cellRefText)).toEqual(['Inställningar!B1', 'Inställningar!B2']);
  });

  test('read below the members table too', () => {
    const { settings, findings } = read([
      ['Medlem', 'Andel av driftbidraget', 'Konto'],
      ['Försäkringskassan (staten)', '50 %', 3511],
      ['Region', '50 %', 3512],
      ['Kolumn Projekt', 'Ks'],
      ['Insatsdimension', 'Ks'],
    ]);
    expect(findings).toEqual([]);
    expect(settings.members).toHaveLength(2);
    expect(settings.columnChoices.map((c) => c.column)).toEqual(['Ks']);
    expect(settings.insatsDimension).toBe('Ks');
  });
});

test('the keys read before keep working beside the new ones', () => {
  const { settings, findings } = read([
    ['Inställning', 'Värde'],
    ['Förbund', 'Samordningsförbundet Test'],
    ['Räkenskapsår', 2024],
    ['Redovisningsenhet', 'tkr'],
    ['Tilldelade medel', 2_000_000],
    ['Startår', 2019],
    ['Insatsdimension', 'Projnr'],
    ['Kolumn Projekt', 'Projnr'],
  ]);
  expect(findings).toEqual([]);
  expect(settings.forbund).toBe('Samordningsförbundet Test');
  expect(settings.year).toBe(2024);
  expect(settings.unit).toBe('tkr');
  expect(settings.tilldeladeMedel.get(2024)?.toString()).toBe('2000000');
  expect(settings.startYear).toBe(2019);
  expect(settings.insatsDimension).toBe('Projnr');
  expect(settings.columnChoices).toHaveLength(1);
});
