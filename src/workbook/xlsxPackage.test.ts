import { sheetTransplant, stylesMerge, XlsxPackageUnsupported, xlsxPackageComposable, zipRawEntries } from './xlsxPackage';
import { zipCrc32, zipEntryDataOffset, zipEntryText, zipWrite } from './zip';

const ORIGINAL_STYLES =
  '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts count="1"><font><sz val="10"/></font></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0"/></cellStyles><tableStyles count="0"/></styleSheet>';
const ADDED_STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts><fonts count="2"><font/><font><b/></font></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="1" borderId="0" xfId="0"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0"><alignment wrapText="1"/></xf></cellXfs><dxfs count="1"><dxf><fill/></dxf></dxfs></styleSheet>';

test('styles are appended: existing indexes unchanged, number formats reused or given free ids, dxfs created in place', () => {
  const { xml, offsets } = stylesMerge(ORIGINAL_STYLES, ADDED_STYLES);
  expect(xml).toContain('<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="#,##0"/></numFmts>');
  expect(xml).toContain('<fonts count="3"><font><sz val="10"/></font><font/><font><b/></font></fonts>');
  expect(xml).toContain(
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0"/><xf numFmtId="165" fontId="2" fillId="3" borderId="1" xfId="0"/><xf numFmtId="164" fontId="1" fillId="2" borderId="1" xfId="0"><alignment wrapText="1"/></xf></cellXfs>',
  );
  expect(xml).toMatch(/<\/cellStyles><dxfs count="1"><dxf><fill\/><\/dxf><\/dxfs><tableStyles/);
  expect(offsets.xf(0)).toBe(2);
  expect(offsets.dxf(0)).toBe(0);
});

test('a transplanted sheet has its style indexes moved and its shared texts inline', () => {
  const sheet =
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="1" style="1"/></cols><sheetData><row r="1" s="2" customFormat="1"><c r="A1" s="1" t="s"><v>1</v></c><c r="B1" s="2"><v>5</v></c><c r="C1"><v>1</v></c></row></sheetData><conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="0" priority="1"><formula>1</formula></cfRule></conditionalFormatting></worksheet>';
  const out = sheetTransplant(sheet, { xf: (n) => n + 10, dxf: (n) => n + 3 }, ['<t>a</t>', '<t xml:space="preserve">Årets &amp; resultat</t>']);
  expect(out).toContain('<col min="1" max="1" style="11"/>');
  expect(out).toContain('<row r="1" s="12" customFormat="1">');
  expect(out).toContain('<c r="A1" s="11" t="inlineStr"><is><t xml:space="preserve">Årets &amp; resultat</t></is></c>');
  expect(out).toContain('<c r="B1" s="12"><v>5</v></c><c r="C1"><v>1</v></c>');
  expect(out).toContain('dxfId="3"');
});

test('the zip writer copies entries as they are and deflates new ones', async () => {
  const enc = new TextEncoder();
  const first = await zipWrite(new Uint8Array(), [
    { kind: 'new', name: 'a.xml', data: enc.encode('<a>'.repeat(1000)) },
    { kind: 'new', name: 'b/å.xml', data: enc.encode('b') },
  ]);
  const entries = zipRawEntries(first);
  expect(entries.map((e) => e.name)).toEqual(['a.xml', 'b/å.xml']);
  expect(entries[0]?.crc).toBe(zipCrc32(enc.encode('<a>'.repeat(1000))));
  const second = await zipWrite(first, [{ kind: 'new', name: 'c.xml', data: enc.encode('c') }, ...entries.map((entry) => ({ kind: 'copy' as const, entry }))]);
  const again = zipRawEntries(second);
  expect(again.map((e) => e.name)).toEqual(['c.xml', 'a.xml', 'b/å.xml']);
  expect(await zipEntryText(second, again[1]!)).toBe('<a>'.repeat(1000));
  const raw = (bytes: Uint8Array, e: (typeof entries)[number]) => Buffer.from(bytes.subarray(zipEntryDataOffset(bytes, e), zipEntryDataOffset(bytes, e) + e.compressedSize));
  expect(raw(second, again[1]!)).toEqual(raw(first, entries[0]!));
});

test('a zip64 archive or a workbook written with namespace prefixes is not composed', async () => {
  const enc = new TextEncoder();
  const bytes = await zipWrite(new Uint8Array(), [{ kind: 'new', name: 'x', data: enc.encode('x') }]);
  const zip64 = bytes.slice();
  new DataView(zip64.buffer).setUint32(zip64.length - 6, 0xffffffff, true);
  expect(() => zipRawEntries(zip64)).toThrow(XlsxPackageUnsupported);
  const prefixed = await zipWrite(new Uint8Array(), [
    { kind: 'new', name: '[Content_Types].xml', data: enc.encode('<Types/>') },
    { kind: 'new', name: 'xl/workbook.xml', data: enc.encode('<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>') },
    { kind: 'new', name: 'xl/_rels/workbook.xml.rels', data: enc.encode('<Relationships/>') },
  ]);
  expect(await xlsxPackageComposable(prefixed)).toBe(false);
  expect(await xlsxPackageComposable(zip64)).toBe(false);
});
