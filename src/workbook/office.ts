// The Office.js adapter: the WorkbookPort inside Excel, and the only file that calls
// Excel.run. Reads every sheet in one batch of blocks (values with their number formats, so a
// percent-formatted number is known as such; the merged ranges with the used ranges), writes
// every generated sheet in blocks of rows below Excel on the web's 5 MB payload limit, with
// calculation and screen updating suspended; formats after data; replaces only sheets that
// carry the marker; protects generated sheets without password. Round trips: a constant few
// plus one per block of data near the payload limit — never one per row, account or cell.
import { addressArea, cellEqualsTextFormula, columnLetters, linkLocation, numberFormatIsPercent, sheetLinks } from './address';
import {
  type CellArea,
  type CellValue,
  type SheetSnapshot,
  type SheetSpec,
  type SpecCell,
  type WorkbookPort,
  type WriteOutcome,
  GENERATED_MARKER_ROW,
  sheetAlternativeName,
  sheetIsGenerated,
} from './port';

/** Excel.run, or a stand-in with the same shape (the memory host in tests and the browser stub). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** What one request may carry, with a margin below Excel on the web's 5 MB. */
export const PAYLOAD_BUDGET_BYTES = 4_000_000;
/** Estimated size of one cell in a request or response (value, quotes, comma). */
export const BYTES_PER_CELL_ESTIMATE = 32;
/** Estimated size of one cell read: its value and its number format ("General", "0%"). */
export const BYTES_PER_CELL_READ_ESTIMATE = 40;

const ERROR_TEXTS = new Set(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!']);

/**
 * A value from Range.values as a port cell value: "" is empty, error texts are errors, a
 * number whose format (Range.numberFormat) shows percent is the fraction shown as percent.
 */
export function cellValueFromOffice(v: unknown, numberFormat?: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number') return typeof numberFormat === 'string' && numberFormatIsPercent(numberFormat) ? { percent: v } : v;
  if (typeof v === 'boolean') return v;
  const s = String(v);
  return ERROR_TEXTS.has(s) ? { error: s } : s;
}

/** Rows per block so that a block of `columns` columns stays within the payload budget. */
export function rowsPerBlock(columns: number, bytesPerCell = BYTES_PER_CELL_ESTIMATE): number {
  return Math.max(1, Math.floor(PAYLOAD_BUDGET_BYTES / (Math.max(1, columns) * bytesPerCell)));
}

/** Rows per block of a read (values and number formats) of `columns` columns. */
export function rowsPerReadBlock(columns: number): number {
  return rowsPerBlock(columns, BYTES_PER_CELL_READ_ESTIMATE);
}

/**
 * Whether the host lists merged areas (ExcelApi 1.13). Outside Office (the memory host, the
 * browser stub) it does; in an older Excel the merges stay unknown — the values are right
 * regardless, as Excel keeps a merged range's value in its top-left cell only.
 */
function mergedAreasListed(): boolean {
  if (typeof Office === 'undefined') return true;
  return Office.context?.requirements?.isSetSupported?.('ExcelApi', '1.13') === true;
}

/** Text that Excel would take for a formula or a sign if written as a value. */
function needsTextFormat(value: SpecCell['value']): boolean {
  return typeof value === 'string' && /^[=+\-@]/.test(value);
}


/** Queues the styles of one cell; run after the values (formats after data). */
function queueStyle(range: Excel.Range, cell: SpecCell): void {
  const s = cell.style;
  if (!s) return;
  const f = range.format;
  if (s.bold) f.font.bold = true;
  if (s.underline) f.font.underline = 'Single';
  if (s.italic) f.font.italic = true;
  if (s.size) f.font.size = s.size;
  if (s.fontColor) f.font.color = `#${s.fontColor}`;
  if (s.fill) f.fill.color = `#${s.fill}`;
  if (s.align) f.horizontalAlignment = s.align === 'left' ? 'Left' : s.align === 'right' ? 'Right' : 'Center';
  if (s.wrap) f.wrapText = true;
  if (s.borderTop) f.borders.getItem('EdgeTop').style = 'Continuous';
  if (s.borderBottom) f.borders.getItem('EdgeBottom').style = s.borderBottom === 'double' ? 'Double' : 'Continuous';
}

/**
 * The hyperlink of a cell that links to another cell of the workbook. Excel shows
 * `textToDisplay` in the cell as text: given for a text only, so a number stays a number.
 */
export function officeHyperlink(cell: SpecCell): Excel.RangeHyperlink | undefined {
  if (!cell.link) return undefined;
  const documentReference = linkLocation(cell.link);
  return typeof cell.value === 'string' ? { documentReference, textToDisplay: cell.value } : { documentReference };
}

/** Counts what is queued since the last sync and syncs when the next item would pass the budget. */
class PayloadBatcher {
  private bytes = 0;
  constructor(private readonly context: Excel.RequestContext) {}
  async add(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > PAYLOAD_BUDGET_BYTES) await this.flush();
    this.bytes += bytes;
  }
  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    await this.context.sync();
    this.bytes = 0;
  }
}

function specWidth(spec: SheetSpec): number {
  return spec.rows.reduce((w, r) => Math.max(w, r.length), 1);
}

export class OfficeWorkbook implements WorkbookPort {
  constructor(private readonly run: ExcelRun = (batch) => Excel.run(batch)) {}

  sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  readSheets(names: readonly string[]): Promise<SheetSnapshot[]> {
    return this.run(async (context) => {
      // 1: the size of every sheet's used range and its merged areas, in one round trip.
      const usedLoad = () =>
        names.map((name) => {
          const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
          range.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
          return range;
        });
      let used = usedLoad();
      let merged: Excel.RangeAreas[] | undefined = mergedAreasListed()
        ? names.map((name) => context.workbook.worksheets.getItem(name).getRange().getMergedAreasOrNullObject().load('areas/items/address'))
        : undefined;
      try {
        await context.sync();
      } catch (e) {
        // Excel does not list more than 512 merged areas of a range: read without them.
        if (!merged) throw e;
        merged = undefined;
        used = usedLoad();
        await context.sync();
      }
      const merges = names.map((_, s): CellArea[] | undefined => {
        const m = merged?.[s];
        if (!m) return undefined;
        if (m.isNullObject) return [];
        return m.areas.items
          .map((a) => addressArea(a.address))
          .filter((a): a is CellArea => a !== undefined)
          .sort((a, b) => a.row - b.row || a.col - b.col);
      });
      // 2: the cells, in blocks of rows, one round trip per block near the payload limit.
      const batcher = new PayloadBatcher(context);
      const pending: { sheet: number; start: number; range: Excel.Range }[] = [];
      const cells: CellValue[][][] = names.map(() => []);
      const take = () => {
        for (const p of pending.splice(0)) {
          const formats = p.range.numberFormat as unknown[][];
          (p.range.values as unknown[][]).forEach((row, i) => {
            const out = row.map((v, c) => cellValueFromOffice(v, formats[i]?.[c]));
            while (out.length > 0 && out[out.length - 1] === null) out.pop();
            (cells[p.sheet] as CellValue[][])[p.start + i] = out;
          });
        }
      };
      for (let s = 0; s < names.length; s++) {
        const u = used[s] as Excel.Range;
        if (u.isNullObject) continue;
        const lastRow = u.rowIndex + u.rowCount;
        const width = u.columnIndex + u.columnCount;
        const block = rowsPerReadBlock(width);
        const ws = context.workbook.worksheets.getItem(names[s] as string);
        for (let start = 0; start < lastRow; start += block) {
          const count = Math.min(block, lastRow - start);
          await batcher.add(count * width * BYTES_PER_CELL_READ_ESTIMATE);
          const range = ws.getRangeByIndexes(start, 0, count, width);
          range.load('values,numberFormat');
          pending.push({ sheet: s, start, range });
        }
      }
      await batcher.flush();
      take();
      return names.map((name, s) => {
        const rows = cells[s] as CellValue[][];
        for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
        while (rows.length > 0 && (rows[rows.length - 1] as CellValue[]).length === 0) rows.pop();
        return { name, cells: rows, generated: sheetIsGenerated(rows), merges: merges[s] };
      });
    });
  }

  writeSheets(specs: readonly SheetSpec[]): Promise<WriteOutcome> {
    // A link that goes nowhere fails the run before anything is written.
    for (const spec of specs) sheetLinks(spec);
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      // 1: the names of all sheets.
      sheets.load('items/name');
      await context.sync();
      const existing = new Set(sheets.items.map((s) => s.name));
      // 2: marker and protection of every sheet a report might replace.
      const candidates = sheets.items.filter((s) => specs.some((spec) => s.name === spec.name || s.name.startsWith(`${spec.name.slice(0, 20)} (Finsam`)));
      const probes = candidates.map((ws) => {
        const marker = ws.getRange(`A${GENERATED_MARKER_ROW}`);
        marker.load('values');
        ws.protection.load('protected');
        return { ws, marker };
      });
      await context.sync();
      const generated = new Map<string, Excel.Worksheet>();
      for (const p of probes) {
        const value = cellValueFromOffice((p.marker.values as unknown[][])[0]?.[0]);
        if (sheetIsGenerated([[], [], [value]])) generated.set(p.ws.name, p.ws);
      }
      const taken = (name: string) => existing.has(name) && !generated.has(name);

      // 3: replace and write, calculation and screen updating suspended.
      context.application.suspendApiCalculationUntilNextSync();
      if (typeof context.application.suspendScreenUpdatingUntilNextSync === 'function') context.application.suspendScreenUpdatingUntilNextSync();
      const written: { wanted: string; name: string }[] = [];
      const replaced: string[] = [];
      const targets: { spec: SheetSpec; ws: Excel.Worksheet }[] = [];
      for (const spec of specs) {
        if (spec.kind === 'settings' && existing.has(spec.name)) continue;
        const name = taken(spec.name) ? sheetAlternativeName(spec.name, taken) : spec.name;
        const earlier = generated.get(name);
        if (earlier) {
          if (probes.find((p) => p.ws === earlier)?.ws.protection.protected) earlier.protection.unprotect();
          earlier.delete();
          replaced.push(name);
        }
        targets.push({ spec, ws: sheets.add(name) });
        written.push({ wanted: spec.name, name });
      }
      const batcher = new PayloadBatcher(context);
      // Values (and the text format of text that would read as a formula) in blocks of rows.
      for (const { spec, ws } of targets) {
        const width = specWidth(spec);
        const block = rowsPerBlock(width);
        for (let start = 0; start < spec.rows.length; start += block) {
          const rows = spec.rows.slice(start, start + block);
          await batcher.add(rows.length * width * BYTES_PER_CELL_ESTIMATE * 2);
          const range = ws.getRangeByIndexes(start, 0, rows.length, width);
          const formats = rows.map((r) => Array.from({ length: width }, (_, c) => {
            const cell = r[c];
            return cell ? (needsTextFormat(cell.value) ? '@' : cell.format ?? 'General') : 'General';
          }));
          range.numberFormat = formats;
          range.values = rows.map((r) => Array.from({ length: width }, (_, c) => r[c]?.value ?? ''));
        }
      }
      // Formats and links after data.
      for (const { spec, ws } of targets) {
        for (let r = 0; r < spec.rows.length; r++) {
          const row = spec.rows[r] ?? [];
          for (let c = 0; c < row.length; c++) {
            const cell = row[c];
            if (!cell?.style && !cell?.link) continue;
            await batcher.add(cell.link ? 400 : 200);
            const range = ws.getRangeByIndexes(r, c, 1, 1);
            queueStyle(range, cell);
            const hyperlink = officeHyperlink(cell);
            if (hyperlink) range.hyperlink = hyperlink;
          }
        }
        spec.widths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * 7));
        for (const cf of spec.conditionalFormats ?? []) {
          const column = ws.getRangeByIndexes(cf.fromRow - 1, cf.column, cf.toRow - cf.fromRow + 1, 1);
          for (const rule of cf.rules) {
            await batcher.add(200);
            const format = column.conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
            format.custom.rule.formula = `=${cellEqualsTextFormula(cf.column, cf.fromRow, rule.text)}`;
            format.custom.format.fill.color = `#${rule.fill}`;
            format.custom.format.font.color = `#${rule.fontColor}`;
          }
        }
        for (const c of spec.charts ?? []) {
          await batcher.add(400);
          const data = ws.getRangeByIndexes(c.fromRow - 1, c.fromColumn, c.toRow - c.fromRow + 1, c.toColumn - c.fromColumn + 1);
          const chart = ws.charts.add('BarClustered' as Excel.ChartType, data, 'Columns' as Excel.ChartSeriesBy);
          chart.title.text = c.title;
          chart.setPosition(`${columnLetters(c.anchorColumn)}${c.anchorRow}`);
        }
        if (spec.freezeRows > 0) ws.freezePanes.freezeRows(spec.freezeRows);
        if (spec.kind !== 'settings') ws.protection.protect();
      }
      // One last round trip carries what the batcher has not sent yet.
      await context.sync();
      return { written, replaced };
    });
  }
}

/** Selects a cell in Excel (a finding's reference clicked in the task pane). */
export function officeSelectCell(sheet: string, address: string, run: ExcelRun = (batch) => Excel.run(batch)): Promise<void> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

/** The user's choice of sheets, remembered in the workbook's settings. */
export function officeSettingRead(key: string, run: ExcelRun = (batch) => Excel.run(batch)): Promise<string | undefined> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(key);
    item.load('value');
    await context.sync();
    return item.isNullObject ? undefined : String(item.value);
  });
}

export function officeSettingWrite(key: string, value: string, run: ExcelRun = (batch) => Excel.run(batch)): Promise<void> {
  return run(async (context) => {
    context.workbook.settings.add(key, value);
    await context.sync();
  });
}
