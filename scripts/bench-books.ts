// The user's path, measured: the Sollefteå books spread over N ledger rows (every voucher
// split into equal parts, so the totals and figures stay the same), written as .xlsx; then
// `finsam rapporter` end to end as a fresh process, beside exceljs's streaming read of the
// same file and LibreOffice's open-and-save where `soffice` exists — time, peak memory and
// the ratios — and the Office adapter's round trips per size in the in-memory Excel host;
// then the example with a million empty formatted rows under its huvudbok.
//   npm run bench:books [-- --sizes 10000,100000,1000000] [--formaterade 1000000] [--timeout 600]   (npm run bench runs it, then the calculation alone)
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { MemoryExcelHost, memoryWorkbook } from '../src/workbook/memory';
import { type CellValue } from '../src/workbook/port';
import { XlsxWorkbook } from '../src/workbook/xlsx';
import { xlsxPackageInspect } from '../src/workbook/xlsxFile';
import { zipEntries, zipEntryText, type ZipOut, zipWrite } from '../src/workbook/zip';

const ROOT = path.join(__dirname, '..');
const EXAMPLE = path.join(ROOT, 'examples', 'solleftea-2024.xlsx');
const MAXRSS = path.join(__dirname, 'bench-maxrss.js');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

type Row = (string | number | Date | null)[];

const toPlain = (v: CellValue): string | number | Date | null => {
  if (v === null || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if ('date' in v) return new Date(Math.round((v.date - 25569) * 86400000));
  if ('percent' in v) return v.percent;
  return null;
};

/** The example's huvudbok with every voucher split so that the sheet has about `size` rows. */
function spreadRows(ledger: readonly Row[], headerRow: number, size: number): Row[] {
  const head = ledger.slice(0, headerRow);
  const body = ledger.slice(headerRow).filter((r) => r.some((v) => v !== null && v !== ''));
  const ib = body.filter((r) => r[1] === 'IB');
  const rest = body.filter((r) => r[1] !== 'IB');
  const parts = Math.max(1, Math.round((size - ib.length) / rest.length));
  const out: Row[] = [...head, ...ib];
  // Debet in column 7, Kredit in 8 (1-based): each part gets whole öre, the last the remainder.
  const split = (amount: number | null, i: number): number | null => {
    if (amount === null || typeof amount !== 'number') return amount;
    const ore = Math.round(amount * 100);
    const share = Math.trunc(ore / parts);
    return (i === parts - 1 ? ore - share * (parts - 1) : share) / 100;
  };
  for (let i = 0; i < parts; i++) {
    for (const r of rest) {
      const copy = [...r];
      copy[1] = parts > 1 ? `${String(r[1])}-${i + 1}` : (r[1] ?? null);
      copy[6] = split(r[6] as number | null, i);
      copy[7] = split(r[7] as number | null, i);
      out.push(copy);
    }
  }
  return out;
}

async function booksWrite(size: number, file: string): Promise<number> {
  const source = await XlsxWorkbook.fromBuffer(fs.readFileSync(EXAMPLE));
  const snaps = await source.readSheets(await source.sheetNames());
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  let rows = 0;
  for (const s of snaps) {
    const ws = writer.addWorksheet(s.name);
    const plain = s.cells.map((r) => r.map(toPlain));
    const data = s.name === 'Huvudbok' ? spreadRows(plain, 4, size) : plain;
    if (s.name === 'Huvudbok') rows = data.length - 4;
    for (const r of data) {
      const row = ws.addRow(r);
      r.forEach((v, c) => {
        if (v instanceof Date) row.getCell(c + 1).numFmt = 'yyyy-mm-dd';
      });
      row.commit();
    }
    ws.commit();
  }
  await writer.commit();
  return rows;
}

/**
 * The example with its huvudbok formatted down `rows` rows below the books: every empty row
 * and cell carries a style (a sheet formatted to the bottom, as many are), nothing else changes.
 */
async function formattedWrite(rows: number, file: string): Promise<void> {
  const bytes = new Uint8Array(fs.readFileSync(EXAMPLE));
  const part = (await xlsxPackageInspect(bytes)).worksheets?.find((w) => w.name === 'Huvudbok')?.part;
  const entries = zipEntries(bytes);
  const entry = part ? (entries.get(part) ?? entries.get(`/${part}`)) : undefined;
  if (!entry) throw new Error('Huvudbok saknas i exemplet');
  const xml = await zipEntryText(bytes, entry);
  const last = Math.max(...[...xml.matchAll(/<row [^>]*r="(\d+)"/g)].map((m) => Number(m[1])));
  const close = xml.indexOf('</sheetData>');
  const pieces: string[] = [xml.slice(0, close)];
  for (let r = last + 1; r <= last + rows; r++) {
    let row = `<row r="${r}" s="1" customFormat="1" ht="15" customHeight="1">`;
    for (const c of 'ABCDEFGH') row += `<c r="${c}${r}" s="1"/>`;
    pieces.push(`${row}</row>`);
  }
  pieces.push(xml.slice(close));
  const out: ZipOut[] = [...entries.values()].map((e) => (e === entry ? { kind: 'new', name: e.name, data: Buffer.from(pieces.join('')) } : { kind: 'copy', entry: e }));
  fs.writeFileSync(file, await zipWrite(bytes, out));
}

interface Measured {
  ms: number;
  stdout?: string;
  maxRssMiB: number | undefined;
  ok: boolean;
  note: string;
}

/** A fresh Node process, its wall time and peak RSS (reported by the preload at exit). */
function nodeRun(args: readonly string[], timeoutS: number): Measured {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-r', MAXRSS, ...args], { cwd: ROOT, encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 64 * 2 ** 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = /FINSAM_MAXRSS_KB=(\d+)/.exec(child.stderr ?? '');
  const ok = child.status === 0 || child.status === 1;
  const note = child.error ? `avbruten: ${child.error.message}` : ok ? '' : (child.stderr ?? '').trim().split('\n').slice(-1)[0] ?? '';
  return { ms, maxRssMiB: rss ? Number(rss[1]) / 1024 : undefined, ok, note, stdout: child.stdout ?? '' };
}

function sofficeRun(file: string, timeoutS: number): Measured | undefined {
  const which = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  if (which.status !== 0) return undefined;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'finsam-lo-'));
  const started = process.hrtime.bigint();
  const child = spawnSync('/usr/bin/time', ['-f', 'MAXRSS_KB=%M', 'soffice', '--headless', '--convert-to', 'xlsx', '--outdir', out, file], { encoding: 'utf8', timeout: timeoutS * 1000 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = /MAXRSS_KB=(\d+)/.exec(child.stderr ?? '');
  fs.rmSync(out, { recursive: true, force: true });
  return { ms, maxRssMiB: rss ? Number(rss[1]) / 1024 : undefined, ok: child.status === 0, note: child.status === 0 ? '' : 'misslyckades' };
}

/** Round trips the Office adapter makes to read the books of this size in the in-memory Excel host. */
async function officeRoundTrips(file: string): Promise<number> {
  const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
  const snaps = await wb.readSheets(await wb.sheetNames());
  const host = new MemoryExcelHost();
  for (const s of snaps) host.addSheet(s.name, s.cells.map((r) => r.map((v) => (v === null || typeof v !== 'object' ? v : 'date' in v ? v.date : 'percent' in v ? v.percent : null))));
  const port = memoryWorkbook(host);
  host.syncCount = 0;
  await port.readSheets(await port.sheetNames());
  return host.syncCount;
}

const pad = (v: string | number, n: number) => String(v).padStart(n);
const mib = (m: Measured | undefined) => (m?.maxRssMiB === undefined ? '–' : m.maxRssMiB.toFixed(0));
const secs = (m: Measured | undefined) => (m === undefined ? '–' : m.ok ? (m.ms / 1000).toFixed(1) : `(${m.note.slice(0, 40)})`);

async function mainBench(): Promise<void> {
  const sizes = (arg('sizes') ?? '10000,100000').split(',').map(Number);
  const timeoutS = Number(arg('timeout') ?? 600);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'finsam-bench-'));
  console.log(`Finsam Ekonomi – användarens väg (Node ${process.version}, ${os.cpus().length} kärnor)`);
  console.log(`${pad('rader', 9)} ${pad('fil MiB', 8)} ${pad('finsam s', 9)} ${pad('MiB', 6)} ${pad('exceljs ström s', 16)} ${pad('MiB', 6)} ${pad('kvot', 6)} ${pad('LibreOffice s', 14)} ${pad('MiB', 6)} ${pad('Excel-tur', 10)}  årets resultat`);
  for (const size of sizes) {
    const file = path.join(dir, `bok-${size}.xlsx`);
    const rows = await booksWrite(size, file);
    const finsam = nodeRun(['bin/finsam.js', 'rapporter', file, '--ut', path.join(dir, `ut-${size}.xlsx`)], timeoutS);
    const stream = nodeRun([path.join(__dirname, 'bench-stream-read.js'), file], timeoutS);
    const lo = sofficeRun(file, timeoutS);
    const trips = size <= 100_000 ? String(await officeRoundTrips(file)) : '–';
    const ratio = finsam.ok && stream.ok ? (finsam.ms / stream.ms).toFixed(2) : '–';
    console.log(`${pad(rows, 9)} ${pad((fs.statSync(file).size / 2 ** 20).toFixed(1), 8)} ${pad(secs(finsam), 9)} ${pad(mib(finsam), 6)} ${pad(secs(stream), 16)} ${pad(mib(stream), 6)} ${pad(ratio, 6)} ${pad(lo ? secs(lo) : 'saknas', 14)} ${pad(mib(lo), 6)} ${pad(trips, 10)}  ${/Årets resultat:\s*([^\n]+)/.exec(finsam.stdout ?? '')?.[1]?.trim() ?? '–'}`);
  }
  const formatted = Number(arg('formaterade') ?? 1_000_000);
  if (formatted > 0) {
    const file = path.join(dir, 'formaterad.xlsx');
    await formattedWrite(formatted, file);
    const run = nodeRun(['bin/finsam.js', 'rapporter', file, '--ut', path.join(dir, 'ut-formaterad.xlsx')], timeoutS);
    console.log(`${pad(formatted, 9)} ${pad((fs.statSync(file).size / 2 ** 20).toFixed(1), 8)} ${pad(secs(run), 9)} ${pad(mib(run), 6)}  tomma formaterade rader under exemplets huvudbok  ${/Årets resultat:\s*([^\n]+)/.exec(run.stdout ?? '')?.[1]?.trim() ?? '–'}`);
  }
  console.log('finsam = `finsam rapporter` i en ny process (läsa, räkna, skriva kopian); exceljs ström = exceljs WorkbookReader som läser alla rader;');
  console.log('kvot = finsam / exceljs ström; Excel-tur = context.sync() för att läsa böckerna med Office-adaptern (minnesvärden). Beräkningen ensam: npm run bench.');
  fs.rmSync(dir, { recursive: true, force: true });
}

void mainBench();
