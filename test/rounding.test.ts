// Presented in tkr, lines that do not add up to their rounded total: the sheet says
// "Avrundningsdifferenser kan förekomma", the cells keep the exact amounts (only the number
// format shows tkr), the total is not adjusted, and Kontroller shows the exact figures.
import { bokslutCompute } from '../src/core/bokslut';
import { type Ledger, type LedgerRow } from '../src/core/ledger';
import { settingsEmpty } from '../src/core/settings';
import { bokslutSheets, ROUNDING_NOTE } from '../src/sheets/render';
import { type SheetSpec } from '../src/workbook/port';

let n = 0;
const row = (account: string, ore: number, voucher: string): LedgerRow => ({ account, year: 2024, ore, isIB: false, projekt: '', voucher, sheet: 'Huvudbok', row: ++n, col: 7 });

function sheetsFor(unit: 'kr' | 'tkr'): SheetSpec[] {
  // 400 kr verksamhetens intäkter and 400 kr ränteintäkter: 0 + 0 tkr, but årets resultat 1 tkr.
  const rows = [row('3511', -40000, '1'), row('1930', 40000, '1'), row('8410', -40000, '2'), row('1930', 40000, '2')];
  const ledger: Ledger = { sources: ['Huvudbok'], rows, accountNames: new Map(), hasVouchers: true };
  const { bokslut, findings } = bokslutCompute({ settings: { ...settingsEmpty, year: 2024, unit }, ledger, budget: undefined, insatser: [], kontoplan: [] });
  return bokslutSheets(bokslut!, findings, { forbund: 'F', year: 2024, unit, version: 't', generatedAt: '', sources: [], checksum: '' });
}

const sheet = (sheets: SheetSpec[], name: string) => sheets.find((s) => s.name === name)!;
const texts = (s: SheetSpec) => s.rows.flat().map((c) => c?.value);
const cellOf = (s: SheetSpec, line: string) => s.rows.find((r) => r[0]?.value === line)?.[1];

test('tkr: the note, exact cells with a tkr format, the total not adjusted', () => {
  const sheets = sheetsFor('tkr');
  const rr = sheet(sheets, 'Resultaträkning');
  expect(texts(rr)).toContain(ROUNDING_NOTE);
  expect(ROUNDING_NOTE.toLowerCase()).toContain('avrundningsdifferenser kan förekomma');
  expect(cellOf(rr, 'Verksamhetens intäkter')).toMatchObject({ value: 400, format: '#,##0,;-#,##0,;0' });
  expect(cellOf(rr, 'Årets resultat')).toMatchObject({ value: 800, format: '#,##0,;-#,##0,;0' });
  // The KFA's own lines add up here (1 tkr in, 1 tkr flow): no note where none is due.
  expect(texts(sheet(sheets, 'Kassaflödesanalys'))).not.toContain(ROUNDING_NOTE);
  // Kontroller shows öre.
  const kontroller = sheet(sheets, 'Kontroller');
  expect(kontroller.rows.some((r) => r[1]?.format === '#,##0.00;-#,##0.00;0.00')).toBe(true);
});

test('kr: the same books need no note', () => {
  const sheets = sheetsFor('kr');
  expect(texts(sheet(sheets, 'Resultaträkning'))).not.toContain(ROUNDING_NOTE);
});
