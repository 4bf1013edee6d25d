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
import { packagePartResolve } from './xlsxFile';
import { xmlUnescape } from './xmlScan';
import { type ZipEntry, zipEntries, zipEntryBytes, zipEntryDataOffset, ZipFormatError, type ZipOut, zipWrite } from './zip';

/** The package cannot be put together this way (zip64, a prefixed XML document, …). */
export class XlsxPackageUnsupported extends Error {
  override readonly name = 'XlsxPackageUnsupported';
}

// ---------------------------------------------------------------------------------------------
// Zip: the directory with everything needed to copy an entry as it is.

/** The archive's entries in directory order. Zip64 archives and ones that cannot be read are refused. */
export function zipRawEntries(bytes: Uint8Array): ZipEntry[] {
  try {
    const entries = [...zipEntries(bytes).values()];
    if (entries.some((e) => e.zip64)) throw new XlsxPackageUnsupported('zip64 archive');
    for (const e of entries) zipEntryDataOffset(bytes, e);
    return entries;
  } catch (e) {
    if (e instanceof ZipFormatError) throw new XlsxPackageUnsupported(e.message);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// XML, as text: the parts are edited where they list sheets and styles, the rest left as written.


export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The attributes of a start tag by their qualified name. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(a[1] as string, xmlUnescape(a[2] ?? a[3] ?? ''));
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


function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

class PackageReader {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  constructor(readonly bytes: Uint8Array) {
    this.entries = zipRawEntries(bytes);
    for (const e of this.entries) this.byName.set(e.name.replace(/^\//, '').toLowerCase(), e);
  }
  entry(part: string): ZipEntry | undefined {
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
      rels.set(a.get('Id') ?? '', { type: a.get('Type') ?? '', part: external ? '' : packagePartResolve('xl', a.get('Target') ?? '') });
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
  try {
    return await zipWrite(original, out);
  } catch (e) {
    if (e instanceof ZipFormatError) throw new XlsxPackageUnsupported(e.message);
    throw e;
  }
}
