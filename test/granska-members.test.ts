// Granska through the pipeline with Inställningar's members: the example workbook's members
// (Försäkringskassan 50 %, Region Västernorrland 25 %, Kramfors kommun 25 %) are read from its
// Inställningar sheet and each member's row of the RESULTATBUDGET is checked against its share,
// in every budget column. The example pays exactly so; a copy where the kommun pays 700 000 is
// found on the kommun's cell; a copy without members gets no such checks.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { cellAddress } from '../src/core/cellref';
import { granskaRun } from '../src/pipeline/granska';
import { XlsxWorkbook } from '../src/workbook/xlsx';
import { EXAMPLES, FIXED_NOW, openExample } from './helpers';

const options = { version: 'test', now: FIXED_NOW };
const where = (c: { sheet: string; cell: { row: number; col: number } }) => `${c.sheet}!${cellAddress(c.cell.row, c.cell.col)}`;

/** The example workbook changed by `edit`, saved and opened again. */
async function exampleWith(edit: (wb: ExcelJS.Workbook) => void): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(path.join(EXAMPLES, 'kramfors-budget-2024.xlsx')) as unknown as ArrayBuffer);
  edit(wb);
  const buffer = await wb.xlsx.writeBuffer();
  return XlsxWorkbook.fromBuffer(new Uint8Array(buffer as ArrayBuffer));
}

test('Kramfors budget 2024: every member row in every budget column holds its share of Inställningar', async () => {
  const result = await granskaRun(await openExample('kramfors-budget-2024.xlsx'), options);
  expect(result.status).toBe('skrivet');
  const shares = result.checks.filter((c) => c.kind === 'medlemsandel');
  // Rows 5–7 (staten, kommun, region) × columns C–F (Budget 2023–2026).
  expect(shares.map(where).sort()).toEqual(['C5', 'C6', 'C7', 'D5', 'D6', 'D7', 'E5', 'E6', 'E7', 'F5', 'F6', 'F7'].map((a) => `Budget 2024!${a}`).sort());
  expect(shares.every((c) => c.status === 'godkänd')).toBe(true);
  expect(result.checks.filter((c) => c.status !== 'godkänd')).toEqual([]);
  const kommun = shares.find((c) => where(c) === 'Budget 2024!D6')!;
  expect([kommun.expected.toString(), kommun.actual.toString()]).toEqual(['-646500', '-646500']);
  expect(kommun.kontroll).toContain('Kramfors kommun');
  // D7 is typed as text ("-646 500 kr") and read as the amount.
  expect(shares.find((c) => where(c) === 'Budget 2024!D7')!.actual.toString()).toBe('-646500');
});

test('a kommun that pays 700 000 instead of 646 500 is found on its cell', async () => {
  const workbook = await exampleWith((wb) => {
    const ws = wb.getWorksheet('Budget 2024')!;
    ws.getCell('D6').value = -700000;
    ws.getCell('D8').value = -2639500;
  });
  const result = await granskaRun(workbook, options);
  const kommun = result.checks.find((c) => c.kind === 'medlemsandel' && where(c) === 'Budget 2024!D6')!;
  // 25 % of 1 293 000 + 700 000 + 646 500 = 2 639 500 is 659 875.
  expect([kommun.status, kommun.expected.toString(), kommun.actual.toString(), kommun.difference.toString()]).toEqual(['avvikelse', '-659875', '-700000', '-40125']);
});

test('Inställningar without members: no member-share checks, the rest as before', async () => {
  const before = await granskaRun(await openExample('kramfors-budget-2024.xlsx'), options);
  const workbook = await exampleWith((wb) => {
    const ws = wb.getWorksheet('Inställningar')!;
    for (let r = 6; r <= 9; r++) ws.getRow(r).values = [];
  });
  const result = await granskaRun(workbook, options);
  expect(result.checks.filter((c) => c.kind === 'medlemsandel')).toEqual([]);
  expect(result.checks.map((c) => `${where(c)} ${c.kind} ${c.status}`)).toEqual(before.checks.filter((c) => c.kind !== 'medlemsandel').map((c) => `${where(c)} ${c.kind} ${c.status}`));
});
