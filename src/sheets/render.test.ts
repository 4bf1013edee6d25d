import { bokslutCompute } from '../core/bokslut';
import { cellRefText } from '../core/cellref';
import { type Finding, finding } from '../core/findings';
import { type InsatsLine } from '../core/insatser';
import { type Ledger, type LedgerRow } from '../core/ledger';
import { moneyFromOre } from '../core/money';
import { settingsEmpty } from '../core/settings';
import { type SheetSpec } from '../workbook/port';
import { bokslutRender, CELL_TEXT_LIMIT, cellTextFit, driftredovisningSheet, kontoplanProposalRender, type RenderMeta, sheetTextFit, TEXT_CUT_NOTE } from './render';

const META: RenderMeta = { forbund: 'Samordningsförbundet Test', year: 2024, unit: 'kr', version: 't', generatedAt: '', sources: [], checksum: '' };
const LONG = 'x'.repeat(40_000);
const texts = (s: SheetSpec) => s.rows.flat().flatMap((c) => (c && typeof c.value === 'string' ? [c.value] : []));

let n = 0;
const row = (account: string, ore: number, voucher: string, projekt = ''): LedgerRow => ({ account, year: 2024, ore, isIB: false, projekt, voucher, sheet: 'Huvudbok', row: ++n, col: 7 });

function bokslutWith(insatsName: string, accountName: string) {
  const rows = [row('3511', -50000, '1'), row('1930', 50000, '1'), row('4610', 30000, '2', '100'), row('1930', -30000, '2')];
  const ledger: Ledger = { sources: ['Huvudbok'], rows, accountNames: new Map([['3511', accountName]]), hasVouchers: true };
  const insatser: InsatsLine[] = [{ name: insatsName, projekt: ['100'], accounts: [], type: 'Individinriktad', individShare: 1, cell: { sheet: 'Insatser', row: 2, col: 1 } }];
  return bokslutCompute({ settings: { ...settingsEmpty, year: 2024, startYear: 2024 }, ledger, budget: undefined, insatser, kontoplan: [] });
}

describe('texts longer than a cell holds', () => {
  test('cut to the limit, ending with the note; shorter texts unchanged', () => {
    expect(cellTextFit('kort')).toBe('kort');
    expect(cellTextFit('y'.repeat(CELL_TEXT_LIMIT))).toBe('y'.repeat(CELL_TEXT_LIMIT));
    const cut = cellTextFit(LONG);
    expect(cut.length).toBe(CELL_TEXT_LIMIT);
    expect(cut.endsWith(TEXT_CUT_NOTE)).toBe(true);
    expect(TEXT_CUT_NOTE).toBe('… (avkortad)');
  });

  test('never half a surrogate pair', () => {
    const emoji = '😀'.repeat(20_000);
    const cut = cellTextFit(emoji);
    expect(cut.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    expect(cut.endsWith(TEXT_CUT_NOTE)).toBe(true);
    expect(() => encodeURIComponent(cut)).not.toThrow();
  });

  test('a Driftredovisning with an insats named by 40 000 characters: the cell is cut, and a warning names it', () => {
    const { bokslut } = bokslutWith(LONG, 'Driftbidrag staten');
    const { sheet, findings } = sheetTextFit(driftredovisningSheet(bokslut!.driftredovisning, META));
    expect(Math.max(...texts(sheet).map((t) => t.length))).toBe(CELL_TEXT_LIMIT);
    expect(sheet.rows[5]?.[0]?.value).toBe(cellTextFit(LONG));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'text-avkortad', severity: 'varning' });
    expect(findings[0]!.cells.map(cellRefText)).toEqual(['Driftredovisning!A6']);
    expect(findings[0]!.message).toContain('40 000 tecken');
    expect(findings[0]!.message).toContain('Driftredovisning!A6');
  });

  test('every sheet of a bokslut fits, and Kontroller lists the cuts and cuts a finding too long for its cell', () => {
    const { bokslut, findings } = bokslutWith(LONG, `Driftbidrag ${LONG}`);
    const long: Finding = finding('projekt-utan-insats', `Projekt ${LONG} finns inte i bladet Insatser.`, [{ sheet: 'Huvudbok', row: 3, col: 7 }]);
    const rendered = bokslutRender(bokslut!, [...findings, long], META);
    for (const s of rendered.sheets) for (const t of texts(s)) expect(t.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    const where = rendered.findings.map((f) => cellRefText(f.cells[0]!));
    expect(where).toEqual(expect.arrayContaining(['Noter!A7', 'Driftredovisning!A6']));
    expect(where.some((w) => /^Kontroller!C\d+$/.test(w))).toBe(true);
    const kontroller = texts(rendered.sheets.find((s) => s.name === 'Kontroller')!);
    for (const w of where) expect(kontroller.some((t) => t.includes(w))).toBe(true);
  });

  test('the proposed Kontoplan fits too', () => {
    const { sheet, findings } = kontoplanProposalRender([{ account: '9999', name: LONG, amount: moneyFromOre(100), line: undefined }], []);
    expect(texts(sheet).every((t) => t.length <= CELL_TEXT_LIMIT)).toBe(true);
    expect(findings.map((f) => cellRefText(f.cells[0]!))).toEqual(['Kontoplan!B2']);
  });
});
