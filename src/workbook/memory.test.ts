import { MemoryExcelHost, memoryWorkbook } from './memory';
import { cellValueFromOffice } from './office';

test('values from Office: a number whose format shows percent is the fraction shown as percent', () => {
  expect(cellValueFromOffice(1.5, '0%')).toEqual({ percent: 1.5 });
  expect(cellValueFromOffice(1.5, 'General')).toBe(1.5);
  expect(cellValueFromOffice(1.5, '0" %"')).toBe(1.5);
  expect(cellValueFromOffice('150 %', '0%')).toBe('150 %');
  expect(cellValueFromOffice('', '0%')).toBeNull();
  expect(cellValueFromOffice('#N/A', '0%')).toEqual({ error: '#N/A' });
});

test('the Office adapter reads number formats with the values, in the same round trips', async () => {
  const plain = new MemoryExcelHost();
  plain.addSheet('Insatser', [['Post', 'Andel'], ['SamCoach', 1.5], ['Kansli', 0.5]]);
  await memoryWorkbook(plain).readSheets(['Insatser']);
  const host = new MemoryExcelHost();
  host.addSheet('Insatser', [['Post', 'Andel'], ['SamCoach', 1.5], ['Kansli', 0.5]], [[], [null, '0%'], [null, '0.0%']]);
  const [sheet] = await memoryWorkbook(host).readSheets(['Insatser']);
  expect(sheet?.cells).toEqual([['Post', 'Andel'], ['SamCoach', { percent: 1.5 }], ['Kansli', { percent: 0.5 }]]);
  expect(host.syncCount).toBe(plain.syncCount);
});

test('merging keeps the top-left value only, as Excel does; the adapter carries the ranges', async () => {
  const host = new MemoryExcelHost();
  host.addSheet('Huvudbok', [
    ['Huvudbok 2024', 'bort'],
    ['Konto', 'Belopp', 'Belopp'],
    [1930, 500, 500],
  ]);
  host.merge('Huvudbok', 'A1:C1');
  host.merge('Huvudbok', 'B2:C2');
  host.merge('Huvudbok', 'B3:C3');
  expect(() => host.merge('Huvudbok', 'C3:D3')).toThrow(/överlappar/);
  const [sheet] = await memoryWorkbook(host).readSheets(['Huvudbok']);
  expect(sheet?.cells).toEqual([['Huvudbok 2024'], ['Konto', 'Belopp'], [1930, 500]]);
  expect(sheet?.merges).toEqual([
    { row: 1, col: 1, rows: 1, cols: 3 },
    { row: 2, col: 2, rows: 1, cols: 2 },
    { row: 3, col: 2, rows: 1, cols: 2 },
  ]);
});

test('a sheet of more than 512 merged areas, which Excel does not list, is read without them', async () => {
  const host = new MemoryExcelHost();
  host.addSheet('Budget', Array.from({ length: 600 }, (_, i) => [`Post ${i}`, null, i]));
  for (let r = 1; r <= 600; r++) host.merge('Budget', `A${r}:B${r}`);
  host.addSheet('Insatser', [['Post'], ['SamCoach']]);
  const [budget, insatser] = await memoryWorkbook(host).readSheets(['Budget', 'Insatser']);
  expect(budget?.cells[599]).toEqual(['Post 599', null, 599]);
  expect(budget?.merges).toBeUndefined();
  expect(insatser?.merges).toBeUndefined();
});

test('a sheet without merges carries none', async () => {
  const host = new MemoryExcelHost();
  host.addSheet('A', [[1]]);
  const [a] = await memoryWorkbook(host).readSheets(['A']);
  expect(a?.merges).toEqual([]);
});

test('the Office adapter sets a linked cell\'s hyperlink and look; the host keeps them', async () => {
  const host = new MemoryExcelHost();
  host.addSheet("Budget 'egen' 2024", [['Budget']]);
  const written = await memoryWorkbook(host).writeSheets([
    {
      name: 'Granskning',
      rows: [
        [{ value: 'Granskning' }],
        [],
        [{ value: 'Genererat av Finsam Ekonomi test' }],
        [{ value: 'B39', link: { sheet: "Budget 'egen' 2024", cell: 'B39' }, style: { fontColor: '0563C1', underline: true } }, { value: 12.5, link: { sheet: 'Budget', cell: 'a1' } }],
      ],
      widths: [8, 8],
      freezeRows: 0,
    },
  ]);
  expect(written.written[0]?.name).toBe('Granskning');
  const sheet = host.sheet('Granskning')!;
  expect(sheet.hyperlinks.get('3,0')).toEqual({ documentReference: "'Budget ''egen'' 2024'!B39", textToDisplay: 'B39' });
  // A number is linked without a text to display, which Excel would write into the cell as text.
  expect(sheet.hyperlinks.get('3,1')).toEqual({ documentReference: "'Budget'!A1" });
  expect(sheet.hyperlinks.size).toBe(2);
  expect(sheet.values[3]).toEqual(['B39', 12.5]);
  expect(sheet.styles.get('3,0')).toEqual({ 'font.color': '#0563C1', 'font.underline': 'Single' });
});

test('the memory host writes a hyperlink\'s text to display into the cell, as Excel does', async () => {
  const host = new MemoryExcelHost();
  host.addSheet('A', [[1]]);
  await host.run(async (ctx) => {
    const range = ctx.workbook.worksheets.getItem('A').getRange('A1');
    range.hyperlink = { documentReference: "'A'!C3", textToDisplay: 'till C3' };
    expect(host.sheet('A')!.hyperlinks.size).toBe(0);
    await ctx.sync();
  });
  expect(host.sheet('A')!.values[0]).toEqual(['till C3']);
  expect(host.sheet('A')!.hyperlinks.get('0,0')).toEqual({ documentReference: "'A'!C3", textToDisplay: 'till C3' });
  host.sheet('A')!.protected = true;
  await expect(
    host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('A').getRange('A1').hyperlink = { documentReference: "'A'!C4" };
      await ctx.sync();
    }),
  ).rejects.toThrow(/AccessDenied/);
});
