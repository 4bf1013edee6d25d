// Properties over random balanced ledgers (fast-check): the balansräkning balances, the
// kassaflödesanalys ends at the balansräkning's likvida medel, every note adds up to its line,
// and the statements are the same with and without a booked closing entry. And properties of
// the number, percent and date parsers and the layout step over any cell at all.
import fc from 'fast-check';
import { bokslutCompute, type Bokslut } from '../src/core/bokslut';
import { type LedgerRow, type Ledger } from '../src/core/ledger';
import { moneyToFixed2 } from '../src/core/money';
import { settingsEmpty } from '../src/core/settings';
import { statementRow } from '../src/core/statement';
import { cellRefText } from '../src/core/cellref';
import { amountFinding } from '../src/sheets/amountFinding';
import { BALANCE_REPORT_ROLES, RESULT_REPORT_ROLES } from '../src/sheets/balanceReportReader';
import { BUDGET_ROLES } from '../src/sheets/budgetReader';
import { dateColumnRead, parseDate } from '../src/sheets/dates';
import { GOAL_ROLES, STATISTICS_ROLES } from '../src/sheets/goalsReader';
import { headerFind, headerRoleOf } from '../src/sheets/header';
import { INSATSER_ROLES } from '../src/sheets/insatserReader';
import { KONTOPLAN_ROLES } from '../src/sheets/kontoplanReader';
import { LEDGER_ROLES } from '../src/sheets/ledgerReader';
import { parseAmount, parsePercent } from '../src/sheets/numbers';
import { CELL_ERROR_UNCALCULATED, type CellValue } from '../src/workbook/port';

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

// The cell parsers and the layout step on any input: strings with any characters, numbers
// including NaN and Infinity, booleans, errors and dates. None throws; every rejection comes
// back as a value (a reason, undefined) or a finding with a cell.
describe('parsers and the layout step never throw', () => {
  const WORDS = ['Konto', 'Belopp', 'Debet', 'Kredit', 'Datum', 'Ver.nr', 'Projekt', 'Text', 'Kontonamn', 'Saldo', 'IB', 'UB', 'Utfall', 'Budget 2024', 'Post', 'Mål', 'Mått', 'Villkor', 'Gränsvärde', 'Antal', 'Av', 'Insats', 'Rad', 'Typ', 'Period', 'År', 'Summa', 'Ingående balans', '__proto__', 'constructor', 'toString'];
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.constantFrom(...WORDS),
    fc.constantFrom('1 293 000 kr', '−646 500', '-646\u00a0500', '(75)', '2 832 tkr', '17,73', '17,73 %', '12.345', '1.234.567,89', '500-', '1e308', '9'.repeat(40), '--5', ',', '%', 'kr', '2024-02-30', '24-03-15', '15 jan 2024', '202413', '2024-03-15T10:00', '\u0000', '\u001b[31m'),
  );
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    text,
    fc.record({ error: fc.oneof(fc.constantFrom('#N/A', '#REF!', '#VALUE!', '#DIV/0!'), fc.string({ maxLength: 5 })) }),
    fc.record({ date: fc.oneof(fc.double(), fc.integer({ min: 1, max: 2958465 })) }),
    fc.record({ percent: fc.double() }),
    fc.constant<CellValue>({ error: CELL_ERROR_UNCALCULATED }),
  );
  const grid = fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 14 });
  const ROLE_SETS = [LEDGER_ROLES, BUDGET_ROLES, GOAL_ROLES, STATISTICS_ROLES, KONTOPLAN_ROLES, INSATSER_ROLES, BALANCE_REPORT_ROLES, RESULT_REPORT_ROLES];
  const roleSet = fc.constantFrom(...ROLE_SETS);
  const validDate = (d: { year: number; month: number; day: number }) => {
    const back = new Date(Date.UTC(d.year, d.month - 1, d.day));
    return [d.year, d.month, d.day].every(Number.isInteger) && back.getUTCFullYear() === d.year && back.getUTCMonth() === d.month - 1 && back.getUTCDate() === d.day;
  };
  const RUNS = { numRuns: 3000 };

  test('parseAmount: whole öre within range, or a reason, and the reason is a finding at the cell', () => {
    fc.assert(
      fc.property(cell, (v) => {
        const p = parseAmount(v);
        if (p.ok) return Number.isSafeInteger(p.ore) && Math.abs(p.ore) <= 9e15 && !Object.is(p.ore, -0);
        const f = amountFinding('Huvudbok', 7, 3, p);
        return ['text', 'error', 'decimals', 'date', 'too-large', 'percent', 'uncalculated'].includes(p.reason) && typeof p.shown === 'string' && f.severity === 'blockerande' && cellRefText(f.cells[0]!) === 'Huvudbok!C7';
      }),
      RUNS,
    );
  });

  test('parseAmount reads back every amount written the Swedish way, to the öre', () => {
    const forms = fc.constantFrom('plain', 'grouped', 'nbsp', 'kr', 'minus-sign', 'parentheses', 'trailing');
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), forms, (ore, form) => {
        const abs = Math.abs(ore);
        const kronor = Math.floor(abs / 100).toString();
        const body = `${form === 'grouped' || form === 'kr' ? kronor.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : form === 'nbsp' ? kronor.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0') : kronor},${String(abs % 100).padStart(2, '0')}`;
        const negative = ore < 0;
        const written =
          form === 'parentheses' ? (negative ? `(${body})` : body) : form === 'trailing' ? `${body}${negative ? '-' : ''}` : form === 'minus-sign' ? `${negative ? '\u2212' : ''}${body}` : `${negative ? '-' : ''}${body}${form === 'kr' ? ' kr' : ''}`;
        const p = parseAmount(written);
        return p.ok && p.ore === ore && parseAmount(ore / 100).ok && (parseAmount(ore / 100) as { ore: number }).ore === ore;
      }),
      RUNS,
    );
  });

  test('parsePercent: a finite fraction or undefined; "p %" is p/100', () => {
    fc.assert(fc.property(cell, (v) => { const p = parsePercent(v); return p === undefined || Number.isFinite(p); }), RUNS);
    fc.assert(fc.property(fc.integer({ min: 0, max: 100 }), (p) => parsePercent(`${p} %`) === p / 100 && parsePercent(`${p}%`) === p / 100), RUNS);
  });

  test('parseDate: a real calendar date or undefined', () => {
    fc.assert(fc.property(cell, (v) => { const d = parseDate(v); return d === undefined || validDate(d); }), RUNS);
  });

  test('dateColumnRead: decides a column of anything, and reads each cell to a real date or undefined', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 20 }), fc.array(fc.integer({ min: 1900, max: 2200 }), { maxLength: 3 }), (values, hints) => {
        const column = dateColumnRead(values, hints);
        if (column.ambiguousYear && typeof column.ambiguousYear.example !== 'string') return false;
        return values.every((v) => {
          const d = column.parse(v);
          return d === undefined || validDate(d);
        });
      }),
      { numRuns: 1500 },
    );
  });

  test('headerRoleOf: one of the roles asked about, or undefined', () => {
    fc.assert(
      fc.property(text, roleSet, (t, roles) => {
        const role = headerRoleOf(t, roles);
        return role === undefined || roles.some((r) => r.role === role);
      }),
      RUNS,
    );
  });

  test('headerFind: a header row within the rows scanned, or a finding at a cell of the sheet', () => {
    const choice = fc.record({ column: fc.oneof(fc.constantFrom('A', 'C', 'Konto', 'Belopp', '__proto__'), fc.string({ maxLength: 4 })), role: fc.constantFrom('Konto', 'Belopp', 'Projekt', 'Ingen', 'Datum', 'constructor') });
    fc.assert(
      fc.property(grid, roleSet, fc.array(choice, { maxLength: 3 }), fc.integer({ min: 1, max: 20 }), (cells, roles, choices, scan) => {
        const found = headerFind('Blad', cells, roles, (m) => m.columns.size >= 2, 'två kolumner', { scan, choices });
        if (!found.findings.every((f) => f.cells.length > 0 && f.cells.every((c) => c.sheet === 'Blad') && typeof f.message === 'string')) return false;
        if (found.header) return found.header.row >= 1 && found.header.row <= Math.min(cells.length, scan) + 1 && [...found.header.columns.keys()].every((r) => roles.some((x) => x.role === r) || r === 'Ingen');
        return found.findings.some((f) => f.code === 'rubrikrad-saknas');
      }),
      { numRuns: 1500 },
    );
  });
});
