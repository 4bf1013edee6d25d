// A zip archive read without a library — the one place that knows the format: the central
// directory (every entry with what it takes to read it or copy it as it is), an entry's
// compressed data, inflating it (Node's zlib where there is one, the command line; else the
// platform's DecompressionStream, browsers; both held to a limit on the output), and writing
// an archive whose copied entries keep their compressed data.

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else cannot be read here. */
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  /** The uncompressed size the directory declares. */
  readonly size: number;
  readonly localOffset: number;
  /** The entry's central directory record (46 bytes, name, extra field, comment). */
  readonly central: Uint8Array;
  /** True when the entry or the archive needs zip64 records. */
  readonly zip64: boolean;
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
  if (u16(bytes, eocd + 4) !== 0) throw new ZipFormatError('multi-disk archive');
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  const archive64 = count === 0xffff || offset === MAX_32;
  if (archive64 && eocd >= 20 && u32(bytes, eocd - 20) === EOCD64_LOCATOR) {
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
    let size = u32(bytes, at + 24);
    let localOffset = u32(bytes, at + 42);
    // Zip64: the sizes and offset that do not fit 32 bits follow in the extra field, in this order.
    const entry64 = compressedSize === MAX_32 || size === MAX_32 || localOffset === MAX_32;
    if (entry64) {
      let x = at + 46 + nameLength;
      const end = x + extraLength;
      while (x + 4 <= end) {
        const id = u16(bytes, x);
        const length = u16(bytes, x + 2);
        if (id === 1) {
          let y = x + 4;
          if (size === MAX_32) {
            size = u64(bytes, y);
            y += 8;
          }
          if (compressedSize === MAX_32) {
            compressedSize = u64(bytes, y);
            y += 8;
          }
          if (localOffset === MAX_32) localOffset = u64(bytes, y);
        }
        x += 4 + length;
      }
    }
    const length = 46 + nameLength + extraLength + commentLength;
    entries.set(name, { name, method: u16(bytes, at + 10), flags: u16(bytes, at + 8), crc: u32(bytes, at + 16), compressedSize, size, localOffset, central: bytes.subarray(at, at + length), zip64: archive64 || entry64 });
    at += length;
  }
  return entries;
}

type InflateRawSync = (data: Uint8Array, options: { maxOutputLength: number }) => Uint8Array;
type InflateRawStream = (options: { chunkSize: number }) => AsyncIterable<Uint8Array> & { end(data: Uint8Array): void; destroy(): void };
interface NodeZlib {
  readonly inflateRawSync?: InflateRawSync;
  readonly createInflateRaw?: InflateRawStream;
}

let nodeZlibModule: NodeZlib | null | undefined;

/** Node's zlib (reached without a static import, so that bundles for the browser stay free of it); null in a browser. */
function nodeZlib(): NodeZlib | null {
  if (nodeZlibModule === undefined) {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    nodeZlibModule = (proc?.getBuiltinModule?.('node:zlib') as NodeZlib | undefined) ?? null;
  }
  return nodeZlibModule;
}

function nodeInflater(): InflateRawSync | null {
  return nodeZlib()?.inflateRawSync ?? null;
}

let streamAvailable: boolean | undefined;

function decompressionStreamAvailable(): boolean {
  if (streamAvailable === undefined) {
    try {
      new DecompressionStream('deflate-raw');
      streamAvailable = true;
    } catch {
      streamAvailable = false;
    }
  }
  return streamAvailable;
}

/** Whether the platform inflates raw deflate data (Node's zlib, or DecompressionStream: Node 18, browsers since 2023). */
export function zipInflateAvailable(): boolean {
  return nodeInflater() !== null || decompressionStreamAvailable();
}

/** Every chunk of a stream as one array; throws once more than `limit` bytes have come. */
export async function zipStreamBytes(stream: ReadableStream<Uint8Array>, limit = Number.POSITIVE_INFINITY): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    length += next.value.length;
    if (length > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ZipFormatError('entry inflates past its declared size');
    }
    chunks.push(next.value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The platform's DecompressionStream fed raw deflate data: its output, to be read. */
function decompressionOf(data: Uint8Array): ReadableStream<Uint8Array> {
  const inflater = new DecompressionStream('deflate-raw');
  const writer = inflater.writable.getWriter();
  // The writes settle as the reader drains the output; their failure is the reader's.
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  return inflater.readable;
}

/** Raw deflate data inflated, at most `limit` bytes of output. */
export async function zipInflate(data: Uint8Array, limit: number): Promise<Uint8Array> {
  const inflate = nodeInflater();
  if (inflate) return inflate(data, { maxOutputLength: Math.max(1, limit) });
  return zipStreamBytes(decompressionOf(data), limit);
}

/** Where an entry's compressed data starts, after its local header. Throws ZipFormatError. */
export function zipEntryDataOffset(bytes: Uint8Array, entry: ZipEntry): number {
  if (entry.flags & 1) throw new ZipFormatError(`${entry.name} is encrypted`);
  const at = entry.localOffset;
  if (u32(bytes, at) !== LOCAL) throw new ZipFormatError(`${entry.name}: bad local header`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressedSize > bytes.length) throw new ZipFormatError(`${entry.name} runs past the end`);
  return start;
}

/**
 * The bytes of one entry, inflated to at most `limit` bytes (by default its declared size).
 * Throws ZipFormatError (or the inflater's error on corrupt data).
 */
export async function zipEntryBytes(bytes: Uint8Array, entry: ZipEntry, limit = entry.size): Promise<Uint8Array> {
  const start = zipEntryDataOffset(bytes, entry);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return zipInflate(data, limit);
  throw new ZipFormatError(`${entry.name}: compression method ${entry.method}`);
}

/** The output of a zip stream's chunks in pieces, at most `limit` bytes in all. */
async function* chunksHeld(chunks: AsyncIterable<Uint8Array>, limit: number, stop: () => void): AsyncGenerator<Uint8Array> {
  let length = 0;
  try {
    for await (const chunk of chunks) {
      length += chunk.length;
      if (length > limit) throw new ZipFormatError('entry inflates past its declared size');
      yield chunk;
    }
  } finally {
    stop();
  }
}

const ZIP_CHUNK = 1 << 18;

/**
 * The bytes of one entry in pieces of 256 KiB, inflated as they are read, at most `limit`
 * bytes in all (by default its declared size): a part of any size costs one piece of memory.
 * Throws ZipFormatError (or the inflater's error on corrupt data) while iterating.
 */
export async function* zipEntryChunks(bytes: Uint8Array, entry: ZipEntry, limit = entry.size): AsyncGenerator<Uint8Array> {
  const start = zipEntryDataOffset(bytes, entry);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > limit) throw new ZipFormatError('entry is larger than its limit');
    for (let at = 0; at < data.length; at += ZIP_CHUNK) yield data.subarray(at, Math.min(data.length, at + ZIP_CHUNK));
    return;
  }
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name}: compression method ${entry.method}`);
  const createNode = nodeZlib()?.createInflateRaw;
  if (createNode) {
    const inflater = createNode({ chunkSize: ZIP_CHUNK });
    inflater.end(data);
    yield* chunksHeld(inflater, limit, () => inflater.destroy());
    return;
  }
  const reader = decompressionOf(data).getReader();
  const pieces: AsyncIterable<Uint8Array> = {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const next = await reader.read();
        if (next.done) return;
        yield next.value;
      }
    },
  };
  yield* chunksHeld(pieces, limit, () => void reader.cancel().catch(() => undefined));
}

/** The text of one entry (UTF-8, without a byte order mark). */
export async function zipEntryText(bytes: Uint8Array, entry: ZipEntry): Promise<string> {
  return new TextDecoder('utf-8').decode(await zipEntryBytes(bytes, entry));
}

// ---------------------------------------------------------------------------------------------
// Writing an archive.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function zipCrc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Raw deflate by the platform's CompressionStream; undefined where it has none (stored then). */
async function deflateRaw(data: Uint8Array): Promise<Uint8Array | undefined> {
  let deflater: CompressionStream;
  try {
    deflater = new CompressionStream('deflate-raw');
  } catch {
    return undefined;
  }
  const writer = deflater.writable.getWriter();
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  return zipStreamBytes(deflater.readable);
}

/** An entry of the archive to write: copied from the original, or new content. */
export type ZipOut = { readonly kind: 'copy'; readonly entry: ZipEntry } | { readonly kind: 'new'; readonly name: string; readonly data: Uint8Array };

class ByteWriter {
  private chunks: Uint8Array[] = [];
  length = 0;
  bytes(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  header(fields: readonly (readonly [number, 2 | 4])[]): Uint8Array {
    const size = fields.reduce((s, [, n]) => s + n, 0);
    const b = new Uint8Array(size);
    const view = new DataView(b.buffer);
    let at = 0;
    for (const [v, n] of fields) {
      if (n === 2) view.setUint16(at, v, true);
      else view.setUint32(at, v >>> 0, true);
      at += n;
    }
    return b;
  }
  result(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

// 1980-01-01 00:00: new entries carry a fixed time, so the same input gives the same file.
const DOS_TIME = 0;
const DOS_DATE = 0x21;

/** Writes the archive: copied entries keep their compressed data, CRC and sizes; new ones are deflated. */
export async function zipWrite(source: Uint8Array, entries: readonly ZipOut[]): Promise<Uint8Array> {
  const out = new ByteWriter();
  const centrals: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for (const e of entries) {
    const offset = out.length;
    if (offset > MAX_32 - 1) throw new ZipFormatError('archive too large without zip64');
    if (e.kind === 'copy') {
      const c = e.entry.central;
      const nameBytes = c.subarray(46, 46 + u16(c, 28));
      // Bit 3 (sizes in a data descriptor) is cleared: the sizes go into the local header.
      const flags = e.entry.flags & ~0x8;
      out.bytes(out.header([[LOCAL, 4], [u16(c, 6), 2], [flags, 2], [e.entry.method, 2], [u16(c, 12), 2], [u16(c, 14), 2], [e.entry.crc, 4], [e.entry.compressedSize, 4], [e.entry.size, 4], [nameBytes.length, 2], [0, 2]]));
      out.bytes(nameBytes);
      const dataOffset = zipEntryDataOffset(source, e.entry);
      out.bytes(source.subarray(dataOffset, dataOffset + e.entry.compressedSize));
      // A copy (a Node Buffer's slice() would share the source's memory).
      const central = new Uint8Array(c);
      const view = new DataView(central.buffer, central.byteOffset, central.byteLength);
      view.setUint16(8, flags, true);
      view.setUint32(42, offset, true);
      centrals.push(central);
    } else {
      const name = encoder.encode(e.name);
      const deflated = await deflateRaw(e.data);
      const method = deflated ? 8 : 0;
      const data = deflated ?? e.data;
      const crc = zipCrc32(e.data);
      const flags = /[^\x20-\x7e]/.test(e.name) ? 0x800 : 0;
      out.bytes(out.header([[LOCAL, 4], [20, 2], [flags, 2], [method, 2], [DOS_TIME, 2], [DOS_DATE, 2], [crc, 4], [data.length, 4], [e.data.length, 4], [name.length, 2], [0, 2]]));
      out.bytes(name);
      out.bytes(data);
      const head = out.header([[CENTRAL, 4], [20, 2], [20, 2], [flags, 2], [method, 2], [DOS_TIME, 2], [DOS_DATE, 2], [crc, 4], [data.length, 4], [e.data.length, 4], [name.length, 2], [0, 2], [0, 2], [0, 2], [0, 2], [0, 4], [offset, 4]]);
      const central = new Uint8Array(head.length + name.length);
      central.set(head);
      central.set(name, head.length);
      centrals.push(central);
    }
  }
  const directoryOffset = out.length;
  for (const c of centrals) out.bytes(c);
  const directorySize = out.length - directoryOffset;
  if (entries.length >= 0xffff || out.length > MAX_32) throw new ZipFormatError('archive too large without zip64');
  out.bytes(out.header([[EOCD, 4], [0, 2], [0, 2], [entries.length, 2], [entries.length, 2], [directorySize, 4], [directoryOffset, 4], [0, 2]]));
  return out.result();
}
