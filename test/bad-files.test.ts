// Bad files: a file that is not an .xlsx workbook (empty, password-protected, an old .xls, a
// CSV or a web page under an Excel name, another program's file, a package with a part
// missing, a damaged one) is refused with its WorkbookFileError kind and a Swedish message;
// and workbooks whose cells do not say what they seem to: formulas saved without calculated
// values, numbers formatted as percent, merged cells. Every file is built in the test, from
// bytes or with exceljs and an edit of its parts. Each case asserts the error kind or finding
// code, the cell where there is one, and that no report sheet was written.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { cellRefText } from '../src/core/cellref';
import { type Finding, type FindingCode } from '../src/core/findings';
import { moneyToFixed2 } from '../src/core/money';
import { statementRow } from '../src/core/statement';
import { type RunResult } from '../src/pipeline/run';
import { goalsRead } from '../src/sheets/goalsReader';
import { insatserRead } from '../src/sheets/insatserReader';
import { settingsRead } from '../src/sheets/settingsReader';
import { CELL_ERROR_UNCALCULATED } from '../src/workbook/port';
import { WorkbookFileError, type WorkbookFileKind, XlsxWorkbook } from '../src/workbook/xlsx';
import { baseSheets, generatedSheets, oleCompoundFile, runOn } from './helpers';


/** The base workbook as .xlsx bytes, with an edit made through exceljs before it is saved. */
async function xlsxBytes(edit: (wb: ExcelJS.Workbook) => void = () => undefined, sheets = baseSheets()): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  }
  edit(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The bytes with the package's parts edited. */
async function zipEdit(bytes: Uint8Array, edit: (zip: JSZip) => Promise<void> | void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const sheet = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;


/** The file is refused with this kind, in Swedish, naming no library, code or address. */
async function expectRefused(bytes: Uint8Array, kind: WorkbookFileKind, words: string): Promise<WorkbookFileError> {
  const e = await XlsxWorkbook.fromBuffer(bytes).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(WorkbookFileError);
  const error = e as WorkbookFileError;
  expect(error.kind).toBe(kind);
  expect(error.message).toContain(words);
  expect(error.message).not.toMatch(/https?:|www\.|zip file|corrupt|cannot|undefined|error|jszip|exceljs|\.rels/i);
  return error;
}

interface Outcome {
  wb: XlsxWorkbook;
  inputNames: string[];
  result: RunResult;
}

async function run(bytes: Uint8Array): Promise<Outcome> {
  const wb = await XlsxWorkbook.fromBuffer(bytes);
  const inputNames = await wb.sheetNames();
  return { wb, inputNames, result: await runOn(wb) };
}

function the(result: RunResult, code: FindingCode): Finding {
  const f = result.findings.find((x) => x.code === code);
  if (!f) throw new Error(`inget fynd ${code}; fick ${result.findings.map((x) => `${x.code}: ${x.message}`).join(' | ')}`);
  return f;
}

async function expectBlocked(o: Outcome, code: FindingCode, cells: readonly string[]): Promise<Finding> {
  const f = the(o.result, code);
  expect(f.severity).toBe('blockerande');
  expect(f.message).toContain(cells[0]);
  expect(f.cells.map(cellRefText)).toEqual(expect.arrayContaining([...cells]));
  expect(o.result.status).toBe('blockerat');
  expect(o.result.findings.map((x) => x.code)).not.toContain('inget-att-rapportera');
  expect(await generatedSheets(o.wb)).toEqual([]);
  expect(await o.wb.sheetNames()).toEqual(o.inputNames);
  return f;
}

async function expectWritten(o: Outcome): Promise<void> {
  expect(o.result.findings.filter((f) => f.severity === 'blockerande')).toEqual([]);
  expect(o.result.status).toBe('skrivet');
  expect(moneyToFixed2(statementRow(o.result.bokslut!.resultatrakning, 'Årets resultat')!.amounts[0]!)).toBe('150000.00');
  expect(await generatedSheets(o.wb)).toEqual(expect.arrayContaining(['Resultaträkning', 'Balansräkning', 'Driftredovisning', 'Kontroller']));
}

const UNCALCULATED_TEXT = 'inget beräknat värde: öppna arbetsboken i Excel, räkna om och spara';

test('the base workbook is valid', async () => {
  await expectWritten(await run(await xlsxBytes()));
});

describe('files that are not an .xlsx workbook are refused, and say what to do', () => {
  test('an empty file', async () => {
    await expectRefused(new Uint8Array(0), 'tom', 'filen är tom');
  });

  test('a password-protected workbook', async () => {
    await expectRefused(oleCompoundFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']), 'losenordsskyddad', 'arbetsboken är lösenordsskyddad: öppna den i Excel och spara en kopia utan lösenord');
  });

  test('an old .xls workbook', async () => {
    await expectRefused(oleCompoundFile(['Workbook', '\u0005SummaryInformation']), 'xls', 'det här är en äldre .xls-fil: öppna den i Excel och spara som Excel-arbetsbok (.xlsx)');
  });

  test('a CSV file renamed .xlsx', async () => {
    const csv = 'Datum;Ver.nr;Konto;Belopp\n2024-01-15;1;1930;500000\n2024-01-15;1;3511;-500000\n';
    await expectRefused(new TextEncoder().encode(csv), 'textfil', 'filen är en textfil (CSV), inte en Excel-arbetsbok: öppna den i Excel och spara som');
  });

  test('a web page saved under an Excel name', async () => {
    await expectRefused(new TextEncoder().encode('<html><body><table><tr><td>Konto</td><td>Belopp</td></tr></table></body></html>'), 'textfil', 'webbsida (HTML)');
  });

  test('a zip that is not a spreadsheet', async () => {
    const zip = new JSZip();
    zip.file('rapport.txt', 'Konto;Belopp');
    await expectRefused(await zip.generateAsync({ type: 'uint8array' }), 'annat-format', 'zip-arkiv, inte en Excel-arbetsbok');
  });

  test('a Word document renamed .xlsx', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    await expectRefused(await zip.generateAsync({ type: 'uint8array' }), 'annat-format', 'Word-dokument');
  });

  test('a package without its list of sheets (xl/workbook.xml)', async () => {
    await expectRefused(await zipEdit(await xlsxBytes(), (z) => void z.remove('xl/workbook.xml')), 'ofullstandig', 'arbetsboken är ofullständig');
  });

  test('a package missing the cells of one sheet: never read as a workbook without it', async () => {
    const e = await expectRefused(await zipEdit(await xlsxBytes(), (z) => void z.remove('xl/worksheets/sheet3.xml')), 'ofullstandig', 'innehållet i bladet Huvudbok');
    expect(e.message).toContain('saknas i filen');
  });

  test('a package missing its shared texts, without which every text cell reads as a number', async () => {
    await expectRefused(await zipEdit(await xlsxBytes(), (z) => void z.remove('xl/sharedStrings.xml')), 'ofullstandig', 'arbetsbokens texter');
  });

  test('a sheet stored under a part name exceljs passes over: named, never "Inget att rapportera"', async () => {
    const bytes = await zipEdit(await xlsxBytes(), async (z) => {
      z.file('xl/worksheets/huvudbok.xml', await z.file('xl/worksheets/sheet3.xml')!.async('string'));
      z.remove('xl/worksheets/sheet3.xml');
      const rels = await z.file('xl/_rels/workbook.xml.rels')!.async('string');
      z.file('xl/_rels/workbook.xml.rels', rels.replace('worksheets/sheet3.xml', 'worksheets/huvudbok.xml'));
    });
    await expectRefused(bytes, 'skadad', 'bladet Huvudbok');
  });

  test('malformed sheet XML', async () => {
    const bytes = await zipEdit(await xlsxBytes(), async (z) => {
      const xml = await z.file('xl/worksheets/sheet3.xml')!.async('string');
      z.file('xl/worksheets/sheet3.xml', xml.replace('</row>', '</c></row>'));
    });
    await expectRefused(bytes, 'skadad', 'filen är skadad');
  });

  test('a file cut off halfway', async () => {
    const bytes = await xlsxBytes();
    await expectRefused(bytes.subarray(0, Math.floor(bytes.length / 2)), 'skadad', 'filen är skadad');
  });
});

describe('a formula without a calculated value blocks at its cell, whatever the cell holds', () => {
  const formula = (text: string) => ({ formula: text }) as ExcelJS.CellFormulaValue;

  test('an amount', async () => {
    const o = await run(await xlsxBytes((wb) => (sheet(wb, 'Huvudbok').getCell('G7').value = formula('250000*2'))));
    const f = await expectBlocked(o, 'formel-utan-varde', ['Huvudbok!G7']);
    expect(f.message).toContain(`formeln har ${UNCALCULATED_TEXT}`);
  });

  test('a shared formula down the amount column', async () => {
    const o = await run(await xlsxBytes((wb) => sheet(wb, 'Huvudbok').fillFormula('G9:G11', '300000')));
    const f = await expectBlocked(o, 'formel-utan-varde', ['Huvudbok!G9', 'Huvudbok!G10', 'Huvudbok!G11']);
    expect(f.message).toContain(`3 formler har ${UNCALCULATED_TEXT}`);
  });

  test('an array formula: the cells of its range without values in the file block too', async () => {
    const arrayFormula = (ws: ExcelJS.Worksheet) => (ws.fillFormula as unknown as (range: string, formula: string, results: undefined, shareType: 'array') => void).call(ws, 'G9:G11', 'G5:G7', undefined, 'array');
    const o = await run(await xlsxBytes((wb) => arrayFormula(sheet(wb, 'Huvudbok'))));
    await expectBlocked(o, 'formel-utan-varde', ['Huvudbok!G9', 'Huvudbok!G10', 'Huvudbok!G11']);
  });

  test('an account number (text, not an amount)', async () => {
    const o = await run(await xlsxBytes((wb) => (sheet(wb, 'Huvudbok').getCell('C9').value = formula('4600+10'))));
    await expectBlocked(o, 'formel-utan-varde', ['Huvudbok!C9']);
  });

  test('a date', async () => {
    const o = await run(await xlsxBytes((wb) => (sheet(wb, 'Huvudbok').getCell('A9').value = formula('DATE(2024,3,15)'))));
    await expectBlocked(o, 'formel-utan-varde', ['Huvudbok!A9']);
  });

  test("an insats's name in Insatser", async () => {
    const o = await run(await xlsxBytes((wb) => (sheet(wb, 'Insatser').getCell('C3').value = formula('"Sam"&"Coach"'))));
    await expectBlocked(o, 'formel-utan-varde', ['Insatser!C3']);
  });

  test('the year in Inställningar', async () => {
    const o = await run(await xlsxBytes((wb) => (sheet(wb, 'Inställningar').getCell('B3').value = formula('YEAR(TODAY())'))));
    await expectBlocked(o, 'formel-utan-varde', ['Inställningar!B3']);
  });

  test('a formula whose calculated value is an empty text reads as empty, and the run goes on', async () => {
    const o = await run(await xlsxBytes((wb) => (sheet(wb, 'Huvudbok').getCell('D7').value = { formula: 'IF(1,"","Bank")', result: '' } as ExcelJS.CellFormulaValue)));
    const [huvudbok] = await o.wb.readSheets(['Huvudbok']);
    expect(huvudbok?.cells[6]?.[3]).toBeNull();
    await expectWritten(o);
  });

  test('a formula with its calculated value reads as that value', async () => {
    const o = await run(await xlsxBytes((wb) => (sheet(wb, 'Huvudbok').getCell('G7').value = { formula: '250000*2', result: 500000 } as ExcelJS.CellFormulaValue)));
    await expectWritten(o);
  });
});

describe('a number formatted as percent is the fraction it shows', () => {
  const percentCell = (wb: ExcelJS.Workbook, name: string, address: string, value: number) => {
    const cell = sheet(wb, name).getCell(address);
    cell.value = value;
    cell.numFmt = '0%';
  };
  const snapshot = async (bytes: Uint8Array, name: string) => (await (await XlsxWorkbook.fromBuffer(bytes)).readSheets([name]))[0]!;

  test('Andel individinriktad shown as 150 % is out of range, not 1.5 %', async () => {
    const o = await run(await xlsxBytes((wb) => percentCell(wb, 'Insatser', 'E3', 1.5)));
    const f = await expectBlocked(o, 'andel-ogiltig', ['Insatser!E3']);
    expect(f.message).toContain('150 %');
  });

  test('Andel individinriktad shown as 50 % is half', async () => {
    const bytes = await xlsxBytes((wb) => percentCell(wb, 'Insatser', 'E3', 0.5));
    expect(insatserRead(await snapshot(bytes, 'Insatser')).lines.find((l) => l.name === 'SamCoach')?.individShare).toBe(0.5);
    await expectWritten(await run(bytes));
  });

  test("a member's share shown as 150 % is 150 %; 50 % is half", async () => {
    const sheets = baseSheets();
    sheets['Inställningar']!.push([], ['Medlem', 'Andel'], ['Försäkringskassan', 0.5], ['Region', 1.5]);
    const bytes = await xlsxBytes((wb) => {
      sheet(wb, 'Inställningar').getCell('B6').numFmt = '0%';
      sheet(wb, 'Inställningar').getCell('B7').numFmt = '0%';
    }, sheets);
    const read = settingsRead(await snapshot(bytes, 'Inställningar'));
    expect(read.settings.members.map((m) => [m.name, m.share])).toEqual([
      ['Försäkringskassan', 0.5],
      ['Region', 1.5],
    ]);
  });

  test('Gränsvärde shown as 120 % is 120 %, not 1.2 %', async () => {
    const sheets = baseSheets();
    sheets['Mål'] = [
      ['Id', 'Mål', 'Mått', 'Villkor', 'Gränsvärde'],
      ['M1', 'Individinriktade insatser', 'Andel individinriktade insatser', '≥', 1.2],
      ['M2', 'Eget kapital', 'Eget kapital i % av tilldelade medel', '≤', 1.2],
    ];
    const bytes = await xlsxBytes((wb) => (sheet(wb, 'Mål').getCell('E2').numFmt = '0%'), sheets);
    const [percent, bare] = goalsRead(await snapshot(bytes, 'Mål')).goals;
    expect(percent?.limit?.kind).toBe('procent');
    expect(percent?.limit?.value.toNumber()).toBe(120);
    expect(bare?.limit?.value.toNumber()).toBe(1.2);
  });

  test('an amount formatted as percent is a finding, not a silent number', async () => {
    const o = await run(await xlsxBytes((wb) => percentCell(wb, 'Huvudbok', 'G7', 5)));
    const f = await expectBlocked(o, 'belopp-ej-tal', ['Huvudbok!G7']);
    expect(f.message).toContain('procent (500 %)');
  });
});

describe('merged cells count once', () => {
  test('a merged title stands in its first cell only', async () => {
    const bytes = await xlsxBytes((wb) => sheet(wb, 'Huvudbok').mergeCells('A1:H1'));
    const o = await run(bytes);
    const [huvudbok] = await o.wb.readSheets(['Huvudbok']);
    expect(huvudbok?.cells[0]).toEqual(['Samordningsförbundet Test']);
    expect(huvudbok?.merges).toEqual([{ row: 1, col: 1, rows: 1, cols: 8 }]);
    await expectWritten(o);
  });

  test('a merged header names one column', async () => {
    const o = await run(await xlsxBytes((wb) => sheet(wb, 'Huvudbok').mergeCells('C4:D4')));
    const [huvudbok] = await o.wb.readSheets(['Huvudbok']);
    expect(huvudbok?.cells[3]?.slice(0, 5)).toEqual(['Datum', 'Ver.nr', 'Konto', null, 'Projekt']);
    expect(o.result.findings.map((f) => f.code)).not.toContain('kolumn-tvetydig');
    await expectWritten(o);
  });

  test('an amount merged over Debet and Kredit is read from its top-left cell, with a warning at the range', async () => {
    const o = await run(await xlsxBytes((wb) => sheet(wb, 'Huvudbok').mergeCells('G7:H7')));
    const [huvudbok] = await o.wb.readSheets(['Huvudbok']);
    expect(huvudbok?.cells[6]?.slice(6)).toEqual([500000]);
    expect(huvudbok?.merges).toEqual([{ row: 7, col: 7, rows: 1, cols: 2 }]);
    const warning = o.result.findings.find((f) => f.code === 'cell-sammanfogad');
    expect(warning?.severity).toBe('varning');
    expect(warning?.message).toContain('Huvudbok!G7, Huvudbok!H7');
    await expectWritten(o);
  });
});

test('the uncalculated value is not an Excel error code', () => {
  expect(CELL_ERROR_UNCALCULATED).not.toMatch(/^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/);
});
