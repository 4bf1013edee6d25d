// The .xlsx file as the command line and the browser mode open it: the source sheets read
// straight from the package (xlsxRead.ts), the generated sheets rendered by exceljs into a
// workbook of their own, and the copy put together from the original's parts byte for byte
// (xlsxPackage.ts). Nothing loads the whole workbook into exceljs, so time and memory follow
// the cells, not the formatting; no source cells are kept between calls; and exceljs itself
// is loaded only when there is something to render, after the books are read. A package
// that cannot be put together so opens the old way.
import type ExcelJS from 'exceljs';
import { type SheetSnapshot, type SheetSpec, type WorkbookPort, type WriteOutcome, sheetAlternativeName, sheetIsGenerated } from './port';
import { sheetLinks } from './address';
import { xlsxLinksPut } from './xlsxLinks';
import { xlsxPackageCompose, xlsxPackageComposable, XlsxPackageUnsupported } from './xlsxPackage';
import { xlsxReadSheets, xlsxSheetNames } from './xlsxRead';
import { zipInflateAvailable } from './zip';
import { xlsxPackageInspect } from './xlsxFile';

/** The exceljs adapter (and exceljs with it), loaded once, when first needed. */
let xlsxModule: Promise<typeof import('./xlsx')> | undefined;
const xlsxLoad = () => (xlsxModule ??= import('./xlsx'));

/** What the command line and the browser mode need of an opened .xlsx file. */
export interface XlsxFile extends WorkbookPort {
  /** Kinds of content the saved copy cannot carry (empty when the copy keeps every part). */
  readonly contentsLost: readonly string[];
  toBuffer(): Promise<Uint8Array>;
}

export class XlsxLeanWorkbook implements XlsxFile {
  readonly contentsLost: readonly string[] = [];
  /** Source sheets are read anew at each call: the caller owns what it gets. */
  readonly freshCells = true;
  /** The generated sheets written, in a workbook of their own (made at the first write), and their specs by name. */
  private generatedBook: ExcelJS.Workbook | undefined;
  private readonly rendered = new Map<string, SheetSpec>();

  /** Whether each source sheet read so far carries the generated marker. */
  private readonly generatedSource = new Map<string, boolean>();

  private constructor(
    private readonly bytes: Uint8Array,
    /** The source's sheets, in workbook order. */
    private readonly sourceNames: readonly string[],
  ) {}

  static async open(bytes: Uint8Array): Promise<XlsxLeanWorkbook> {
    await xlsxPackageInspect(bytes);
    return new XlsxLeanWorkbook(bytes, await xlsxSheetNames(bytes));
  }

  sheetNames(): Promise<string[]> {
    const names = [...this.sourceNames];
    for (const name of this.rendered.keys()) if (!names.includes(name)) names.push(name);
    return Promise.resolve(names);
  }

  /**
   * The sheets' cells. Source sheets are read from the package at each call and not kept:
   * the caller holds the cells as long as it needs them, and no longer.
   */
  async readSheets(names: readonly string[]): Promise<SheetSnapshot[]> {
    const fromSource = names.filter((n) => !this.rendered.has(n));
    for (const name of fromSource) if (!this.sourceNames.includes(name)) throw new Error(`Bladet ${name} finns inte i arbetsboken.`);
    const read = new Map((await xlsxReadSheets(this.bytes, fromSource)).map((s) => [s.name, s]));
    const out: SheetSnapshot[] = [];
    for (const name of names) {
      const ws = this.rendered.has(name) ? this.generatedBook?.getWorksheet(name) : undefined;
      if (ws) {
        const { cells, merges } = await (await xlsxLoad()).worksheetRead(ws, () => Promise.resolve(new Set<string>()));
        out.push({ name, cells, generated: sheetIsGenerated(cells), merges });
        continue;
      }
      const snapshot = read.get(name) as SheetSnapshot;
      this.generatedSource.set(name, snapshot.generated);
      out.push(snapshot);
    }
    return out;
  }

  async writeSheets(sheets: readonly SheetSpec[]): Promise<WriteOutcome> {
    // A link that goes nowhere fails the run before anything is written.
    for (const spec of sheets) sheetLinks(spec);
    const written: { wanted: string; name: string }[] = [];
    const replaced: string[] = [];
    const exists = (n: string) => this.rendered.has(n) || this.sourceNames.includes(n);
    // A name is taken by a user's own sheet: a source sheet without the generated marker.
    const unknown = this.sourceNames.filter((n) => !this.generatedSource.has(n));
    if (unknown.length > 0) await this.readSheets(unknown);
    const taken = (n: string) => !this.rendered.has(n) && this.generatedSource.get(n) === false;
    const { worksheetAdd, worksheetRender } = await xlsxLoad();
    const book = (this.generatedBook ??= new (await import('exceljs')).default.Workbook());
    for (const spec of sheets) {
      if (spec.kind === 'settings' && exists(spec.name)) continue;
      const name = taken(spec.name) ? sheetAlternativeName(spec.name, taken) : spec.name;
      if (exists(name)) replaced.push(name);
      const earlier = book.getWorksheet(name);
      if (earlier) book.removeWorksheet(earlier.id);
      await worksheetRender(worksheetAdd(book, name, spec), spec);
      this.rendered.delete(name);
      this.rendered.set(name, spec);
      written.push({ wanted: spec.name, name });
    }
    return { written, replaced };
  }

  async toBuffer(): Promise<Uint8Array> {
    if (this.rendered.size === 0 || !this.generatedBook) return new Uint8Array(this.bytes);
    const generated = await xlsxLinksPut(new Uint8Array((await this.generatedBook.xlsx.writeBuffer()) as ArrayBuffer), this.rendered);
    try {
      return await xlsxPackageCompose(this.bytes, generated);
    } catch (e) {
      if (!(e instanceof XlsxPackageUnsupported)) throw e;
      // Checked at opening; should the composition still refuse, exceljs writes the whole copy.
      const full = await (await xlsxLoad()).XlsxWorkbook.fromBuffer(this.bytes);
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
  return (await xlsxLoad()).XlsxWorkbook.fromBuffer(bytes);
}
