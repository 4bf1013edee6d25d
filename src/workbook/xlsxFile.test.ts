import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { oleCompoundFile } from '../../test/oleFile';
import { cfbEntryNames, sheetEmptyResults, WorkbookFileError, workbookFileSniff, xlsxPackageInspect, xlsxPartEmptyResults } from './xlsxFile';

const cfb = oleCompoundFile;

const text = (s: string) => new TextEncoder().encode(s);

async function xlsx(edit?: (zip: JSZip) => Promise<void> | void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Huvudbok').getCell('A1').value = 'Konto';
  wb.addWorksheet('R&D <1>').getCell('A1').value = 'Post';
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  if (!edit) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function rejection(bytes: Uint8Array): Promise<WorkbookFileError> {
  try {
    await xlsxPackageInspect(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookFileError);
    return e as WorkbookFileError;
  }
  throw new Error('godtogs');
}

describe('workbookFileSniff', () => {
  test.each([
    ['an empty file', new Uint8Array(0), 'tom', 'filen är tom'],
    ['an encrypted workbook', cfb(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']), 'losenordsskyddad', 'lösenordsskyddad'],
    ['an .xls workbook', cfb(['Workbook', '\u0005SummaryInformation']), 'xls', 'äldre .xls-fil'],
    ['an Excel 5 workbook', cfb(['Book']), 'xls', 'äldre .xls-fil'],
    ['a .doc document', cfb(['WordDocument', '1Table']), 'annat-format', 'Word-dokument'],
    ['a CSV file', text('Konto;Belopp\n1930;100\n'), 'textfil', 'textfil (CSV)'],
    ['a CSV file in UTF-8 with BOM', text('\ufeffKonto;Benämning\n1930;Bank\n'), 'textfil', 'textfil (CSV)'],
    ['a tab-separated Unicode text', new Uint8Array([0xff, 0xfe, 0x4b, 0, 0x09, 0, 0x31, 0]), 'textfil', 'textfil (CSV)'],
    ['a web page saved as .xls', text('<html><body><table><tr><td>1930</td></tr></table></body></html>'), 'textfil', 'webbsida (HTML)'],
    ['an XML spreadsheet 2003', text('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), 'textfil', 'XML-kalkylblad'],
    ['a PDF', new Uint8Array([...text('%PDF-1.7\n'), 0, 1, 2, 0xff, 0]), 'annat-format', 'PDF'],
    ['random bytes', new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 37) % 256)), 'annat-format', 'ingen Excel-arbetsbok'],
  ])('%s', (_label, bytes, kind, words) => {
    const e = workbookFileSniff(bytes);
    expect(e?.kind).toBe(kind);
    expect(e?.message).toContain(words);
  });

  test('a zip is left to the package inspection', async () => {
    expect(workbookFileSniff(await xlsx())).toBeUndefined();
  });

  test('the stream names of a compound file', () => {
    expect(cfbEntryNames(cfb(['EncryptedPackage', 'Workbook']))).toEqual(new Set(['root entry', 'encryptedpackage', 'workbook']));
  });
});

describe('xlsxPackageInspect', () => {
  test('lists the worksheets with their parts, names decoded', async () => {
    const pkg = await xlsxPackageInspect(await xlsx());
    expect(pkg.worksheets).toEqual([
      { name: 'Huvudbok', part: 'xl/worksheets/sheet1.xml' },
      { name: 'R&D <1>', part: 'xl/worksheets/sheet2.xml' },
    ]);
  });

  test.each([
    ['no list of sheets', (z: JSZip) => void z.remove('xl/workbook.xml'), 'ofullstandig', 'xl/workbook.xml'],
    ['no relationships of the workbook', (z: JSZip) => void z.remove('xl/_rels/workbook.xml.rels'), 'ofullstandig', 'hänvisningar'],
    ["a sheet's cells missing", (z: JSZip) => void z.remove('xl/worksheets/sheet2.xml'), 'ofullstandig', 'bladet R&D <1>'],
    ['the shared texts missing', (z: JSZip) => void z.remove('xl/sharedStrings.xml'), 'ofullstandig', 'texter'],
    ['the styles missing', (z: JSZip) => void z.remove('xl/styles.xml'), 'ofullstandig', 'talformat'],
  ])('%s', async (_label, edit, kind, words) => {
    const e = await rejection(await xlsx(edit));
    expect(e.kind).toBe(kind);
    expect(e.message).toContain(words);
  });

  test('another program’s zip', async () => {
    const zipOf = async (files: Record<string, string>) => {
      const z = new JSZip();
      for (const [n, t] of Object.entries(files)) z.file(n, t);
      return z.generateAsync({ type: 'uint8array' });
    };
    expect((await rejection(await zipOf({ 'word/document.xml': '<w/>' }))).message).toContain('Word-dokument');
    expect((await rejection(await zipOf({ 'ppt/presentation.xml': '<p/>' }))).message).toContain('PowerPoint');
    expect((await rejection(await zipOf({ 'xl/workbook.bin': 'x' }))).message).toContain('.xlsb');
    expect((await rejection(await zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }))).message).toContain('.ods');
    expect((await rejection(await zipOf({ 'a.txt': 'hej' }))).message).toContain('zip-arkiv');
  });

  test('a Strict Open XML workbook', async () => {
    const bytes = await xlsx(async (z) => {
      const xml = await z.file('xl/workbook.xml')!.async('string');
      z.file('xl/workbook.xml', xml.replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'));
    });
    expect((await rejection(bytes)).message).toContain('Strikt Open XML');
  });

  test('a truncated file', async () => {
    const bytes = await xlsx();
    const e = await rejection(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(e.kind).toBe('skadad');
  });
});

describe('formula cells whose value is an empty text', () => {
  test('are found by their empty <v>', () => {
    const xml = '<sheetData><row r="1"><c r="A1" t="str"><f>IF(1,"","x")</f><v></v></c><c r="b1" t="str"><f t="shared" si="0"/><v/></c><c r="C1"><f>1+1</f></c><c r="D1"><f>1</f><v>1</v></c></row></sheetData>';
    expect(sheetEmptyResults(xml)).toEqual(new Set(['A1', 'B1']));
  });

  test('are read from the sheet part of the file', async () => {
    const bytes = await xlsx(async (z) => {
      const xml = await z.file('xl/worksheets/sheet1.xml')!.async('string');
      z.file('xl/worksheets/sheet1.xml', xml.replace(/<sheetData>.*<\/sheetData>/, '<sheetData><row r="1"><c r="B1" t="str"><f>""</f><v></v></c></row></sheetData>'));
    });
    expect(await xlsxPartEmptyResults(bytes, 'xl/worksheets/sheet1.xml')).toEqual(new Set(['B1']));
    expect(await xlsxPartEmptyResults(bytes, 'xl/worksheets/sheet2.xml')).toEqual(new Set());
  });
});

test('where the platform cannot inflate (a browser before 2023) the directory is still checked, the sheets left to exceljs', async () => {
  const sound = await xlsx();
  const withoutList = await xlsx((z) => void z.remove('xl/workbook.xml'));
  // A browser has neither DecompressionStream (before 2023) nor Node's zlib.
  const inflater = Object.getOwnPropertyDescriptor(globalThis, 'DecompressionStream');
  const builtin = process.getBuiltinModule;
  Object.defineProperty(globalThis, 'DecompressionStream', { value: undefined, configurable: true, writable: true });
  (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
  try {
    await jest.isolateModulesAsync(async () => {
      const m = await import('./xlsxFile');
      expect((await m.xlsxPackageInspect(sound)).worksheets).toBeUndefined();
      await expect(m.xlsxPackageInspect(withoutList)).rejects.toMatchObject({ kind: 'ofullstandig' });
      expect(await m.xlsxPartEmptyResults(sound, 'xl/worksheets/sheet1.xml')).toEqual(new Set());
    });
  } finally {
    if (inflater) Object.defineProperty(globalThis, 'DecompressionStream', inflater);
    (process as { getBuiltinModule?: unknown }).getBuiltinModule = builtin;
  }
});
