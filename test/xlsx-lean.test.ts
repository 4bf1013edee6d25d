// The lean path the command line and the browser mode take (source sheets read straight from
// the package, the copy put together part by part) gives what the exceljs path gives: the same
// snapshots of every example and layout, the same generated sheets, and a second run over the
// copy replaces them.
import * as fs from 'fs';
import * as path from 'path';
import { reportsRun } from '../src/pipeline/run';
import { XlsxWorkbook } from '../src/workbook/xlsx';
import { XlsxLeanWorkbook, xlsxOpen } from '../src/workbook/xlsxLean';
import { EXAMPLES, FIXED_NOW, ROOT } from './helpers';

const LAYOUTS = path.join(ROOT, 'test', 'layouts');
const files = [path.join(EXAMPLES, 'solleftea-2024.xlsx'), path.join(EXAMPLES, 'kramfors-budget-2024.xlsx'), ...fs.readdirSync(LAYOUTS).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(LAYOUTS, f))];

test.each(files.map((f) => [path.basename(f), f]))('%s: the same sheets, and the same reports written', async (_name, file) => {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const lean = await xlsxOpen(bytes);
  expect(lean).toBeInstanceOf(XlsxLeanWorkbook);
  const full = await XlsxWorkbook.fromBuffer(bytes);
  const names = await full.sheetNames();
  expect(await lean.sheetNames()).toEqual(names);
  expect(await lean.readSheets(names)).toEqual(await full.readSheets(names));

  const options = { version: 'test', now: FIXED_NOW };
  const [a, b] = [await reportsRun(lean, options), await reportsRun(full, options)];
  expect(a.status).toBe(b.status);
  expect(a.written).toEqual(b.written);
  const fromLean = await XlsxWorkbook.fromBuffer(await lean.toBuffer());
  const fromFull = await XlsxWorkbook.fromBuffer(await full.toBuffer());
  const outNames = await fromFull.sheetNames();
  expect(await fromLean.sheetNames()).toEqual(outNames);
  expect(await fromLean.readSheets(outNames)).toEqual(await fromFull.readSheets(outNames));
});

test('a second run over the copy replaces the generated sheets in place', async () => {
  const first = await xlsxOpen(new Uint8Array(fs.readFileSync(path.join(EXAMPLES, 'solleftea-2024.xlsx'))));
  await reportsRun(first, { version: 'test', now: FIXED_NOW });
  const copy = await first.toBuffer();
  const second = await xlsxOpen(copy);
  const result = await reportsRun(second, { version: 'test', now: FIXED_NOW });
  expect(result.written?.replaced.length).toBe(result.written?.written.length);
  const again = await XlsxWorkbook.fromBuffer(await second.toBuffer());
  expect(await again.sheetNames()).toEqual(await (await XlsxWorkbook.fromBuffer(copy)).sheetNames());
});
