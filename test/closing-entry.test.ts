// A huvudbok with the closing entry of 2023 booked (8999 against 2099) and IB rows for 2024
// gives the very statements of the same books without them, and Kontroller reports it.
import { moneyToFixed2 } from '../src/core/money';
import { type RunResult } from '../src/pipeline/run';
import { XlsxWorkbook } from '../src/workbook/xlsx';
import { openExample, runOn } from './helpers';

const figures = (r: RunResult) => ({
  rr: r.bokslut!.resultatrakning.rows.map((x) => [x.name, ...x.amounts.map((a) => (a ? moneyToFixed2(a) : null))]),
  br: r.bokslut!.balansrakning.rows.map((x) => [x.name, ...x.amounts.map((a) => (a ? moneyToFixed2(a) : null))]),
  drift: r.bokslut!.driftredovisning.rows.map((x) => [x.name, moneyToFixed2(x.netto), x.foregaendeAr ? moneyToFixed2(x.foregaendeAr) : null]),
});

let plain: RunResult;
let closed: RunResult;
beforeAll(async () => {
  plain = await runOn(await openExample('solleftea-2024.xlsx'));
  const source = await openExample('solleftea-2024.xlsx');
  const ws = source.workbook.getWorksheet('Huvudbok')!;
  const end = new Date(Date.UTC(2023, 11, 31));
  const start = new Date(Date.UTC(2024, 0, 1));
  // 2023 was a loss of 117 094 kr: the closing entry credits 8999 and debits 2099.
  ws.addRow([end, 'BS1', 8999, 'Årets resultat', null, 'Bokslut 2023', null, 117094]);
  ws.addRow([end, 'BS1', 2099, 'Årets resultat (balans)', null, 'Bokslut 2023', 117094, null]);
  // IB 2024 = UB 2023 per balance account (from the plain run's positions), the result on 2099.
  const ub2023 = plain.bokslut!.positions.get(2023)!.ub;
  for (const [account, ore] of ub2023) {
    if (ore === 0) continue;
    ws.addRow([start, 'IB', Number(account), '', null, 'Ingående balans', ore > 0 ? ore / 100 : null, ore < 0 ? -ore / 100 : null]);
  }
  ws.addRow([start, 'IB', 2099, 'Årets resultat (balans)', null, 'Ingående balans', 117094, null]);
  const buffer = await source.workbook.xlsx.writeBuffer();
  closed = await runOn(await XlsxWorkbook.fromBuffer(new Uint8Array(buffer as ArrayBuffer)));
});

test('the same statements with and without the closing entry', () => {
  expect(closed.findings.filter((f) => f.severity === 'blockerande')).toEqual([]);
  expect(figures(closed)).toEqual(figures(plain));
});

test('Kontroller reports the booked closing entry and the IB of 2024 against UB 2023', () => {
  const recs = closed.bokslut!.reconciliations;
  const bokslut = recs.find((r) => r.id === 'bokslut-2023');
  expect(bokslut?.name).toMatch(/bokförd på årets resultat/);
  expect(bokslut?.passed).toBe(true);
  expect(moneyToFixed2(bokslut!.actual)).toBe('-117094.00');
  expect(recs.filter((r) => r.id.startsWith('ib-ub-2024')).every((r) => r.passed)).toBe(true);
  expect(recs.some((r) => r.id.startsWith('ib-ub-2024'))).toBe(true);
});
