// Reads the cells of an .xlsx package directly: the zip directory, the list of sheets, the
// shared texts, the number formats of the cell styles and each sheet's cells, scanned as text
// in one pass. Gives the same snapshots as the .xlsx adapter (XlsxWorkbook.readSheets) in a
// fraction of the time and memory: only values are kept, never an object per empty cell.
// Before anything is inflated the package's declared sizes are checked against fixed limits.
import { addressArea, numberFormatIsPercent } from './address';
import { type CellArea, type CellValue, CELL_ERROR_UNCALCULATED, type SheetSnapshot, sheetIsGenerated } from './port';
import { WorkbookFileError, WORKBOOK_FILE_MESSAGES, workbookFileSniff, xlsxPackageInspect } from './xlsxFile';
import { officeUnescape, xmlAttributes, xmlNameIs, xmlStartTags, xmlTagEnd, xmlTextRuns, xmlUnescape } from './xmlScan';
import { type ZipEntry, zipEntries } from './zip';

// ---------------------------------------------------------------------------------------------
// Limits, checked on the sizes the zip directory declares before anything is inflated, and
// held while inflating (a part that inflates past its declared size is a damaged file).

const MIB = 1024 * 1024;
export const XLSX_READ_LIMITS = {
  /** The largest part, uncompressed. */
  partBytes: 512 * MIB,
  /** All parts together, uncompressed. */
  totalBytes: 2048 * MIB,
  /** The largest expansion of a part over 1 MiB (uncompressed size / compressed size). */
  ratio: 200,
  /** Parts at most this large may expand more (a small part of repeated markup). */
  ratioFrom: MIB,
} as const;

const SAVE_SMALLER = 'dela upp arbetsboken eller spara en kopia med bara de blad som behövs';

function tooLarge(what: string): WorkbookFileError {
  return new WorkbookFileError('skadad', `arbetsboken går inte att läsa: ${what}: ${SAVE_SMALLER}`);
}

/** The uncompressed size the zip directory declares for each entry (zip64 sizes included). */
function zipDeclaredSizes(bytes: Uint8Array): Map<string, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 0x1_0000_0000;
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  const sizes = new Map<string, number>();
  if (eocd < 0) return sizes;
  let count = u16(eocd + 10);
  let at = u32(eocd + 16);
  if ((count === 0xffff || at === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const z = u64(eocd - 12);
    count = u64(z + 32);
    at = u64(z + 48);
  }
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count && at + 46 <= bytes.length && u32(at) === 0x02014b50; n++) {
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let size = u32(at + 24);
    if (size === 0xffffffff) {
      // Zip64: the uncompressed size comes first in the extra field's block 1.
      for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; x += 4 + u16(x + 2)) {
        if (u16(x) === 1) size = u64(x + 4);
      }
    }
    sizes.set(name.replace(/^\//, ''), size);
    at += 46 + nameLength + extraLength + u16(at + 32);
  }
  return sizes;
}

function limitsCheck(bytes: Uint8Array, entries: Map<string, ZipEntry>): Map<string, number> {
  const sizes = zipDeclaredSizes(bytes);
  let total = 0;
  for (const entry of entries.values()) {
    const name = entry.name.replace(/^\//, '');
    const size = sizes.get(name) ?? 0;
    total += size;
    if (size > XLSX_READ_LIMITS.partBytes) throw tooLarge(`delen ${name} är ${mib(size)} uppackad, mer än gränsen ${mib(XLSX_READ_LIMITS.partBytes)}`);
    if (size > XLSX_READ_LIMITS.ratioFrom && size > XLSX_READ_LIMITS.ratio * Math.max(1, entry.compressedSize)) {
      throw tooLarge(`delen ${name} packas upp till mer än ${XLSX_READ_LIMITS.ratio} gånger sin packade storlek, vilket ingen arbetsbok gör`);
    }
  }
  if (total > XLSX_READ_LIMITS.totalBytes) throw tooLarge(`filens delar är ${mib(total)} uppackade, mer än gränsen ${mib(XLSX_READ_LIMITS.totalBytes)}`);
  return sizes;
}

function mib(bytes: number): string {
  return `${Math.ceil(bytes / MIB)} MiB`;
}

// ---------------------------------------------------------------------------------------------
// Inflating: Node's zlib where there is one (the command line), else DecompressionStream.

type InflateRawSync = (data: Uint8Array, options: { maxOutputLength: number }) => Uint8Array;

let nodeInflate: InflateRawSync | null | undefined;

function nodeInflater(): InflateRawSync | null {
  if (nodeInflate === undefined) {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const zlib = proc?.getBuiltinModule?.('node:zlib') as { inflateRawSync?: InflateRawSync } | undefined;
    nodeInflate = zlib?.inflateRawSync ?? null;
  }
  return nodeInflate;
}

async function streamInflate(data: Uint8Array, limit: number): Promise<Uint8Array> {
  const inflater = new DecompressionStream('deflate-raw');
  const writer = inflater.writable.getWriter();
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = inflater.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    length += next.value.length;
    if (length > limit) {
      await reader.cancel().catch(() => undefined);
      throw new Error('part inflates past its declared size');
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

/** Whether this platform can read a package here (it inflates raw deflate data). */
export function xlsxReadAvailable(): boolean {
  if (nodeInflater()) return true;
  try {
    new DecompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
}

/** The package as read here: its entries, their declared sizes, and the text of a part. */
class Package {
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: Map<string, ZipEntry>,
    private readonly sizes: Map<string, number>,
  ) {}

  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name) ?? this.entries.get(`/${name}`);
  }

  async text(name: string): Promise<string | undefined> {
    const entry = this.entry(name);
    if (!entry) return undefined;
    try {
      return this.decoder.decode(await this.raw(entry, this.sizes.get(name) ?? XLSX_READ_LIMITS.partBytes));
    } catch (e) {
      if (e instanceof WorkbookFileError) throw e;
      throw new WorkbookFileError('skadad', WORKBOOK_FILE_MESSAGES.damaged, { cause: e });
    }
  }

  private async raw(entry: ZipEntry, declared: number): Promise<Uint8Array> {
    const b = this.bytes;
    if (entry.flags & 1) throw new Error(`${entry.name} is encrypted`);
    const at = entry.localOffset;
    if (at + 30 > b.length || b[at] !== 0x50 || b[at + 1] !== 0x4b || b[at + 2] !== 3 || b[at + 3] !== 4) throw new Error(`${entry.name}: bad local header`);
    const start = at + 30 + ((b[at + 26] as number) | ((b[at + 27] as number) << 8)) + ((b[at + 28] as number) | ((b[at + 29] as number) << 8));
    const end = start + entry.compressedSize;
    if (end > b.length) throw new Error(`${entry.name} runs past the end`);
    const data = b.subarray(start, end);
    if (entry.method === 0) return data;
    if (entry.method !== 8) throw new Error(`${entry.name}: compression method ${entry.method}`);
    const limit = Math.max(1, Math.min(declared, XLSX_READ_LIMITS.partBytes));
    const inflate = nodeInflater();
    return inflate ? inflate(data, { maxOutputLength: limit }) : streamInflate(data, limit);
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, relationships, shared texts, styles.

/** A relationship's target inside the package, from the folder of the part that names it. */
function partResolve(folder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${folder}/${target}`;
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** The workbook's parts of shared texts and styles, by its relationships (else their usual names). */
function workbookParts(rels: string | undefined): { sharedStrings: string; styles: string } {
  const found = { sharedStrings: 'xl/sharedStrings.xml', styles: 'xl/styles.xml' };
  if (rels === undefined) return found;
  for (const { at, end } of xmlStartTags(rels, 'Relationship')) {
    const a = xmlAttributes(rels, at, end);
    if ((a.get('TargetMode') ?? '').toLowerCase() === 'external') continue;
    const type = a.get('Type') ?? '';
    const target = partResolve('xl', a.get('Target') ?? '');
    if (type.endsWith('/sharedStrings')) found.sharedStrings = target;
    else if (type.endsWith('/styles')) found.styles = target;
  }
  return found;
}

/** The shared texts in order: a rich text's runs joined, phonetic runs left out. */
export function sharedStringsRead(xml: string): string[] {
  const out: string[] = [];
  let at = xml.indexOf('<si');
  while (at >= 0) {
    const end = xmlTagEnd(xml, at);
    if (end < 0) break;
    if (!xmlNameIs(xml, at, 'si')) {
      at = xml.indexOf('<si', end);
      continue;
    }
    if (xml.charCodeAt(end - 1) === 47) {
      out.push('');
      at = xml.indexOf('<si', end);
      continue;
    }
    const close = xml.indexOf('</si>', end);
    const stop = close < 0 ? xml.length : close;
    out.push(officeUnescape(xmlTextRuns(xml, end + 1, stop) ?? ''));
    at = xml.indexOf('<si', stop);
  }
  return out;
}

/** The built-in number formats of the ids that show a number (the others are locale-dependent). */
const BUILT_IN_FORMATS = new Map<number, string>([
  [1, '0'],
  [2, '0.00'],
  [3, '#,##0'],
  [4, '#,##0.00'],
  [9, '0%'],
  [10, '0.00%'],
  [11, '0.00E+00'],
  [12, '# ?/?'],
  [13, '# ??/??'],
  [14, 'mm-dd-yy'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'm/d/yy "h":mm'],
  [37, '#,##0 ;(#,##0)'],
  [38, '#,##0 ;[Red](#,##0)'],
  [39, '#,##0.00 ;(#,##0.00)'],
  [40, '#,##0.00 ;[Red](#,##0.00)'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
  [48, '##0.0E+0'],
  [49, '@'],
]);

/**
 * True when a number format shows a date or time, as the .xlsx adapter decides: after the
 * parts in brackets and quotes are left out, one of y m d h M s b remains.
 */
export function numberFormatIsDate(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** What a cell style makes of a number: nothing, a date, or a percent. */
const enum NumberKind {
  Plain = 0,
  Date = 1,
  Percent = 2,
}

/** Per cell style (`s`), what its number format makes of a number. Style 0 is always plain. */
export function cellStyleKinds(xml: string | undefined): Uint8Array {
  if (xml === undefined) return new Uint8Array(0);
  const custom = new Map<number, string>();
  for (const { at, end } of xmlStartTags(xml, 'numFmt')) {
    const a = xmlAttributes(xml, at, end);
    const id = parseInt(a.get('numFmtId') ?? '', 10);
    // A backslash escapes the next character; the format is taken without them, as the adapter does.
    if (!Number.isNaN(id)) custom.set(id, (a.get('formatCode') ?? '').replace(/[\\](.)/g, '$1'));
  }
  const from = xml.indexOf('<cellXfs');
  if (from < 0) return new Uint8Array(0);
  const close = xml.indexOf('</cellXfs>', from);
  const kinds: number[] = [];
  for (const { at, end } of xmlStartTags(xml, 'xf', from, close < 0 ? xml.length : close)) {
    const id = parseInt(xmlAttributes(xml, at, end).get('numFmtId') ?? '', 10);
    const format = id ? (custom.get(id) ?? BUILT_IN_FORMATS.get(id)) : undefined;
    kinds.push(numberFormatIsDate(format) ? NumberKind.Date : numberFormatIsPercent(format) ? NumberKind.Percent : NumberKind.Plain);
  }
  if (kinds.length > 0) kinds[0] = NumberKind.Plain;
  return Uint8Array.from(kinds);
}

// ---------------------------------------------------------------------------------------------
// A sheet's cells.

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** An Excel serial as the date it is, to the millisecond (1904 date system shifted to 1900). */
function serialDate(serial: number, date1904: boolean): CellValue {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS);
  return { date: (ms - EXCEL_EPOCH_MS) / DAY_MS };
}

interface SheetContext {
  readonly strings: readonly string[];
  readonly kinds: Uint8Array;
  readonly date1904: boolean;
}

/** The value of an attribute of the start tag [at, end], quickly for the usual `name="value"` form. */
function attribute(xml: string, at: number, end: number, name: string): string | undefined {
  const tag = xml.slice(at, end);
  const key = ` ${name}="`;
  const i = tag.indexOf(key);
  if (i >= 0) return xmlUnescape(tag.slice(i + key.length, tag.indexOf('"', i + key.length)));
  // Unusual spellings: single quotes, spaces around "=", line breaks between attributes.
  if (/[\t\n\r']|\s=|=\s/.test(tag)) return xmlAttributes(xml, at, end).get(name);
  return undefined;
}

/** The attributes of a cell's start tag: its reference (0 where absent), style (-1) and type. */
interface CellTag {
  col: number;
  row: number;
  s: number;
  t: string | undefined;
}

/** Reads `r`, `s` and `t` of the `<c>` start tag [at, end] in one pass, without allocating for `r` and `s`. */
function cellTagRead(xml: string, at: number, end: number, tag: CellTag): void {
  tag.col = 0;
  tag.row = 0;
  tag.s = -1;
  tag.t = undefined;
  let i = at + 2;
  while (i < end) {
    let c = xml.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) {
      i++;
      continue;
    }
    const nameAt = i;
    while (i < end && (c = xml.charCodeAt(i)) !== 61 && c !== 32 && c !== 9 && c !== 10 && c !== 13) i++;
    const nameLength = i - nameAt;
    const name = nameLength === 1 ? xml.charCodeAt(nameAt) : 0;
    while (i < end && xml.charCodeAt(i) !== 34 && xml.charCodeAt(i) !== 39) i++;
    const quote = xml.charCodeAt(i);
    const valueAt = i + 1;
    let close = valueAt;
    while (close < end && xml.charCodeAt(close) !== quote) close++;
    if (name === 114 /* r */) {
      let j = valueAt;
      let col = 0;
      for (; j < close; j++) {
        const ch = xml.charCodeAt(j) | 0x20;
        if (ch < 97 || ch > 122) break;
        col = col * 26 + ch - 96;
      }
      let row = 0;
      for (; j < close; j++) {
        const ch = xml.charCodeAt(j);
        if (ch < 48 || ch > 57) break;
        row = row * 10 + ch - 48;
      }
      tag.col = col;
      tag.row = row;
    } else if (name === 115 /* s */) {
      let n = valueAt < close ? 0 : -1;
      for (let j = valueAt; j < close && n >= 0; j++) {
        const ch = xml.charCodeAt(j);
        n = ch >= 48 && ch <= 57 ? n * 10 + ch - 48 : -1;
      }
      tag.s = n;
    } else if (name === 116 /* t */) tag.t = xml.slice(valueAt, close);
    i = close + 1;
  }
}

/** A formula cell the file holds no value for, within an array formula's range. */
interface Unvalued {
  readonly row: number;
  readonly col: number;
  readonly array: CellArea;
}

/** One sheet part's cells and merged ranges. */
export function sheetRead(xml: string, context: SheetContext): { cells: CellValue[][]; merges: CellArea[] } {
  const cells: CellValue[][] = [];
  const unvalued: Unvalued[] = [];
  const dataAt = xml.indexOf('<sheetData');
  const dataEnd = dataAt < 0 ? -1 : xml.indexOf('</sheetData>', dataAt);
  const cell: CellScan = { array: undefined };
  const tag: CellTag = { col: 0, row: 0, s: -1, t: undefined };
  let row = 0;
  let col = 0;
  let lineRow = 0;
  let line: CellValue[] | undefined;
  let at = dataAt < 0 || dataEnd < 0 ? -1 : xml.indexOf('<', dataAt + 1);
  while (at >= 0 && at < dataEnd) {
    const first = xml.charCodeAt(at + 1);
    if (first === 99 /* c */ && xmlNameIs(xml, at, 'c')) {
      const end = xmlTagEnd(xml, at);
      if (end < 0) break;
      cellTagRead(xml, at, end, tag);
      col = tag.col || col + 1;
      if (tag.row) row = tag.row;
      if (xml.charCodeAt(end - 1) === 47) {
        at = xml.indexOf('<', end);
        continue;
      }
      const close = xml.indexOf('</c>', end);
      const stop = close < 0 || close > dataEnd ? dataEnd : close;
      cell.array = undefined;
      const value = cellRead(xml, tag, end, stop, context, cell);
      if (value !== undefined) {
        if (line === undefined || lineRow !== row) {
          line = cells[row - 1] ??= [];
          lineRow = row;
        }
        line[col - 1] = value;
        if (cell.array) unvalued.push({ row, col, array: cell.array });
      }
      at = xml.indexOf('<', stop + 1);
    } else if (first === 114 /* r */ && xmlNameIs(xml, at, 'row')) {
      const end = xmlTagEnd(xml, at);
      if (end < 0) break;
      const r = attribute(xml, at, end, 'r');
      row = (r !== undefined ? parseInt(r, 10) : NaN) || row + 1;
      col = 0;
      at = xml.indexOf('<', end);
    } else at = xml.indexOf('<', at + 1);
  }
  const merges: CellArea[] = [];
  for (const { at: m, end } of xmlStartTags(xml, 'mergeCell', dataEnd < 0 ? 0 : dataEnd)) {
    const area = addressArea(attribute(xml, m, end, 'ref') ?? '');
    if (area) merges.push(area);
  }
  merges.sort((a, b) => a.row - b.row || a.col - b.col);
  // A merged range's value stands in its top-left cell; its other cells read as empty, and its
  // rows are the sheet's rows even where they hold nothing else.
  for (const m of merges) {
    for (let r = m.row; r < m.row + m.rows; r++) {
      const values = (cells[r - 1] ??= []);
      for (let c = m.col; c < m.col + m.cols && c - 1 < values.length; c++) {
        if (r !== m.row || c !== m.col) delete values[c - 1];
      }
      while (values.length > 0 && !(values.length - 1 in values)) values.length--;
    }
  }
  // An array formula without a value: every cell of its range that holds nothing is uncalculated.
  for (const u of unvalued) {
    const a = u.array;
    for (let r = a.row; r < a.row + a.rows; r++) {
      const values = (cells[r - 1] ??= []);
      for (let c = a.col; c < a.col + a.cols; c++) if (values[c - 1] === undefined || values[c - 1] === null) values[c - 1] = { error: CELL_ERROR_UNCALCULATED };
    }
  }
  for (let r = 0; r < cells.length; r++) {
    const values = (cells[r] ??= []);
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
  }
  return { cells, merges };
}

/** What reading a cell tells beside its value: the range of an array formula without a value. */
interface CellScan {
  array: CellArea | undefined;
}

/**
 * One cell's value from its element: its start tag (read, ending at `end`) and its content up to `stop`.
 * Undefined for a cell that holds nothing (only a style, or an empty value).
 */
function cellRead(xml: string, tag: CellTag, end: number, stop: number, context: SheetContext, scan: CellScan): CellValue | undefined {
  const t = tag.t;
  const kind: NumberKind = tag.s < 0 ? NumberKind.Plain : (context.kinds[tag.s] ?? NumberKind.Plain);
  // The children: <f> (its start tag), <v> (its text), <is> (its content).
  let fAt = -1;
  let fEnd = -1;
  let fText = '';
  let v: string | undefined;
  let isFrom = -1;
  let isTo = -1;
  let i = xml.indexOf('<', end + 1);
  while (i >= 0 && i < stop) {
    const tagEnd = xmlTagEnd(xml, i);
    if (tagEnd < 0 || tagEnd > stop) break;
    const empty = xml.charCodeAt(tagEnd - 1) === 47;
    const name = xml.charCodeAt(i + 1);
    let next = tagEnd + 1;
    if (name === 102 /* f */ && xmlNameIs(xml, i, 'f')) {
      fAt = i;
      fEnd = tagEnd;
      if (!empty) {
        const close = xml.indexOf('</f>', tagEnd);
        next = close < 0 || close > stop ? stop : close + 4;
        fText = xml.slice(tagEnd + 1, close < 0 || close > stop ? stop : close);
      }
    } else if (name === 118 /* v */ && xmlNameIs(xml, i, 'v')) {
      v = '';
      if (!empty) {
        const close = xml.indexOf('</v>', tagEnd);
        const to = close < 0 || close > stop ? stop : close;
        v = xml.slice(tagEnd + 1, to);
        next = to;
      }
    } else if (name === 105 /* i */ && xmlNameIs(xml, i, 'is')) {
      if (!empty) {
        const close = xml.indexOf('</is>', tagEnd);
        isFrom = tagEnd + 1;
        isTo = close < 0 || close > stop ? stop : close;
        next = isTo;
      }
    }
    i = xml.indexOf('<', next);
  }
  const fType = fAt >= 0 ? attribute(xml, fAt, fEnd, 't') : undefined;
  if (fAt >= 0 && (fText !== '' || fType !== undefined)) {
    if (v === undefined || v === '') {
      // No stored value: uncalculated. An empty value is a formula that gave an empty text.
      if (v !== undefined) return null;
      if (fType === 'array') {
        const ref = attribute(xml, fAt, fEnd, 'ref');
        scan.array = ref ? addressArea(ref) : undefined;
      }
      return { error: CELL_ERROR_UNCALCULATED };
    }
    return valueOf(t, xmlUnescape(v), context, kind);
  }
  if (t === 'inlineStr') return (isFrom >= 0 ? xmlTextRuns(xml, isFrom, isTo) : undefined) || undefined;
  if (v === undefined || v === '') return undefined;
  return valueOf(t, xmlUnescape(v), context, kind);
}

function valueOf(t: string | undefined, v: string, context: SheetContext, kind: NumberKind): CellValue {
  switch (t) {
    case 's': {
      const text = context.strings[parseInt(v, 10)];
      if (text === undefined) throw new WorkbookFileError('skadad', WORKBOOK_FILE_MESSAGES.damaged);
      return text;
    }
    case 'str':
    case 'inlineStr':
      return v;
    case 'b':
      return parseInt(v, 10) !== 0;
    case 'e':
      return { error: v };
    default: {
      const n = parseFloat(v);
      return kind === NumberKind.Date ? serialDate(n, context.date1904) : kind === NumberKind.Percent ? { percent: n } : n;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The package.

interface Opened {
  readonly pkg: Package;
  readonly sheets: readonly { readonly name: string; readonly part: string }[];
  readonly workbookXml: string;
}

async function open(bytes: Uint8Array): Promise<Opened> {
  const sniffed = workbookFileSniff(bytes);
  if (sniffed) throw sniffed;
  let entries: Map<string, ZipEntry> | undefined;
  try {
    entries = zipEntries(bytes);
  } catch {
    // The package inspection below says what is wrong with the directory.
  }
  const sizes = entries ? limitsCheck(bytes, entries) : new Map<string, number>();
  const inspected = await xlsxPackageInspect(bytes);
  if (!entries || !inspected.worksheets) throw new Error('arbetsboken kan inte läsas här: webbläsaren kan inte packa upp filen');
  const pkg = new Package(bytes, entries, sizes);
  return { pkg, sheets: inspected.worksheets, workbookXml: (await pkg.text('xl/workbook.xml')) ?? '' };
}

/** The names of the workbook's worksheets, in workbook order (hidden sheets too). */
export async function xlsxSheetNames(bytes: Uint8Array): Promise<string[]> {
  return (await open(bytes)).sheets.map((s) => s.name);
}

/**
 * The cells of the named worksheets (all of them, in workbook order, without `names`), read
 * from the .xlsx package as the .xlsx adapter reads them. Throws WorkbookFileError for a file
 * that is not a readable .xlsx workbook, or one past the size limits.
 */
export async function xlsxReadSheets(bytes: Uint8Array, names?: readonly string[]): Promise<SheetSnapshot[]> {
  const { pkg, sheets, workbookXml } = await open(bytes);
  const parts = new Map(sheets.map((s) => [s.name, s.part]));
  const wanted = names ?? sheets.map((s) => s.name);
  for (const name of wanted) if (!parts.has(name)) throw new Error(`Bladet ${name} finns inte i arbetsboken.`);
  const prAt = workbookXml.indexOf('<workbookPr');
  const pr = prAt >= 0 ? xmlAttributes(workbookXml, prAt, xmlTagEnd(workbookXml, prAt)).get('date1904') : undefined;
  const date1904 = pr === '1' || pr === 'true';
  const { sharedStrings, styles } = workbookParts(await pkg.text('xl/_rels/workbook.xml.rels'));
  const stringsXml = await pkg.text(sharedStrings);
  const strings = stringsXml === undefined ? [] : sharedStringsRead(stringsXml);
  const kinds = cellStyleKinds(await pkg.text(styles));
  const out: SheetSnapshot[] = [];
  for (const name of wanted) {
    const xml = (await pkg.text(parts.get(name) as string)) ?? '';
    const { cells, merges } = sheetRead(xml, { strings, kinds, date1904 });
    out.push({ name, cells, generated: sheetIsGenerated(cells), merges });
  }
  return out;
}
