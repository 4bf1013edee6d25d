// The .xlsx file as the command line and the browser mode open it: the source sheets read
// straight from the package (xlsxRead.ts), the generated sheets rendered by exceljs into a
// workbook of their own, and the copy put together from the original's parts byte for byte
// (xlsxPackage.ts). Nothing loads the whole workbook into exceljs, so time and memory follow
// the cells, not the formatting. A package that cannot be put together so opens the old way.
import ExcelJS from 'exceljs';
import { type SheetSnapshot, type SheetSpec, type WorkbookPort, type WriteOutcome, sheetAlternativeName, sheetIsGenerated } from './port';
import { worksheetAdd, worksheetRead, worksheetRender, XlsxWorkbook } from './xlsx';
import { xlsxPackageCompose, xlsxPackageComposable, XlsxPackageUnsupported } from './xlsxPackage';
import { xlsxReadSheets } from './xlsxRead';
import { zipInflateAvailable } from './zip';
import { xlsxPackageInspect } from './xlsxFile';

/** What the command line and the browser mode need of an opened .xlsx file. */
export interface XlsxFile extends WorkbookPort {
  /** Kinds of content the saved copy cannot carry (empty when the copy keeps every part). */
  readonly contentsLost: readonly string[];
  toBuffer(): Promise<Uint8Array>;
}

export class XlsxLeanWorkbook implements XlsxFile {
  readonly contentsLost: readonly string[] = [];
  /** The generated sheets written, in a workbook of their own, and their specs by name. */
  private readonly generated = new ExcelJS.Workbook();
  private readonly rendered = new Map<string, SheetSpec>();

  private constructor(
    private readonly bytes: Uint8Array,
    /** The source's sheets as read, in workbook order. */
    private readonly source: readonly SheetSnapshot[],
  ) {}

  static async open(bytes: Uint8Array): Promise<XlsxLeanWorkbook> {
    await xlsxPackageInspect(bytes);
    return new XlsxLeanWorkbook(bytes, await xlsxReadSheets(bytes));
  }

  sheetNames(): Promise<string[]> {
    const names = this.source.map((s) => s.name);
    for (const name of this.rendered.keys()) if (!names.includes(name)) names.push(name);
    return Promise.resolve(names);
  }

  async readSheets(names: readonly string[]): Promise<SheetSnapshot[]> {
    const out: SheetSnapshot[] = [];
    for (const name of names) {
      const ws = this.rendered.has(name) ? this.generated.getWorksheet(name) : undefined;
      if (ws) {
        const { cells, merges } = await worksheetRead(ws, () => Promise.resolve(new Set<string>()));
        out.push({ name, cells, generated: sheetIsGenerated(cells), merges });
        continue;
      }
      const snapshot = this.source.find((s) => s.name === name);
      if (!snapshot) throw new Error(`Bladet ${name} finns inte i arbetsboken.`);
      out.push(snapshot);
    }
    return out;
  }

  async writeSheets(sheets: readonly SheetSpec[]): Promise<WriteOutcome> {
    const written: { wanted: string; name: string }[] = [];
    const replaced: string[] = [];
    const exists = (n: string) => this.rendered.has(n) || this.source.some((s) => s.name === n);
    // A name is taken by a user's own sheet: a source sheet without the generated marker.
    const taken = (n: string) => !this.rendered.has(n) && this.source.some((s) => s.name === n && !s.generated);
    for (const spec of sheets) {
      if (spec.kind === 'settings' && exists(spec.name)) continue;
      const name = taken(spec.name) ? sheetAlternativeName(spec.name, taken) : spec.name;
      if (exists(name)) replaced.push(name);
      const earlier = this.generated.getWorksheet(name);
      if (earlier) this.generated.removeWorksheet(earlier.id);
      await worksheetRender(worksheetAdd(this.generated, name, spec), spec);
      this.rendered.delete(name);
      this.rendered.set(name, spec);
      written.push({ wanted: spec.name, name });
    }
    return { written, replaced };
  }

  async toBuffer(): Promise<Uint8Array> {
    if (this.rendered.size === 0) return new Uint8Array(this.bytes);
    const generated = new Uint8Array((await this.generated.xlsx.writeBuffer()) as ArrayBuffer);
    try {
      return await xlsxPackageCompose(this.bytes, generated);
    } catch (e) {
      if (!(e instanceof XlsxPackageUnsupported)) throw e;
      // Checked at opening; should the composition still refuse, exceljs writes the whole copy.
      const full = await XlsxWorkbook.fromBuffer(this.bytes);
      await full.writeSheets([...this.rendered].map(([name, spec]) => ({ ...spec, name })));
      return full.toBuffer();
    }
  }
}

/**
 * Opens an .xlsx file for the command line and the browser mode: lean where the platform can
 * inflate the parts and the package can be put together again part by part, else through
 * exceljs's whole-workbook model. Throws WorkbookFileError for what is no readable workbook.
 */
export async function xlsxOpen(bytes: Uint8Array): Promise<XlsxFile> {
  if (zipInflateAvailable()) {
    await xlsxPackageInspect(bytes);
    if (await xlsxPackageComposable(bytes)) return XlsxLeanWorkbook.open(bytes);
  }
  return XlsxWorkbook.fromBuffer(bytes);
}
