import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { zipEntries, zipEntryChunks, zipEntryText, ZipFormatError, zipLooksLike } from './zip';

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

describe('an entry in pieces', () => {
  const collect = async (pieces: AsyncIterable<Uint8Array>) => {
    const parts: Uint8Array[] = [];
    for await (const p of pieces) parts.push(p);
    return { parts, text: new TextDecoder().decode(Buffer.concat(parts)) };
  };
  const big = Array.from({ length: 60_000 }, (_, i) => `<row r="${i}"><c><v>${i * 7}</v></c></row>`).join('');

  test('a deflated part inflates in pieces that together are the part', async () => {
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', big);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const entry = zipEntries(bytes).get('xl/worksheets/sheet1.xml')!;
    const { parts, text } = await collect(zipEntryChunks(bytes, entry));
    expect(text).toBe(big);
    expect(parts.length).toBeGreaterThan(1);
  });

  test('the same through DecompressionStream, where there is no zlib', async () => {
    const zip = new JSZip();
    zip.file('a.xml', big);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const entry = zipEntries(bytes).get('a.xml')!;
    const proc = process as unknown as { getBuiltinModule?: unknown };
    const saved = proc.getBuiltinModule;
    proc.getBuiltinModule = undefined;
    try {
      jest.resetModules();
      const fresh = (await import('./zip')) as typeof import('./zip');
      expect((await collect(fresh.zipEntryChunks(bytes, entry))).text).toBe(big);
      await expect(collect(fresh.zipEntryChunks(bytes, entry, 1000))).rejects.toThrow(fresh.ZipFormatError);
    } finally {
      proc.getBuiltinModule = saved;
    }
  });

  test('a part that inflates past its limit stops there; a stored part is held to its limit too', async () => {
    const zip = new JSZip();
    zip.file('a.xml', big);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const entry = zipEntries(bytes).get('a.xml')!;
    await expect(collect(zipEntryChunks(bytes, entry, big.length - 1))).rejects.toThrow(ZipFormatError);
    const small = big.slice(0, 20_000);
    const stored = storedZip({ 'b.xml': small });
    const storedEntry = zipEntries(stored).get('b.xml')!;
    expect((await collect(zipEntryChunks(stored, storedEntry))).text).toBe(small);
    await expect(collect(zipEntryChunks(stored, storedEntry, 10))).rejects.toThrow(ZipFormatError);
  });
});
