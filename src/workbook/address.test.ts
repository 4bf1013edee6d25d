import { addressArea, linkLocation, numberFormatIsPercent } from './address';

describe('addressArea', () => {
  test.each([
    ['A1', { row: 1, col: 1, rows: 1, cols: 1 }],
    ['B2:D9', { row: 2, col: 2, rows: 8, cols: 3 }],
    ["'Mitt blad'!$A$1:$B$2", { row: 1, col: 1, rows: 2, cols: 2 }],
    ["'Blad!1'!AA10", { row: 10, col: 27, rows: 1, cols: 1 }],
    ['D9:B2', { row: 2, col: 2, rows: 8, cols: 3 }],
  ])('%s', (address, area) => {
    expect(addressArea(address)).toEqual(area);
  });

  test('what is not an address', () => {
    expect(addressArea('Summa')).toBeUndefined();
    expect(addressArea('A:A')).toBeUndefined();
  });
});

describe('numberFormatIsPercent', () => {
  test.each(['0%', '0.00%', '0.0%;[Red]-0.0%', '#,##0 %', '[$-41D]0%'])('%s shows percent', (format) => {
    expect(numberFormatIsPercent(format)).toBe(true);
  });

  test.each(['General', '#,##0', '0" %"', '0\\%', '#,##0 "kr";-#,##0 "kr"', '[Red]0', '_-* #,##0_-', 'yyyy-mm-dd', '', undefined])('%s does not', (format) => {
    expect(numberFormatIsPercent(format)).toBe(false);
  });
});

describe('linkLocation', () => {
  test.each([
    [{ sheet: 'Budget', cell: 'B39' }, "'Budget'!B39"],
    [{ sheet: 'Budget 2024', cell: 'b39' }, "'Budget 2024'!B39"],
    [{ sheet: "Förbundets 'egna' siffror", cell: 'XFD1048576' }, "'Förbundets ''egna'' siffror'!XFD1048576"],
  ])('%o', (link, location) => {
    expect(linkLocation(link)).toBe(location);
  });
  test.each([
    { sheet: 'Budget', cell: 'B0' },
    { sheet: 'Budget', cell: 'XFE1' },
    { sheet: 'Budget', cell: 'A1048577' },
    { sheet: 'Budget', cell: 'B3:B4' },
    { sheet: 'Budget', cell: '=B3' },
    { sheet: '', cell: 'B3' },
    { sheet: 'Blad/1', cell: 'B3' },
    { sheet: "'Budget'", cell: 'B3' },
    { sheet: 'x'.repeat(32), cell: 'B3' },
  ])('%o goes nowhere', (link) => {
    expect(() => linkLocation(link)).toThrow(/Länken går inte till/);
  });
});
