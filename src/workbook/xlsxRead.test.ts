import { readdirSync, readFileSync, unlinkSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { CELL_ERROR_UNCALCULATED, type SheetSnapshot } from './port';
import { XlsxWorkbook } from './xlsx';
import { WorkbookFileError } from './xlsxFile';
import { sharedStringsRead } from './sheetScan';
import { cellStyleKinds, numberFormatIsDate, xlsxReadSheets, xlsxSheetNames } from './xlsxRead';
import { xmlUnescape } from './xmlScan';

const UNCALCULATED = { error: CELL_ERROR_UNCALCULATED };
const root = join(__dirname, '..', '..');

/** What the exceljs adapter reads from the file: every sheet, in workbook order. */
async function today(bytes: Uint8Array): Promise<{ names: string[]; sheets: SheetSnapshot[] }> {
  const wb = await XlsxWorkbook.fromBuffer(bytes);
  const names = await wb.sheetNames();
  return { names, sheets: await wb.readSheets(names) };
}

async function sameAsToday(bytes: Uint8Array): Promise<void> {
  const expected = await today(bytes);
  expect(await xlsxSheetNames(bytes)).toEqual(expected.names);
  expect(await xlsxReadSheets(bytes)).toEqual(expected.sheets);
  expect(await xlsxReadSheets(bytes, expected.names.slice().reverse())).toEqual(expected.sheets.slice().reverse());
}

/** A workbook of one sheet "Blad" built by `build`, saved, its sheet part edited by `edit`. */
async function book(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void, edit?: (sheetXml: string) => string, editZip?: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Blad'), wb);
  let bytes: Uint8Array = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  if (edit || editZip) {
    const zip = await JSZip.loadAsync(bytes);
    if (edit) zip.file('xl/worksheets/sheet1.xml', edit(await zip.file('xl/worksheets/sheet1.xml')!.async('string')));
    await editZip?.(zip);
    bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }
  return bytes;
}

const sheetData = (data: string) => (xml: string) => xml.replace(/<sheetData>.*<\/sheetData>|<sheetData\/>/s, `<sheetData>${data}</sheetData>`);

async function blad(bytes: Uint8Array): Promise<SheetSnapshot> {
  const [sheet] = await xlsxReadSheets(bytes, ['Blad']);
  return sheet!;
}

describe('the same cells as the exceljs adapter', () => {
  const files = [
    'examples/solleftea-2024.xlsx',
    'examples/kramfors-budget-2024.xlsx',
    ...readdirSync(join(root, 'test/layouts'))
      .filter((f) => f.endsWith('.xlsx'))
      .sort()
      .map((f) => `test/layouts/${f}`),
  ];
  test.each(files)('%s', async (file) => {
    await sameAsToday(new Uint8Array(readFileSync(join(root, file))));
  });
});

describe('cells built with exceljs', () => {
  test('shared texts with rich text, inline texts, booleans, errors, numbers', async () => {
    const bytes = await book((ws) => {
      ws.getCell('A1').value = { richText: [{ text: 'Fet ', font: { bold: true } }, { text: 'och vanlig' }] };
      ws.getCell('B1').value = '  mellanslag  ';
      ws.getCell('C1').value = true;
      ws.getCell('D1').value = false;
      ws.getCell('E1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      ws.getCell('F1').value = -1234.5;
      ws.getCell('A3').value = 'R&D <1> "citat" \'apostrof\'';
    });
    await sameAsToday(bytes);
    expect((await blad(bytes)).cells).toEqual([['Fet och vanlig', '  mellanslag  ', true, false, { error: '#N/A' }, -1234.5], [], ['R&D <1> "citat" \'apostrof\'']]);
  });

  test('inline texts, rich inline texts, entities and character references', async () => {
    const bytes = await book(
      () => undefined,
      sheetData(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Inline &amp; &lt;text&gt;</t></is></c><c r="B1" t="inlineStr"><is><r><t>Rik </t></r><r><rPr><b/></rPr><t xml:space="preserve">inline</t></r></is></c>' +
          '<c r="C1" t="str"><v>&#229;&#xE4;&#246; &quot;x&quot; &apos;y&apos;</v></c></row>',
      ),
    );
    await sameAsToday(bytes);
    expect((await blad(bytes)).cells).toEqual([['Inline & <text>', 'Rik inline', 'åäö "x" \'y\'']]);
  });

  test('dates and percent formats, on values and on formula results', async () => {
    const bytes = await book((ws) => {
      ws.getCell('A1').value = new Date(Date.UTC(2024, 0, 31));
      ws.getCell('B1').value = 45322.75;
      ws.getCell('B1').numFmt = 'yyyy-mm-dd hh:mm';
      ws.getCell('C1').value = 0.25;
      ws.getCell('C1').numFmt = '0%';
      ws.getCell('D1').value = 1.5;
      ws.getCell('D1').numFmt = '0" %"';
      ws.getCell('E1').value = { formula: 'C1*2', result: 0.5 };
      ws.getCell('E1').numFmt = '0.0%';
      ws.getCell('F1').value = { formula: 'A1+1', result: new Date(Date.UTC(2024, 1, 1)) };
      ws.getCell('G1').value = 1.5;
      ws.getCell('G1').numFmt = '#,##0 "kr";-#,##0 "kr"';
      ws.getCell('H1').value = 45000;
      ws.getCell('H1').numFmt = '[$-41D]d mmmm yyyy';
    });
    await sameAsToday(bytes);
    expect((await blad(bytes)).cells).toEqual([[{ date: 45322 }, { date: 45322.75 }, { percent: 0.25 }, 1.5, { percent: 0.5 }, { date: 45323 }, 1.5, { date: 45000 }]]);
  });

  test('a 1904 workbook: dates as the same day in the 1900 system', async () => {
    const bytes = await book(
      (ws) => {
        ws.getCell('A1').value = 43860;
        ws.getCell('A1').numFmt = 'yyyy-mm-dd';
      },
      undefined,
      async (zip) => {
        const xml = await zip.file('xl/workbook.xml')!.async('string');
        zip.file('xl/workbook.xml', xml.replace(/<workbookPr[^>]*>/, '<workbookPr date1904="1"/>'));
      },
    );
    await sameAsToday(bytes);
    expect((await blad(bytes)).cells).toEqual([[{ date: 43860 + 1462 }]]);
  });

  test('formulas: calculated, uncalculated, shared, array, an empty text', async () => {
    const bytes = await book(
      () => undefined,
      sheetData(
        '<row r="1"><c r="A1"><v>10</v></c><c r="B1"><f>A1*2</f></c><c r="C1"><f t="shared" ref="C1:C3" si="0">A1*3</f></c><c r="D1"><f>A1*4</f><v>40</v></c></row>' +
          '<row r="2"><c r="C2"><f t="shared" si="0"/></c><c r="D2" t="str"><f>IF(A1&gt;0,"","x")</f><v></v></c><c r="E2" t="str"><f>"a&amp;b"</f><v>a&amp;b</v></c></row>' +
          '<row r="3"><c r="A3"><f t="array" ref="A3:B4">A1:B2*2</f></c><c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D3" t="b"><f>TRUE()</f><v>1</v></c><c r="E3" t="str"><f t="array" ref="E3">""</f><v/></c></row>',
      ),
    );
    await sameAsToday(bytes);
    expect((await blad(bytes)).cells).toEqual([
      [10, UNCALCULATED, UNCALCULATED, 40],
      [null, null, UNCALCULATED, null, 'a&b'],
      [UNCALCULATED, UNCALCULATED, { error: '#DIV/0!' }, true, null],
      [UNCALCULATED, UNCALCULATED],
    ]);
  });

  test('merged ranges: the value in the top-left cell only, even where the file repeats it', async () => {
    const bytes = await book(
      (ws) => {
        ws.getCell('A1').value = 'Huvudbok 2024';
        ws.mergeCells('A1:D1');
        ws.getRow(2).values = ['Konto', 'Belopp', 'Belopp'];
        ws.mergeCells('B2:C2');
        ws.getCell('A3').value = 1930;
        ws.getCell('B3').value = 500;
        ws.mergeCells('B3:C4');
        ws.getCell('F8').value = 'x';
        ws.mergeCells('F8:G9');
      },
      (xml) => {
        // The file repeats the value into a merged cell, as some programs write it.
        const repeated = xml.replace(/<c r="C2"[^>]*\/>/, '<c r="C2" t="inlineStr"><is><t>Belopp</t></is></c>');
        expect(repeated).not.toBe(xml);
        return repeated;
      },
    );
    await sameAsToday(bytes);
    const sheet = await blad(bytes);
    expect(sheet.cells.slice(0, 4)).toEqual([['Huvudbok 2024'], ['Konto', 'Belopp'], [1930, 500], []]);
    expect(sheet.cells).toHaveLength(9);
    expect(sheet.merges).toEqual([
      { row: 1, col: 1, rows: 1, cols: 4 },
      { row: 2, col: 2, rows: 1, cols: 2 },
      { row: 3, col: 2, rows: 2, cols: 2 },
      { row: 8, col: 6, rows: 2, cols: 2 },
    ]);
  });

  test('missing cells and rows, styled empty cells, the generated marker', async () => {
    const bytes = await book((ws) => {
      ws.getCell('C2').value = 3;
      ws.getCell('A3').value = 'Genererat av Finsam Ekonomi 0.1.0';
      ws.getCell('Z9').numFmt = '0%';
      ws.getCell('B12').border = { top: { style: 'thin' } };
    });
    await sameAsToday(bytes);
    const sheet = await blad(bytes);
    expect(sheet.cells).toEqual([[], [null, null, 3], ['Genererat av Finsam Ekonomi 0.1.0']]);
    expect(sheet.generated).toBe(true);
  });

  test('sheets in workbook order, a hidden one too; one named that is missing is an error', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Första').getCell('A1').value = 1;
    const hidden = wb.addWorksheet('Dold');
    hidden.state = 'hidden';
    hidden.getCell('A1').value = 2;
    wb.addWorksheet('R&D <1>').getCell('A1').value = 3;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    await sameAsToday(bytes);
    expect(await xlsxSheetNames(bytes)).toEqual(['Första', 'Dold', 'R&D <1>']);
    await expect(xlsxReadSheets(bytes, ['Saknas'])).rejects.toThrow('Bladet Saknas finns inte i arbetsboken.');
  });

  test('a file that is not a workbook is the same WorkbookFileError', async () => {
    const e = await xlsxReadSheets(new Uint8Array(0)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookFileError);
    expect((e as WorkbookFileError).kind).toBe('tom');
    const csv = await xlsxReadSheets(new TextEncoder().encode('Konto;Belopp\n1930;500\n')).catch((x: unknown) => x);
    expect((csv as WorkbookFileError).kind).toBe('textfil');
  });
});

describe('limits before inflating', () => {
  /** The bytes with the declared uncompressed size of `part` in the zip directory set to `size`. */
  function declare(bytes: Uint8Array, part: string, size: number): Uint8Array {
    const out = bytes.slice();
    const view = new DataView(out.buffer);
    const name = new TextEncoder().encode(part);
    for (let at = out.length - 46; at >= 0; at--) {
      if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== name.length) continue;
      if (name.every((b, i) => out[at + 46 + i] === b)) view.setUint32(at + 24, size, true);
    }
    return out;
  }

  test('a part over 512 MiB, an expansion over 200 times: a Swedish message naming the limit', async () => {
    const bytes = await book((ws) => (ws.getCell('A1').value = 1));
    const big = await xlsxReadSheets(declare(bytes, 'xl/worksheets/sheet1.xml', 600 * 1024 * 1024)).catch((x: unknown) => x);
    expect(big).toBeInstanceOf(WorkbookFileError);
    expect((big as WorkbookFileError).message).toContain('512 MiB');
    const bomb = await xlsxReadSheets(declare(bytes, 'xl/worksheets/sheet1.xml', 100 * 1024 * 1024)).catch((x: unknown) => x);
    expect((bomb as WorkbookFileError).message).toContain('200 gånger');
  });

  test('a part that inflates past its declared size is a damaged file', async () => {
    const bytes = await book((ws) => {
      for (let r = 1; r <= 200; r++) ws.getCell(r, 1).value = r;
    });
    const e = await xlsxReadSheets(declare(bytes, 'xl/worksheets/sheet1.xml', 100)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookFileError);
    expect((e as WorkbookFileError).kind).toBe('skadad');
  });
});

describe('parts', () => {
  test('shared texts: runs joined, phonetic runs left out, kept spaces, Office escapes', () => {
    const xml =
      '<sst><si><t>Enkel</t></si><si><r><t>Rik</t></r><r><rPr><b/></rPr><t xml:space="preserve"> text</t></r></si>' +
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></si><si><t/></si><si><t>rad_x000D_ny</t></si><si><t>A &amp; B</t></si></sst>';
    expect(sharedStringsRead(xml)).toEqual(['Enkel', 'Rik text', '漢字', '', 'rad\rny', 'A & B']);
  });

  test('date formats as the exceljs adapter tells them', () => {
    for (const f of ['yyyy-mm-dd', 'd/m/yy', 'h:mm', '[h]:mm:ss', 'mmm-yy', 'YYYY-MM-DD', '[$-41D]d mmmm yyyy']) expect(numberFormatIsDate(f)).toBe(true);
    for (const f of ['General', '0%', '#,##0', '#,##0 "kr"', '[Red]0', '0.00E+00', '@', '', undefined]) expect(numberFormatIsDate(f)).toBe(false);
  });

  test('cell styles: built-in date ids, custom formats, percent, style 0 always plain', () => {
    const xml =
      '<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="0.0&quot; %&quot;"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="8"><xf numFmtId="14"/><xf numFmtId="14"><alignment/></xf><xf numFmtId="22"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="3"/><xf numFmtId="47"/></cellXfs></styleSheet>';
    expect([...cellStyleKinds(xml)]).toEqual([0, 1, 1, 2, 1, 0, 0, 1]);
  });

  test('entities', () => {
    expect(xmlUnescape('a &amp; b &lt;c&gt; &quot;&apos; &#65;&#x42;&#X43; &unknown; & lone')).toBe('a & b <c> "\' ABC &unknown; & lone');
  });
});

describe('timing', () => {
  test('a 100 000-row sheet: read here and by exceljs (printed, not asserted)', async () => {
    const path = join(tmpdir(), `finsam-100k-${process.pid}.xlsx`);
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
    const ws = writer.addWorksheet('Huvudbok');
    ws.addRow(['Datum', 'Konto', 'Kontonamn', 'Text', 'Debet', 'Kredit', 'Andel']).commit();
    for (let r = 0; r < 100_000; r++) {
      const row = ws.addRow([new Date(Date.UTC(2024, r % 12, 1 + (r % 28))), 4000 + (r % 900), `Konto ${r % 900}`, `Verifikation ${r}`, r % 3 === 0 ? 1234.5 + r : null, r % 3 === 0 ? null : 99.25, (r % 100) / 100]);
      row.getCell(1).numFmt = 'yyyy-mm-dd';
      row.getCell(7).numFmt = '0%';
      row.commit();
    }
    ws.commit();
    await writer.commit();
    const bytes = new Uint8Array(readFileSync(path));
    unlinkSync(path);

    let t = performance.now();
    const [mine] = await xlsxReadSheets(bytes);
    const ours = performance.now() - t;
    t = performance.now();
    const wb = await XlsxWorkbook.fromBuffer(bytes);
    const [theirs] = await wb.readSheets(['Huvudbok']);
    const exceljs = performance.now() - t;
    console.log(`100 000 rader (${(bytes.length / 1024 / 1024).toFixed(1)} MiB): xlsxReadSheets ${ours.toFixed(0)} ms, XlsxWorkbook.fromBuffer + readSheets ${exceljs.toFixed(0)} ms`);
    expect(mine).toEqual(theirs);
  });
});
