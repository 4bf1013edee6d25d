// The .xlsx adapter as the pipeline uses it: generated sheets replaced whole on the next run,
// a user's own sheet with a report's name left alone, text written as text, sheets protected,
// source sheets kept (formulas too), and a warning for what a saved copy cannot carry.
import ExcelJS from 'exceljs';
import { XlsxWorkbook, xlsxContentsLost } from '../src/workbook/xlsx';
import { generatedSheets, openExample, runOn } from './helpers';

async function reload(wb: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(await wb.toBuffer());
}

async function exampleWith(edit: (wb: ExcelJS.Workbook) => void): Promise<XlsxWorkbook> {
  const source = await openExample('solleftea-2024.xlsx');
  edit(source.workbook);
  return reload(source);
}

test('a second run replaces the generated sheets instead of adding new ones', async () => {
  const wb = await openExample('solleftea-2024.xlsx');
  await runOn(wb);
  const again = await reload(wb);
  const second = await runOn(again);
  expect(second.status).toBe('skrivet');
  const written = (second.written?.written ?? []).map((w) => w.name).sort();
  expect(written).toEqual(expect.arrayContaining(['Balansräkning', 'Driftredovisning', 'Kontroller', 'Resultaträkning']));
  expect([...(second.written?.replaced ?? [])].sort()).toEqual(written);
  expect((await generatedSheets(again)).sort()).toEqual(written);
});

test("a user's own sheet named Resultaträkning is left alone and the run says so", async () => {
  const wb = await exampleWith((w) => w.addWorksheet('Resultaträkning').getCell('A1').value = 'Mina egna anteckningar');
  const result = await runOn(wb);
  expect(result.status).toBe('skrivet');
  const [own] = await wb.readSheets(['Resultaträkning']);
  expect(own?.cells).toEqual([['Mina egna anteckningar']]);
  expect(await wb.sheetNames()).toContain('Resultaträkning (Finsam)');
  const clash = result.findings.find((f) => f.code === 'blad-namnkrock');
  expect(clash?.message).toContain('Resultaträkning (Finsam)');
});

test('text from the input that starts with = + - @ stays text in the generated sheets', async () => {
  const wb = await exampleWith((w) => {
    const insatser = w.getWorksheet('Insatser')!;
    insatser.getCell('C3').value = '=SamCoach+1';
  });
  const result = await runOn(wb);
  expect(result.status).toBe('skrivet');
  const saved = await reload(wb);
  const drift = saved.workbook.getWorksheet('Driftredovisning')!;
  const values: unknown[] = [];
  drift.eachRow((row) => values.push(row.getCell(1).value));
  expect(values).toContain('=SamCoach+1');
});

test('generated sheets are protected without password and carry the marker in A3', async () => {
  const wb = await openExample('solleftea-2024.xlsx');
  await runOn(wb);
  const saved = await reload(wb);
  const ws = saved.workbook.getWorksheet('Resultaträkning')!;
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean; algorithmName?: string } }).sheetProtection;
  expect(protection?.sheet).toBe(true);
  expect(protection?.algorithmName).toBeUndefined();
  expect(String(ws.getCell('A3').value)).toMatch(/^Genererat av Finsam Ekonomi test .* från Huvudbok \(\d+ rader\).*kontrollsumma [0-9a-f]{8}/);
});

test('source sheets keep their formulas', async () => {
  const wb = await exampleWith((w) => {
    w.getWorksheet('Budget')!.getCell('E4').value = { formula: 'C4*2', result: 5664000 };
  });
  await runOn(wb);
  const saved = await reload(wb);
  expect(saved.workbook.getWorksheet('Budget')!.getCell('E4').value).toMatchObject({ formula: 'C4*2' });
});

test('an image in the workbook comes along in the copy: nothing to warn about', async () => {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
  const wb = await exampleWith((w) => {
    const id = w.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    w.getWorksheet('Inställningar')!.addImage(id, 'D2:E4');
  });
  expect(wb.contentsLost).toEqual([]);
  const result = await runOn(wb);
  expect(result.findings.map((f) => f.code)).not.toContain('innehall-forloras');
  const saved = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
  expect(saved.workbook.getWorksheet('Inställningar')!.getImages()).toHaveLength(1);
});

test('a package the copy cannot keep byte for byte still says what it loses', () => {
  const bytes = new TextEncoder().encode('xl/charts/chart1.xml xl/media/image1.png');
  expect(xlsxContentsLost(bytes)).toEqual(['diagram', 'bilder']);
});

test('dates are read as Excel serials', async () => {
  const wb = await openExample('solleftea-2024.xlsx');
  const [huvudbok] = await wb.readSheets(['Huvudbok']);
  expect(huvudbok?.cells[4]?.[0]).toEqual({ date: 44927 }); // 2023-01-01
});
