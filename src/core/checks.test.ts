// The reconciliations that block the run when they fail. Balansräkningen and resultaträkningen
// are built so that they agree whenever the ledger balances (an unbalanced ledger is already
// blocked by huvudbok-obalans), so no real workbook reaches balansrakning-obalans or
// resultat-avviker between the statements: those two are tested here on a context whose
// statement was altered. The others are reached from ledgers as a reader makes them.
import { accountMappingCreate } from './accounts';
import { bokslutCompute } from './bokslut';
import { cellRefText } from './cellref';
import {
  type CheckContext,
  checkBalanceSheetBalances,
  checkCashFlow,
  checkEquityRollForward,
  checkOpeningBalancesPresent,
  checkResultMatches,
} from './checks';
import { FINDING_CODES } from './findings';
import { insatsIndexCreate } from './insatser';
import { type Ledger, type LedgerRow } from './ledger';
import { type Money, moneyAdd, moneyFromKronor } from './money';
import { type Settings, settingsEmpty } from './settings';
import { type StatementModel } from './statement';

let rowNo = 0;
const row = (account: string, year: number, kronor: number, isIB = false, voucher = isIB ? 'IB' : 'V1'): LedgerRow => ({
  account,
  year,
  ore: kronor * 100,
  isIB,
  projekt: '',
  voucher,
  sheet: 'Huvudbok',
  row: ++rowNo + 4,
  col: 7,
});

/** 2024 opens with 100 000 kr in the bank, gets 500 000 kr and spends 350 000 kr. */
const baseRows = (): LedgerRow[] => [
  row('1930', 2024, 100_000, true),
  row('2010', 2024, -100_000, true),
  row('1930', 2024, 500_000, false, '1'),
  row('3511', 2024, -500_000, false, '1'),
  row('4610', 2024, 350_000, false, '2'),
  row('1930', 2024, -350_000, false, '2'),
];

const NAMES = new Map([
  ['1930', 'Bank'],
  ['2010', 'Eget kapital'],
  ['3511', 'Driftbidrag staten'],
  ['4610', 'Bidrag insatser'],
  ['1510', 'Kundfordringar'],
]);

function contextOf(rows: LedgerRow[], options: { hasVouchers?: boolean; settings?: Partial<Settings> } = {}): CheckContext {
  const ledger: Ledger = { sources: ['Huvudbok'], rows, accountNames: NAMES, hasVouchers: options.hasVouchers ?? true };
  const settings: Settings = { ...settingsEmpty, year: 2024, ...options.settings };
  const { bokslut } = bokslutCompute({ settings, ledger, budget: undefined, insatser: [], kontoplan: [] });
  if (!bokslut) throw new Error('inget bokslut');
  return {
    year: 2024,
    ledger,
    summary: bokslut.summary,
    positions: bokslut.positions,
    mapping: accountMappingCreate([]),
    insatser: insatsIndexCreate([]),
    settings,
    budget: undefined,
    resultatrakning: bokslut.resultatrakning,
    balansrakning: bokslut.balansrakning,
    driftredovisning: bokslut.driftredovisning,
    kassaflodesanalys: bokslut.kassaflodesanalys,
  };
}

/** The statement with `kronor` added to one row's amount of the report year. */
function altered(model: StatementModel, name: string, kronor: number): StatementModel {
  return {
    ...model,
    rows: model.rows.map((r) => (r.name === name ? { ...r, amounts: r.amounts.map((a, i) => (i === 0 && a ? moneyAdd(a, moneyFromKronor(kronor)) : a)) as Money[] } : r)),
  };
}

test('the failures these checks raise all block the run', () => {
  expect(FINDING_CODES['balansrakning-obalans']).toBe('blockerande');
  expect(FINDING_CODES['resultat-avviker']).toBe('blockerande');
  expect(FINDING_CODES['kassaflode-avviker']).toBe('blockerande');
  expect(FINDING_CODES['ib-saknas']).toBe('blockerande');
});

test('a balanced ledger passes every one of them', () => {
  const ctx = contextOf(baseRows());
  for (const check of [checkBalanceSheetBalances, checkResultMatches, checkEquityRollForward, checkCashFlow, checkOpeningBalancesPresent]) {
    const outcome = check(ctx);
    expect(outcome.findings).toEqual([]);
    expect(outcome.reconciliations.every((r) => r.passed)).toBe(true);
  }
});

test('a balansräkning that does not balance is a blocking finding with both sums and the difference', () => {
  const ctx = contextOf(baseRows());
  const outcome = checkBalanceSheetBalances({ ...ctx, balansrakning: altered(ctx.balansrakning, 'Summa tillgångar', 1_000) });
  expect(outcome.reconciliations.find((r) => r.id === 'br-balanserar-2024')?.passed).toBe(false);
  expect(outcome.findings).toHaveLength(1);
  const [f] = outcome.findings;
  expect(f?.code).toBe('balansrakning-obalans');
  expect(f?.severity).toBe('blockerande');
  expect(f?.message).toContain('Balansräkningen 2024 balanserar inte');
  expect(f?.message).toContain('summa tillgångar 251 000 kr');
  expect(f?.message).toContain('summa eget kapital, avsättningar och skulder 250 000 kr');
  expect(f?.message).toContain('skillnad -1 000 kr');
  expect(f?.message).toContain('Kontoplan');
});

test("the resultaträkning's årets resultat differing from the balansräkning's is a blocking finding", () => {
  const ctx = contextOf(baseRows());
  const outcome = checkResultMatches({ ...ctx, resultatrakning: altered(ctx.resultatrakning, 'Årets resultat', -2_000) });
  expect(outcome.findings).toHaveLength(1);
  const [f] = outcome.findings;
  expect(f?.code).toBe('resultat-avviker');
  expect(f?.severity).toBe('blockerande');
  expect(f?.message).toContain('Årets resultat 2024 är 148 000 kr i resultaträkningen men 150 000 kr i balansräkningen');
});

test('eget kapital that moves by more than årets resultat names the bookings on eget kapital', () => {
  const rows = [...baseRows(), row('1930', 2024, 10_000, false, '3'), row('2010', 2024, -10_000, false, '3')];
  const outcome = checkEquityRollForward(contextOf(rows));
  expect(outcome.reconciliations.find((r) => r.id === 'eget-kapital-2024')?.passed).toBe(false);
  const [f] = outcome.findings;
  expect(f?.code).toBe('resultat-avviker');
  expect(f?.message).toContain('ändras med 160 000 kr');
  expect(f?.message).toContain('årets resultat är 150 000 kr');
  expect(f?.message).toContain('2010 Eget kapital');
  expect(f?.cells.map(cellRefText)).toEqual([cellRefText(rows[rows.length - 1]!)]);
});

test('a closing entry booked against eget kapital keeps eget kapital rolling forward', () => {
  const rows = [...baseRows(), row('8999', 2024, 150_000, false, 'BS'), row('2099', 2024, -150_000, false, 'BS')];
  const outcome = checkEquityRollForward(contextOf(rows));
  expect(outcome.findings).toEqual([]);
});

test('an ingående balans on a result account breaks the kassaflödesanalys: blocking, naming the IB row', () => {
  const ib = row('3511', 2024, -20_000, true);
  const rows = [...baseRows(), ib, row('1930', 2024, 20_000, true)];
  const outcome = checkCashFlow(contextOf(rows));
  expect(outcome.reconciliations.find((r) => r.id === 'kfa-kassaflode-2024')?.passed).toBe(false);
  const [f] = outcome.findings;
  expect(f?.code).toBe('kassaflode-avviker');
  expect(f?.severity).toBe('blockerande');
  expect(f?.message).toContain('3511 Driftbidrag staten');
  expect(f?.cells.map(cellRefText)).toEqual([cellRefText(ib)]);
});

describe('ingående balanser of the first year', () => {
  const noIB = () => baseRows().filter((r) => !r.isIB);

  test('missing while balance accounts move: blocking, naming the accounts, their first cells and what to do', () => {
    const rows = noIB();
    const outcome = checkOpeningBalancesPresent(contextOf(rows));
    expect(outcome.findings).toHaveLength(1);
    const [f] = outcome.findings;
    expect(f?.code).toBe('ib-saknas');
    expect(f?.severity).toBe('blockerande');
    expect(f?.message).toContain('inga ingående balanser för 2024');
    expect(f?.message).toContain('(1930 Bank)');
    expect(f?.message).toContain('Ver.nr IB');
    expect(f?.message).toContain('skriv Startår 2024 i bladet Inställningar');
    expect(f?.cells.map(cellRefText)).toEqual([cellRefText(rows[0]!)]);
  });

  test('only the first year is asked: a later year without IB rows follows on from the one before', () => {
    const rows = [...baseRows().map((r) => ({ ...r, year: 2023 })), row('1930', 2024, 1_000, false, '9'), row('4610', 2024, -1_000, false, '9')];
    expect(checkOpeningBalancesPresent(contextOf(rows)).findings).toEqual([]);
  });

  test('missing in the year the förbund started: a passing Kontroll that says so', () => {
    const cell = { sheet: 'Inställningar', row: 4, col: 2 };
    const outcome = checkOpeningBalancesPresent(contextOf(noIB(), { settings: { startYear: 2024, startYearCell: cell } }));
    expect(outcome.findings).toEqual([]);
    expect(outcome.reconciliations).toHaveLength(1);
    expect(outcome.reconciliations[0]?.id).toBe('ib-startar-2024');
    expect(outcome.reconciliations[0]?.passed).toBe(true);
    expect(outcome.reconciliations[0]?.cells).toEqual([cell]);
  });

  test('a Startår other than the first year does not excuse it, and the message says why', () => {
    const earlier = checkOpeningBalancesPresent(contextOf(noIB(), { settings: { startYear: 2019 } })).findings[0];
    expect(earlier?.code).toBe('ib-saknas');
    expect(earlier?.message).toContain('startade förbundet 2019');
    expect(earlier?.message).not.toContain('skriv Startår');
    const later = checkOpeningBalancesPresent(contextOf(noIB(), { settings: { startYear: 2025 } })).findings[0];
    expect(later?.message).toContain('rätta Startår');
  });

  test('not asked when the first year moves only result accounts', () => {
    const rows = [row('4610', 2024, 1_000, false, '1'), row('3511', 2024, -1_000, false, '1')];
    expect(checkOpeningBalancesPresent(contextOf(rows)).findings).toEqual([]);
  });

  test('not asked of a ledger made from balance reports: the year before carries UB as movement', () => {
    const rows = [
      ...baseRows().map((r) => ({ ...r, voucher: '' })),
      // The previous year as the balance report's reader makes it: IB of the report year as movement.
      row('1930', 2023, 100_000, false, ''),
      row('2010', 2023, -100_000, false, ''),
    ];
    expect(checkOpeningBalancesPresent(contextOf(rows, { hasVouchers: false })).findings).toEqual([]);
  });

  test('IB rows that are all zero still count as ingående balanser', () => {
    const rows = [row('1930', 2024, 0, true), ...noIB()];
    expect(checkOpeningBalancesPresent(contextOf(rows)).findings).toEqual([]);
  });
});
