// The task pane in real Chromium (Debian's chromium through playwright-core), built by
// webpack as in production and served locally; every outside request is blocked.
// 1. Browser mode: open examples/solleftea-2024.xlsx, Generera rapporter, Ladda ned; the
//    download has Årets resultat 236 500 kr and the source sheets' values unchanged.
// 2. Excel mode: office.js routed to a stub Excel host backed by the memory workbook; the
//    pane writes the sheets, a clicked finding selects its cell, and a run with blocking
//    findings writes nothing.
// 3. Kolumner: a ledger with two dimension columns whose codes both are in Insatser is
//    blocked until the user picks Projekt for one of them (Excel mode: the choice is kept in
//    the workbook's settings); a ledger whose header words are all unknown is blocked until
//    the user places Konto, Debet and Kredit in the row shown (browser mode, kept per file).
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { type Page } from 'playwright-core';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { EXAMPLES } from '../helpers';
import { e2e, type PaneServer, paneServe, SCREENSHOTS, sheetsJson, type StubWindow } from './pane';


/** Waits until Excel's selection is `address` on `sheet`. */
function selectionIs(page: Page, sheet: string, address: string): Promise<unknown> {
  return page.waitForFunction(([s, a]) => {
    const sel = (window as unknown as StubWindow).__host.selection;
    return sel?.sheet === s && sel?.address === a;
  }, [sheet, address] as const);
}

/** Picks an option of a native select by its text (the pane's choices are Fluent's Select). */
async function dropdownPick(_page: Page, select: ReturnType<Page['getByRole']>, option: string): Promise<void> {
  await select.selectOption({ label: option });
}

/** The text of a select's chosen option. */
function selectedText(select: ReturnType<Page['getByRole']>): Promise<string | undefined> {
  return select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? undefined);
}

const UNKNOWN_HEADER_FILE = 'solleftea-okanda-rubriker.xlsx';

jest.setTimeout(180_000);

const SOLLEFTEA = path.join(EXAMPLES, 'solleftea-2024.xlsx');

let pane: PaneServer;
let dir: string;
const open = (officeJs: 'none' | 'stub', query: string) => pane.open(officeJs, query);

e2e('task pane in Chromium', () => {
  beforeAll(async () => {
    pane = await paneServe('finsam-e2e-', async (folder) => {
      const data: Record<string, string> = {
        ok: await sheetsJson(SOLLEFTEA, (s) => {
          // One ledger row on a projekt the Insatser sheet does not have: a warning with a cell.
          const row = s.Huvudbok!.findIndex((r) => r[4] === 100);
          s.Huvudbok![row]![4] = 777;
        }),
        fel: await sheetsJson(SOLLEFTEA, (s) => {
          s.Huvudbok![9]![6] = 'tiotusen';
        }),
        // Projekt renamed "Dim 7", and a second dimension "Dim 8" (column I) with the same
        // codes: the add-in cannot tell which one holds the insatser.
        dim: await sheetsJson(SOLLEFTEA, (s) => {
          s.Huvudbok!.forEach((row, i) => {
            if (i < 3) return;
            while (row.length < 8) row.push(null);
            row[8] = i === 3 ? 'Dim 8' : (row[4] ?? null);
            if (i === 3) row[4] = 'Dim 7';
          });
        }),
      };
      // The example with header words the add-in does not know for Konto, Debet and Kredit.
      const unknown = new ExcelJS.Workbook();
      await unknown.xlsx.readFile(path.join(EXAMPLES, 'solleftea-2024.xlsx'));
      const ledger = unknown.getWorksheet('Huvudbok')!;
      ledger.getCell('C4').value = 'Kontokod';
      ledger.getCell('G4').value = 'Debetbelopp';
      ledger.getCell('H4').value = 'Kreditbelopp';
      await unknown.xlsx.writeFile(path.join(folder, UNKNOWN_HEADER_FILE));
      return data;
    });
    dir = pane.dir;
  });

  afterAll(async () => {
    await pane?.close();
  });

  test('browser mode: open, generate, download', async () => {
    const page = await open('none', '?steg=rapporter');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Öppna arbetsbok…' }).click();
    await (await chooser).setFiles(path.join(EXAMPLES, 'solleftea-2024.xlsx'));
    await page.getByRole('button', { name: 'Generera rapporter' }).click();
    await page.getByText('Rapporterna för 2024 är skrivna').waitFor();
    expect(await page.getByTestId('arets-resultat').textContent()).toBe('236 500 kr');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ladda ned' }).click();
    const file = path.join(dir, 'nedladdad.xlsx');
    await (await download).saveAs(file);

    const result = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
    const [rr] = await result.readSheets(['Resultaträkning']);
    expect(rr?.cells.find((r) => r[0] === 'Årets resultat')?.[1]).toBe(236500);
    const original = await XlsxWorkbook.fromBuffer(fs.readFileSync(path.join(EXAMPLES, 'solleftea-2024.xlsx')));
    const names = await original.sheetNames();
    expect(await result.readSheets(names)).toEqual(await original.readSheets(names));
  });

  test('Excel mode: writes the sheets, a clicked finding selects its cell; screenshots at 320 px', async () => {
    const page = await open('stub', '?steg=rapporter&data=ok&langsam=400');
    await page.getByRole('button', { name: 'Generera rapporter' }).waitFor();
    await expect(page.getByRole('button', { name: 'Öppna arbetsbok…' }).count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'taskpane-1-start.png'), fullPage: true });
    await page.getByRole('button', { name: 'Generera rapporter' }).click();
    await page.getByRole('progressbar', { name: /^Steg: / }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'taskpane-2-pagar.png'), fullPage: true });
    await page.getByText('Rapporterna för 2024 är skrivna').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'taskpane-3-resultat.png'), fullPage: true });
    const written = await page.evaluate(() => {
      const host = (window as unknown as StubWindow).__host;
      const rr = host.sheets.find((s) => s.name === 'Resultaträkning');
      return { names: host.sheets.map((s) => s.name), result: rr?.values.find((r) => r[0] === 'Årets resultat')?.[1], protected: rr?.protected };
    });
    expect(written.names).toEqual(expect.arrayContaining(['Resultaträkning', 'Balansräkning', 'Driftredovisning', 'Kontroller']));
    expect(written.result).toBe(236500);
    expect(written.protected).toBe(true);
    // The warning on the changed projekt points at the amount cell of the ledger row that holds it.
    const link = page.getByRole('button', { name: /^Markera cellen Huvudbok![A-Z]+\d+$/ }).first();
    const label = (await link.getAttribute('aria-label')) as string;
    const [, address] = /!([A-Z]+\d+)$/.exec(label) as RegExpExecArray;
    const referencedRow = await page.evaluate((addr) => {
      const host = (window as unknown as StubWindow).__host;
      const row = Number((addr.match(/\d+/) as RegExpMatchArray)[0]) - 1;
      return host.sheets.find((s) => s.name === 'Huvudbok')?.values[row];
    }, address as string);
    expect(referencedRow).toContain(777);
    await link.click();
    await selectionIs(page, 'Huvudbok', address as string);
  });

  test('Excel mode: blocking findings write nothing', async () => {
    const page = await open('stub', '?steg=rapporter&data=fel');
    const before = await page.evaluate(async () => {
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as StubWindow).__host.sheets.map((s) => s.name);
    });
    await page.getByRole('button', { name: 'Generera rapporter' }).click();
    await page.getByText(/^Inget skrevs: rätta/).waitFor();
    await page.getByRole('button', { name: 'Markera cellen Huvudbok!G10' }).waitFor();
    const after = await page.evaluate(() => (window as unknown as StubWindow).__host.sheets.map((s) => s.name));
    expect(after).toEqual(before);
  });

  test('Excel mode by keyboard alone; the choice of sheets is kept in the workbook', async () => {
    const page = await open('stub', `?steg=rapporter&data=ok&bladval=${encodeURIComponent(JSON.stringify({ kontoplan: 'Budget' }))}`);
    // The saved choice is read back from the workbook's settings.
    await expect(selectedText(page.getByRole('combobox', { name: 'Blad för Kontoplan' }))).resolves.toContain('Budget');
    await page.getByRole('combobox', { name: 'Blad för Kontoplan' }).focus();
    await page.keyboard.press('Home');
    await expect(selectedText(page.getByRole('combobox', { name: 'Blad för Kontoplan' }))).resolves.toContain('(inget blad)');
    const saved = await page.evaluate(() => (window as unknown as StubWindow).__host.settings.get('finsam.bladval'));
    expect(JSON.parse(saved as string)).not.toHaveProperty('kontoplan');
    // Tab on past the Kolumner panel's header to Generera rapporter and run it with Enter.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Kolumner');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Generera rapporter');
    await page.keyboard.press('Enter');
    await page.getByText('Rapporterna för 2024 är skrivna').waitFor();
    // A finding's cell reference is reached with Tab and followed with Enter.
    const link = page.getByRole('button', { name: /^Markera cellen / }).first();
    const label = (await link.getAttribute('aria-label')) as string;
    for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) !== label; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const [, sheet, address] = /^Markera cellen (.+)!([A-Z]+\d+)$/.exec(label) as RegExpExecArray;
    await selectionIs(page, sheet as string, address as string);
  });

  test('Kontrollera mål from the ribbon runs at once; filter; a goal clicked selects its Målkontroll row', async () => {
    const page = await open('stub', '?steg=mal&data=ok');
    await page.getByText(/^Målkontroll 2024: /).waitFor();
    const f1 = page.getByRole('button', { name: /^F1 2024: ej uppfyllt, utfall 28,97 %/ });
    await f1.waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'taskpane-4-mal.png'), fullPage: true });
    const written = await page.evaluate(() => (window as unknown as StubWindow).__host.sheets.find((s) => s.name === 'Målkontroll')?.protected);
    expect(written).toBe(true);
    // Filter on status: only the goal that is not met remains.
    await dropdownPick(page, page.getByRole('combobox', { name: 'Filtrera på status' }), 'Ej uppfyllt');
    await expect(page.locator('[data-status]').count()).resolves.toBe(1);
    await f1.click();
    await selectionIs(page, 'Målkontroll', 'A6');
  });

  test('browser mode: Kontrollera mål on a budget with plan years, and the download holds Målkontroll', async () => {
    const page = await open('none', '?steg=rapporter');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Öppna arbetsbok…' }).click();
    await (await chooser).setFiles(path.join(EXAMPLES, 'kramfors-budget-2024.xlsx'));
    await page.getByRole('button', { name: 'Generera rapporter' }).waitFor();
    await page.getByRole('tab', { name: 'Kontrollera mål' }).click();
    await page.getByText(/^Målkontroll 2024, 2025, 2026 \(budget och plan\)/).waitFor();
    await page.getByRole('button', { name: /^F3 2025: ej uppfyllt, utfall 62,39 %/ }).waitFor();
    await page.getByRole('button', { name: /^F3 2024: uppfyllt, utfall 80,56 %/ }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ladda ned' }).click();
    const file = path.join(dir, 'kramfors-mal.xlsx');
    await (await download).saveAs(file);
    const result = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
    const [sheet] = await result.readSheets(['Målkontroll']);
    expect(sheet?.generated).toBe(true);
    expect(sheet?.cells.filter((r) => r[6] === 'Ej uppfyllt').map((r) => `${r[0]} ${r[2]}`)).toEqual(['F3 2025', 'F3 2026']);
  });

  test('Excel mode loads no .xlsx code: exceljs is a chunk of its own, fetched only when a file is opened in the browser', () => {
    const dist = path.join(dir, 'dist');
    const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
    const initial = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1] as string).filter((src) => !src.startsWith('http'));
    expect(initial.length).toBeGreaterThan(0);
    for (const src of initial) expect(fs.readFileSync(path.join(dist, src), 'utf8')).not.toContain('JSZip');
    const chunks = fs.readdirSync(dist).filter((f) => f.endsWith('.js') && !initial.includes(f));
    expect(chunks.some((f) => fs.readFileSync(path.join(dist, f), 'utf8').includes('JSZip'))).toBe(true);
  });

  test('Kolumner: picking Projekt for one of two dimension columns unblocks the run; the choice is kept in the workbook', async () => {
    const page = await open('stub', '?steg=rapporter&data=dim');
    await page.getByRole('button', { name: 'Generera rapporter' }).click();
    await page.getByText(/^Inget skrevs: rätta/).waitFor();
    await expect(page.locator('[data-kod="dimension-oklar"]').count()).resolves.toBe(1);
    // The blocked run opens Kolumner: Dim 7 was taken as another dimension, by its header.
    const dim7 = page.getByRole('combobox', { name: 'Roll för kolumn E (Dim 7) i Huvudbok' });
    await expect(selectedText(dim7)).resolves.toBe('Dimension – annan dimension');
    const row = page.locator('[aria-label="Kolumner i Huvudbok"] [data-kolumn="E"]');
    await expect(row.getByTestId('kolumn-kalla').textContent()).resolves.toBe('enligt rubriken');
    await dropdownPick(page, dim7, 'Projekt – insats (projekt)');
    await expect(selectedText(dim7)).resolves.toBe('Projekt – insats (projekt)');
    await expect(row.getByTestId('kolumn-kalla').textContent()).resolves.toBe('ditt val');
    const saved = (await page.evaluate(() => (window as unknown as StubWindow).__host.settings.get('finsam.bladval'))) as string;
    expect(JSON.parse(saved)).toMatchObject({ ledger: 'Huvudbok', kolumner: [{ sheet: 'Huvudbok', column: 'Dim 7', role: 'Projekt' }] });
    await page.getByRole('button', { name: 'Kolumner (1 eget val)' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'taskpane-5-kolumner.png'), fullPage: true });

    await page.getByRole('button', { name: 'Generera rapporter' }).click();
    await page.getByText('Rapporterna för 2024 är skrivna').waitFor();
    expect(await page.getByTestId('arets-resultat').textContent()).toBe('236 500 kr');
    const samcoach = await page.evaluate(() => (window as unknown as StubWindow).__host.sheets.find((s) => s.name === 'Driftredovisning')?.values.find((r) => r[0] === 'SamCoach'));
    expect(samcoach?.slice(0, 3)).toEqual(['SamCoach', 0, -775000]);

    // The workbook opened again with its settings: the choice is still shown, and used.
    const again = await open('stub', `?steg=rapporter&data=dim&bladval=${encodeURIComponent(saved)}`);
    await again.getByRole('button', { name: 'Kolumner (1 eget val)' }).click();
    await expect(selectedText(again.getByRole('combobox', { name: 'Roll för kolumn E (Dim 7) i Huvudbok' }))).resolves.toBe('Projekt – insats (projekt)');
    await expect(again.locator('[aria-label="Kolumner i Huvudbok"] [data-kolumn="E"]').getByTestId('kolumn-kalla').textContent()).resolves.toBe('ditt val');
    await again.getByRole('button', { name: 'Generera rapporter' }).click();
    await again.getByText('Rapporterna för 2024 är skrivna').waitFor();
    expect(await again.getByTestId('arets-resultat').textContent()).toBe('236 500 kr');
  });

  test('browser mode, Kolumner: a ledger without a known header is placed by hand in the row shown; kept for the file', async () => {
    const page = await open('none', '?steg=rapporter');
    const openFile = async () => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Öppna arbetsbok…' }).click();
      await (await chooser).setFiles(path.join(dir, UNKNOWN_HEADER_FILE));
    };
    await openFile();
    // No header row was accepted: the panel is open and shows row 4, the row most like a header.
    await page.getByText('Ingen rubrikrad med Konto och Belopp (eller Debet och Kredit) hittades i Huvudbok. Rad 4 ser ut som rubriker').waitFor();
    await page.getByRole('button', { name: 'Generera rapporter' }).click();
    await page.getByText(/^Inget skrevs: rätta/).waitFor();
    await expect(page.locator('[data-kod="rubrikrad-saknas"]').count()).resolves.toBe(1);

    const pick = (column: string, option: string) => dropdownPick(page, page.getByRole('combobox', { name: `Roll för kolumn ${column} i Huvudbok` }), option);
    await expect(selectedText(page.getByRole('combobox', { name: 'Roll för kolumn C (Kontokod) i Huvudbok' }))).resolves.toBe('Ingen – används inte');
    await pick('C (Kontokod)', 'Konto – kontonummer');
    await expect(selectedText(page.getByRole('combobox', { name: 'Roll för kolumn C (Kontokod) i Huvudbok' }))).resolves.toBe('Konto – kontonummer');
    await pick('G (Debetbelopp)', 'Debet – debet');
    await pick('H (Kreditbelopp)', 'Kredit – kredit');
    // Now the header is found: every column with its role and how it was decided.
    await page.getByText('Rubrikerna står på rad 4.').waitFor();
    const sources = await page.locator('[aria-label="Kolumner i Huvudbok"] [data-kolumn]').evaluateAll((rows) =>
      rows.map((r) => `${r.getAttribute('data-kolumn')} ${r.querySelector('[data-testid="kolumn-kalla"]')?.textContent}`),
    );
    expect(sources).toEqual(expect.arrayContaining(['A enligt rubriken', 'C ditt val', 'G ditt val', 'H ditt val']));
    await page.getByRole('button', { name: 'Generera rapporter' }).click();
    await page.getByText('Rapporterna för 2024 är skrivna').waitFor();
    expect(await page.getByTestId('arets-resultat').textContent()).toBe('236 500 kr');
    const saved = await page.evaluate((name) => localStorage.getItem(`finsam.bladval:${name}`), UNKNOWN_HEADER_FILE);
    expect(JSON.parse(saved as string).kolumner).toEqual([
      { sheet: 'Huvudbok', column: 'Kontokod', role: 'Konto' },
      { sheet: 'Huvudbok', column: 'Debetbelopp', role: 'Debet' },
      { sheet: 'Huvudbok', column: 'Kreditbelopp', role: 'Kredit' },
    ]);

    // The page opened again with the same file: the choices come back and the run goes through at once.
    await page.reload();
    await openFile();
    await page.getByRole('button', { name: 'Kolumner (3 egna val)' }).click();
    await expect(selectedText(page.getByRole('combobox', { name: 'Roll för kolumn G (Debetbelopp) i Huvudbok' }))).resolves.toBe('Debet – debet');
    await page.getByRole('button', { name: 'Generera rapporter' }).click();
    await page.getByText('Rapporterna för 2024 är skrivna').waitFor();
    expect(await page.getByTestId('arets-resultat').textContent()).toBe('236 500 kr');
  });
});
