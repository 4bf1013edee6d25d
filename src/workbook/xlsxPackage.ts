// The saved copy as the original package with the generated sheets put in: every part of the
// original file is kept byte for byte (its compressed data copied as it is, never inflated and
// deflated again), the generated sheets' parts are added or replace those of an earlier run's
// generated sheets, and only the parts that list sheets change: the workbook's list of sheets,
// its relationships, the content types, and the styles, to which the new sheets' styles are
// appended (every existing style keeps its index). docProps/app.xml is left as it is: its list
// of sheet names is informative only and Excel and LibreOffice rebuild it when they save.
//
// The generated sheets come from a small package holding only them (exceljs writes it): their
// style indexes are moved past the original's, their shared texts written into the cells.
import { type ZipEntry, zipEntryBytes } from './zip';

/** The package cannot be put together this way (zip64, a prefixed XML document, …). */
export class XlsxPackageUnsupported extends Error {
  override readonly name = 'XlsxPackageUnsupported';
}

// ---------------------------------------------------------------------------------------------
// Zip: the directory with everything needed to copy an entry as it is.

interface RawEntry extends ZipEntry {
  readonly crc: number;
  readonly size: number;
  /** The central directory record (46 bytes, name, extra field, comment). */
  readonly central: Uint8Array;
  /** Where the compressed data starts. */
  readonly dataOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_32 = 0xffffffff;

function u16(b: Uint8Array, at: number): number {
  if (at + 2 > b.length) throw new XlsxPackageUnsupported('zip directory runs past the end');
  return (b[at] as number) | ((b[at + 1] as number) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) + u16(b, at + 2) * 0x10000) >>> 0;
}

/** The archive's entries in directory order. Zip64 archives are refused. */
export function zipRawEntries(bytes: Uint8Array): RawEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxPackageUnsupported('no end of central directory');
  const count = u16(bytes, eocd + 10);
  const offset = u32(bytes, eocd + 16);
  if (count === 0xffff || offset === MAX_32 || u16(bytes, eocd + 4) !== 0) throw new XlsxPackageUnsupported('zip64 or multi-disk archive');
  const decoder = new TextDecoder('utf-8');
  const out: RawEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (u32(bytes, at) !== CENTRAL) throw new XlsxPackageUnsupported('bad central directory entry');
    const nameLength = u16(bytes, at + 28);
    const length = 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const localOffset = u32(bytes, at + 42);
    if (compressedSize === MAX_32 || size === MAX_32 || localOffset === MAX_32) throw new XlsxPackageUnsupported('zip64 entry');
    if (u32(bytes, localOffset) !== LOCAL) throw new XlsxPackageUnsupported(`${name}: bad local header`);
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataOffset + compressedSize > bytes.length) throw new XlsxPackageUnsupported(`${name} runs past the end`);
    out.push({
      name,
      method: u16(bytes, at + 10),
      flags: u16(bytes, at + 8),
      compressedSize,
      localOffset,
      crc: u32(bytes, at + 16),
      size,
      central: bytes.subarray(at, at + length),
      dataOffset,
    });
    at += length;
  }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

async function streamBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = stream.getReader();
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
  return streamBytes(deflater.readable);
}

/** An entry of the archive to write: copied from the original, or new content. */
export type ZipOut = { readonly kind: 'copy'; readonly entry: RawEntry } | { readonly kind: 'new'; readonly name: string; readonly data: Uint8Array };

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
    if (offset > MAX_32 - 1) throw new XlsxPackageUnsupported('archive too large without zip64');
    if (e.kind === 'copy') {
      const c = e.entry.central;
      const nameBytes = c.subarray(46, 46 + u16(c, 28));
      // Bit 3 (sizes in a data descriptor) is cleared: the sizes go into the local header.
      const flags = e.entry.flags & ~0x8;
      out.bytes(out.header([[LOCAL, 4], [u16(c, 6), 2], [flags, 2], [e.entry.method, 2], [u16(c, 12), 2], [u16(c, 14), 2], [e.entry.crc, 4], [e.entry.compressedSize, 4], [e.entry.size, 4], [nameBytes.length, 2], [0, 2]]));
      out.bytes(nameBytes);
      out.bytes(source.subarray(e.entry.dataOffset, e.entry.dataOffset + e.entry.compressedSize));
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
      const crc = crc32(e.data);
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
  if (entries.length >= 0xffff || out.length > MAX_32) throw new XlsxPackageUnsupported('archive too large without zip64');
  out.bytes(out.header([[EOCD, 4], [0, 2], [0, 2], [entries.length, 2], [entries.length, 2], [directorySize, 4], [directoryOffset, 4], [0, 2]]));
  return out.result();
}

// ---------------------------------------------------------------------------------------------
// XML, as text: the parts are edited where they list sheets and styles, the rest left as written.

const XML_ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

function xmlDecode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (/^#x/i.test(ref)) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    return XML_ENTITIES.get(ref) ?? whole;
  });
}

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The attributes of a start tag by their qualified name. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(a[1] as string, xmlDecode(a[2] ?? a[3] ?? ''));
  return out;
}

/** Sets a numeric attribute of a start tag through a mapping (absent attributes stay absent). */
function attributeMap(tag: string, name: string, map: (n: number) => number): string {
  return tag.replace(new RegExp(`(\\s${name}\\s*=\\s*)(["'])(\\d+)\\2`), (_w, pre: string, q: string, n: string) => `${pre}${q}${map(Number(n))}${q}`);
}

/** The document's root element must be in the default namespace (no prefix): new elements are written without one. */
function rootUnprefixed(xml: string, local: string, part: string): void {
  const root = /<([\w.:-]+)[\s>/]/.exec(xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, ''));
  if (!root || root[1] !== local) throw new XlsxPackageUnsupported(`${part}: root element ${root?.[1] ?? 'missing'}`);
}

interface Section {
  /** Where the section starts and ends in the document. */
  readonly start: number;
  readonly end: number;
  readonly open: string;
  readonly items: string[];
}

/** A container element (`<fonts>…</fonts>` or `<fonts/>`) and its child elements of one name. */
function section(xml: string, tag: string, item: string): Section | undefined {
  const m = new RegExp(`<${tag}\\b[^>]*?/>|<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`).exec(xml);
  if (!m) return undefined;
  const whole = m[0];
  const open = /^<[^>]*>/.exec(whole)?.[0] ?? whole;
  const inner = whole.endsWith('/>') && open === whole ? '' : whole.slice(open.length, whole.length - `</${tag}>`.length);
  const items = [...inner.matchAll(new RegExp(`<${item}\\b[^>]*?/>|<${item}\\b[^>]*>[\\s\\S]*?</${item}>`, 'g'))].map((x) => x[0]);
  return { start: m.index, end: m.index + whole.length, open, items };
}

const STYLE_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** Puts `items` at the end of a section, creating it in its place in the schema's order if absent. */
function sectionAppend(xml: string, tag: string, item: string, items: readonly string[]): string {
  if (items.length === 0) return xml;
  const s = section(xml, tag, item);
  if (s) {
    const count = s.items.length + items.length;
    let open = s.open.replace(/\/>$/, '>');
    open = /\scount\s*=/.test(open) ? open.replace(/(\scount\s*=\s*)(["'])\d*\2/, `$1"${count}"`) : open.replace(/^<(\S+)/, `<$1 count="${count}"`);
    return xml.slice(0, s.start) + open + s.items.join('') + items.join('') + `</${tag}>` + xml.slice(s.end);
  }
  const block = `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
  for (const next of STYLE_ORDER.slice(STYLE_ORDER.indexOf(tag) + 1)) {
    const m = new RegExp(`<${next}\\b`).exec(xml);
    if (m) return xml.slice(0, m.index) + block + xml.slice(m.index);
  }
  const close = xml.lastIndexOf('</styleSheet>');
  if (close < 0) throw new XlsxPackageUnsupported('styles.xml without </styleSheet>');
  return xml.slice(0, close) + block + xml.slice(close);
}

/** How a new sheet's style indexes move once its styles are appended to the original's. */
export interface StyleOffsets {
  /** New cellXfs index → index in the merged styles. */
  readonly xf: (n: number) => number;
  readonly dxf: (n: number) => number;
}

/**
 * Appends the styles of `added` (a styles.xml) to `original`: fonts, fills, borders, cell
 * formats and conditional formats are appended, number formats reused by their code or given
 * ids not taken. Every style of the original keeps its index.
 */
export function stylesMerge(original: string, added: string): { xml: string; offsets: StyleOffsets } {
  rootUnprefixed(original, 'styleSheet', 'xl/styles.xml');
  const count = (tag: string, item: string) => section(original, tag, item)?.items.length ?? 0;
  const fontOff = count('fonts', 'font');
  const fillOff = count('fills', 'fill');
  const borderOff = count('borders', 'border');
  const xfOff = count('cellXfs', 'xf');
  const dxfOff = count('dxfs', 'dxf');
  if (xfOff === 0) throw new XlsxPackageUnsupported('styles.xml without cell formats');

  const existingFormats = new Map<string, number>();
  let nextFormat = 164;
  for (const f of section(original, 'numFmts', 'numFmt')?.items ?? []) {
    const a = attributes(f);
    const id = Number(a.get('numFmtId'));
    existingFormats.set(a.get('formatCode') ?? '', id);
    nextFormat = Math.max(nextFormat, id + 1);
  }
  const formatIds = new Map<number, number>();
  const newFormats: string[] = [];
  for (const f of section(added, 'numFmts', 'numFmt')?.items ?? []) {
    const a = attributes(f);
    const code = a.get('formatCode') ?? '';
    const id = Number(a.get('numFmtId'));
    let to = existingFormats.get(code);
    if (to === undefined) {
      to = nextFormat++;
      existingFormats.set(code, to);
      newFormats.push(`<numFmt numFmtId="${to}" formatCode="${xmlEscape(code)}"/>`);
    }
    formatIds.set(id, to);
  }
  const xfs = (section(added, 'cellXfs', 'xf')?.items ?? []).map((xf) => {
    const open = /^<[^>]*>/.exec(xf)?.[0] ?? xf;
    let tag = attributeMap(open, 'numFmtId', (n) => formatIds.get(n) ?? n);
    tag = attributeMap(tag, 'fontId', (n) => n + fontOff);
    tag = attributeMap(tag, 'fillId', (n) => n + fillOff);
    tag = attributeMap(tag, 'borderId', (n) => n + borderOff);
    tag = attributeMap(tag, 'xfId', () => 0);
    return tag + xf.slice(open.length);
  });
  let xml = original;
  xml = sectionAppend(xml, 'numFmts', 'numFmt', newFormats);
  xml = sectionAppend(xml, 'fonts', 'font', section(added, 'fonts', 'font')?.items ?? []);
  xml = sectionAppend(xml, 'fills', 'fill', section(added, 'fills', 'fill')?.items ?? []);
  xml = sectionAppend(xml, 'borders', 'border', section(added, 'borders', 'border')?.items ?? []);
  xml = sectionAppend(xml, 'cellXfs', 'xf', xfs);
  const dxfs = (section(added, 'dxfs', 'dxf')?.items ?? []).map((d) => d.replace(/(<numFmt\b[^>]*\snumFmtId\s*=\s*")(\d+)"/, (_w, pre: string, n: string) => `${pre}${formatIds.get(Number(n)) ?? n}"`));
  xml = sectionAppend(xml, 'dxfs', 'dxf', dxfs);
  return { xml, offsets: { xf: (n) => n + xfOff, dxf: (n) => n + dxfOff } };
}

/** The shared texts of a sharedStrings.xml: the inner XML of each `<si>`. */
function sharedTexts(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  return [...xml.matchAll(/<si\b[^>]*?\/>|<si\b[^>]*>([\s\S]*?)<\/si>/g)].map((m) => m[1] ?? '<t/>');
}

/**
 * A new sheet's XML made to fit the merged package: style indexes moved, shared texts written
 * into their cells as inline strings (the original's shared texts stay as they are).
 */
export function sheetTransplant(xml: string, offsets: StyleOffsets, texts: readonly string[]): string {
  rootUnprefixed(xml, 'worksheet', 'generated sheet');
  let out = xml.replace(/<(c|row)\b[^>]*>/g, (tag) => attributeMap(tag, 's', offsets.xf));
  out = out.replace(/<col\b[^>]*>/g, (tag) => attributeMap(tag, 'style', offsets.xf));
  out = out.replace(/<cfRule\b[^>]*>/g, (tag) => attributeMap(tag, 'dxfId', offsets.dxf));
  out = out.replace(/<c\b([^>]*)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (whole, before: string, after: string, n: string) => {
    const text = texts[Number(n)];
    if (text === undefined) throw new XlsxPackageUnsupported(`generated sheet: shared text ${n} missing`);
    return `<c${before} t="inlineStr"${after}><is>${text}</is></c>`;
  });
  if (/<c\b[^>]*\st="s"/.test(out)) throw new XlsxPackageUnsupported('generated sheet: shared text left');
  return out;
}

// ---------------------------------------------------------------------------------------------
// The package.

/**
 * Whether the generated sheets can be put into this package with every original part kept:
 * a zip without zip64 or encryption whose listing parts are written without namespace prefixes.
 */
export async function xlsxPackageComposable(bytes: Uint8Array): Promise<boolean> {
  try {
    const source = new PackageReader(bytes);
    if (source.entries.some((e) => e.flags & 1)) return false;
    rootUnprefixed(await source.text('xl/workbook.xml'), 'workbook', 'xl/workbook.xml');
    rootUnprefixed(await source.text('xl/_rels/workbook.xml.rels'), 'Relationships', 'xl/_rels/workbook.xml.rels');
    rootUnprefixed(await source.text('[Content_Types].xml'), 'Types', '[Content_Types].xml');
    const styles = [...(await source.workbookRels()).values()].find((r) => r.type === `${REL_NS}/styles`);
    if (!styles?.part) return false;
    rootUnprefixed(await source.text(styles.part), 'styleSheet', styles.part);
    return true;
  } catch (e) {
    if (e instanceof XlsxPackageUnsupported) return false;
    throw e;
  }
}

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_REL = `${REL_NS}/worksheet`;
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

function partResolve(folder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${folder}/${target}`;
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

class PackageReader {
  readonly entries: RawEntry[];
  private readonly byName = new Map<string, RawEntry>();
  constructor(readonly bytes: Uint8Array) {
    this.entries = zipRawEntries(bytes);
    for (const e of this.entries) this.byName.set(e.name.replace(/^\//, '').toLowerCase(), e);
  }
  entry(part: string): RawEntry | undefined {
    return this.byName.get(part.toLowerCase());
  }
  async text(part: string): Promise<string> {
    const e = this.entry(part);
    if (!e) throw new XlsxPackageUnsupported(`${part} missing`);
    const text = new TextDecoder('utf-8').decode(await zipEntryBytes(this.bytes, e));
    return text.replace(/^\uFEFF/, '');
  }
  async textOrUndefined(part: string): Promise<string | undefined> {
    return this.entry(part) ? this.text(part) : undefined;
  }
  /** The workbook's relationships by id: type and resolved part. */
  async workbookRels(): Promise<Map<string, { type: string; part: string }>> {
    const rels = new Map<string, { type: string; part: string }>();
    for (const m of (await this.text('xl/_rels/workbook.xml.rels')).matchAll(/<Relationship\b[^>]*>/g)) {
      const a = attributes(m[0]);
      const external = (a.get('TargetMode') ?? '').toLowerCase() === 'external';
      rels.set(a.get('Id') ?? '', { type: a.get('Type') ?? '', part: external ? '' : partResolve('xl', a.get('Target') ?? '') });
    }
    return rels;
  }
  /** The worksheets by name, with their parts. */
  async sheets(): Promise<Map<string, string>> {
    const rels = await this.workbookRels();
    const out = new Map<string, string>();
    for (const m of (await this.text('xl/workbook.xml')).matchAll(/<sheet\b[^>]*>/g)) {
      const a = attributes(m[0]);
      const id = [...a.entries()].find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
      const rel = rels.get(id);
      if (rel && rel.type === WORKSHEET_REL) out.set(a.get('name') ?? '', rel.part);
    }
    return out;
  }
}

/**
 * The original package with the generated sheets put in. `generated` is a package holding only
 * the generated sheets (by their final names); a sheet whose name the original lists replaces
 * that sheet's part in place (the caller has checked it is a generated sheet of an earlier run),
 * the others are added after the original's sheets. Throws XlsxPackageUnsupported where the
 * package cannot be put together this way.
 */
export async function xlsxPackageCompose(original: Uint8Array, generated: Uint8Array): Promise<Uint8Array> {
  const source = new PackageReader(original);
  const small = new PackageReader(generated);
  for (const e of source.entries) if (e.flags & 1) throw new XlsxPackageUnsupported(`${e.name} is encrypted`);

  const workbookXml = await source.text('xl/workbook.xml');
  rootUnprefixed(workbookXml, 'workbook', 'xl/workbook.xml');
  const relsXml = await source.text('xl/_rels/workbook.xml.rels');
  rootUnprefixed(relsXml, 'Relationships', 'xl/_rels/workbook.xml.rels');
  const typesXml = await source.text('[Content_Types].xml');
  rootUnprefixed(typesXml, 'Types', '[Content_Types].xml');
  const rels = await source.workbookRels();
  const stylesRel = [...rels.values()].find((r) => r.type === `${REL_NS}/styles`);
  if (!stylesRel?.part || !source.entry(stylesRel.part)) throw new XlsxPackageUnsupported('no styles part');
  const stylesPart = stylesRel.part;

  const originalSheets = await source.sheets();
  const newSheets = await small.sheets();
  const smallRels = await small.workbookRels();
  const { xml: stylesXml, offsets } = stylesMerge(await source.text(stylesPart), await small.text([...smallRels.values()].find((r) => r.type === `${REL_NS}/styles`)?.part ?? 'xl/styles.xml'));
  const sharedPart = [...smallRels.values()].find((r) => r.type === `${REL_NS}/sharedStrings`)?.part;
  const texts = sharedTexts(sharedPart ? await small.textOrUndefined(sharedPart) : undefined);

  const replaced = new Map<string, Uint8Array>();
  const dropped = new Set<string>();
  const added: { name: string; data: Uint8Array }[] = [];
  const taken = new Set(source.entries.map((e) => e.name.replace(/^\//, '').toLowerCase()));
  const encoder = new TextEncoder();
  let sheetXml = '';
  let relXml = '';
  let typeXml = '';
  let nextSheetId = Math.max(0, ...[...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => Number(attributes(m[0]).get('sheetId')) || 0)) + 1;
  let nextRel = 1;
  let nextPart = 1;
  const relPrefix = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${REL_NS.replace(/[.]/g, '\\.')}["']`).exec(workbookXml)?.[1];
  for (const [name, part] of newSheets) {
    const smallSheet = await small.text(part);
    if (small.entry(relsPartOf(part))) throw new XlsxPackageUnsupported(`generated sheet ${name} has relationships`);
    const data = encoder.encode(sheetTransplant(smallSheet, offsets, texts));
    const at = originalSheets.get(name);
    if (at !== undefined) {
      if (!source.entry(at)) throw new XlsxPackageUnsupported(`${at} missing`);
      replaced.set(at.toLowerCase(), data);
      // The earlier sheet's own relationships (if any) belong to the content replaced.
      const oldRels = source.entry(relsPartOf(at));
      if (oldRels) dropped.add(oldRels.name.replace(/^\//, '').toLowerCase());
      continue;
    }
    while (taken.has(`xl/worksheets/sheet${nextPart}.xml`)) nextPart++;
    const partName = `xl/worksheets/sheet${nextPart}.xml`;
    taken.add(partName);
    while (rels.has(`rId${nextRel}`)) nextRel++;
    const rId = `rId${nextRel}`;
    rels.set(rId, { type: WORKSHEET_REL, part: partName });
    added.push({ name: partName, data });
    const idAttr = relPrefix ? `${relPrefix}:id="${rId}"` : `xmlns:r="${REL_NS}" r:id="${rId}"`;
    sheetXml += `<sheet name="${xmlEscape(name)}" sheetId="${nextSheetId++}" ${idAttr}/>`;
    relXml += `<Relationship Id="${rId}" Type="${WORKSHEET_REL}" Target="/${partName}"/>`;
    typeXml += `<Override PartName="/${partName}" ContentType="${WORKSHEET_TYPE}"/>`;
  }

  const changed = new Map<string, Uint8Array>(replaced);
  changed.set(stylesPart.toLowerCase(), encoder.encode(stylesXml));
  if (sheetXml) {
    const close = workbookXml.indexOf('</sheets>');
    if (close < 0) throw new XlsxPackageUnsupported('xl/workbook.xml without </sheets>');
    changed.set('xl/workbook.xml', encoder.encode(workbookXml.slice(0, close) + sheetXml + workbookXml.slice(close)));
    const relsClose = relsXml.lastIndexOf('</Relationships>');
    const typesClose = typesXml.lastIndexOf('</Types>');
    if (relsClose < 0 || typesClose < 0) throw new XlsxPackageUnsupported('relationships or content types not closed');
    changed.set('xl/_rels/workbook.xml.rels', encoder.encode(relsXml.slice(0, relsClose) + relXml + relsXml.slice(relsClose)));
    changed.set('[content_types].xml', encoder.encode(typesXml.slice(0, typesClose) + typeXml + typesXml.slice(typesClose)));
  }

  const out: ZipOut[] = [];
  for (const e of source.entries) {
    const key = e.name.replace(/^\//, '').toLowerCase();
    if (dropped.has(key)) continue;
    const data = changed.get(key);
    out.push(data ? { kind: 'new', name: e.name, data } : { kind: 'copy', entry: e });
  }
  for (const a of added) out.push({ kind: 'new', name: a.name, data: a.data });
  return zipWrite(original, out);
}
