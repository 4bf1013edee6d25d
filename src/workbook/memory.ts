// An in-memory Excel host: the part of the Excel object model the Office adapter uses, with
// Excel's rules enforced — nothing readable before load and sync, nothing visible before
// sync, the 5 MB payload limit per request and response, protected sheets refuse changes,
// protect/unprotect throw when already so, text written as a value that starts with "="
// becomes a formula unless the cell is formatted as text, merging keeps only the top-left
// value, more than 512 merged areas are not listed, a hyperlink's text to display becomes the
// cell's value as text. It counts round trips. Tests use it
// behind the Office adapter (`memoryWorkbook`), and the browser test serves it as a stub
// Excel host.
import { columnLetters } from './address';
import { OfficeWorkbook, type ExcelRun } from './office';

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

type Scalar = string | number | boolean;

export interface MemorySheet {
  name: string;
  /** Values as Office returns them: "" for empty. */
  values: Scalar[][];
  /** Number formats by cell ("0%"); a missing one is "General". */
  numberFormats: string[][];
  /** Merged ranges, zero-based; only the top-left cell of each holds a value. */
  merges: Area[];
  formulas: Map<string, string>;
  styles: Map<string, Record<string, unknown>>;
  /** Hyperlinks by cell ("row,col", zero-based), as set through Range.hyperlink. */
  hyperlinks: Map<string, MemoryHyperlink>;
  columnWidths: Map<number, number>;
  protected: boolean;
  frozenRows: number;
  /** Conditional formats as added: the range, the type and what was set on it. */
  conditionalFormats: { address: string; type: string; formula?: string; fill?: string; fontColor?: string }[];
  /** Charts as added: type, data range, series orientation, title and top-left cell. */
  charts: { type: string; address: string; seriesBy: string; title: string; position: string }[];
}

/** Excel.RangeHyperlink: a link to a place in the workbook (documentReference) or a URL (address). */
export interface MemoryHyperlink {
  readonly documentReference?: string;
  readonly address?: string;
  readonly textToDisplay?: string;
  readonly screenTip?: string;
}

export class ExcelRuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

const key = (r: number, c: number) => `${r},${c}`;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "A3" or "B2:D9" to zero-based row, column and size. */
export function addressParse(address: string): { row: number; col: number; rows: number; cols: number } {
  const parts = address.replace(/^.*!/, '').replace(/\$/g, '').split(':');
  const parse = (a: string) => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(a);
    if (!m) throw new ExcelRuleError('InvalidArgument', `ogiltig adress ${address}`);
    return { row: Number(m[2]) - 1, col: colNumber(m[1] as string) - 1 };
  };
  const a = parse(parts[0] as string);
  const b = parts[1] ? parse(parts[1]) : a;
  return { row: a.row, col: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 };
}

function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

function areasOverlap(a: Area, b: Area): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** A whole sheet: what Worksheet.getRange() without an address covers. */
const WHOLE_SHEET: Area = { row: 0, col: 0, rows: 1_048_576, cols: 16_384 };
/** Excel lists at most this many merged areas of a range. */
const MERGED_AREAS_LISTED = 512;

export class MemoryExcelHost {
  readonly sheets: MemorySheet[] = [];
  readonly settings = new Map<string, string>();
  selection: { sheet: string; address: string } | undefined;
  activeSheet: string | undefined;
  /** Number of context.sync() calls made against this host. */
  syncCount = 0;
  /** Size of the largest request and response seen, in bytes. */
  largestPayload = 0;

  /** A sheet with values (rows of cells; null and undefined are empty) and optional number formats ("0%"). */
  addSheet(name: string, rows: readonly (readonly (Scalar | null | undefined)[])[], numberFormats: readonly (readonly (string | null | undefined)[])[] = []): MemorySheet {
    const sheet: MemorySheet = {
      name,
      values: rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : v))),
      numberFormats: numberFormats.map((r) => r.map((f) => f ?? 'General')),
      merges: [],
      formulas: new Map(),
      styles: new Map(),
      hyperlinks: new Map(),
      columnWidths: new Map(),
      protected: false,
      frozenRows: 0,
      conditionalFormats: [],
      charts: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  /** Merges a range ("B1:C1") as Excel does: the top-left value stays, the others are cleared. */
  merge(sheetName: string, address: string): void {
    const s = this.sheet(sheetName);
    if (!s) throw new ExcelRuleError('ItemNotFound', `bladet ${sheetName} finns inte`);
    const a = addressParse(address);
    if (s.merges.some((m) => areasOverlap(m, a))) throw new ExcelRuleError('InvalidOperation', `${address} överlappar ett sammanfogat område`);
    for (let r = a.row; r < a.row + a.rows; r++)
      for (let c = a.col; c < a.col + a.cols; c++) {
        if ((r > a.row || c > a.col) && s.values[r]?.[c] !== undefined) (s.values[r] as Scalar[])[c] = '';
      }
    s.merges.push(a);
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Excel.run over this host. */
  readonly run: ExcelRun = async (batch) => batch(new MemoryContext(this) as unknown as Excel.RequestContext);
}

type Op = { readonly kind: 'write'; readonly bytes: number; apply(): void } | { readonly kind: 'load'; bytes(): number; apply(): void };

class Loadable {
  private readonly loaded = new Set<string>();
  private readonly wanted = new Set<string>();
  constructor(protected readonly ctx: MemoryContext) {}
  load(props?: string | string[]): this {
    const list = Array.isArray(props) ? props : (props ?? '').split(',');
    const names = list.map((p) => p.trim()).filter((p) => p !== '');
    for (const p of names) this.wanted.add(p);
    this.ctx.queueLoad(this);
    return this;
  }
  /** Called at sync: capture the loaded values now. */
  capture(): number {
    let bytes = 0;
    for (const p of this.wanted) {
      this.loaded.add(p);
      bytes += this.captureProperty(p);
    }
    this.wanted.clear();
    return bytes;
  }
  protected captureProperty(_p: string): number {
    return 16;
  }
  protected loadedAny(): boolean {
    return this.loaded.size > 0;
  }
  protected need(p: string): void {
    if (!this.loaded.has(p)) throw new ExcelRuleError('PropertyNotLoaded', `egenskapen ${p} är inte laddad: anropa load('${p}') och context.sync() först`);
  }
}

class MemoryContext {
  readonly ops: Op[] = [];
  private readonly pendingLoads = new Set<Loadable>();
  readonly workbook: { worksheets: WorksheetCollection; settings: SettingsCollection };
  readonly application = {
    suspendApiCalculationUntilNextSync: () => undefined,
    suspendScreenUpdatingUntilNextSync: () => undefined,
  };
  constructor(readonly host: MemoryExcelHost) {
    this.workbook = { worksheets: new WorksheetCollection(this), settings: new SettingsCollection(this) };
  }
  queueLoad(target: Loadable): void {
    if (this.pendingLoads.has(target)) return;
    this.pendingLoads.add(target);
    let captured = 0;
    this.ops.push({
      kind: 'load',
      bytes: () => captured,
      apply: () => {
        captured = target.capture();
        this.pendingLoads.delete(target);
      },
    });
  }
  queueWrite(bytes: number, apply: () => void): void {
    this.ops.push({ kind: 'write', bytes, apply });
  }
  async sync(): Promise<void> {
    this.host.syncCount++;
    const ops = this.ops.splice(0);
    const request = ops.reduce((n, o) => n + (o.kind === 'write' ? o.bytes : 64), 0);
    if (request > PAYLOAD_LIMIT_BYTES) throw new ExcelRuleError('RequestPayloadSizeLimitExceeded', `begäran är ${request} byte`);
    // Ops run in order; a failing op stops the batch (what ran before it stays, as in Excel).
    for (const op of ops) op.apply();
    const response = ops.reduce((n, o) => n + (o.kind === 'load' ? o.bytes() : 0), 0);
    this.host.largestPayload = Math.max(this.host.largestPayload, request, response);
    if (response > PAYLOAD_LIMIT_BYTES) throw new ExcelRuleError('ResponsePayloadSizeLimitExceeded', `svaret är ${response} byte`);
    await Promise.resolve();
  }
}

class SettingsCollection {
  constructor(private readonly ctx: MemoryContext) {}
  add(k: string, value: string): void {
    this.ctx.queueWrite(k.length + value.length, () => this.ctx.host.settings.set(k, value));
  }
  getItemOrNullObject(k: string): SettingProxy {
    return new SettingProxy(this.ctx, k);
  }
}

class SettingProxy extends Loadable {
  private captured: { isNullObject: boolean; value: string | undefined } = { isNullObject: true, value: undefined };
  constructor(
    ctx: MemoryContext,
    private readonly k: string,
  ) {
    super(ctx);
  }
  protected override captureProperty(): number {
    const v = this.ctx.host.settings.get(this.k);
    this.captured = { isNullObject: v === undefined, value: v };
    return (v ?? '').length + 16;
  }
  get isNullObject(): boolean {
    this.need('value');
    return this.captured.isNullObject;
  }
  get value(): string | undefined {
    this.need('value');
    return this.captured.value;
  }
}

class WorksheetCollection extends Loadable {
  private names: string[] = [];
  constructor(ctx: MemoryContext) {
    super(ctx);
  }
  protected override captureProperty(): number {
    this.names = this.ctx.host.sheets.map((s) => s.name);
    return this.names.join(',').length;
  }
  get items(): WorksheetProxy[] {
    this.need('items/name');
    return this.names.map((n) => new WorksheetProxy(this.ctx, n, true));
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, name, false);
  }
  add(name: string): WorksheetProxy {
    this.ctx.queueWrite(name.length, () => {
      if (this.ctx.host.sheet(name)) throw new ExcelRuleError('ItemAlreadyExists', `bladet ${name} finns redan`);
      this.ctx.host.addSheet(name, []);
    });
    return new WorksheetProxy(this.ctx, name, true);
  }
}

class ProtectionProxy extends Loadable {
  private isProtected = false;
  constructor(
    ctx: MemoryContext,
    private readonly sheet: () => MemorySheet,
  ) {
    super(ctx);
  }
  protected override captureProperty(): number {
    this.isProtected = this.sheet().protected;
    return 8;
  }
  get protected(): boolean {
    this.need('protected');
    return this.isProtected;
  }
  protect(): void {
    this.ctx.queueWrite(16, () => {
      const s = this.sheet();
      if (s.protected) throw new ExcelRuleError('InvalidOperation', `bladet ${s.name} är redan skyddat`);
      s.protected = true;
    });
  }
  unprotect(): void {
    this.ctx.queueWrite(16, () => {
      const s = this.sheet();
      if (!s.protected) throw new ExcelRuleError('InvalidOperation', `bladet ${s.name} är inte skyddat`);
      s.protected = false;
    });
  }
}

class WorksheetProxy {
  readonly protection: ProtectionProxy;
  readonly freezePanes: { freezeRows: (n: number) => void };
  constructor(
    private readonly ctx: MemoryContext,
    private readonly sheetName: string,
    private readonly nameKnown: boolean,
  ) {
    this.protection = new ProtectionProxy(ctx, () => this.data());
    this.freezePanes = { freezeRows: (n) => ctx.queueWrite(8, () => (this.data().frozenRows = n)) };
  }
  /** charts.add(type, range, seriesBy): the chart's title and position are set afterwards. */
  readonly charts = {
    add: (type: string, source: RangeProxy, seriesBy: string) => {
      const entry: MemorySheet['charts'][number] = { type, address: source.areaAddress(), seriesBy, title: '', position: '' };
      this.ctx.queueWrite(64, () => this.data().charts.push(entry));
      const title = Object.defineProperty({}, 'text', { set: (v: string) => this.ctx.queueWrite(v.length, () => (entry.title = v)) });
      return { title, setPosition: (start: string) => this.ctx.queueWrite(16, () => (entry.position = start)) };
    },
  };
  get name(): string {
    if (!this.nameKnown) throw new ExcelRuleError('PropertyNotLoaded', 'egenskapen name är inte laddad');
    return this.sheetName;
  }
  data(): MemorySheet {
    const s = this.ctx.host.sheet(this.sheetName);
    if (!s) throw new ExcelRuleError('ItemNotFound', `bladet ${this.sheetName} finns inte`);
    return s;
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, () => this.data(), 'used');
  }
  getRange(address?: string): RangeProxy {
    const a = address === undefined ? WHOLE_SHEET : addressParse(address);
    return new RangeProxy(this.ctx, () => this.data(), a);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, () => this.data(), { row, col, rows, cols });
  }
  delete(): void {
    this.ctx.queueWrite(16, () => {
      const i = this.ctx.host.sheets.indexOf(this.data());
      this.ctx.host.sheets.splice(i, 1);
    });
  }
  activate(): void {
    this.ctx.queueWrite(16, () => (this.ctx.host.activeSheet = this.data().name));
  }
}

type Area = { row: number; col: number; rows: number; cols: number };

class RangeProxy extends Loadable {
  private area: Area | undefined;
  private snapshot: { values?: Scalar[][]; numberFormat?: string[][]; isNull: boolean } = { isNull: false };
  readonly format: ReturnType<RangeProxy['formatProxy']>;
  /** conditionalFormats.add(type): a custom rule whose formula and colours are set afterwards. */
  readonly conditionalFormats = {
    add: (type: string) => {
      const area = this.where as Area;
      const entry: MemorySheet['conditionalFormats'][number] = { address: `${cellAddress(area.row, area.col)}:${cellAddress(area.row + area.rows - 1, area.col + area.cols - 1)}`, type };
      this.ctx.queueWrite(64, () => this.writable().conditionalFormats.push(entry));
      const set = (k: 'formula' | 'fill' | 'fontColor') => ({ set: (v: string) => this.ctx.queueWrite(v.length, () => (entry[k] = v)) });
      const rule = Object.defineProperty({}, 'formula', set('formula'));
      const fill = Object.defineProperty({}, 'color', set('fill'));
      const font = Object.defineProperty({}, 'color', set('fontColor'));
      return { custom: { rule, format: { fill, font } } };
    },
  };
  constructor(
    ctx: MemoryContext,
    private readonly sheet: () => MemorySheet,
    private readonly where: Area | 'used',
  ) {
    super(ctx);
    this.area = where === 'used' ? undefined : where;
    this.format = this.formatProxy();
  }
  /** "A1:C9" of a range given by address or indexes. */
  areaAddress(): string {
    const a = this.where as Area;
    return `${cellAddress(a.row, a.col)}:${cellAddress(a.row + a.rows - 1, a.col + a.cols - 1)}`;
  }
  private resolve(): Area | undefined {
    if (this.where !== 'used') return this.where;
    const s = this.sheet();
    let lastRow = -1;
    let lastCol = -1;
    let firstRow = Infinity;
    let firstCol = Infinity;
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === '') return;
        lastRow = Math.max(lastRow, r);
        lastCol = Math.max(lastCol, c);
        firstRow = Math.min(firstRow, r);
        firstCol = Math.min(firstCol, c);
      }),
    );
    return lastRow < 0 ? undefined : { row: firstRow, col: firstCol, rows: lastRow - firstRow + 1, cols: lastCol - firstCol + 1 };
  }
  protected override captureProperty(p: string): number {
    const area = this.resolve();
    this.area = area;
    this.snapshot.isNull = area === undefined;
    if (p === 'values' && area) {
      const s = this.sheet();
      const values: Scalar[][] = [];
      for (let r = 0; r < area.rows; r++) {
        const row: Scalar[] = [];
        for (let c = 0; c < area.cols; c++) {
          const k = key(area.row + r, area.col + c);
          row.push(s.formulas.has(k) ? '#NAME?' : s.values[area.row + r]?.[area.col + c] ?? '');
        }
        values.push(row);
      }
      this.snapshot.values = values;
      return JSON.stringify(values).length;
    }
    if (p === 'numberFormat' && area) {
      const s = this.sheet();
      const formats = Array.from({ length: area.rows }, (_, r) => Array.from({ length: area.cols }, (_, c) => s.numberFormats[area.row + r]?.[area.col + c] ?? 'General'));
      this.snapshot.numberFormat = formats;
      return JSON.stringify(formats).length;
    }
    return 16;
  }
  /** The merged areas of this range, or a null object when it has none. */
  getMergedAreasOrNullObject(): MergedAreasProxy {
    return new MergedAreasProxy(this.ctx, this.sheet, () => this.resolve());
  }
  get isNullObject(): boolean {
    if (!this.loadedAny()) this.need('isNullObject');
    return this.snapshot.isNull;
  }
  get rowIndex(): number {
    this.need('rowIndex');
    return this.area?.row ?? 0;
  }
  get columnIndex(): number {
    this.need('columnIndex');
    return this.area?.col ?? 0;
  }
  get rowCount(): number {
    this.need('rowCount');
    return this.area?.rows ?? 0;
  }
  get columnCount(): number {
    this.need('columnCount');
    return this.area?.cols ?? 0;
  }
  get values(): Scalar[][] {
    this.need('values');
    return this.snapshot.values ?? [];
  }
  get numberFormat(): string[][] {
    this.need('numberFormat');
    return this.snapshot.numberFormat ?? [];
  }
  set values(rows: Scalar[][]) {
    const area = this.where as Area;
    this.ctx.queueWrite(JSON.stringify(rows).length, () => {
      const s = this.writable();
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          const R = area.row + r;
          const C = area.col + c;
          while (s.values.length <= R) s.values.push([]);
          const line = s.values[R] as Scalar[];
          while (line.length <= C) line.push('');
          const k = key(R, C);
          const text = typeof v === 'string' && v.startsWith('=') && s.numberFormats[R]?.[C] !== '@';
          if (text) s.formulas.set(k, v as string);
          else s.formulas.delete(k);
          line[C] = v;
        }),
      );
    });
  }
  set numberFormat(formats: string[][]) {
    const area = this.where as Area;
    this.ctx.queueWrite(JSON.stringify(formats).length, () => {
      const s = this.writable();
      formats.forEach((row, r) =>
        row.forEach((f, c) => {
          const R = area.row + r;
          while (s.numberFormats.length <= R) s.numberFormats.push([]);
          (s.numberFormats[R] as string[])[area.col + c] = f;
        }),
      );
    });
  }
  /** Excel sets the link on the range's top-left cell; its text to display becomes that cell's value, as text. */
  set hyperlink(link: MemoryHyperlink) {
    const area = this.where as Area;
    this.ctx.queueWrite(JSON.stringify(link).length, () => {
      const s = this.writable();
      if (!link.documentReference && !link.address) throw new ExcelRuleError('InvalidArgument', 'länken saknar mål');
      s.hyperlinks.set(key(area.row, area.col), { ...link });
      if (link.textToDisplay === undefined) return;
      while (s.values.length <= area.row) s.values.push([]);
      const line = s.values[area.row] as Scalar[];
      while (line.length <= area.col) line.push('');
      line[area.col] = link.textToDisplay;
      s.formulas.delete(key(area.row, area.col));
    });
  }
  select(): void {
    const area = this.where as Area;
    this.ctx.queueWrite(16, () => (this.ctx.host.selection = { sheet: this.sheet().name, address: cellAddress(area.row, area.col) }));
  }
  private writable(): MemorySheet {
    const s = this.sheet();
    if (s.protected) throw new ExcelRuleError('AccessDenied', `bladet ${s.name} är skyddat`);
    return s;
  }
  private style(prop: string, value: unknown): void {
    const area = this.where as Area;
    this.ctx.queueWrite(prop.length + 16, () => {
      const s = this.writable();
      for (let r = 0; r < area.rows; r++)
        for (let c = 0; c < area.cols; c++) {
          const k = key(area.row + r, area.col + c);
          s.styles.set(k, { ...(s.styles.get(k) ?? {}), [prop]: value });
        }
    });
  }
  private formatProxy() {
    const style = (prop: string) => ({
      set: (v: unknown) => this.style(prop, v),
    });
    const font = {};
    for (const p of ['bold', 'italic', 'size', 'color', 'underline']) Object.defineProperty(font, p, { set: style(`font.${p}`).set });
    const fill = {};
    Object.defineProperty(fill, 'color', { set: style('fill.color').set });
    const format = {
      font,
      fill,
      borders: { getItem: (edge: string) => Object.defineProperty({}, 'style', { set: style(`border.${edge}`).set }) },
    };
    Object.defineProperty(format, 'horizontalAlignment', { set: style('horizontalAlignment').set });
    Object.defineProperty(format, 'wrapText', { set: style('wrapText').set });
    Object.defineProperty(format, 'columnWidth', {
      set: (w: number) => {
        const area = this.where as Area;
        this.ctx.queueWrite(16, () => this.writable().columnWidths.set(area.col, w));
      },
    });
    return format as Record<string, unknown>;
  }
}

/** The workbook port over an in-memory Excel host, through the Office adapter itself. */
export function memoryWorkbook(host: MemoryExcelHost = new MemoryExcelHost()): OfficeWorkbook {
  return new OfficeWorkbook(host.run);
}

/** RangeAreas of merged areas: load('areas/items/address'), then isNullObject and areas.items. */
class MergedAreasProxy extends Loadable {
  private found: Area[] = [];
  constructor(
    ctx: MemoryContext,
    private readonly sheet: () => MemorySheet,
    private readonly area: () => Area | undefined,
  ) {
    super(ctx);
  }
  protected override captureProperty(): number {
    const area = this.area();
    const found = area ? this.sheet().merges.filter((m) => areasOverlap(m, area)) : [];
    if (found.length > MERGED_AREAS_LISTED) throw new ExcelRuleError('GeneralException', `fler än ${MERGED_AREAS_LISTED} sammanfogade områden`);
    this.found = found;
    return 32 * found.length + 16;
  }
  get isNullObject(): boolean {
    this.need('areas/items/address');
    return this.found.length === 0;
  }
  get areas(): { items: { address: string }[] } {
    this.need('areas/items/address');
    if (this.found.length === 0) throw new ExcelRuleError('InvalidObjectPath', 'objektet finns inte (isNullObject)');
    const name = this.sheet().name;
    return { items: this.found.map((m) => ({ address: `'${name.replace(/'/g, "''")}'!${cellAddress(m.row, m.col)}:${cellAddress(m.row + m.rows - 1, m.col + m.cols - 1)}` })) };
  }
}
