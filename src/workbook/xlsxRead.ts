// Reads the cells of an .xlsx package directly: the zip directory, the list of sheets, the
// shared texts, the number formats of the cell styles and each sheet's cells, scanned as text
// in one pass. Gives the same snapshots as the .xlsx adapter (XlsxWorkbook.readSheets) in a
// fraction of the time and memory: only values are kept, never an object per empty cell.
// Before anything is inflated the package's declared sizes are checked against fixed limits.
import { addressArea, numberFormatIsPercent } from './address';
import { type CellArea, type CellValue, CELL_ERROR_UNCALCULATED, type SheetSnapshot, sheetIsGenerated } from './port';
import { packagePartResolve, WorkbookFileError, WORKBOOK_FILE_MESSAGES, workbookFileSniff, xlsxPackageInspect } from './xlsxFile';
import { officeUnescape, xmlAttributes, xmlNameIs, xmlStartTags, xmlTagEnd, xmlTextRuns, xmlUnescape } from './xmlScan';
import { type ZipEntry, zipEntries, zipEntryBytes } from './zip';

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

/** The declared sizes held against the limits, before anything is inflated. */
function limitsCheck(entries: Map<string, ZipEntry>): void {
  let total = 0;
  for (const entry of entries.values()) {
    const name = entry.name.replace(/^\//, '');
    const size = entry.size;
    total += size;
    if (size > XLSX_READ_LIMITS.partBytes) throw tooLarge(`delen ${name} är ${mib(size)} uppackad, mer än gränsen ${mib(XLSX_READ_LIMITS.partBytes)}`);
    if (size > XLSX_READ_LIMITS.ratioFrom && size > XLSX_READ_LIMITS.ratio * Math.max(1, entry.compressedSize)) {
      throw tooLarge(`delen ${name} packas upp till mer än ${XLSX_READ_LIMITS.ratio} gånger sin packade storlek, vilket ingen arbetsbok gör`);
    }
  }
  if (total > XLSX_READ_LIMITS.totalBytes) throw tooLarge(`filens delar är ${mib(total)} uppackade, mer än gränsen ${mib(XLSX_READ_LIMITS.totalBytes)}`);
}

function mib(bytes: number): string {
  return `${Math.ceil(bytes / MIB)} MiB`;
}

/** The package as read here: its entries and the text of a part, inflated to at most its declared size. */
class Package {
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: Map<string, ZipEntry>,
  ) {}

  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name) ?? this.entries.get(`/${name}`);
  }

  async text(name: string): Promise<string | undefined> {
    const entry = this.entry(name);
    if (!entry) return undefined;
    try {
      return this.decoder.decode(await zipEntryBytes(this.bytes, entry, Math.min(entry.size, XLSX_READ_LIMITS.partBytes)));
    } catch (e) {
      throw new WorkbookFileError('skadad', WORKBOOK_FILE_MESSAGES.damaged, { cause: e });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, relationships, shared texts, styles.


/** The workbook's parts of shared texts and styles, by its relationships (else their usual names). */
function workbookParts(rels: string | undefined): { sharedStrings: string; styles: string } {
  const found = { sharedStrings: 'xl/sharedStrings.xml', styles: 'xl/styles.xml' };
  if (rels === undefined) return found;
  for (const { at, end } of xmlStartTags(rels, 'Relationship')) {
    const a = xmlAttributes(rels, at, end);
    if ((a.get('TargetMode') ?? '').toLowerCase() === 'external') continue;
    const type = a.get('Type') ?? '';
    const target = packagePartResolve('xl', a.get('Target') ?? '');
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
  if (entries) limitsCheck(entries);
  const inspected = await xlsxPackageInspect(bytes);
  if (!entries || !inspected.worksheets) throw new Error('arbetsboken kan inte läsas här: webbläsaren kan inte packa upp filen');
  const pkg = new Package(bytes, entries);
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
