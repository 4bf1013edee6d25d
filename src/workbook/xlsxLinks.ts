// Links to other cells of the workbook in an .xlsx file. SpreadsheetML writes such a link as
// `<hyperlink ref="B6" location="'Budget'!B39" display="B39"/>` in the sheet's `<hyperlinks>`,
// with no relationship; exceljs writes every hyperlink as an external relationship instead. So
// the generated sheets are written by exceljs without links, and the links are put into the
// sheets' XML of the package exceljs wrote, in their place in the schema's order.
import { sheetLinks } from './address';
import { type SheetSpec } from './port';
import { xlsxPackageInspect } from './xlsxFile';
import { zipRawEntries } from './xlsxPackage';
import { zipEntryText, type ZipOut, zipWrite } from './zip';

/** What a link of the sheet is: the linked cell, where it goes and the text it shows. */
export interface SheetLinkXml {
  readonly ref: string;
  readonly location: string;
  readonly display: string;
}

/** The elements of a worksheet that come after `<hyperlinks>` (CT_Worksheet, ECMA-376 Part 1, 18.3.1.99). */
const AFTER_HYPERLINKS = ['printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function attributeEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** A worksheet's XML with the links put into its `<hyperlinks>` (made in its place where there is none). */
export function sheetXmlLinksInsert(xml: string, links: readonly SheetLinkXml[]): string {
  if (links.length === 0) return xml;
  const items = links.map((l) => `<hyperlink ref="${l.ref}" location="${attributeEscape(l.location)}" display="${attributeEscape(l.display)}"/>`).join('');
  const existing = /<hyperlinks\b[^>]*?(\/?)>/.exec(xml);
  if (existing) {
    if (existing[1] === '/') return `${xml.slice(0, existing.index)}<hyperlinks>${items}</hyperlinks>${xml.slice(existing.index + existing[0].length)}`;
    const close = xml.indexOf('</hyperlinks>', existing.index);
    return xml.slice(0, close) + items + xml.slice(close);
  }
  const data = /<\/sheetData>|<sheetData\b[^>]*\/>/.exec(xml);
  if (!data) throw new Error('arbetsbladet saknar celler (sheetData)');
  const from = data.index + data[0].length;
  const next = new RegExp(`<(?:${AFTER_HYPERLINKS.join('|')})[\\s/>]|</worksheet>`, 'g');
  next.lastIndex = from;
  const at = next.exec(xml);
  if (!at) throw new Error('arbetsbladet är inte avslutat (</worksheet>)');
  return `${xml.slice(0, at.index)}<hyperlinks>${items}</hyperlinks>${xml.slice(at.index)}`;
}

/**
 * A package exceljs wrote with the links of the generated sheets (by the names they got) put in.
 * Without links it is returned as it is; where the platform cannot inflate the parts, the
 * sheets go without their links (the cells keep their values and look).
 */
export async function xlsxLinksPut(bytes: Uint8Array, sheets: ReadonlyMap<string, SheetSpec>): Promise<Uint8Array> {
  const linked = [...sheets].map(([name, spec]) => [name, sheetLinks(spec)] as const).filter(([, links]) => links.length > 0);
  if (linked.length === 0) return bytes;
  const listed = (await xlsxPackageInspect(bytes)).worksheets;
  if (!listed) return bytes;
  const parts = new Map(listed.map((s) => [s.name, s.part.toLowerCase()]));
  const entries = zipRawEntries(bytes);
  const byPart = new Map(entries.map((e) => [e.name.replace(/^\//, '').toLowerCase(), e]));
  const changed = new Map<string, Uint8Array>();
  const encoder = new TextEncoder();
  for (const [name, links] of linked) {
    const entry = byPart.get(parts.get(name) ?? '');
    if (!entry) continue;
    changed.set(entry.name, encoder.encode(sheetXmlLinksInsert(await zipEntryText(bytes, entry), links)));
  }
  const out: ZipOut[] = entries.map((e) => {
    const data = changed.get(e.name);
    return data ? { kind: 'new', name: e.name, data } : { kind: 'copy', entry: e };
  });
  return zipWrite(bytes, out);
}
