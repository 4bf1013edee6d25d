// Flerårsöversikt with a Historik sheet holding the Sollefteå five-year series as printed:
// 2021 is flagged (800 473 − 125 937 ≠ 679 029), so are the 1 kr steps of 2022 and 2023, and
// nothing else.
import { type CellValue } from '../src/workbook/port';
import { reportsJson } from '../src/pipeline/json';
import { FIXED_NOW, openExample, workbookFrom } from './helpers';
import { reportsRun } from '../src/pipeline/run';

const toScalar = (v: CellValue): string | number | boolean | null => (v === null || typeof v !== 'object' ? v : 'date' in v ? v.date : 'percent' in v ? v.percent : v.error);

const PRINTED = {
  equity: [800473, 679029, 701119, 584026, 820526],
  result: [336545, -125937, 22091, -117094, 236500],
};

async function solleftea(extra: Record<string, (string | number | null)[][]>) {
  const wb = await openExample('solleftea-2024.xlsx');
  const snaps = await wb.readSheets(await wb.sheetNames());
  const sheets = Object.fromEntries(snaps.map((s) => [s.name, s.cells.map((r) => r.map(toScalar))]));
  return workbookFrom({ ...sheets, ...extra });
}

test('the printed series: 2021 and the 1 kr steps are flagged, nothing else', async () => {
  const wb = await solleftea({
    Historik: [
      ['Flerårsöversikt (ur årsredovisningen 2024)'],
      ['Rad', 2020, 2021, 2022, 2023, 2024],
      ['Årets resultat', ...PRINTED.result],
      ['Utgående eget kapital', ...PRINTED.equity],
      ['Soliditet', '74,2 %', '63,1 %', '50,3 %', '46,77 %', '82,24 %'],
    ],
  });
  const result = await reportsRun(wb, { version: 'test', now: FIXED_NOW });
  expect(result.status).toBe('skrivet');
  const checks = result.bokslut!.reconciliations.filter((r) => r.id.startsWith('flerar-'));
  expect(checks.map((r) => [r.id, r.passed, r.difference.toNumber()])).toEqual([
    ['flerar-eget-kapital-2021', false, 4493],
    ['flerar-eget-kapital-2022', false, -1],
    ['flerar-eget-kapital-2023', false, 1],
    ['flerar-eget-kapital-2024', true, 0],
  ]);
  const flagged = result.findings.filter((f) => f.code === 'eget-kapital-serie-bruten');
  expect(flagged).toHaveLength(3);
  expect(flagged[0]!.message).toContain('800 473 kr + årets resultat -125 937 kr = 674 536 kr, men utgående eget kapital 2021 är 679 029 kr');
  expect(flagged[0]!.cells.map((c) => `${c.sheet}!${c.row}:${c.col}`)).toContain('Historik!4:3');
  // 2023 and 2024 come from the books, the older years from Historik.
  const json = reportsJson(result).rapporter.flerarsoversikt;
  expect(json.filter((r) => r.rad === 'Utgående eget kapital').map((r) => [r.ar, r.belopp])).toEqual([
    [2020, '800473.00'],
    [2021, '679029.00'],
    [2022, '701119.00'],
    [2023, '584026.00'],
    [2024, '820526.00'],
  ]);
  expect(json.find((r) => r.rad === 'Soliditet' && r.ar === 2024)?.belopp).toBe('82.24');
  expect(json.find((r) => r.rad === 'Soliditet' && r.ar === 2020)?.belopp).toBe('74.20');
});

test('without Historik the overview holds the years of the ledger and no series check fails', async () => {
  const result = await reportsRun(await solleftea({}), { version: 'test', now: FIXED_NOW });
  const years = [...new Set(reportsJson(result).rapporter.flerarsoversikt.map((r) => r.ar))];
  expect(years).toEqual([2023, 2024]);
  expect(result.bokslut!.reconciliations.filter((r) => r.id.startsWith('flerar-')).every((r) => r.passed)).toBe(true);
});
