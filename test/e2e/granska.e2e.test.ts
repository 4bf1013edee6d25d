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
import * as path from 'path';
import { type Page } from 'playwright-core';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { ROOT } from '../helpers';
import { e2e, type PaneServer, paneServe, SCREENSHOTS, sheetsJson, type StubWindow } from './pane';

const PLAN = path.join(ROOT, 'test', 'plans', 'kramfors-2010.xlsx');

jest.setTimeout(180_000);

/** The entries listed under a heading (Avvikelser, Avrundningsdifferenser): their cells. */
function listed(page: Page, title: string): Promise<(string | null)[]> {
  return page.getByRole('list', { name: title }).locator('[data-cell]').evaluateAll((items) => items.map((i) => i.getAttribute('data-cell')));
}

let pane: PaneServer;
const open = (officeJs: 'none' | 'stub', query: string) => pane.open(officeJs, query);

e2e('Granska tabeller in Chromium', () => {
  beforeAll(async () => {
    pane = await paneServe('finsam-e2e-granska-', async () => ({
      kramfors: await sheetsJson(PLAN),
      tom: JSON.stringify({ Anteckningar: [['Möte 12 november'], ['Inga tabeller här']] }),
    }));
  });

  afterAll(async () => {
    await pane?.close();
  });

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
    const file = path.join(pane.dir, 'kramfors-granskad.xlsx');
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
