// The run lets the huvudbok's rows go while it parses them only where the port gives its cells
// over (freshCells): a port that hands out cells it keeps finds them as they were, and every
// run on either kind of port gives the example's årets resultat.
import * as fs from 'fs';
import * as path from 'path';
import { moneyToFixed2 } from '../src/core/money';
import { statementRow } from '../src/core/statement';
import { reportsRun } from '../src/pipeline/run';
import { inputChecksum } from '../src/pipeline/checksum';
import { type SheetSnapshot, type WorkbookPort } from '../src/workbook/port';
import { xlsxOpen } from '../src/workbook/xlsxLean';
import { EXAMPLES, FIXED_NOW } from './helpers';

const expected = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'solleftea-2024.expected.json'), 'utf8')) as { kronor: Record<string, { RR: Record<string, number> }> };
const ARETS_RESULTAT = expected.kronor['2024']!.RR['Årets resultat']!.toFixed(2);
const bytes = () => new Uint8Array(fs.readFileSync(path.join(EXAMPLES, 'solleftea-2024.xlsx')));

const result = (r: Awaited<ReturnType<typeof reportsRun>>) => moneyToFixed2(statementRow(r.bokslut!.resultatrakning, 'Årets resultat')!.amounts[0]!);

test('a port that keeps its cells finds them unchanged after two runs', async () => {
  const sheets: SheetSnapshot[] = await (await xlsxOpen(bytes())).readSheets(await (await xlsxOpen(bytes())).sheetNames());
  const before = inputChecksum(sheets);
  const port: WorkbookPort = {
    sheetNames: () => Promise.resolve(sheets.map((s) => s.name)),
    readSheets: (names) => Promise.resolve(sheets.filter((s) => names.includes(s.name))),
    writeSheets: (specs) => Promise.resolve({ written: specs.map((s) => ({ wanted: s.name, name: s.name })), replaced: [] }),
  };
  for (let i = 0; i < 2; i++) expect(result(await reportsRun(port, { version: 'test', now: FIXED_NOW }))).toBe(ARETS_RESULTAT);
  expect(inputChecksum(sheets)).toBe(before);
});

test('the .xlsx file gives its cells over, and each run reads them anew', async () => {
  const wb = await xlsxOpen(bytes());
  expect(wb.freshCells).toBe(true);
  const first = await reportsRun(wb, { version: 'test', now: FIXED_NOW });
  const second = await reportsRun(wb, { version: 'test', now: FIXED_NOW });
  expect(result(first)).toBe(ARETS_RESULTAT);
  expect(result(second)).toBe(ARETS_RESULTAT);
});
