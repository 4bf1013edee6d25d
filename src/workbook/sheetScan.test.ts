// A part read in pieces gives what the whole part gives, wherever the pieces are cut; rows
// that hold only formatting cost nothing; a part whose rows never end is a damaged file.
import fc from 'fast-check';
import { SharedStringsScan, SheetScan, sheetRead, sharedStringsRead, type SheetContext } from './sheetScan';
import { WorkbookFileError } from './xlsxFile';

const CONTEXT: SheetContext = { strings: ['Konto', 'Belopp', 'Bank och kassa i Sollefteå'], kinds: Uint8Array.from([0, 1, 2]), date1904: false };

const SHEET =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="x"><sheetPr/><dimension ref="A1:D9"/><sheetViews/><cols><col min="1" max="4"/></cols>' +
  '<sheetData><row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
  '<row r="2"><c r="A2"><v>1930</v></c><c r="B2" s="0"><v>1234.5</v></c><c r="C2" s="1"><v>45291</v></c><c r="D2" s="2"><v>0.25</v></c></row>' +
  '<row r="3" s="1" customFormat="1"><c r="A3" s="1"/><c r="B3" s="1"/></row>' +
  '<row><c t="inlineStr"><is><r><t>Rik</t></r><r><t xml:space="preserve"> text &amp; mer</t></r></is></c><c t="str"><f>A1</f><v>Förändring av kortfristiga skulder</v></c></row>' +
  '<row r="6"><c r="A6" t="s"><v>2</v></c><c r="C6"><f t="array" ref="C6:D7">SUM(A1:A2)</f></c><c r="E6" t="b"><v>1</v></c><c r="F6" t="e"><v>#N/A</v></c></row>' +
  '<row r="8"/><row r="9"><c r="A9" t="s"><v>0</v></c><c r="B9"><v>-0.05</v></c></row>' +
  '</sheetData><sheetProtection/><mergeCells count="2"><mergeCell ref="A9:B9"/><mergeCell ref="A1:A2"/></mergeCells><pageMargins/></worksheet>';

/** The text cut at the given places (sorted, within the text). */
function cut(text: string, at: readonly number[]): string[] {
  const places = [...new Set(at.map((i) => i % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of places) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

test('a sheet read whole: values, dates, percents, inline and formula texts, merges, an unvalued array formula', () => {
  const { cells, merges } = sheetRead(SHEET, CONTEXT);
  expect(cells[0]).toEqual(['Konto', 'Belopp']);
  expect(cells[1]).toEqual([null, 1234.5, { date: 45291 }, { percent: 0.25 }]);
  expect(cells[2]).toEqual([]);
  expect(cells[3]).toEqual(['Rik text & mer', 'Förändring av kortfristiga skulder']);
  expect(cells[5]).toEqual(['Bank och kassa i Sollefteå', null, { error: '#EJBERÄKNAD' }, { error: '#EJBERÄKNAD' }, true, { error: '#N/A' }]);
  expect(cells[6]).toEqual([null, null, { error: '#EJBERÄKNAD' }, { error: '#EJBERÄKNAD' }]);
  expect(cells[8]).toEqual(['Konto']);
  expect(merges).toEqual([
    { row: 1, col: 1, rows: 2, cols: 1 },
    { row: 9, col: 1, rows: 1, cols: 2 },
  ]);
});

test('a sheet read in pieces cut anywhere gives what the whole gives', () => {
  const whole = sheetRead(SHEET, CONTEXT);
  fc.assert(
    fc.property(fc.array(fc.nat(), { maxLength: 40 }), (at) => {
      const scan = new SheetScan(CONTEXT);
      for (const piece of cut(SHEET, at)) scan.push(piece);
      expect(scan.finish()).toEqual(whole);
    }),
    { numRuns: 300 },
  );
  // Every single place, one character at a time as well.
  const scan = new SheetScan(CONTEXT);
  for (const ch of SHEET) scan.push(ch);
  expect(scan.finish()).toEqual(whole);
});

test('shared texts read in pieces cut anywhere give what the whole gives', () => {
  const xml =
    '<?xml version="1.0"?><sst count="6"><si><t>Enkel</t></si><si><r><t>Rik</t></r><r><t xml:space="preserve"> text</t></r></si>' +
    '<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></si><si/><si><t>rad_x000D_ny</t></si><si><t>A &amp; B</t></si></sst>';
  const whole = sharedStringsRead(xml);
  expect(whole).toEqual(['Enkel', 'Rik text', '漢字', '', 'rad\rny', 'A & B']);
  fc.assert(
    fc.property(fc.array(fc.nat(), { maxLength: 30 }), (at) => {
      const scan = new SharedStringsScan();
      for (const piece of cut(xml, at)) scan.push(piece);
      expect(scan.finish()).toEqual(whole);
    }),
    { numRuns: 300 },
  );
});

test('rows that hold only formatting keep nothing', () => {
  const rows: string[] = [];
  for (let r = 1; r <= 20_000; r++) rows.push(`<row r="${r}" s="1" customFormat="1" ht="15"><c r="A${r}" s="1"/><c r="B${r}" s="2"/></row>`);
  const scan = new SheetScan(CONTEXT);
  const xml = `<worksheet><sheetData>${rows.join('')}<row r="20001"><c r="A20001"><v>7</v></c></row></sheetData></worksheet>`;
  for (let at = 0; at < xml.length; at += 4096) scan.push(xml.slice(at, at + 4096));
  const { cells } = scan.finish();
  expect(cells.length).toBe(20_001);
  expect(cells.filter((r) => r.length > 0)).toEqual([[7]]);
});

test('a part whose rows never end is a damaged file, not a shorter sheet', () => {
  const scan = new SheetScan(CONTEXT);
  scan.push('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2');
  let error: unknown;
  try {
    scan.finish();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(WorkbookFileError);
  expect((error as WorkbookFileError).kind).toBe('skadad');
});

test('a sheet without cells and one without sheetData read as empty', () => {
  expect(sheetRead('<worksheet><sheetData/></worksheet>', CONTEXT)).toEqual({ cells: [], merges: [] });
  expect(sheetRead('<worksheet><dimension ref="A1"/></worksheet>', CONTEXT)).toEqual({ cells: [], merges: [] });
});
