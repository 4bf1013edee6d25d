// A worksheet part's cells and the shared texts, read from the part's text as it is inflated:
// the text comes in pieces, each piece is scanned up to the last element it holds whole (a
// row, a shared text) and the rest waits for the next. Only values are kept — never the XML,
// never an object per empty or formatted cell — so memory follows the cells used, and a sheet
// of a million empty formatted rows costs the time to scan it and nothing more.
import { addressArea } from './address';
import { type CellArea, type CellValue, CELL_ERROR_UNCALCULATED } from './port';
import { WorkbookFileError, WORKBOOK_FILE_MESSAGES } from './xlsxFile';
import { officeUnescape, xmlAttributes, xmlNameIs, xmlStartTags, xmlTagEnd, xmlTextRuns, xmlUnescape } from './xmlScan';

/** What a cell style makes of a number: nothing, a date, or a percent. */
export const NUMBER_KIND = { plain: 0, date: 1, percent: 2 } as const;

/** What a sheet's cells are read with: the shared texts, each style's number kind, the date system. */
export interface SheetContext {
  readonly strings: readonly string[];
  readonly kinds: Uint8Array;
  readonly date1904: boolean;
}

// ---------------------------------------------------------------------------------------------
// Texts kept.

/** Texts shorter than this are copied when cut from a longer one (V8); longer ones may share it. */
const SHARED_FROM = 13;
const POOL_LIMIT = 1 << 16;

/**
 * Texts kept from a piece of the part, each as a string of its own: a text cut from a piece
 * may otherwise hold the whole piece in memory. Repeated texts (account names, a voucher's
 * text) are kept once, up to a bound.
 */
export class TextPool {
  private readonly pool = new Map<string, string>();

  keep(text: string): string {
    const known = this.pool.get(text);
    if (known !== undefined) return known;
    // Parsed from its JSON, a text is a string of its own, flat, that shares nothing with the
    // piece it was cut from (a cut of a cut would share the copy instead).
    const own = text.length < SHARED_FROM ? text : (JSON.parse(JSON.stringify(text)) as string);
    if (this.pool.size < POOL_LIMIT) this.pool.set(own, own);
    return own;
  }
}

// ---------------------------------------------------------------------------------------------
// Cells.

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

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

/**
 * Reads `r`, `s` and `t` of a `<c>` or `<row>` start tag [at, end] (its name `nameLength`
 * long) in one pass, without allocating for `r` and `s`.
 */
function cellTagRead(xml: string, at: number, end: number, nameLength: number, tag: CellTag): void {
  tag.col = 0;
  tag.row = 0;
  tag.s = -1;
  tag.t = undefined;
  let i = at + 1 + nameLength;
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

/** What reading a cell tells beside its value: the range of an array formula without a value. */
interface CellScan {
  array: CellArea | undefined;
}

const enum Phase {
  /** Before `<sheetData>`. */
  Before,
  /** Inside `<sheetData>`: rows. */
  Rows,
  /** After `</sheetData>`: merged ranges. */
  After,
}

/**
 * One sheet part's cells and merged ranges, read from its text in pieces: `push` each piece
 * as it comes, then `finish`. Throws WorkbookFileError for a part whose rows never end.
 */
export class SheetScan {
  private pending = '';
  private phase = Phase.Before;
  private readonly cells: CellValue[][] = [];
  private readonly unvalued: Unvalued[] = [];
  private readonly merges: CellArea[] = [];
  private readonly tag: CellTag = { col: 0, row: 0, s: -1, t: undefined };
  private readonly scan: CellScan = { array: undefined };
  private readonly dates = new Map<number, CellValue>();
  private row = 0;
  private col = 0;
  /** The row being read: its number, its values so far (a scratch array reused) and their count. */
  private lineRow = 0;
  private readonly line: CellValue[] = [];
  private lineLength = 0;

  constructor(
    private readonly context: SheetContext,
    private readonly texts: TextPool = new TextPool(),
  ) {}

  push(piece: string): void {
    if (this.phase === Phase.Rows && this.pending !== '') {
      // The unfinished row joined with the piece up to its first row: whole rows, and the rest
      // of the piece scanned where it stands (joining whole pieces would copy each one again).
      const pending = this.pending;
      this.pending = '';
      const first = startTagFirst(piece, 'row');
      if (first < 0) return this.text(pending + piece, false);
      this.text(pending + piece.slice(0, first), true);
      piece = piece.slice(first);
    }
    this.text(piece, false);
  }

  /** Text that follows what came before; `whole` when it ends where an element ends. */
  private text(piece: string, whole: boolean): void {
    const text = this.pending === '' ? piece : this.pending + piece;
    this.pending = '';
    let at = 0;
    if (this.phase === Phase.Before) {
      const open = text.indexOf('<sheetData');
      const end = open < 0 ? -1 : xmlTagEnd(text, open);
      if (end < 0) {
        // Keep what may be the start of the tag.
        this.pending = open >= 0 ? text.slice(open) : text.slice(Math.max(0, text.length - 16));
        return;
      }
      this.phase = text.charCodeAt(end - 1) === 47 ? Phase.After : Phase.Rows;
      at = end + 1;
    }
    if (this.phase === Phase.Rows) {
      const close = text.indexOf('</sheetData>', at);
      if (close < 0) {
        // Everything before the last row's start tag is whole rows.
        const cut = whole ? text.length : startTagLast(text, 'row', at);
        if (cut > at) this.rows(text, at, cut);
        this.pending = text.slice(Math.max(at, cut));
        return;
      }
      this.rows(text, at, close);
      this.phase = Phase.After;
      at = close + 12;
    }
    // After the cells: the merged ranges, each a whole tag.
    let last = text.lastIndexOf('<');
    if (last < at || xmlTagEnd(text, last) >= 0) last = text.length;
    for (const { at: m, end } of xmlStartTags(text, 'mergeCell', at, last)) {
      const area = addressArea(attribute(text, m, end, 'ref') ?? '');
      if (area) this.merges.push(area);
    }
    this.pending = text.slice(last);
  }

  finish(): { cells: CellValue[][]; merges: CellArea[] } {
    if (this.phase === Phase.Rows) throw new WorkbookFileError('skadad', WORKBOOK_FILE_MESSAGES.damaged);
    this.lineEnd();
    const { cells, merges } = this;
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
    for (const u of this.unvalued) {
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

  /**
   * The row read so far into the sheet's cells, as an array of its own exactly as long as its
   * values (no slack, no holes): a sheet of a million rows keeps a million small arrays.
   */
  private lineEnd(): void {
    if (this.lineLength === 0) return;
    const values = this.line.slice(0, this.lineLength);
    this.lineLength = 0;
    const earlier = this.cells[this.lineRow - 1];
    // A row the part lists twice: the later cells over the earlier.
    if (earlier) for (let i = 0; i < values.length; i++) earlier[i] = values[i] ?? earlier[i] ?? null;
    else this.cells[this.lineRow - 1] = values;
  }

  /** The rows in [from, to) of `xml`, every one whole. */
  private rows(xml: string, from: number, to: number): void {
    const { tag, scan } = this;
    let at = xml.indexOf('<', from);
    while (at >= 0 && at < to) {
      const first = xml.charCodeAt(at + 1);
      if (first === 99 /* c */ && xmlNameIs(xml, at, 'c')) {
        const end = xmlTagEnd(xml, at);
        if (end < 0) break;
        cellTagRead(xml, at, end, 1, tag);
        this.col = tag.col || this.col + 1;
        if (tag.row) this.row = tag.row;
        if (xml.charCodeAt(end - 1) === 47) {
          at = xml.indexOf('<', end);
          continue;
        }
        const close = xml.indexOf('</c>', end);
        const stop = close < 0 || close > to ? to : close;
        scan.array = undefined;
        const value = this.cellRead(xml, end, stop);
        if (value !== undefined) {
          const row = this.row;
          if (this.lineRow !== row) {
            this.lineEnd();
            this.lineRow = row;
          }
          const { line } = this;
          const at = this.col - 1;
          while (this.lineLength < at) line[this.lineLength++] = null;
          line[at] = value;
          if (this.lineLength === at) this.lineLength++;
          if (scan.array) this.unvalued.push({ row, col: this.col, array: scan.array });
        }
        at = xml.indexOf('<', stop + 1);
      } else if (first === 114 /* r */ && xmlNameIs(xml, at, 'row')) {
        const end = xmlTagEnd(xml, at);
        if (end < 0) break;
        cellTagRead(xml, at, end, 3, tag);
        this.row = tag.row || this.row + 1;
        this.col = 0;
        at = xml.indexOf('<', end);
      } else at = xml.indexOf('<', at + 1);
    }
  }

  /**
   * One cell's value from its element: its start tag (read into `this.tag`, ending at `end`)
   * and its content up to `stop`. Undefined for a cell that holds nothing (only a style, or an empty value).
   */
  private cellRead(xml: string, end: number, stop: number): CellValue | undefined {
    const { tag, context, scan } = this;
    const t = tag.t;
    const kind = tag.s < 0 ? NUMBER_KIND.plain : (context.kinds[tag.s] ?? NUMBER_KIND.plain);
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
      return this.valueOf(t, xmlUnescape(v), kind);
    }
    if (t === 'inlineStr') {
      const text = isFrom >= 0 ? xmlTextRuns(xml, isFrom, isTo) : undefined;
      return text ? this.texts.keep(text) : undefined;
    }
    if (v === undefined || v === '') return undefined;
    return this.valueOf(t, xmlUnescape(v), kind);
  }

  private valueOf(t: string | undefined, v: string, kind: number): CellValue {
    switch (t) {
      case 's': {
        const text = this.context.strings[parseInt(v, 10)];
        if (text === undefined) throw new WorkbookFileError('skadad', WORKBOOK_FILE_MESSAGES.damaged);
        return text;
      }
      case 'str':
      case 'inlineStr':
        return this.texts.keep(v);
      case 'b':
        return parseInt(v, 10) !== 0;
      case 'e':
        return { error: v };
      default: {
        const n = parseFloat(v);
        if (kind === NUMBER_KIND.date) return this.dateOf(n);
        return kind === NUMBER_KIND.percent ? { percent: n } : n;
      }
    }
  }

  /** An Excel serial as the date it is, to the millisecond (1904 date system shifted to 1900); one value per day. */
  private dateOf(serial: number): CellValue {
    const known = this.dates.get(serial);
    if (known !== undefined) return known;
    const ms = Math.round((serial - 25569 + (this.context.date1904 ? 1462 : 0)) * DAY_MS);
    const value = { date: (ms - EXCEL_EPOCH_MS) / DAY_MS };
    if (this.dates.size < POOL_LIMIT) this.dates.set(serial, value);
    return value;
  }
}

/** The index of the first start tag of `name` in `xml`, else -1. */
function startTagFirst(xml: string, name: string): number {
  const open = `<${name}`;
  let at = xml.indexOf(open);
  while (at >= 0 && !xmlNameIs(xml, at, name)) at = xml.indexOf(open, at + 1);
  return at;
}

/**
 * The index of the last start tag of `name` at or after `from`, else -1. A `<name` at the very
 * end, which may yet become that tag, counts as one.
 */
function startTagLast(xml: string, name: string, from = 0): number {
  const open = `<${name}`;
  let at = xml.lastIndexOf(open);
  while (at >= from && at + open.length < xml.length && !xmlNameIs(xml, at, name)) at = at > 0 ? xml.lastIndexOf(open, at - 1) : -1;
  return at >= from ? at : -1;
}

/** One sheet part's cells and merged ranges, from its whole text. */
export function sheetRead(xml: string, context: SheetContext): { cells: CellValue[][]; merges: CellArea[] } {
  const scan = new SheetScan(context);
  scan.push(xml);
  return scan.finish();
}

// ---------------------------------------------------------------------------------------------
// Shared texts.

/** The shared texts, read in pieces like a sheet: a rich text's runs joined, phonetic runs left out. */
export class SharedStringsScan {
  private pending = '';
  private readonly out: string[] = [];
  private readonly texts = new TextPool();

  push(piece: string): void {
    if (this.pending !== '') {
      // The unfinished item joined with the piece up to its first item, as SheetScan does.
      const pending = this.pending;
      this.pending = '';
      const first = startTagFirst(piece, 'si');
      if (first < 0) return this.text(pending + piece);
      this.items(pending + piece.slice(0, first));
      piece = piece.slice(first);
    }
    this.text(piece);
  }

  /** Text that starts where an item starts (or before the first); the last item may be unfinished. */
  private text(xml: string): void {
    // Everything before the last `<si` start tag is whole items; what follows waits for the rest.
    let cut = startTagLast(xml, 'si');
    if (cut < 0 || xml.indexOf('</sst>', cut) >= 0) cut = xml.indexOf('</sst>') >= 0 ? xml.length : 0;
    this.items(xml.slice(0, cut));
    this.pending = xml.slice(cut);
  }

  finish(): string[] {
    this.items(this.pending);
    this.pending = '';
    return this.out;
  }

  private items(xml: string): void {
    const to = xml.length;
    let at = xml.indexOf('<si');
    while (at >= 0 && at < to) {
      const end = xmlTagEnd(xml, at);
      if (end < 0) break;
      if (!xmlNameIs(xml, at, 'si')) {
        at = xml.indexOf('<si', end);
        continue;
      }
      if (xml.charCodeAt(end - 1) === 47) {
        this.out.push('');
        at = xml.indexOf('<si', end);
        continue;
      }
      const close = xml.indexOf('</si>', end);
      const stop = close < 0 || close > to ? to : close;
      this.out.push(this.texts.keep(officeUnescape(xmlTextRuns(xml, end + 1, stop) ?? '')));
      at = xml.indexOf('<si', stop);
    }
  }
}

/** The shared texts in order, from the part's whole text. */
export function sharedStringsRead(xml: string): string[] {
  const scan = new SharedStringsScan();
  scan.push(xml);
  return scan.finish();
}
