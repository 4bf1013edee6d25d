import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { CELL_ERROR_UNCALCULATED } from './port';
import { cellValueFromExceljs, WorkbookFileError, XlsxWorkbook } from './xlsx';

const UNCALCULATED = { error: CELL_ERROR_UNCALCULATED };

/** An array formula over a range, without values (exceljs's types leave out the share type). */
function arrayFormula(ws: ExcelJS.Worksheet, range: string, formula: string): void {
  (ws.fillFormula as unknown as (range: string, formula: string, results: undefined, shareType: 'array') => void).call(ws, range, formula, undefined, 'array');
}

/** A workbook of one sheet "Blad" built by `build`, saved and opened as a real .xlsx file. */
async function open(build: (ws: ExcelJS.Worksheet) => void, edit?: (sheetXml: string) => string): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Blad'));
  let bytes: Uint8Array = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  if (edit) {
    const zip = await JSZip.loadAsync(bytes);
    zip.file('xl/worksheets/sheet1.xml', edit(await zip.file('xl/worksheets/sheet1.xml')!.async('string')));
    bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }
  return XlsxWorkbook.fromBuffer(bytes);
}

async function cells(wb: XlsxWorkbook) {
  const [sheet] = await wb.readSheets(['Blad']);
  return sheet!;
}

describe('cellValueFromExceljs', () => {
  test('plain values, and a formula as its calculated value', () => {
    expect(cellValueFromExceljs(12.5)).toBe(12.5);
    expect(cellValueFromExceljs({ formula: 'A1*2', result: 25 })).toBe(25);
    expect(cellValueFromExceljs({ formula: '1/0', result: { error: '#DIV/0!' } })).toEqual({ error: '#DIV/0!' });
    expect(cellValueFromExceljs({ sharedFormula: 'B1', result: 'text' } as ExcelJS.CellValue)).toBe('text');
  });

  test('a formula without a calculated value is never empty', () => {
    expect(cellValueFromExceljs({ formula: 'A1*2' })).toEqual(UNCALCULATED);
    expect(cellValueFromExceljs({ formula: 'A1*2', result: undefined })).toEqual(UNCALCULATED);
    expect(cellValueFromExceljs({ sharedFormula: 'B1' } as ExcelJS.CellValue)).toEqual(UNCALCULATED);
  });

  test('a number formatted as percent, its own or a formula’s', () => {
    expect(cellValueFromExceljs(1.5, { percent: true })).toEqual({ percent: 1.5 });
    expect(cellValueFromExceljs({ formula: 'A1/4', result: 0.25 }, { percent: true })).toEqual({ percent: 0.25 });
    expect(cellValueFromExceljs('20 %', { percent: true })).toBe('20 %');
  });
});

describe('formulas without calculated values in a file', () => {
  test('a formula, a shared formula and an array formula read as uncalculated', async () => {
    const wb = await open((ws) => {
      ws.getCell('A1').value = 10;
      ws.getCell('A2').value = { formula: 'A1*2' } as ExcelJS.CellFormulaValue;
      ws.fillFormula('B1:B3', 'A1*2');
      arrayFormula(ws, 'C1:C3', 'A1*3');
      ws.getCell('D1').value = { formula: 'A1*4', result: 40 } as ExcelJS.CellFormulaValue;
    });
    const s = await cells(wb);
    expect(s.cells[0]).toEqual([10, UNCALCULATED, UNCALCULATED, 40]);
    expect(s.cells[1]).toEqual([UNCALCULATED, UNCALCULATED, UNCALCULATED]);
    expect(s.cells[2]).toEqual([null, UNCALCULATED, UNCALCULATED]);
  });

  test('a formula whose calculated value is an empty text reads as empty', async () => {
    const wb = await open(
      (ws) => (ws.getCell('A1').value = 1),
      (xml) => xml.replace(/<sheetData>.*<\/sheetData>/, '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" t="str"><f>IF(A1&gt;0,"","x")</f><v></v></c><c r="C1"><f>A1*2</f></c><c r="D1" t="str"><f t="array" ref="D1:D2">""</f><v/></c></row></sheetData>'),
    );
    expect((await cells(wb)).cells).toEqual([[1, null, UNCALCULATED, null]]);
  });
});

describe('number formats', () => {
  test('a number formatted as percent is read as such; a literal "%" does not count', async () => {
    const wb = await open((ws) => {
      ws.getRow(1).values = [1.5, 0.25, 1.5, 1.5];
      ws.getCell('A1').numFmt = '0%';
      ws.getCell('B1').numFmt = '0.00%';
      ws.getCell('C1').numFmt = '0" %"';
      ws.getCell('D1').numFmt = '#,##0';
    });
    expect((await cells(wb)).cells[0]).toEqual([{ percent: 1.5 }, { percent: 0.25 }, 1.5, 1.5]);
  });
});

describe('merged cells', () => {
  test("a merged range's value stands in its top-left cell only, and the range is carried", async () => {
    const wb = await open((ws) => {
      ws.getCell('A1').value = 'Huvudbok 2024';
      ws.mergeCells('A1:D1');
      ws.getRow(2).values = ['Konto', 'Belopp'];
      ws.mergeCells('B2:C2');
      ws.getCell('A3').value = 1930;
      ws.getCell('B3').value = 500;
      ws.mergeCells('B3:C4');
    });
    const s = await cells(wb);
    expect(s.cells).toEqual([['Huvudbok 2024'], ['Konto', 'Belopp'], [1930, 500], []]);
    expect(s.merges).toEqual([
      { row: 1, col: 1, rows: 1, cols: 4 },
      { row: 2, col: 2, rows: 1, cols: 2 },
      { row: 3, col: 2, rows: 2, cols: 2 },
    ]);
  });

  test('a sheet without merges carries none', async () => {
    expect((await cells(await open((ws) => (ws.getCell('A1').value = 1)))).merges).toEqual([]);
  });
});

describe('files exceljs would misread', () => {
  test('malformed sheet XML is a damaged file, in Swedish', async () => {
    const bytes = await (async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Blad').getCell('A1').value = 1;
      const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      zip.file('xl/worksheets/sheet1.xml', xml.replace('<sheetData>', '<sheetData><row r="1"><c r="A1"><v>1</c></row>'));
      return zip.generateAsync({ type: 'uint8array' });
    })();
    const e = await XlsxWorkbook.fromBuffer(bytes).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookFileError);
    expect((e as WorkbookFileError).kind).toBe('skadad');
    expect((e as WorkbookFileError).message).toMatch(/^filen är skadad/);
    expect((e as WorkbookFileError).cause).toBeDefined();
  });

  test('a sheet whose part exceljs does not recognise is named, never left out', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Huvudbok').getCell('A1').value = 1;
    wb.addWorksheet('Budget').getCell('A1').value = 2;
    const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    zip.file('xl/worksheets/data.xml', await zip.file('xl/worksheets/sheet1.xml')!.async('string'));
    zip.remove('xl/worksheets/sheet1.xml');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('worksheets/sheet1.xml', 'worksheets/data.xml'));
    const e = (await XlsxWorkbook.fromBuffer(await zip.generateAsync({ type: 'uint8array' })).catch((x: unknown) => x)) as WorkbookFileError;
    expect(e).toBeInstanceOf(WorkbookFileError);
    expect(e.message).toContain('bladet Huvudbok');
  });
});
