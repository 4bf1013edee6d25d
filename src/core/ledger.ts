// The ledger: booked rows (from a huvudbok, or synthesised from balance and result reports),
// each carrying the cell it came from, and one pass over them that adds whole öre per year,
// account and projekt. Every statement and check reads this summary, never the rows again.
import { type CellRef, cellRef } from './cellref';
import { type Money, moneyFromOre } from './money';
import { type Reconciliation } from './reconciliation';

export interface LedgerRow {
  readonly account: string;
  readonly year: number;
  /** Ledger sign (debit positive), whole öre. */
  readonly ore: number;
  readonly isIB: boolean;
  /** Projekt / aktivitet / objekt code, '' when none. */
  readonly projekt: string;
  /** Verifikationsnummer, '' when none. */
  readonly voucher: string;
  readonly sheet: string;
  readonly row: number;
  /** Column of the amount (of Debet where Debet/Kredit are separate columns). */
  readonly col: number;
}

export interface Ledger {
  /** Sheets the rows came from. */
  readonly sources: readonly string[];
  readonly rows: readonly LedgerRow[];
  readonly accountNames: ReadonlyMap<string, string>;
  /** True for a ledger of transactions (vouchers can be checked); false for balance reports. */
  readonly hasVouchers: boolean;
  /** The sheet's own summary rows (UB, omslutning, running saldo) checked while reading. */
  readonly checks?: readonly Reconciliation[];
}

export interface AccountYear {
  ibOre: number;
  movementOre: number;
  rowCount: number;
  /** Movement per projekt code ('' for rows without), with the first cell of each. */
  readonly movementByProjekt: Map<string, ProjektMovement>;
  /** First row, to point at when the account needs attention. */
  readonly firstCell: CellRef;
}

export interface ProjektMovement {
  ore: number;
  readonly firstCell: CellRef;
}

export interface VoucherImbalance {
  readonly year: number;
  readonly voucher: string;
  readonly ore: number;
  readonly cells: CellRef[];
}

export interface LedgerSummary {
  readonly years: readonly number[];
  /** year → account → totals */
  readonly byYear: ReadonlyMap<number, ReadonlyMap<string, AccountYear>>;
  /** Years that have IB rows of their own. */
  readonly ibYears: ReadonlySet<number>;
  readonly rowCount: number;
  readonly voucherImbalances: readonly VoucherImbalance[];
  /** True when some total left the range where whole öre add exactly as numbers. */
  readonly overflow: boolean;
}

/** One pass over the rows: sums in integer öre, vouchers checked where there are vouchers. */
export function ledgerSummarise(ledger: Ledger): LedgerSummary {
  const byYear = new Map<number, Map<string, AccountYear>>();
  const ibYears = new Set<number>();
  const vouchers = new Map<number, Map<string, number>>();
  let overflow = false;
  for (const r of ledger.rows) {
    let accounts = byYear.get(r.year);
    if (!accounts) {
      accounts = new Map();
      byYear.set(r.year, accounts);
    }
    let totals = accounts.get(r.account);
    if (!totals) {
      totals = { ibOre: 0, movementOre: 0, rowCount: 0, movementByProjekt: new Map(), firstCell: cellRef(r.sheet, r.row, r.col) };
      accounts.set(r.account, totals);
    }
    totals.rowCount++;
    if (r.isIB) {
      totals.ibOre += r.ore;
      ibYears.add(r.year);
    } else {
      totals.movementOre += r.ore;
      const perProjekt = totals.movementByProjekt.get(r.projekt);
      if (perProjekt) perProjekt.ore += r.ore;
      else totals.movementByProjekt.set(r.projekt, { ore: r.ore, firstCell: cellRef(r.sheet, r.row, r.col) });
      if (ledger.hasVouchers && r.voucher !== '') {
        let perYear = vouchers.get(r.year);
        if (!perYear) {
          perYear = new Map();
          vouchers.set(r.year, perYear);
        }
        perYear.set(r.voucher, (perYear.get(r.voucher) ?? 0) + r.ore);
      }
    }
    if (!Number.isSafeInteger(totals.movementOre) || !Number.isSafeInteger(totals.ibOre)) overflow = true;
  }
  const voucherImbalances: VoucherImbalance[] = [];
  for (const [year, perYear] of vouchers) {
    for (const [voucher, ore] of perYear) {
      if (ore !== 0) voucherImbalances.push({ year, voucher, ore, cells: [] });
    }
  }
  if (voucherImbalances.length > 0) attachVoucherCells(ledger, voucherImbalances);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return { years, byYear, ibYears, rowCount: ledger.rows.length, voucherImbalances, overflow };
}

function attachVoucherCells(ledger: Ledger, imbalances: VoucherImbalance[]): void {
  const wanted = new Map<string, VoucherImbalance>();
  for (const v of imbalances) wanted.set(`${v.year}\u0000${v.voucher}`, v);
  for (const r of ledger.rows) {
    if (r.isIB || r.voucher === '') continue;
    const v = wanted.get(`${r.year}\u0000${r.voucher}`);
    if (v && v.cells.length < 20) v.cells.push(cellRef(r.sheet, r.row, r.col));
  }
}

/** Sum of IB and movement rows of one year: both are zero in a balanced ledger. */
export function ledgerYearTotals(summary: LedgerSummary, year: number): { ib: Money; movement: Money } {
  let ib = 0;
  let movement = 0;
  for (const totals of summary.byYear.get(year)?.values() ?? []) {
    ib += totals.ibOre;
    movement += totals.movementOre;
  }
  return { ib: moneyFromOre(ib), movement: moneyFromOre(movement) };
}

/** All accounts that have rows in any year, sorted. */
export function ledgerAccounts(summary: LedgerSummary): string[] {
  const accounts = new Set<string>();
  for (const perYear of summary.byYear.values()) for (const account of perYear.keys()) accounts.add(account);
  return [...accounts].sort();
}
