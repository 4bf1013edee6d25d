// One contract for every workbook adapter: the .xlsx adapter, and the Office adapter over the
// in-memory Excel host (which enforces load-before-read, nothing-before-sync, the payload
// limit and protection, and counts round trips).
import ExcelJS from 'exceljs';
import { addressParse, MemoryExcelHost, memoryWorkbook } from '../src/workbook/memory';
import { XlsxWorkbook } from '../src/workbook/xlsx';
import { xlsxPackageInspect } from '../src/workbook/xlsxFile';
import { zipEntries, zipEntryText } from '../src/workbook/zip';
import { rowsPerReadBlock } from '../src/workbook/office';
import { type CellValue, LINK_STYLE, type SheetSpec, type WorkbookPort } from '../src/workbook/port';
import { reportsRun } from '../src/pipeline/run';
import { moneyToFixed2 } from '../src/core/money';
import { statementRow } from '../src/core/statement';
import { FIXED_NOW, openExample, workbookFrom } from './helpers';

type Seed = Record<string, (string | number | boolean | null)[][]>;

interface Harness {
  port: WorkbookPort;
  isProtected(name: string): boolean;
  /** Where the link of a written sheet's cell ("B6") goes, as the host holds it. */
  linkOf(name: string, address: string): Promise<string | undefined>;
}

/** The location of a cell's internal hyperlink in the saved .xlsx copy. */
async function xlsxLinkOf(wb: XlsxWorkbook, name: string, address: string): Promise<string | undefined> {
  const bytes = await wb.toBuffer();
  const part = (await xlsxPackageInspect(bytes)).worksheets?.find((s) => s.name === name)?.part ?? '';
  const xml = await zipEntryText(bytes, zipEntries(bytes).get(part)!);
  const tag = [...xml.matchAll(/<hyperlink\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(` ref="${address}"`));
  return tag && /\slocation="([^"]*)"/.exec(tag)?.[1]?.replace(/&apos;/g, "'");
}

const ADAPTERS: [string, (seed: Seed) => Promise<Harness>][] = [
  [
    'xlsx',
    async (seed) => {
      const wb = await workbookFrom(seed);
      return {
        port: wb,
        // Through `workbook` (which makes exceljs write the whole copy) only after the links are read.
        isProtected: (n) => Boolean((wb.workbook.getWorksheet(n) as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
        linkOf: (n, address) => xlsxLinkOf(wb, n, address),
      };
    },
  ],
  [
    'office (memory host)',
    async (seed) => {
      const host = new MemoryExcelHost();
      for (const [name, rows] of Object.entries(seed)) host.addSheet(name, rows);
      return {
        port: memoryWorkbook(host),
        isProtected: (n) => host.sheet(n)?.protected ?? false,
        linkOf: (n, address) => {
          const a = addressParse(address);
          return Promise.resolve(host.sheet(n)?.hyperlinks.get(`${a.row},${a.col}`)?.documentReference);
        },
      };
    },
  ],
];

const SEED: Seed = {
  Data: [
    ['Konto', 'Text', 'Belopp', 'Sant'],
    [1930, 'Bank', 12.5, true],
    [3511, '=inte en formel', -12.5, false],
    [null, null, null, null],
    [4610, 'sista', 0, null],
  ],
  'Mitt blad': [['Resultaträkning'], ['mina egna siffror']],
};

/** A sheet with percent formats and merged ranges, as both hosts can hold it. */
const FORMATTED = {
  rows: [['Insatser 2024', null, null], ['Post', 'Andel individinriktad', null], ['SamCoach', 1.5, null], ['Kansli', 0.25, 12]],
  formats: [['B3', '0%'], ['B4', '0.0%'], ['C4', '0" %"']] as [string, string][],
  merges: ['A1:C1', 'B2:C2'],
};

const spec = (name: string, marker: boolean, extra: string[] = []): SheetSpec => ({
  name,
  rows: [[{ value: name }], [{ value: 'Förbundet' }], [{ value: marker ? 'Genererat av Finsam Ekonomi test' : 'vanligt blad' }], [], [{ value: 'Rad' }, { value: 'Belopp', style: { bold: true } }], [{ value: 'Intäkter' }, { value: 1234.5, format: '#,##0;-#,##0' }], ...extra.map((t) => [{ value: t }])],
  widths: [30, 12],
  freezeRows: 5,
});

describe.each(ADAPTERS)('%s', (_label, make) => {
  test('sheet names in workbook order', async () => {
    const h = await make(SEED);
    expect(await h.port.sheetNames()).toEqual(['Data', 'Mitt blad']);
  });

  test('cells read as typed values, empty as null', async () => {
    const h = await make(SEED);
    const [data] = await h.port.readSheets(['Data']);
    expect(data?.cells.slice(0, 3)).toEqual([
      ['Konto', 'Text', 'Belopp', 'Sant'],
      [1930, 'Bank', 12.5, true],
      [3511, '=inte en formel', -12.5, false],
    ]);
    expect(data?.cells[4]?.slice(0, 3)).toEqual([4610, 'sista', 0]);
    expect(data?.generated).toBe(false);
  });

  test('written sheets read back, carry the marker and are protected', async () => {
    const h = await make(SEED);
    const out = await h.port.writeSheets([spec('Resultaträkning', true)]);
    expect(out.written).toEqual([{ wanted: 'Resultaträkning', name: 'Resultaträkning' }]);
    const [r] = await h.port.readSheets(['Resultaträkning']);
    expect(r?.generated).toBe(true);
    expect(r?.cells[5]).toEqual(['Intäkter', 1234.5]);
    expect(h.isProtected('Resultaträkning')).toBe(true);
  });

  test('a second write replaces the generated sheet whole', async () => {
    const h = await make(SEED);
    await h.port.writeSheets([spec('Resultaträkning', true, ['gammal rad'])]);
    const out = await h.port.writeSheets([spec('Resultaträkning', true)]);
    expect(out.replaced).toEqual(['Resultaträkning']);
    expect((await h.port.sheetNames()).filter((n) => n.startsWith('Resultat'))).toEqual(['Resultaträkning']);
    const [r] = await h.port.readSheets(['Resultaträkning']);
    expect(r?.cells.flat()).not.toContain('gammal rad');
  });

  test("a user's own sheet with the report's name is left alone", async () => {
    const h = await make({ ...SEED, Balansräkning: [['min egen']] });
    const out = await h.port.writeSheets([spec('Balansräkning', true)]);
    expect(out.written[0]?.name).toBe('Balansräkning (Finsam)');
    const [own] = await h.port.readSheets(['Balansräkning']);
    expect(own?.cells).toEqual([['min egen']]);
    const again = await h.port.writeSheets([spec('Balansräkning', true)]);
    expect(again.written[0]?.name).toBe('Balansräkning (Finsam)');
    expect(again.replaced).toEqual(['Balansräkning (Finsam)']);
  });

  test('text that starts with = + - @ stays text', async () => {
    const h = await make(SEED);
    const texts = ['=SUMMA(A1:A2)', '+46 70', '-inte minus', '@hemma'];
    await h.port.writeSheets([spec('Kontroller', true, texts)]);
    const [k] = await h.port.readSheets(['Kontroller']);
    expect(k?.cells.slice(6).map((r) => r[0])).toEqual(texts);
  });

  test('a linked cell shows its value and goes to the cell it names', async () => {
    const h = await make(SEED);
    const linked: SheetSpec = {
      ...spec('Kontroller', true),
      rows: [...spec('Kontroller', true).rows, [{ value: 'B3', link: { sheet: 'Mitt blad', cell: 'B3' }, style: LINK_STYLE }, { value: 12, link: { sheet: 'Data', cell: 'c2' } }]],
    };
    await h.port.writeSheets([linked]);
    const [k] = await h.port.readSheets(['Kontroller']);
    expect(k?.cells[6]).toEqual(['B3', 12]);
    expect(await h.linkOf('Kontroller', 'A7')).toBe("'Mitt blad'!B3");
    expect(await h.linkOf('Kontroller', 'B7')).toBe("'Data'!C2");
    expect(await h.linkOf('Kontroller', 'A6')).toBeUndefined();
    expect(h.isProtected('Kontroller')).toBe(true);
  });

  test('the pipeline gives the same bokslut through the adapter', async () => {
    const source = await openExample('solleftea-2024.xlsx');
    const snaps = await source.readSheets(await source.sheetNames());
    const seed: Seed = Object.fromEntries(snaps.map((s) => [s.name, s.cells.map((r) => r.map(toScalar))]));
    const h = await make(seed);
    const result = await reportsRun(h.port, { version: 'test', now: FIXED_NOW });
    expect(result.status).toBe('skrivet');
    expect(moneyToFixed2(statementRow(result.bokslut!.resultatrakning, 'Årets resultat')!.amounts[0]!)).toBe('236500.00');
    const [rr] = await h.port.readSheets(['Resultaträkning']);
    expect(rr?.cells.find((r) => r[0] === 'Årets resultat')?.[1]).toBe(236500);
  });
});

describe.each([
  [
    'xlsx',
    async (): Promise<WorkbookPort> => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Insatser');
      FORMATTED.rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
      FORMATTED.formats.forEach(([address, format]) => (ws.getCell(address).numFmt = format));
      FORMATTED.merges.forEach((m) => ws.mergeCells(m));
      return XlsxWorkbook.fromBuffer(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    },
  ],
  [
    'office (memory host)',
    async (): Promise<WorkbookPort> => {
      const host = new MemoryExcelHost();
      const sheet = host.addSheet('Insatser', FORMATTED.rows);
      FORMATTED.formats.forEach(([address, format]) => {
        const a = addressParse(address);
        (sheet.numberFormats[a.row] ??= [])[a.col] = format;
      });
      FORMATTED.merges.forEach((m) => host.merge('Insatser', m));
      return memoryWorkbook(host);
    },
  ],
])('%s: number formats and merged cells', (_label, make) => {
  test('a percent-formatted number is read as percent, a merged range in its top-left cell only', async () => {
    const [sheet] = await (await make()).readSheets(['Insatser']);
    expect(sheet?.cells).toEqual([['Insatser 2024'], ['Post', 'Andel individinriktad'], ['SamCoach', { percent: 1.5 }], ['Kansli', { percent: 0.25 }, 12]]);
    expect(sheet?.merges).toEqual([
      { row: 1, col: 1, rows: 1, cols: 3 },
      { row: 2, col: 2, rows: 1, cols: 2 },
    ]);
  });
});

function toScalar(v: CellValue): string | number | boolean | null {
  if (v === null || typeof v !== 'object') return v;
  return 'date' in v ? v.date : 'percent' in v ? v.percent : v.error;
}

describe('office adapter round trips', () => {
  const ledger = (rows: number): Seed => ({
    Huvudbok: [['Datum', 'Ver.nr', 'Konto', 'Kontonamn', 'Projekt', 'Text', 'Debet', 'Kredit'], ...Array.from({ length: rows }, (_, i) => [45366, Math.floor(i / 2) + 1, i % 2 ? 1930 : 4610, '', 100, 'text', i % 2 ? null : 100, i % 2 ? 100 : null])],
  });

  test('a 1 000-row and a 10 000-row ledger take the same number of round trips', async () => {
    const counts: number[] = [];
    for (const rows of [1000, 10000]) {
      const host = new MemoryExcelHost();
      for (const [name, r] of Object.entries(ledger(rows))) host.addSheet(name, r);
      const port = memoryWorkbook(host);
      const snaps = await port.readSheets(await port.sheetNames());
      await port.writeSheets([spec('Resultaträkning', true), spec('Kontroller', true)]);
      expect(snaps[0]?.cells).toHaveLength(rows + 1);
      counts.push(host.syncCount);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(6);
  });

  test('100 000 ledger rows add one round trip per extra block of rows, nothing more', async () => {
    const run = async (rows: number) => {
      const host = new MemoryExcelHost();
      for (const [name, r] of Object.entries(ledger(rows))) host.addSheet(name, r);
      const port = memoryWorkbook(host);
      await port.readSheets(await port.sheetNames());
      await port.writeSheets([spec('Resultaträkning', true), spec('Kontroller', true)]);
      expect(host.largestPayload).toBeLessThanOrEqual(5 * 1024 * 1024);
      return host.syncCount;
    };
    const small = await run(1000);
    const large = await run(100_000);
    const blocks = Math.ceil(100_001 / rowsPerReadBlock(8));
    expect(blocks).toBeGreaterThan(1);
    expect(large - small).toBe(blocks - 1);
  });

  test('links are set with the styles, in blocks within the payload limit', async () => {
    const linkedRows = (n: number): SheetSpec => ({
      ...spec('Granskning', true),
      rows: [...spec('Granskning', true).rows, ...Array.from({ length: n }, (_, i) => [{ value: `B${i + 1}`, link: { sheet: 'Huvudbok', cell: `B${i + 1}` }, style: LINK_STYLE }])],
    });
    const run = async (rows: number) => {
      const host = new MemoryExcelHost();
      host.addSheet('Huvudbok', [['Datum']]);
      await memoryWorkbook(host).writeSheets([linkedRows(rows)]);
      expect(host.sheet('Granskning')?.hyperlinks.size).toBe(rows);
      expect(host.largestPayload).toBeLessThanOrEqual(5 * 1024 * 1024);
      return host.syncCount;
    };
    const few = await run(10);
    expect(few).toBeLessThanOrEqual(3);
    // 40 000 links and their styles: a few blocks near the payload budget, not one per cell.
    expect(await run(40_000)).toBeLessThanOrEqual(few + 8);
  });

  test('a 200 000-row sheet is read in blocks within the payload limit', async () => {
    const host = new MemoryExcelHost();
    for (const [name, r] of Object.entries(ledger(200_000))) host.addSheet(name, r);
    const port = memoryWorkbook(host);
    const [sheet] = await port.readSheets(['Huvudbok']);
    expect(sheet?.cells).toHaveLength(200_001);
    expect(host.largestPayload).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(host.syncCount).toBeGreaterThan(2);
    expect(host.syncCount).toBeLessThan(20);
  });

  test('the memory host enforces load before read and protection', async () => {
    const host = new MemoryExcelHost();
    host.addSheet('A', [[1]]);
    await expect(host.run(async (ctx) => ctx.workbook.worksheets.getItem('A').getRange('A1').values)).rejects.toThrow(/PropertyNotLoaded/);
    host.sheet('A')!.protected = true;
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('A').getRange('A1').values = [[2]];
        await ctx.sync();
      }),
    ).rejects.toThrow(/AccessDenied/);
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('A').protection.protect();
        await ctx.sync();
      }),
    ).rejects.toThrow(/redan skyddat/);
  });
});
