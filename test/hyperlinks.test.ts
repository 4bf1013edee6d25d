// Links from a generated sheet's cell to another cell of the workbook, in the .xlsx file: a
// `<hyperlink ref location display>` in the sheet's `<hyperlinks>`, in its place in the
// worksheet's element order, with no relationship — whichever way the copy is written (the
// original package with the sheets put in, lean or through exceljs, or exceljs's whole
// workbook) —, the cell showing its value in the link's look, the copy well formed and open
// again, a second run replacing the links with the sheet. And the Granskning sheet's Cell
// column links to each checked cell.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { granskaRun } from '../src/pipeline/granska';
import { LINK_STYLE, type SheetSpec, type WorkbookPort } from '../src/workbook/port';
import { XlsxWorkbook } from '../src/workbook/xlsx';
import { xlsxOpen } from '../src/workbook/xlsxLean';
import { sheetXmlLinksInsert } from '../src/workbook/xlsxLinks';
import { xlsxPackageInspect } from '../src/workbook/xlsxFile';
import { zipEntries, zipEntryText } from '../src/workbook/zip';
import { EXAMPLES, FIXED_NOW } from './helpers';

const MARKER = 'Genererat av Finsam Ekonomi test';

const LINKED: SheetSpec = {
  name: 'Länkar',
  rows: [
    [{ value: 'Länkar' }],
    [{ value: 'Förbundet' }],
    [{ value: MARKER }],
    [],
    [{ value: 'Blad' }, { value: 'Cell' }],
    [{ value: 'Budget' }, { value: 'B39', link: { sheet: 'Budget', cell: 'B39' }, style: LINK_STYLE }],
    [{ value: "Förbundets 'egna' siffror" }, { value: 'C4', link: { sheet: "Förbundets 'egna' siffror", cell: 'c4' }, style: LINK_STYLE }],
    [{ value: 'Insatser' }, { value: 1234, link: { sheet: 'Insatser', cell: 'A1' } }],
  ],
  widths: [30, 8],
  freezeRows: 5,
  conditionalFormats: [{ column: 0, fromRow: 6, toRow: 8, rules: [{ text: 'Budget', fill: 'C6EFCE', fontColor: '006100' }] }],
};

const EXPECTED = [
  { ref: 'B6', location: "'Budget'!B39", display: 'B39' },
  { ref: 'B7', location: "'Förbundets ''egna'' siffror'!C4", display: 'C4' },
  { ref: 'B8', location: "'Insatser'!A1", display: '1234' },
];

/** The worksheet elements in the order CT_Worksheet (ECMA-376 Part 1, 18.3.1.99) puts them. */
const WORKSHEET_ORDER = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** The names of the worksheet's child elements, in document order. */
function topElements(xml: string): string[] {
  const body = xml.slice(xml.indexOf('>', xml.indexOf('<worksheet')) + 1, xml.lastIndexOf('</worksheet>'));
  const out: string[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else {
      if (depth === 0) out.push(m[2] as string);
      if (!m[3]) depth++;
    }
  }
  return out;
}

function expectSchemaOrder(xml: string): void {
  const names = topElements(xml);
  const indexes = names.map((n) => WORKSHEET_ORDER.indexOf(n));
  expect(indexes).not.toContain(-1);
  expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
}

const attrs = (tag: string) => new Map([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1] as string, (a[2] as string).replace(/&apos;/g, "'").replace(/&amp;/g, '&')]));

interface SheetPart {
  readonly xml: string;
  readonly rels: string | undefined;
}

/** The sheet's XML and its relationships part, if any, in the package. */
async function sheetPart(bytes: Uint8Array, name: string): Promise<SheetPart> {
  const part = (await xlsxPackageInspect(bytes)).worksheets?.find((s) => s.name === name)?.part;
  if (!part) throw new Error(`${name} saknas`);
  const entries = zipEntries(bytes);
  const rels = entries.get(part.replace(/([^/]+)$/, '_rels/$1.rels'));
  return { xml: await zipEntryText(bytes, entries.get(part)!), rels: rels ? await zipEntryText(bytes, rels) : undefined };
}

function hyperlinks(xml: string): Map<string, string>[] {
  return [...xml.matchAll(/<hyperlink\b[^>]*>/g)].map((m) => attrs(m[0]));
}

/** Where a checker is installed: xmllint, else Python's XML parser. */
const wellFormedCheck = (() => {
  for (const [cmd, args] of [['xmllint', ['--noout', '-']], ['python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())']]] as const) {
    try {
      execFileSync('which', [cmd], { stdio: 'pipe' });
      return (xml: string) => execFileSync(cmd, [...args], { input: xml, stdio: 'pipe' });
    } catch {
      // not installed
    }
  }
  return undefined;
})();

async function expectLinkedSheet(bytes: Uint8Array, name: string): Promise<void> {
  const { xml, rels } = await sheetPart(bytes, name);
  expect(hyperlinks(xml).map((h) => Object.fromEntries(h))).toEqual(EXPECTED);
  expect(xml).not.toMatch(/<hyperlink\b[^>]*\br:id=/);
  expect(rels ?? '').not.toMatch(/hyperlink|External/);
  expectSchemaOrder(xml);
  if (wellFormedCheck) wellFormedCheck(xml);
  // No external relationship anywhere in the package for the links.
  for (const [part, entry] of zipEntries(bytes)) if (part.endsWith('.rels')) expect(await zipEntryText(bytes, entry)).not.toContain('#');
}

const solleftea = (): Uint8Array => fs.readFileSync(path.join(EXAMPLES, 'solleftea-2024.xlsx'));

const OPENERS: [string, () => Promise<WorkbookPort & { toBuffer(): Promise<Uint8Array> }>][] = [
  ['lean (xlsxOpen)', () => xlsxOpen(solleftea())],
  ['exceljs, the original package kept', () => XlsxWorkbook.fromBuffer(solleftea())],
  ['exceljs, the whole workbook written', async () => XlsxWorkbook.empty()],
];

describe.each(OPENERS)('%s', (_label, open) => {
  test('the links go into the sheet as internal hyperlinks, the copy opens again, a second run replaces them', async () => {
    const wb = await open();
    await wb.writeSheets([LINKED]);
    const out = await wb.toBuffer();
    await expectLinkedSheet(out, 'Länkar');

    // The cells show their values in the link's look; every reader opens the copy.
    const [lean] = await (await xlsxOpen(out)).readSheets(['Länkar']);
    expect(lean?.cells.slice(5)).toEqual([['Budget', 'B39'], ["Förbundets 'egna' siffror", 'C4'], ['Insatser', 1234]]);
    const reopened = await XlsxWorkbook.fromBuffer(out);
    const cell = reopened.workbook.getWorksheet('Länkar')!.getCell('B6');
    expect(cell.value).toBe('B39');
    expect(cell.font).toMatchObject({ underline: true, color: { argb: 'FF0563C1' } });

    // A second run replaces the sheet with its links: still one link per linked cell.
    const again = await XlsxWorkbook.fromBuffer(out);
    expect((await again.writeSheets([LINKED])).replaced).toEqual(['Länkar']);
    await expectLinkedSheet(await again.toBuffer(), 'Länkar');
  });
});

test('a link to nowhere fails the write before anything is written', async () => {
  const bad = (link: { sheet: string; cell: string }): SheetSpec => ({ ...LINKED, rows: [...LINKED.rows, [{ value: 'x', link }]] });
  for (const link of [{ sheet: 'Budget', cell: 'B0' }, { sheet: 'Budget', cell: 'Budget!B3' }, { sheet: 'Bud[get]', cell: 'B3' }, { sheet: '', cell: 'B3' }, { sheet: 'Budget', cell: 'XFE1' }]) {
    const wb = await xlsxOpen(solleftea());
    await expect(wb.writeSheets([bad(link)])).rejects.toThrow(/Länken går inte till/);
    expect(await wb.sheetNames()).not.toContain('Länkar');
  }
});

describe('sheetXmlLinksInsert', () => {
  const link = { ref: 'A1', location: "'A & B'!C3", display: 'a "b" <c>' };
  const item = '<hyperlink ref="A1" location="\'A &amp; B\'!C3" display="a &quot;b&quot; &lt;c&gt;"/>';
  test.each([
    ['after the data validations, before the margins', '<worksheet><sheetData/><dataValidations count="1"><dataValidation/></dataValidations><pageMargins/></worksheet>', `<worksheet><sheetData/><dataValidations count="1"><dataValidation/></dataValidations><hyperlinks>${item}</hyperlinks><pageMargins/></worksheet>`],
    ['before the extension list, whatever it holds', '<worksheet><sheetData><row r="1"/></sheetData><extLst><ext><x14:conditionalFormattings/><pageMargins/></ext></extLst></worksheet>', `<worksheet><sheetData><row r="1"/></sheetData><hyperlinks>${item}</hyperlinks><extLst><ext><x14:conditionalFormattings/><pageMargins/></ext></extLst></worksheet>`],
    ['at the end where nothing follows', '<worksheet><sheetData></sheetData><conditionalFormatting sqref="A1"/></worksheet>', `<worksheet><sheetData></sheetData><conditionalFormatting sqref="A1"/><hyperlinks>${item}</hyperlinks></worksheet>`],
    ['into the links the sheet has', '<worksheet><sheetData/><hyperlinks><hyperlink ref="B2" location="X!A1"/></hyperlinks></worksheet>', `<worksheet><sheetData/><hyperlinks><hyperlink ref="B2" location="X!A1"/>${item}</hyperlinks></worksheet>`],
  ])('%s', (_label, xml, expected) => {
    expect(sheetXmlLinksInsert(xml, [link])).toBe(expected);
  });
});

test("the Granskning sheet's Cell column links to each checked cell", async () => {
  const wb = await xlsxOpen(fs.readFileSync(path.join(__dirname, 'plans', 'kramfors-2024.xlsx')));
  const result = await granskaRun(wb, { version: 'test', now: FIXED_NOW });
  expect(result.status).toBe('skrivet');
  const out = await wb.toBuffer();
  const { xml, rels } = await sheetPart(out, 'Granskning');
  expect(rels).toBeUndefined();
  expectSchemaOrder(xml);
  if (wellFormedCheck) wellFormedCheck(xml);
  const links = new Map(hyperlinks(xml).map((h) => [h.get('ref'), h]));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(out as unknown as ExcelJS.Buffer);
  const ws = book.getWorksheet('Granskning')!;
  const names = new Set(book.worksheets.map((w) => w.name));
  let rows = 0;
  ws.eachRow((row, r) => {
    if (r <= 5) return;
    rows++;
    const sheet = String(row.getCell(1).value);
    const cell = String(row.getCell(2).value);
    expect(names.has(sheet)).toBe(true);
    expect(Object.fromEntries(links.get(`B${r}`) ?? [])).toEqual({ ref: `B${r}`, location: `'${sheet.replace(/'/g, "''")}'!${cell}`, display: cell });
  });
  expect(rows).toBeGreaterThan(0);
  expect(rows).toBe(result.checks.length);
  expect(links.size).toBe(rows);
});
