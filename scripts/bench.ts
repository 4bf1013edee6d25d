// Benchmark: the whole bokslut from ledger rows to every statement, check and rendered sheet
// (summarise, positions, resultaträkning, balansräkning, driftredovisning, Kontroller) on
// generated balanced ledgers of 10 000, 100 000 and 1 000 000 rows, each size in a fresh
// process so that its peak memory is its own. Parsing .xlsx is measured separately.
//   npm run bench:compute [-- --sizes 10000,100000] [--xlsx-rows 100000]
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { bokslutCompute } from '../src/core/bokslut';
import { type InsatsLine } from '../src/core/insatser';
import { type LedgerRow } from '../src/core/ledger';
import { moneyFormatKr } from '../src/core/money';
import { settingsEmpty } from '../src/core/settings';
import { statementRow } from '../src/core/statement';
import { ledgerRead } from '../src/sheets/ledgerReader';
import { bokslutSheets } from '../src/sheets/render';
import { XlsxWorkbook } from '../src/workbook/xlsx';

const PROJEKT = ['100', '110', '120', '130', '140', '150', '160', '170', '180', '190', '199', '200', '210', '220', '230', '240', '250', '260', '900', '910'];
const COSTS = ['4610', '4620', '5410', '6590', '7010', '7110'];
const INCOME = ['3511', '3512', '3513'];

/** A small seeded PRNG (mulberry32), so every run measures the same rows. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Balanced rows: IB at the start of 2023, then vouchers of two rows over 2023 and 2024. */
export function ledgerGenerate(size: number): LedgerRow[] {
  const rnd = prng(size);
  const rows: LedgerRow[] = [];
  // Rows as the huvudbok reader makes them: one object literal with every field, in order.
  const row = (account: string, year: number, ore: number, isIB: boolean, projekt: string, voucher: string): LedgerRow => ({ account, year, ore, isIB, projekt, voucher, sheet: 'Huvudbok', row: rows.length + 5, col: 7 });
  const ib: [string, number][] = [
    ['1930', 150_000_000],
    ['1510', 2_000_000],
    ['2440', -12_000_000],
    ['2010', -140_000_000],
  ];
  for (const [account, ore] of ib) rows.push(row(account, 2023, ore, true, '', ''));
  let voucher = 0;
  while (rows.length + 2 <= size) {
    voucher++;
    const year = voucher % 2 === 0 ? 2024 : 2023;
    const ore = 100 + Math.floor(rnd() * 5_000_000);
    const kind = rnd();
    const v = String(voucher);
    let a: [string, number, string];
    let b: [string, number, string];
    if (kind < 0.15) {
      a = ['1930', ore, ''];
      b = [INCOME[voucher % INCOME.length] as string, -ore, ''];
    } else if (kind < 0.9) {
      a = [COSTS[voucher % COSTS.length] as string, ore, PROJEKT[voucher % PROJEKT.length] as string];
      b = ['1930', -ore, ''];
    } else if (kind < 0.95) {
      a = ['1930', ore, ''];
      b = ['8410', -ore, ''];
    } else {
      a = ['8510', ore, ''];
      b = ['2440', -ore, ''];
    }
    rows.push(row(a[0], year, a[1], false, a[2], v));
    rows.push(row(b[0], year, b[1], false, b[2], v));
  }
  return rows;
}

function insatserFor(): InsatsLine[] {
  const cell = { sheet: 'Insatser', row: 1, col: 1 };
  const lines: InsatsLine[] = [{ name: 'Driftbidrag', projekt: [], accounts: [{ from: '3500', to: '3599' }], type: 'Medlemsbidrag', individShare: 0, cell }];
  for (const p of PROJEKT) lines.push({ name: `Insats ${p}`, projekt: [p], accounts: [], type: p.startsWith('9') ? 'Administration' : 'Individinriktad', individShare: 1, cell });
  lines.push({ name: 'Finansiella poster', projekt: [], accounts: [{ from: '8400', to: '8599' }], type: 'Finansiell post', individShare: 0, cell });
  return lines;
}

interface OneResult {
  rows: number;
  ms: number;
  /** RSS with the rows in memory, before the run. */
  rssBeforeMiB: number;
  /** Peak RSS of the process before the run (generation) and over the whole process. */
  maxRssBeforeMiB: number;
  maxRssMiB: number;
  /** Heap growth: after the run, minus before (the rows excluded). */
  heapGrowthMiB: number;
  result: string;
  checks: string;
}

function runOne(size: number): OneResult {
  const rows = ledgerGenerate(size);
  const insatser = insatserFor();
  const settings = { ...settingsEmpty, year: 2024, forbund: 'Benchmark' };
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  const start = process.hrtime.bigint();
  const computed = bokslutCompute({ settings, ledger: { sources: ['Huvudbok'], rows, accountNames: new Map(), hasVouchers: true }, budget: undefined, insatser, kontoplan: [] });
  const b = computed.bokslut;
  if (!b) throw new Error(`inget bokslut: ${computed.findings.map((f) => f.message).join('; ')}`);
  const sheets = bokslutSheets(b, computed.findings, { forbund: b.forbund, year: b.year, unit: 'kr', version: 'bench', generatedAt: new Date().toISOString(), sources: [{ name: 'Huvudbok', rows: size }], checksum: '00000000' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const heapGrowthMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const passed = b.reconciliations.filter((r) => r.passed).length;
  const expectedSheets = ['Resultaträkning', 'Balansräkning', 'Noter', 'Driftredovisning', 'Kassaflödesanalys', 'Balanskravsresultat', 'Nyckeltal', 'Flerårsöversikt', 'Kontroller'];
  if (sheets.map((s) => s.name).join() !== expectedSheets.join()) throw new Error(`bladen ${expectedSheets.join(', ')} väntades, fick ${sheets.map((s) => s.name).join(', ')}`);
  return {
    rows: rows.length,
    ms,
    rssBeforeMiB: rssBefore / 2 ** 20,
    maxRssBeforeMiB: maxRssBefore / 2 ** 20,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    heapGrowthMiB,
    result: moneyFormatKr(statementRow(b.resultatrakning, 'Årets resultat')!.amounts[0]!),
    checks: `${passed}/${b.reconciliations.length}`,
  };
}

async function xlsxParse(size: number): Promise<{ rows: number; loadMs: number; readMs: number; parseMs: number; bytes: number }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Huvudbok');
  ws.addRow(['Datum', 'Ver.nr', 'Konto', 'Kontonamn', 'Projekt', 'Text', 'Debet', 'Kredit']);
  for (const r of ledgerGenerate(size)) {
    const date = new Date(Date.UTC(r.year, 0, 1 + (r.row % 360)));
    ws.addRow([date, r.isIB ? 'IB' : Number(r.voucher), Number(r.account), '', r.projekt === '' ? null : Number(r.projekt), '', r.ore > 0 ? r.ore / 100 : null, r.ore < 0 ? -r.ore / 100 : null]);
  }
  const buffer = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const t0 = process.hrtime.bigint();
  const book = await XlsxWorkbook.fromBuffer(buffer);
  const t1 = process.hrtime.bigint();
  const [sheet] = await book.readSheets(['Huvudbok']);
  const t2 = process.hrtime.bigint();
  const read = ledgerRead(sheet!);
  const t3 = process.hrtime.bigint();
  return { rows: read.ledger?.rows.length ?? 0, loadMs: Number(t1 - t0) / 1e6, readMs: Number(t2 - t1) / 1e6, parseMs: Number(t3 - t2) / 1e6, bytes: buffer.length };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

async function mainBench(): Promise<void> {
  const one = arg('--one');
  if (one) {
    process.stdout.write(`${JSON.stringify(runOne(Number(one)))}\n`);
    return;
  }
  const sizes = (arg('--sizes') ?? '10000,100000,1000000').split(',').map(Number);
  const xlsxRows = Number(arg('--xlsx-rows') ?? '100000');
  console.log(`Finsam Ekonomi – benchmark (Node ${process.version}, ${process.platform}/${process.arch})`);
  console.log('Hela bokslutet från rader till alla rapporter, kontroller och renderade blad:');
  console.log(`${pad('rader', 10)} ${pad('tid (ms)', 10)} ${pad('körningens topp (MiB)', 22)} ${pad('RSS med rader (MiB)', 20)} ${pad('processens topp (MiB)', 22)} ${pad('årets resultat 2024', 22)} ${pad('kontroller', 11)}`);
  for (const size of sizes) {
    const child = spawnSync(process.execPath, ['--expose-gc', '-r', 'ts-node/register/transpile-only', __filename, '--one', String(size)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) {
      console.log(`${pad(size, 10)}  misslyckades: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
      continue;
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop() as string) as OneResult;
    // The run's own peak: what the process's peak rose above the RSS it had with the rows
    // loaded; when the peak was reached while generating the rows, the run stayed below it.
    const runPeak = r.maxRssMiB > r.maxRssBeforeMiB ? (r.maxRssMiB - r.rssBeforeMiB).toFixed(0) : `≤ ${(r.maxRssBeforeMiB - r.rssBeforeMiB).toFixed(0)}`;
    console.log(`${pad(r.rows, 10)} ${pad(r.ms.toFixed(0), 10)} ${pad(runPeak, 22)} ${pad(r.rssBeforeMiB.toFixed(0), 20)} ${pad(r.maxRssMiB.toFixed(0), 22)} ${pad(r.result, 22)} ${pad(r.checks, 11)}`);
  }
  console.log('Körningens topp = högsta RSS under körningen minus RSS med raderna inlästa (raderna är indata).');
  console.log('Processens topp gäller hela processen: Node, ts-node, genereringen av raderna och körningen.');
  if (xlsxRows > 0) {
    const x = await xlsxParse(xlsxRows);
    console.log('');
    console.log('Parsning av .xlsx (ingår inte ovan):');
    console.log(`${pad('rader', 10)} ${pad('fil (MiB)', 10)} ${pad('exceljs läser (ms)', 19)} ${pad('celler (ms)', 12)} ${pad('huvudbok (ms)', 14)}`);
    console.log(`${pad(x.rows, 10)} ${pad((x.bytes / 2 ** 20).toFixed(1), 10)} ${pad(x.loadMs.toFixed(0), 19)} ${pad(x.readMs.toFixed(0), 12)} ${pad(x.parseMs.toFixed(0), 14)}`);
  }
}

void mainBench();
