// `finsam granska` on the published plans rebuilt as printed (test/plans): exit 0, the
// Granskning sheet written with one row per check, and exactly the plan's slips reported as
// avvikelse and its rounding differences as avrundning — the cells and figures the expected
// files give, computed independently of the checker — with the source sheets kept byte for byte.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import { zipEntries } from '../src/workbook/zip';
import { cliCapture } from './helpers';

const PLANS = path.join(__dirname, 'plans');

interface Difference { cell: string; forvantat: string; faktiskt: string; differens: string }
interface Expected { slips: Difference[]; rounding: Difference[] }

const capture = cliCapture;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'finsam-granska-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sameNumber = (a: string, b: string) => Number(a) === Number(b);

describe.each(['kramfors-2010', 'kramfors-2024', 'vasterdalarna-2024'])('%s', (name) => {
  test('the slips and rounding differences the plan contains, and nothing else', async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(PLANS, `${name}.expected.json`), 'utf8')) as Expected;
    const input = path.join(PLANS, `${name}.xlsx`);
    const output = path.join(dir, 'ut.xlsx');
    const c = capture();
    expect(await main(['granska', input, '--ut', output, '--json'], c.io)).toBe(0);
    const doc = JSON.parse(c.out[0]!) as { granskning: (Difference & { status: string; blad: string })[] };
    for (const [status, list] of [['avvikelse', expected.slips], ['avrundning', expected.rounding]] as const) {
      const found = doc.granskning.filter((g) => g.status === status);
      expect(found.map((g) => g.cell).sort()).toEqual(list.map((d) => d.cell).sort());
      for (const d of list) {
        const g = found.find((x) => x.cell === d.cell)!;
        // The plan's printed figure is the cell's; the expected one as computed from the table.
        expect(sameNumber(g.faktiskt, d.faktiskt)).toBe(true);
        expect(sameNumber(g.forvantat, d.forvantat)).toBe(true);
      }
    }
    // The Granskning sheet: one row per check below its header, statuses as in the JSON.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const ws = wb.getWorksheet('Granskning')!;
    const statuses: string[] = [];
    ws.eachRow((row, r) => {
      if (r > 5) statuses.push(String(row.getCell(11).value));
    });
    expect(statuses).toEqual(doc.granskning.map((g) => g.status));
    // Every part of the plan's package is in the copy as it was.
    const source = fs.readFileSync(input);
    const copy = fs.readFileSync(output);
    const before = zipEntries(source);
    const after = zipEntries(copy);
    for (const [part, entry] of before) {
      if (/^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml)$|^\[Content_Types\]\.xml$|^docProps\/app\.xml$/.test(part)) continue;
      expect(after.get(part)?.crc).toBe(entry.crc);
    }
  });
});

test('a workbook without tables: nothing written, exit 0, a finding that says why', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Anteckningar').getCell('A1').value = 'Möte 12 november';
  const input = path.join(dir, 'tom.xlsx');
  await wb.xlsx.writeFile(input);
  const c = capture();
  expect(await main(['granska', input], c.io)).toBe(0);
  expect(c.out.join('\n')).toMatch(/tabeller-saknas/);
  expect(fs.existsSync(path.join(dir, 'tom-granskning.xlsx'))).toBe(false);
});
