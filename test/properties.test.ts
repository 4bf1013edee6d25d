// Properties over random balanced ledgers (fast-check): the balansräkning balances, the
// kassaflödesanalys ends at the balansräkning's likvida medel, every note adds up to its line,
// and the statements are the same with and without a booked closing entry.
import fc from 'fast-check';
import { bokslutCompute, type Bokslut } from '../src/core/bokslut';
import { type LedgerRow, type Ledger } from '../src/core/ledger';
import { moneyToFixed2 } from '../src/core/money';
import { settingsEmpty } from '../src/core/settings';
import { statementRow } from '../src/core/statement';

// Kommun-Bas accounts of every kind a förbund books.
const ACCOUNTS = ['1220', '1510', '1640', '1810', '1930', '2210', '2310', '2410', '2710', '3511', '3512', '8410', '4610', '5010', '6410', '7810', '8510'];

const voucher = fc.record({ debit: fc.constantFrom(...ACCOUNTS), credit: fc.constantFrom(...ACCOUNTS), ore: fc.integer({ min: 1, max: 50_000_000 }), projekt: fc.constantFrom('', '100', '110') });
const books = fc.record({ openingOre: fc.integer({ min: 0, max: 100_000_000 }), y2023: fc.array(voucher, { minLength: 1, maxLength: 40 }), y2024: fc.array(voucher, { minLength: 1, maxLength: 40 }) });
type Books = typeof books extends fc.Arbitrary<infer T> ? T : never;

let rowNo = 0;
const row = (account: string, year: number, ore: number, isIB: boolean, voucherNo: string, projekt = ''): LedgerRow => ({ account, year, ore, isIB, projekt, voucher: voucherNo, sheet: 'Huvudbok', row: ++rowNo, col: 7 });

function rowsOf(b: Books): LedgerRow[] {
  const rows: LedgerRow[] = [row('1930', 2023, b.openingOre, true, 'IB'), row('2010', 2023, -b.openingOre, true, 'IB')];
  for (const [year, list] of [[2023, b.y2023], [2024, b.y2024]] as const) {
    list.forEach((v, i) => {
      rows.push(row(v.debit, year, v.ore, false, `${year}-${i}`, v.projekt), row(v.credit, year, -v.ore, false, `${year}-${i}`, v.projekt));
    });
  }
  return rows;
}

function compute(rows: LedgerRow[]): Bokslut {
  const ledger: Ledger = { sources: ['Huvudbok'], rows, accountNames: new Map(), hasVouchers: true };
  const r = bokslutCompute({ settings: { ...settingsEmpty, year: 2024 }, ledger, budget: undefined, insatser: [], kontoplan: [] });
  return r.bokslut!;
}

const amounts = (b: Bokslut) => ({
  rr: b.resultatrakning.rows.map((r) => [r.name, ...r.amounts.map((a) => (a ? moneyToFixed2(a) : null))]),
  br: b.balansrakning.rows.map((r) => [r.name, ...r.amounts.map((a) => (a ? moneyToFixed2(a) : null))]),
  kfa: b.kassaflodesanalys.rows.map((r) => [r.name, ...r.amounts.map((a) => (a ? moneyToFixed2(a) : null))]),
});

const passed = (b: Bokslut, prefix: string) => b.reconciliations.filter((r) => r.id.startsWith(prefix));

test('the balansräkning balances, both years', () => {
  fc.assert(
    fc.property(books, (b) => {
      const bokslut = compute(rowsOf(b));
      const checks = passed(bokslut, 'br-balanserar-');
      return checks.length === 2 && checks.every((r) => r.passed);
    }),
    { numRuns: 150 },
  );
});

test("the kassaflödesanalys ends at the balansräkning's likvida medel and its flow is their change", () => {
  fc.assert(
    fc.property(books, (b) => {
      const bokslut = compute(rowsOf(b));
      const checks = passed(bokslut, 'kfa-');
      const end = statementRow(bokslut.kassaflodesanalys, 'Likvida medel vid årets slut')!.amounts[0]!;
      const bank = statementRow(bokslut.balansrakning, 'Kassa och bank')?.amounts[0];
      const placeringar = statementRow(bokslut.balansrakning, 'Kortfristiga placeringar')?.amounts[0];
      const br = (bank?.toNumber() ?? 0) + (placeringar?.toNumber() ?? 0);
      return checks.length === 4 && checks.every((r) => r.passed) && Math.abs(end.toNumber() - br) < 0.005;
    }),
    { numRuns: 150 },
  );
});

test('every note adds up to its line in the resultaträkning or balansräkning', () => {
  fc.assert(
    fc.property(books, (b) => {
      const checks = passed(compute(rowsOf(b)), 'not-');
      return checks.length === 8 && checks.every((r) => r.passed);
    }),
    { numRuns: 150 },
  );
});

test('the statements are identical with and without a booked closing entry', () => {
  fc.assert(
    fc.property(books, (b) => {
      const plainRows = rowsOf(b);
      const plain = compute(plainRows);
      const p2023 = plain.positions.get(2023)!;
      const resultOre = Math.round(p2023.result.toNumber() * 100);
      // Close 2023: the result from 8999 to 2099, and open 2024 with IB rows = UB 2023.
      const closed = plainRows.filter((r) => !(r.year === 2024 && r.isIB));
      closed.push(row('8999', 2023, resultOre, false, 'BS'), row('2099', 2023, -resultOre, false, 'BS'));
      for (const [account, ore] of p2023.ub) if (ore !== 0) closed.push(row(account, 2024, ore, true, 'IB'));
      closed.push(row('2099', 2024, -resultOre, true, 'IB'));
      const withClosing = compute(closed);
      expect(amounts(withClosing)).toEqual(amounts(plain));
    }),
    { numRuns: 100 },
  );
});
