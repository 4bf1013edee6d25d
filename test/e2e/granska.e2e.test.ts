// Granska tabeller in the task pane, in real Chromium (Debian's chromium through
// playwright-core), the pane built by webpack as in production and served locally; every
// outside request is blocked.
// 1. Browser mode: open test/plans/kramfors-2010.xlsx, Granska tabeller; the summary, exactly
//    the plan's two slips (Budget!C63, Budget!D63) as avvikelser and its two rounding
//    differences (B39, B40) as avrundning, with the figures in Swedish; entries are not links
//    (no Excel to select in); Ladda ned gives the workbook with the Granskning sheet.
// 2. Excel mode (office.js replaced by the in-memory Excel host, test/e2e/officeStub.ts): an
//    entry clicked selects its cell; a workbook without tables shows why nothing was written.
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
type StubWindow = Window & { __host: MemoryExcelHost };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} saknas: CI installerar chromium (apt-get install -y chromium) och hoppar aldrig över webbläsartesterna.`);
if (!haveChromium) console.warn(`Hoppar över webbläsartesterna: ${CHROMIUM} finns inte (apt-get install -y chromium).`);
const e2e = haveChromium ? describe : describe.skip;
const SCREENSHOTS = path.join(ROOT, 'docs');
const PLAN = path.join(ROOT, 'test', 'plans', 'kramfors-2010.xlsx');

jest.setTimeout(180_000);

/** webpack in a child process (it cannot run inside jest's module sandbox). */
function webpackBuild(args: string[]): void {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), ...args], { cwd: ROOT, stdio: 'pipe' });
}

const toScalar = (v: CellValue): string | number | boolean | null => (v === null || typeof v !== 'object' ? v : 'date' in v ? v.date : 'percent' in v ? v.percent : v.error);

/** A workbook's sheets as the stub host's JSON: rows of plain values per sheet. */
async function sheetsJson(file: string): Promise<string> {
  const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
  const snaps = await wb.readSheets(await wb.sheetNames());
  return JSON.stringify(Object.fromEntries(snaps.map((s) => [s.name, s.cells.map((r) => r.map(toScalar))])));
}

/** The entries listed under a heading (Avvikelser, Avrundningsdifferenser): their cells. */
function listed(page: Page, title: string): Promise<(string | null)[]> {
  return page.getByRole('list', { name: title }).locator('[data-cell]').evaluateAll((items) => items.map((i) => i.getAttribute('data-cell')));
}

let dir: string;
let server: http.Server;
let base: string;
let browser: Browser;

e2e('Granska tabeller in Chromium', () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'finsam-e2e-granska-'));
    const dist = path.join(dir, 'dist');
    webpackBuild(['--mode', 'production', '--output-path', dist]);
    webpackBuild(['--config', path.join(__dirname, 'stub.webpack.config.js'), '--env', `out=${dir}`]);
    const data: Record<string, string> = {
      kramfors: await sheetsJson(PLAN),
      tom: JSON.stringify({ Anteckningar: [['Möte 12 november'], ['Inga tabeller här']] }),
    };
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const stub = /^\/stub-data\/(\w+)\.json$/.exec(url.pathname);
      if (stub && data[stub[1] as string]) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(data[stub[1] as string]);
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
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(officeJs: 'none' | 'stub', query: string): Promise<Page> {
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
  }

  test('browser mode: the plan’s two slips and two rounding differences; screenshot; download with Granskning', async () => {
    const page = await open('none', '?steg=rapporter');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Öppna arbetsbok…' }).click();
    await (await chooser).setFiles(PLAN);
    await page.getByRole('button', { name: 'Generera rapporter' }).waitFor();
    await page.getByRole('tab', { name: 'Granska tabeller' }).click();
    await page.getByRole('button', { name: 'Granska tabeller' }).click();
    const summary = page.getByTestId('granska-sammanfattning');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).toBe('3 tabeller, 39 kontroller: 2 avvikelser, 2 avrundningsdifferenser');

    expect(await listed(page, 'Avvikelser')).toEqual(['Budget!C63', 'Budget!D63']);
    expect(await listed(page, 'Avrundningsdifferenser')).toEqual(['Budget!B39', 'Budget!B40']);
    const c63 = page.locator('[data-cell="Budget!C63"]');
    const text = (await c63.textContent()) as string;
    expect(text).toContain('Summa tillgångar');
    expect(text).toContain('2009-12-31 Prognos');
    expect(text).toContain('Tryckt 995 547 kr, väntat 994 547 kr');
    expect(text).toContain('differens +1 000 kr');
    expect(text).toContain('Balansräkningen balanserar');
    expect(await page.locator('[data-cell="Budget!D63"]').textContent()).toContain('differens +70 000 kr');
    expect(await page.locator('[data-cell="Budget!B39"]').textContent()).toContain('Tryckt 2 580 tkr, väntat 2 579,54 tkr');
    // No Excel to select a cell in: the entries are not offered as buttons.
    expect(await c63.getByRole('button').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'taskpane-granska.png'), fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ladda ned' }).click();
    const file = path.join(dir, 'kramfors-granskad.xlsx');
    await (await download).saveAs(file);
    const result = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
    const [sheet] = await result.readSheets(['Granskning']);
    expect(sheet?.generated).toBe(true);
    expect(sheet?.cells.filter((r) => r[10] === 'avvikelse').map((r) => `${r[0]}!${r[1]}`)).toEqual(['Budget!C63', 'Budget!D63']);
    const original = await XlsxWorkbook.fromBuffer(fs.readFileSync(PLAN));
    expect(await result.readSheets(['Budget'])).toEqual(await original.readSheets(['Budget']));
  });

  test('Excel mode: an avvikelse clicked selects its cell', async () => {
    const page = await open('stub', '?steg=rapporter&data=kramfors');
    await page.getByRole('tab', { name: 'Granska tabeller' }).click();
    await page.getByRole('button', { name: 'Granska tabeller' }).click();
    await page.getByTestId('granska-sammanfattning').waitFor({ timeout: 60_000 });
    expect(await listed(page, 'Avvikelser')).toEqual(['Budget!C63', 'Budget!D63']);
    expect(await page.evaluate(() => (window as unknown as StubWindow).__host.sheets.map((s) => s.name))).toContain('Granskning');
    await page.getByRole('button', { name: /^Budget!D63: Summa tillgångar, 2010-12-31 Budget\. .*Markera cellen$/ }).click();
    await page.waitForFunction(() => {
      const sel = (window as unknown as StubWindow).__host.selection;
      return sel?.sheet === 'Budget' && sel?.address === 'D63';
    });
  });

  test('Excel mode: a workbook without tables says why nothing was written', async () => {
    const page = await open('stub', '?steg=rapporter&data=tom');
    await page.getByRole('tab', { name: 'Granska tabeller' }).click();
    await page.getByRole('button', { name: 'Granska tabeller' }).click();
    await page.getByText(/^Arbetsboken har inga tabeller med summor eller resultat att granska/).waitFor();
    expect(await page.evaluate(() => (window as unknown as StubWindow).__host.sheets.map((s) => s.name))).toEqual(['Anteckningar']);
  });
});
