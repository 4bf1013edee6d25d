// The saved copy is the original package with the generated sheets put in: every part of the
// original (sheets, charts, images, comments, custom XML) comes out byte for byte — its
// compressed data copied as it is —, only the parts that list sheets and styles change and
// they keep everything they listed, the copy opens again with the reports readable, a second
// run replaces the generated sheets in place, and LibreOffice (where installed) opens it.
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { goalsRun } from '../src/pipeline/goals';
import { reportsRun } from '../src/pipeline/run';
import { XlsxWorkbook } from '../src/workbook/xlsx';
import { zipRawEntries } from '../src/workbook/xlsxPackage';
import { zipEntryDataOffset, zipWrite, type ZipOut } from '../src/workbook/zip';
import { zipEntryBytes } from '../src/workbook/zip';
import { EXAMPLES, FIXED_NOW } from './helpers';

const LISTING = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/app.xml']);

async function parts(bytes: Uint8Array): Promise<Map<string, { sha: string; raw: Uint8Array; text: string }>> {
  const out = new Map<string, { sha: string; raw: Uint8Array; text: string }>();
  for (const e of zipRawEntries(bytes)) {
    if (e.name.endsWith('/')) continue;
    const data = await zipEntryBytes(bytes, e);
    out.set(e.name, { sha: createHash('sha256').update(data).digest('hex'), raw: bytes.subarray(zipEntryDataOffset(bytes, e), zipEntryDataOffset(bytes, e) + e.compressedSize), text: new TextDecoder().decode(data) });
  }
  return out;
}

/** The inner XML of each child element of a container in a styles part. */
function styleItems(xml: string, tag: string, item: string): string[] {
  const m = new RegExp(`<${tag}\\b[^>]*?/>|<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml);
  return [...(m?.[1] ?? '').matchAll(new RegExp(`<${item}\\b[^>]*?/>|<${item}\\b[^>]*>[\\s\\S]*?</${item}>`, 'g'))].map((x) => x[0]);
}

const elements = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*?/>|<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, 'g'))].map((m) => m[0]);

async function expectPartsKept(before: Uint8Array, after: Uint8Array): Promise<void> {
  const a = await parts(before);
  const b = await parts(after);
  for (const [name, part] of a) {
    const kept = b.get(name);
    expect(kept).toBeDefined();
    if (LISTING.has(name)) continue;
    expect({ name, sha: kept?.sha }).toEqual({ name, sha: part.sha });
    // Copied as it is: the compressed data is the original's.
    expect(Buffer.compare(Buffer.from(kept?.raw ?? []), Buffer.from(part.raw))).toBe(0);
  }
  const text = (m: typeof a, n: string) => m.get(n)?.text ?? '';
  for (const s of elements(text(a, 'xl/workbook.xml'), 'sheet')) expect(text(b, 'xl/workbook.xml')).toContain(s);
  for (const d of elements(text(a, 'xl/workbook.xml'), 'definedNames')) expect(text(b, 'xl/workbook.xml')).toContain(d);
  for (const r of elements(text(a, 'xl/_rels/workbook.xml.rels'), 'Relationship')) expect(text(b, 'xl/_rels/workbook.xml.rels')).toContain(r);
  for (const t of [...elements(text(a, '[Content_Types].xml'), 'Override'), ...elements(text(a, '[Content_Types].xml'), 'Default')]) expect(text(b, '[Content_Types].xml')).toContain(t);
  for (const [tag, item] of [['numFmts', 'numFmt'], ['fonts', 'font'], ['fills', 'fill'], ['borders', 'border'], ['cellStyleXfs', 'xf'], ['cellXfs', 'xf'], ['cellStyles', 'cellStyle'], ['dxfs', 'dxf']] as const) {
    const old = styleItems(text(a, 'xl/styles.xml'), tag, item);
    expect(styleItems(text(b, 'xl/styles.xml'), tag, item).slice(0, old.length)).toEqual(old);
  }
  const ids = [...text(b, 'xl/styles.xml').matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"/g)].map((m) => m[1]);
  expect(new Set(ids).size).toBe(ids.length);
}

type Run = (wb: XlsxWorkbook) => Promise<readonly string[]>;

const reports: Run = async (wb) => {
  const r = await reportsRun(wb, { version: 'test', now: FIXED_NOW });
  expect(r.status).toBe('skrivet');
  return (r.written?.written ?? []).map((w) => w.name);
};

const goals: Run = async (wb) => {
  const r = await goalsRun(wb, { version: 'test', now: FIXED_NOW });
  return (r.written?.written ?? []).map((w) => w.name);
};

const soffice = (() => {
  try {
    return execFileSync('which', ['soffice']).toString().trim() || undefined;
  } catch {
    return undefined;
  }
})();

async function roundTrip(source: Uint8Array, run: Run, check: (wb: XlsxWorkbook, written: readonly string[]) => Promise<void>): Promise<void> {
  const wb = await XlsxWorkbook.fromBuffer(source);
  const written = await run(wb);
  expect(written.length).toBeGreaterThan(0);
  const out = await wb.toBuffer();
  await expectPartsKept(source, out);
  const reopened = await XlsxWorkbook.fromBuffer(out);
  const names = await reopened.sheetNames();
  expect(names).toEqual(expect.arrayContaining([...written]));
  for (const snap of await reopened.readSheets(written)) expect(snap.generated || snap.name === 'Inställningar' || snap.name === 'Insatser').toBe(true);
  await check(reopened, written);

  // A second run over the copy replaces the generated sheets in place.
  const second = await run(reopened);
  expect([...second].sort()).toEqual([...written].sort());
  const out2 = await reopened.toBuffer();
  await expectPartsKept(source, out2);
  const third = await XlsxWorkbook.fromBuffer(out2);
  expect(await third.sheetNames()).toEqual(names);
  expect(new Set(names).size).toBe(names.length);
  expect((await parts(out2)).size).toBe((await parts(out)).size);

  if (soffice) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'finsam-lo-'));
    try {
      fs.writeFileSync(path.join(dir, 'kopia.xlsx'), out2);
      execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'kopia.xlsx')], { stdio: 'pipe', timeout: 120_000 });
      expect(fs.statSync(path.join(dir, 'kopia.pdf')).size).toBeGreaterThan(1000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

async function resultatCheck(wb: XlsxWorkbook): Promise<void> {
  const [rr] = await wb.readSheets(['Resultaträkning']);
  expect(String(rr?.cells[2]?.[0])).toMatch(/^Genererat av Finsam Ekonomi/);
  const row = rr?.cells.find((r) => r[0] === 'Årets resultat');
  expect(typeof row?.[1]).toBe('number');
}

// A Node Buffer as the command line reads it (a view that may share its memory with others).
const example = (name: string): Uint8Array => fs.readFileSync(path.join(EXAMPLES, name));

/** Sollefteå with comments, data validation, defined names, an image and document properties. */
async function richWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(example('solleftea-2024.xlsx') as unknown as ExcelJS.Buffer);
  wb.creator = 'Förbundets ekonom';
  wb.title = 'Bokslut 2024';
  wb.company = 'Samordningsförbundet';
  const settings = wb.getWorksheet('Inställningar')!;
  settings.getCell('D1').note = 'Kontrollera året före körningen';
  settings.getCell('D2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Ja,Nej"'] };
  wb.definedNames.add("'Inställningar'!$B$1", 'Forbundsnamn');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
  const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  wb.getWorksheet('Budget')!.addImage(image, 'H2:I4');
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A package with parts exceljs would drop: a chart part and custom XML, listed in content types and rels. */
async function withForeignParts(bytes: Uint8Array): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const entries = zipRawEntries(bytes);
  const text = async (name: string) => new TextDecoder().decode(await zipEntryBytes(bytes, entries.find((e) => e.name === name)!));
  const types = (await text('[Content_Types].xml')).replace(
    '</Types>',
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>',
  );
  const rels = (await text('xl/_rels/workbook.xml.rels')).replace(
    '</Relationships>',
    '<Relationship Id="rIdCustom1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>',
  );
  const drawingRels = (await text('xl/drawings/_rels/drawing1.xml.rels')).replace(
    '</Relationships>',
    '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
  );
  const replaced = new Map([
    ['[Content_Types].xml', types],
    ['xl/_rels/workbook.xml.rels', rels],
    ['xl/drawings/_rels/drawing1.xml.rels', drawingRels],
  ]);
  const out: ZipOut[] = entries.map((e) => (replaced.has(e.name) ? { kind: 'new', name: e.name, data: enc.encode(replaced.get(e.name)) } : { kind: 'copy', entry: e }));
  out.push(
    {
      kind: 'new',
      name: 'xl/charts/chart1.xml',
      data: enc.encode(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>',
      ),
    },
    { kind: 'new', name: 'customXml/item1.xml', data: enc.encode('<?xml version="1.0" encoding="UTF-8"?><forbund xmlns="urn:finsam:test"><namn>Sollefteå</namn></forbund>') },
    {
      kind: 'new',
      name: 'customXml/itemProps1.xml',
      data: enc.encode('<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6C5F3B9A-0D47-4C5B-9D2E-1A2B3C4D5E6F}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>'),
    },
    { kind: 'new', name: 'customXml/_rels/item1.xml.rels', data: enc.encode('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>') },
  );
  return zipWrite(bytes, out);
}

if (!soffice) test.todo('LibreOffice opens the copy (soffice not installed: not checked)');

test('Sollefteå: every original part kept byte for byte, the reports readable, a second run replaces them', async () => {
  await roundTrip(example('solleftea-2024.xlsx'), reports, resultatCheck);
});

test('Kramfors: the goal report (conditional formats) goes in with every original part kept', async () => {
  await roundTrip(example('kramfors-budget-2024.xlsx'), goals, async (wb, written) => {
    for (const snap of await wb.readSheets(written)) if (snap.name !== 'Inställningar' && snap.name !== 'Insatser') expect(String(snap.cells[2]?.[0])).toMatch(/^Genererat av Finsam Ekonomi/);
  });
});

test('comments, data validation, defined names, an image and document properties are kept', async () => {
  const source = await richWorkbook();
  const names = [...(await parts(source)).keys()];
  expect(names).toEqual(expect.arrayContaining(['xl/media/image1.png', 'xl/drawings/drawing1.xml', 'docProps/core.xml']));
  expect(names.some((n) => /comments/.test(n))).toBe(true);
  await roundTrip(source, reports, resultatCheck);
});

test('parts exceljs cannot carry (a chart, custom XML) come out as they were', async () => {
  const source = await withForeignParts(await richWorkbook());
  const wb = await XlsxWorkbook.fromBuffer(source);
  await reports(wb);
  const out = await parts(await wb.toBuffer());
  expect(out.get('xl/charts/chart1.xml')?.text).toContain('<c:chartSpace');
  expect(out.get('customXml/item1.xml')?.text).toContain('Sollefteå');
  await roundTrip(source, reports, resultatCheck);
});
