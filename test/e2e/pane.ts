// The harness the browser tests share: the pane built by webpack as in production (and the
// stub office.js, test/e2e/officeStub.ts), served on localhost with the stub host's workbooks
// as JSON, Debian's chromium driven by playwright-core, every outside request blocked.
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { type AddressInfo } from 'net';
import { execFileSync } from 'child_process';
import { type Browser, chromium, type Page } from 'playwright-core';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { type CellValue } from '../../src/workbook/port';
import { type MemoryExcelHost } from '../../src/workbook/memory';
import { ROOT } from '../helpers';

/** The page's window with the stub Excel host (test/e2e/officeStub.ts). */
export type StubWindow = Window & { __host: MemoryExcelHost };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} saknas: CI installerar chromium (apt-get install -y chromium) och hoppar aldrig över webbläsartesterna.`);
if (!haveChromium) console.warn(`Hoppar över webbläsartesterna: ${CHROMIUM} finns inte (apt-get install -y chromium).`);

/** describe where Chromium is, describe.skip (with a warning) where it is not — never under CI. */
export const e2e = haveChromium ? describe : describe.skip;
export const SCREENSHOTS = path.join(ROOT, 'docs');

/** webpack in a child process (it cannot run inside jest's module sandbox). */
function webpackBuild(args: string[]): void {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), ...args], { cwd: ROOT, stdio: 'pipe' });
}

const toScalar = (v: CellValue): string | number | boolean | null => (v === null || typeof v !== 'object' ? v : 'date' in v ? v.date : 'percent' in v ? v.percent : v.error);

export type StubSheets = Record<string, (string | number | boolean | null)[][]>;

/** A workbook's sheets as the stub host's JSON (rows of plain values per sheet), edited first if asked. */
export async function sheetsJson(file: string, edit?: (sheets: StubSheets) => void): Promise<string> {
  const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
  const snaps = await wb.readSheets(await wb.sheetNames());
  const sheets: StubSheets = Object.fromEntries(snaps.map((s) => [s.name, s.cells.map((r) => r.map(toScalar))]));
  edit?.(sheets);
  return JSON.stringify(sheets);
}

export interface PaneServer {
  /** The folder the build and any files the test writes live in. */
  readonly dir: string;
  open(officeJs: 'none' | 'stub', query: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Builds the pane and the stub, serves them with `data` (name → the stub host's JSON, at
 * /stub-data/<name>.json) and starts Chromium. `prepare` may write files into the folder first.
 */
export async function paneServe(prefix: string, data: (dir: string) => Promise<Record<string, string>>): Promise<PaneServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dist = path.join(dir, 'dist');
  webpackBuild(['--mode', 'production', '--output-path', dist]);
  webpackBuild(['--config', path.join(__dirname, 'stub.webpack.config.js'), '--env', `out=${dir}`]);
  const served = await data(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const stub = /^\/stub-data\/(\w+)\.json$/.exec(url.pathname);
    if (stub && served[stub[1] as string]) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(served[stub[1] as string]);
      return;
    }
    const file = path.join(dist, path.normalize(url.pathname).replace(/^[/\\]+/, ''));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html' : file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    dir,
    async open(officeJs, query) {
      const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 320, height: 900 } });
      const page = await context.newPage();
      await page.route('**/*', async (route) => {
        const url = route.request().url();
        if (url.startsWith(base)) return route.continue();
        if (url === OFFICE_JS && officeJs === 'stub') return route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(path.join(dir, 'office-stub.js'), 'utf8') });
        return route.abort();
      });
      await page.goto(`${base}/taskpane.html${query}`);
      return page;
    },
    async close() {
      await browser.close();
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
