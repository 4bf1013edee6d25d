// What a file handed to the .xlsx adapter really is, before exceljs opens it: an empty file, a
// password-protected workbook, an old .xls, a text (CSV) or web page saved under another name,
// another program's file, or an .xlsx package with parts missing. Each is a WorkbookFileError
// with a Swedish message that says what to do — never a library's text. For a sound package it
// lists the worksheets and their parts, and finds in a sheet's part the cells whose formula has
// an empty text as its calculated value (exceljs reads those like a formula without a value).
import { xmlUnescape } from './xmlScan';
import { type ZipEntry, zipEntries, zipEntryText, ZipFormatError, zipInflateAvailable, zipLooksLike } from './zip';

/** What is wrong with the file; the message says it in Swedish. */
export type WorkbookFileKind =
  /** The file has no bytes. */
  | 'tom'
  /** An encrypted workbook (Kryptera med lösenord). */
  | 'losenordsskyddad'
  /** An Excel 97–2003 workbook (.xls). */
  | 'xls'
  /** A CSV or other text file, a web page or an XML spreadsheet under an Excel name. */
  | 'textfil'
  /** Another program's file: Word, PowerPoint, .xlsb, .ods, Strict Open XML, a plain zip. */
  | 'annat-format'
  /** An .xlsx package with a part missing: the list of sheets, a sheet's cells, the texts. */
  | 'ofullstandig'
  /** A damaged file: a truncated zip, malformed XML, a sheet that cannot be read. */
  | 'skadad';

/** The file cannot be read as an Excel workbook. `message` is Swedish and says what to do. */
export class WorkbookFileError extends Error {
  override readonly name = 'WorkbookFileError';
  constructor(
    readonly kind: WorkbookFileKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const SAVE_AS_XLSX = 'öppna den i Excel och spara som Excel-arbetsbok (.xlsx)';
const SAVE_AGAIN = 'öppna den i Excel och spara den igen, eller använd en säkerhetskopia';

export const WORKBOOK_FILE_MESSAGES = {
  empty: 'filen är tom: välj arbetsboken igen, eller öppna den i Excel och spara den på nytt',
  encrypted: 'arbetsboken är lösenordsskyddad: öppna den i Excel och spara en kopia utan lösenord (Arkiv > Information > Skydda arbetsbok > Kryptera med lösenord, töm rutan)',
  xls: `det här är en äldre .xls-fil: ${SAVE_AS_XLSX}`,
  csv: `filen är en textfil (CSV), inte en Excel-arbetsbok: ${SAVE_AS_XLSX}`,
  html: `filen är en webbsida (HTML), inte en Excel-arbetsbok: ${SAVE_AS_XLSX}`,
  xml2003: `filen är ett XML-kalkylblad (Excel 2003), inte en Excel-arbetsbok: ${SAVE_AS_XLSX}`,
  pdf: 'filen är en PDF, inte en Excel-arbetsbok: välj arbetsbokens .xlsx-fil',
  word: 'filen är ett Word-dokument, inte en Excel-arbetsbok: välj arbetsbokens .xlsx-fil',
  powerpoint: 'filen är en PowerPoint-presentation, inte en Excel-arbetsbok: välj arbetsbokens .xlsx-fil',
  xlsb: `filen är en binär Excel-arbetsbok (.xlsb): ${SAVE_AS_XLSX}`,
  ods: `filen är ett OpenDocument-kalkylblad (.ods): ${SAVE_AS_XLSX}`,
  strict: `arbetsboken är sparad som Strikt Open XML-kalkylblad: ${SAVE_AS_XLSX}`,
  oldOffice: 'filen är ett äldre Office-dokument men ingen Excel-arbetsbok: välj arbetsbokens .xlsx-fil',
  zip: 'filen är ett zip-arkiv, inte en Excel-arbetsbok: välj arbetsbokens .xlsx-fil',
  unknown: 'filen är ingen Excel-arbetsbok (.xlsx): välj arbetsbokens .xlsx-fil',
  truncated: `filen är skadad (den kan ha avbrutits när den sparades, kopierades eller laddades ned): ${SAVE_AGAIN}`,
  damaged: `filen är skadad och arbetsboken går inte att läsa: ${SAVE_AGAIN}`,
  noSheets: `arbetsboken är ofullständig: den har inga blad: ${SAVE_AGAIN}`,
} as const;

const fileError = (kind: WorkbookFileKind, message: string, cause?: unknown) => new WorkbookFileError(kind, message, cause === undefined ? undefined : { cause });

/** A part of the package that the workbook names but the file lacks. */
function partMissing(what: string): WorkbookFileError {
  return fileError('ofullstandig', `arbetsboken är ofullständig: ${what} saknas i filen: ${SAVE_AGAIN}`);
}

// ---------------------------------------------------------------------------------------------
// Files that are not a zip package.

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The stream and storage names of an OLE2 compound file (the container of .xls, .doc and of
 * encrypted Office files). Directory entries are 128 bytes at 128-byte boundaries after the
 * 512-byte header: a name in UTF-16 (with its length in bytes at 64) and a type at 66.
 */
export function cfbEntryNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    const length = (bytes[at + 64] as number) | ((bytes[at + 65] as number) << 8);
    const type = bytes[at + 66];
    if (length < 4 || length > 64 || length % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) continue;
    if (bytes[at + length - 2] !== 0 || bytes[at + length - 1] !== 0) continue;
    let name = '';
    let plausible = true;
    for (let i = 0; i < length - 2; i += 2) {
      const code = (bytes[at + i] as number) | ((bytes[at + i + 1] as number) << 8);
      if (code < 0x20 && code !== 1 && code !== 5 && code !== 6) plausible = false;
      name += String.fromCharCode(code);
    }
    if (plausible) names.add(name.toLowerCase());
  }
  return names;
}

function cfbKind(bytes: Uint8Array): WorkbookFileError {
  const names = cfbEntryNames(bytes);
  if (names.has('encryptedpackage') || names.has('encryptioninfo')) return fileError('losenordsskyddad', WORKBOOK_FILE_MESSAGES.encrypted);
  if (names.has('workbook') || names.has('book')) return fileError('xls', WORKBOOK_FILE_MESSAGES.xls);
  if (names.has('worddocument')) return fileError('annat-format', WORKBOOK_FILE_MESSAGES.word);
  if (names.has('powerpoint document')) return fileError('annat-format', WORKBOOK_FILE_MESSAGES.powerpoint);
  return fileError('annat-format', WORKBOOK_FILE_MESSAGES.oldOffice);
}

/** True when the first bytes read as text: a byte order mark, or printable characters only. */
function textLooksLike(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 65536);
  let odd = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) odd++;
  }
  return odd <= sample.length / 100;
}

function textKind(bytes: Uint8Array): WorkbookFileError {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const head = new TextDecoder(utf16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8').decode(bytes.subarray(0, 4096)).trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return fileError('annat-format', WORKBOOK_FILE_MESSAGES.pdf);
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return fileError('textfil', WORKBOOK_FILE_MESSAGES.xml2003);
  if (head.startsWith('<') && /<(!doctype html|html|table|body)\b/.test(head)) return fileError('textfil', WORKBOOK_FILE_MESSAGES.html);
  return fileError('textfil', WORKBOOK_FILE_MESSAGES.csv);
}

/**
 * What the file is when it is not a zip package: an error for each kind, or undefined for a zip
 * (which the package inspection reads further).
 */
export function workbookFileSniff(bytes: Uint8Array): WorkbookFileError | undefined {
  if (bytes.length === 0) return fileError('tom', WORKBOOK_FILE_MESSAGES.empty);
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) return cfbKind(bytes);
  if (zipLooksLike(bytes)) return undefined;
  if (bytes.length >= 5 && new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '%PDF-') return fileError('annat-format', WORKBOOK_FILE_MESSAGES.pdf);
  if (textLooksLike(bytes)) return textKind(bytes);
  return fileError('annat-format', WORKBOOK_FILE_MESSAGES.unknown);
}

// ---------------------------------------------------------------------------------------------
// The .xlsx package.

export interface XlsxWorksheetPart {
  /** The sheet's name as the workbook lists it. */
  readonly name: string;
  /** The part that holds its cells, e.g. xl/worksheets/sheet1.xml. */
  readonly part: string;
}

export interface XlsxPackage {
  /**
   * The worksheets the workbook lists, in order (chart and macro sheets left out); undefined
   * where the platform cannot inflate the parts that list them (a browser older than 2023).
   */
  readonly worksheets: readonly XlsxWorksheetPart[] | undefined;
  readonly parts: ReadonlySet<string>;
}


/** The attributes of every element with this local name (any namespace prefix), as Maps by local name. */
function xmlElements(xml: string, local: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  for (const m of xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}(\\s[^>]*)?/?>`, 'g'))) {
    const attrs = new Map<string, string>();
    for (const a of (m[1] ?? '').matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const name = (a[1] as string).replace(/^[\w.-]+:/, '');
      attrs.set(name, xmlUnescape(a[2] ?? a[3] ?? ''));
    }
    out.push(attrs);
  }
  return out;
}

/** A relationship's target inside the package, from the folder of the part that names it. */
export function packagePartResolve(folder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${folder}/${target}`;
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** The cells of a sheet part whose <v> is present but empty: a formula that gave an empty text. */
export function sheetEmptyResults(xml: string): Set<string> {
  const out = new Set<string>();
  for (const m of xml.matchAll(/<v\s*\/>|<v><\/v>/g)) {
    const start = xml.lastIndexOf('<c ', m.index);
    if (start < 0) continue;
    const tag = xml.slice(start, xml.indexOf('>', start) + 1);
    const r = /\sr\s*=\s*"([A-Za-z]{1,3}\d+)"/.exec(tag)?.[1];
    if (r) out.add(r.toUpperCase());
  }
  return out;
}

async function entryText(bytes: Uint8Array, entry: ZipEntry): Promise<string> {
  try {
    return await zipEntryText(bytes, entry);
  } catch (e) {
    throw fileError('skadad', WORKBOOK_FILE_MESSAGES.damaged, e);
  }
}

const REL_TYPE_END = /\/(worksheet|chartsheet|dialogsheet|macrosheet|xlMacrosheet|xlIntlMacrosheet)$/;

/**
 * Reads the package's directory, its list of sheets and their relationships; throws a
 * WorkbookFileError for a file that is not a sound .xlsx package.
 */
export async function xlsxPackageInspect(bytes: Uint8Array): Promise<XlsxPackage> {
  const sniffed = workbookFileSniff(bytes);
  if (sniffed) throw sniffed;
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipEntries(bytes);
  } catch (e) {
    throw fileError('skadad', WORKBOOK_FILE_MESSAGES.truncated, e instanceof ZipFormatError ? e : undefined);
  }
  const parts = new Set([...entries.keys()].filter((n) => !n.endsWith('/')).map((n) => n.replace(/^\//, '')));
  const entry = (name: string) => entries.get(name) ?? entries.get(`/${name}`);
  const workbookEntry = entry('xl/workbook.xml');
  if (!workbookEntry) {
    if (parts.has('xl/workbook.bin')) throw fileError('annat-format', WORKBOOK_FILE_MESSAGES.xlsb);
    if (parts.has('word/document.xml')) throw fileError('annat-format', WORKBOOK_FILE_MESSAGES.word);
    if (parts.has('ppt/presentation.xml')) throw fileError('annat-format', WORKBOOK_FILE_MESSAGES.powerpoint);
    const mimetype = entry('mimetype');
    if (mimetype && (await entryText(bytes, mimetype)).includes('opendocument.spreadsheet')) throw fileError('annat-format', WORKBOOK_FILE_MESSAGES.ods);
    if ([...parts].some((p) => p.startsWith('xl/'))) throw partMissing('arbetsbokens förteckning över bladen (xl/workbook.xml)');
    throw fileError('annat-format', WORKBOOK_FILE_MESSAGES.zip);
  }
  if (!zipInflateAvailable()) return { worksheets: undefined, parts };
  const workbookXml = await entryText(bytes, workbookEntry);
  if (workbookXml.includes('purl.oclc.org/ooxml/spreadsheetml')) throw fileError('annat-format', WORKBOOK_FILE_MESSAGES.strict);
  const relsEntry = entry('xl/_rels/workbook.xml.rels');
  if (!relsEntry) throw partMissing('arbetsbokens hänvisningar till bladen (xl/_rels/workbook.xml.rels)');
  const rels = new Map<string, { type: string; part: string; external: boolean }>();
  for (const r of xmlElements(await entryText(bytes, relsEntry), 'Relationship')) {
    const id = r.get('Id');
    if (id === undefined) continue;
    rels.set(id, { type: r.get('Type') ?? '', part: packagePartResolve('xl', r.get('Target') ?? ''), external: (r.get('TargetMode') ?? '').toLowerCase() === 'external' });
  }
  // The parts that change what a cell reads as: the shared texts (without them a text cell reads
  // as a number) and the styles (without them a date reads as a number, a percent as a fraction).
  for (const rel of rels.values()) {
    const what = /\/sharedStrings$/.test(rel.type) ? 'arbetsbokens texter' : /\/styles$/.test(rel.type) ? 'arbetsbokens talformat' : undefined;
    if (what && !rel.external && !parts.has(rel.part)) throw partMissing(`${what} (${rel.part})`);
  }
  const sheets = xmlElements(workbookXml, 'sheet');
  if (sheets.length === 0) throw fileError('ofullstandig', WORKBOOK_FILE_MESSAGES.noSheets);
  const worksheets: XlsxWorksheetPart[] = [];
  for (const s of sheets) {
    const name = s.get('name') ?? '';
    const rel = rels.get(s.get('id') ?? '');
    if (!rel) throw partMissing(`bladet ${name} (hänvisningen till dess innehåll)`);
    const kind = REL_TYPE_END.exec(rel.type)?.[1];
    if (kind !== undefined && kind !== 'worksheet') continue;
    const partEntry = entry(rel.part);
    if (!partEntry) throw partMissing(`innehållet i bladet ${name} (${rel.part})`);
    worksheets.push({ name, part: rel.part });
  }
  return { worksheets, parts };
}

/** The cells (A1 addresses) of a sheet part whose formula has an empty text as its calculated value. */
export async function xlsxPartEmptyResults(bytes: Uint8Array, part: string): Promise<Set<string>> {
  if (!zipInflateAvailable()) return new Set();
  const entries = zipEntries(bytes);
  const entry = entries.get(part) ?? entries.get(`/${part}`);
  return entry ? sheetEmptyResults(await entryText(bytes, entry)) : new Set();
}

/** Sheets the workbook lists that exceljs could not read (a part it does not recognise). */
export function workbookSheetsUnreadable(names: readonly string[]): WorkbookFileError {
  const which = names.length === 1 ? `bladet ${names[0]}` : `bladen ${names.join(', ')}`;
  return fileError('skadad', `arbetsboken går inte att läsa: ${which} ${names.length === 1 ? 'är sparat' : 'är sparade'} på ett sätt som inte kan läsas: ${SAVE_AGAIN}`);
}
