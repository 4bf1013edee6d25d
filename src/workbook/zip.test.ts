import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { zipEntries, zipEntryText, ZipFormatError, zipLooksLike } from './zip';

/** A stored (uncompressed) archive, optionally with its sizes and offsets in zip64 fields. */
function storedZip(files: Record<string, string>, zip64 = false): Uint8Array {
  const out: number[] = [];
  const central: number[] = [];
  const le = (n: number, bytes: number) => Array.from({ length: bytes }, (_, i) => Math.floor(n / 256 ** i) % 256);
  const names = Object.keys(files);
  for (const name of names) {
    const nameBytes = [...new TextEncoder().encode(name)];
    const data = [...new TextEncoder().encode(files[name])];
    const offset = out.length;
    out.push(...le(0x04034b50, 4), ...le(20, 2), ...le(0, 2), ...le(0, 2), ...le(0, 4), ...le(0, 4), ...le(data.length, 4), ...le(data.length, 4), ...le(nameBytes.length, 2), ...le(0, 2), ...nameBytes, ...data);
    const extra = zip64 ? [...le(1, 2), ...le(24, 2), ...le(data.length, 8), ...le(data.length, 8), ...le(offset, 8)] : [];
    const big = (n: number) => (zip64 ? 0xffffffff : n);
    central.push(...le(0x02014b50, 4), ...le(20, 2), ...le(20, 2), ...le(0, 2), ...le(0, 2), ...le(0, 4), ...le(0, 4), ...le(big(data.length), 4), ...le(big(data.length), 4), ...le(nameBytes.length, 2), ...le(extra.length, 2), ...le(0, 2), ...le(0, 2), ...le(0, 2), ...le(0, 4), ...le(big(offset), 4), ...nameBytes, ...extra);
  }
  const cdOffset = out.length;
  out.push(...central);
  if (zip64) {
    const eocd64 = out.length;
    out.push(...le(0x06064b50, 4), ...le(44, 8), ...le(45, 2), ...le(45, 2), ...le(0, 4), ...le(0, 4), ...le(names.length, 8), ...le(names.length, 8), ...le(central.length, 8), ...le(cdOffset, 8));
    out.push(...le(0x07064b50, 4), ...le(0, 4), ...le(eocd64, 8), ...le(1, 4));
  }
  out.push(...le(0x06054b50, 4), ...le(0, 2), ...le(0, 2), ...le(zip64 ? 0xffff : names.length, 2), ...le(zip64 ? 0xffff : names.length, 2), ...le(central.length, 4), ...le(zip64 ? 0xffffffff : cdOffset, 4), ...le(0, 2));
  return new Uint8Array(out);
}

test('entries and their text from a deflated archive', async () => {
  const zip = new JSZip();
  zip.file('a/b.xml', '<x>hej å ä ö</x>'.repeat(100));
  zip.file('tom.txt', '');
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  expect(zipLooksLike(bytes)).toBe(true);
  const entries = zipEntries(bytes);
  expect([...entries.keys()].sort()).toEqual(['a/', 'a/b.xml', 'tom.txt']);
  expect(entries.get('a/b.xml')?.method).toBe(8);
  expect(await zipEntryText(bytes, entries.get('a/b.xml')!)).toBe('<x>hej å ä ö</x>'.repeat(100));
  expect(await zipEntryText(bytes, entries.get('tom.txt')!)).toBe('');
});

test('an .xlsx package as exceljs writes it', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Blad').getCell('A1').value = 'Konto';
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const entries = zipEntries(bytes);
  expect(entries.has('xl/workbook.xml')).toBe(true);
  expect(await zipEntryText(bytes, entries.get('xl/workbook.xml')!)).toContain('name="Blad"');
});

test('stored entries, and sizes and offsets in zip64 fields', async () => {
  for (const zip64 of [false, true]) {
    const bytes = storedZip({ 'xl/workbook.xml': '<workbook/>', 'mimetype': 'text' }, zip64);
    const entries = zipEntries(bytes);
    expect([...entries.keys()]).toEqual(['xl/workbook.xml', 'mimetype']);
    expect(await zipEntryText(bytes, entries.get('mimetype')!)).toBe('text');
    expect(await zipEntryText(bytes, entries.get('xl/workbook.xml')!)).toBe('<workbook/>');
  }
});

test('a truncated archive has no directory; a damaged entry does not inflate', async () => {
  const zip = new JSZip();
  zip.file('a.xml', 'abc'.repeat(1000));
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  expect(() => zipEntries(bytes.subarray(0, bytes.length - 30))).toThrow(ZipFormatError);
  const entry = zipEntries(bytes).get('a.xml')!;
  const damaged = bytes.slice();
  damaged.fill(0xff, 40, 60);
  await expect(zipEntryText(damaged, entry)).rejects.toThrow();
});
