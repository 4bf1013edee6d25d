// A zip archive's directory and the text of single entries, read without a library: enough to
// tell what an .xlsx package holds (its part names, its list of sheets) before exceljs opens
// it. Deflated entries are inflated by the platform's DecompressionStream (Node, browsers).

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else cannot be read here. */
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

/** The archive cannot be read: no directory, a truncated or inconsistent one, an unknown method. */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_32 = 0xffffffff;

function u16(b: Uint8Array, at: number): number {
  if (at + 2 > b.length) throw new ZipFormatError('directory runs past the end');
  return (b[at] as number) | ((b[at + 1] as number) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) + u16(b, at + 2) * 0x10000) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

/** True when the bytes start like a zip archive (a local header, or the directory of an empty one). */
export function zipLooksLike(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7) && (bytes[3] === 4 || bytes[3] === 6 || bytes[3] === 8);
}

/** The entries of the archive by name, from its central directory. Throws ZipFormatError. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if ((count === 0xffff || offset === MAX_32) && eocd >= 20 && u32(bytes, eocd - 20) === EOCD64_LOCATOR) {
    const at = u64(bytes, eocd - 12);
    if (u32(bytes, at) !== EOCD64) throw new ZipFormatError('bad zip64 directory');
    count = u64(bytes, at + 32);
    offset = u64(bytes, at + 48);
  }
  const decoder = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (u32(bytes, at) !== CENTRAL) throw new ZipFormatError('bad central directory entry');
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) throw new ZipFormatError('name runs past the end');
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    let localOffset = u32(bytes, at + 42);
    // Zip64: the sizes and offset that do not fit 32 bits follow in the extra field, in this order.
    if (compressedSize === MAX_32 || size === MAX_32 || localOffset === MAX_32) {
      let x = at + 46 + nameLength;
      const end = x + extraLength;
      while (x + 4 <= end) {
        const id = u16(bytes, x);
        const length = u16(bytes, x + 2);
        if (id === 1) {
          let y = x + 4;
          if (size === MAX_32) y += 8;
          if (compressedSize === MAX_32) {
            compressedSize = u64(bytes, y);
            y += 8;
          }
          if (localOffset === MAX_32) localOffset = u64(bytes, y);
        }
        x += 4 + length;
      }
    }
    entries.set(name, { name, method: u16(bytes, at + 10), flags: u16(bytes, at + 8), compressedSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

let inflateAvailable: boolean | undefined;

/** Whether the platform inflates raw deflate data (DecompressionStream 'deflate-raw': Node 18, browsers since 2023). */
export function zipInflateAvailable(): boolean {
  if (inflateAvailable === undefined) {
    try {
      new DecompressionStream('deflate-raw');
      inflateAvailable = true;
    } catch {
      inflateAvailable = false;
    }
  }
  return inflateAvailable;
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const inflater = new DecompressionStream('deflate-raw');
  const writer = inflater.writable.getWriter();
  // The writes settle as the reader below drains the output; their failure is the reader's.
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = inflater.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    chunks.push(next.value);
    length += next.value.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The bytes of one entry. Throws ZipFormatError (or the inflater's error on corrupt data). */
export async function zipEntryBytes(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  if (entry.flags & 1) throw new ZipFormatError(`${entry.name} is encrypted`);
  const at = entry.localOffset;
  if (u32(bytes, at) !== LOCAL) throw new ZipFormatError(`${entry.name}: bad local header`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError(`${entry.name} runs past the end`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRaw(data);
  throw new ZipFormatError(`${entry.name}: compression method ${entry.method}`);
}

/** The text of one entry (UTF-8, without a byte order mark). */
export async function zipEntryText(bytes: Uint8Array, entry: ZipEntry): Promise<string> {
  return new TextDecoder('utf-8').decode(await zipEntryBytes(bytes, entry));
}
