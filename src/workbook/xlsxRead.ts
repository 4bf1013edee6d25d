// Reads the cells of an .xlsx package directly: the zip directory, the list of sheets, the
// shared texts, the number formats of the cell styles and each sheet's cells, each part
// inflated and scanned piece by piece (sheetScan.ts). Gives the same snapshots as the .xlsx adapter (XlsxWorkbook.readSheets) in a
// fraction of the time and memory: only values are kept, never an object per empty cell.
// Before anything is inflated the package's declared sizes are checked against fixed limits.
import { numberFormatIsPercent } from './address';
import { type SheetSnapshot, sheetIsGenerated } from './port';
import { NUMBER_KIND, SharedStringsScan, SheetScan } from './sheetScan';
import { packagePartResolve, WorkbookFileError, WORKBOOK_FILE_MESSAGES, workbookFileSniff, xlsxPackageInspect } from './xlsxFile';
import { xmlAttributes, xmlStartTags, xmlTagEnd } from './xmlScan';
import { type ZipEntry, zipEntries, zipEntryBytes, zipEntryChunks } from './zip';

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

  /**
   * A part's text given piece by piece to `into` as it is inflated: the part is never whole in
   * memory. False where the package has no such part.
   */
  async read(name: string, into: { push(piece: string): void }): Promise<boolean> {
    const entry = this.entry(name);
    if (!entry) return false;
    const decoder = new TextDecoder('utf-8');
    try {
      for await (const chunk of zipEntryChunks(this.bytes, entry, Math.min(entry.size, XLSX_READ_LIMITS.partBytes))) into.push(decoder.decode(chunk, { stream: true }));
      into.push(decoder.decode());
    } catch (e) {
      if (e instanceof WorkbookFileError) throw e;
      throw new WorkbookFileError('skadad', WORKBOOK_FILE_MESSAGES.damaged, { cause: e });
    }
    return true;
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
    kinds.push(numberFormatIsDate(format) ? NUMBER_KIND.date : numberFormatIsPercent(format) ? NUMBER_KIND.percent : NUMBER_KIND.plain);
  }
  if (kinds.length > 0) kinds[0] = NUMBER_KIND.plain;
  return Uint8Array.from(kinds);
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
  const stringsScan = new SharedStringsScan();
  await pkg.read(sharedStrings, stringsScan);
  const strings = stringsScan.finish();
  const kinds = cellStyleKinds(await pkg.text(styles));
  const out: SheetSnapshot[] = [];
  for (const name of wanted) {
    const scan = new SheetScan({ strings, kinds, date1904 });
    await pkg.read(parts.get(name) as string, scan);
    const { cells, merges } = scan.finish();
    out.push({ name, cells, generated: sheetIsGenerated(cells), merges });
  }
  return out;
}
