// Result rows of a result table (`Resultat`, `Årets resultat`, `Beräknat resultat`, an 89xx
// row, `Verksamhetens nettokostnader`) against everything above them. Tables sign their
// figures in different ways: intäkter negative and kostnader positive (bokföringstecken),
// the reverse (rapporttecken), or everything positive with the kostnader subtracted. The
// convention is the one that makes the printed results hold (in most columns), and it is said.
import type Decimal from 'decimal.js';
import { amountCheck, rowName, rowsText } from './status';
import { amountAt, itemNature, netOfItems, roundingTolerance, sumOf, type TableStructure, topItems } from './structure';
import { sheetRows } from './sumChecks';
import { type GranskaCheck, type GranskaTable } from './types';
import { natureOf, sumSubject } from './words';

export type Convention = 'summa' | 'intäkter-kostnader' | 'kostnader-intäkter' | 'vänd';

export interface ResultReading {
  readonly checks: GranskaCheck[];
  readonly convention?: Convention;
  /** True when intäkter are negative (bokföringstecken). */
  readonly ledger: boolean;
  /** The table's sign, in words. */
  readonly sign?: string;
  /** Multiply a printed result by this to get a surplus as positive. */
  readonly surplusFactor: number;
  /** Multiply a printed intäkt (cost) total by this to get it positive. */
  readonly incomeFactor: number;
  readonly costFactor: number;
}

function expectedBy(convention: Convention, table: GranskaTable, items: readonly number[], c: number): Decimal {
  const { sum } = sumOf(table, items, c);
  switch (convention) {
    case 'summa':
      return sum;
    case 'vänd':
      return sum.negated();
    case 'intäkter-kostnader':
      return netOfItems(table, items, c);
    case 'kostnader-intäkter':
      return netOfItems(table, items, c).negated();
  }
}

/** Whether the table's intäkter are negative: their printed sum below zero (else its kostnader above zero). */
function isLedger(s: TableStructure): boolean {
  const { table } = s;
  let income = 0;
  let cost = 0;
  table.rows.forEach((r, i) => {
    if (r.kind !== 'data' && r.kind !== 'summa') return;
    const n = itemNature(table, i);
    table.columns.forEach((_, c) => {
      const v = amountAt(table, i, c);
      if (!v || v.isZero()) return;
      if (n === 'intäkt') income += v.isNegative() ? -1 : 1;
      else if (n === 'kostnad') cost += v.isNegative() ? -1 : 1;
    });
  });
  return income !== 0 ? income < 0 : cost > 0;
}

const SIGN_TEXT = new Map<string, string>([
  ['summa-bokföring', 'bokföringstecken: intäkter negativa, kostnader positiva; resultatet är radernas summa (positivt = underskott)'],
  ['summa-rapport', 'rapporttecken: intäkter positiva, kostnader negativa; resultatet är radernas summa'],
  ['vänd-bokföring', 'bokföringstecken: intäkter negativa, kostnader positiva; resultatet med omvänt tecken (positivt = överskott)'],
  ['vänd-rapport', 'rapporttecken: intäkter positiva, kostnader negativa; resultatet med omvänt tecken (positivt = underskott)'],
  ['intäkter-kostnader', 'intäkter och kostnader positiva; resultat = intäkter − kostnader'],
  ['kostnader-intäkter', 'intäkter och kostnader positiva; resultat = kostnader − intäkter (positivt = underskott)'],
]);

const KONTROLL = new Map<Convention, string>([
  ['summa', 'summan av'],
  ['vänd', 'summan med omvänt tecken av'],
  ['intäkter-kostnader', 'intäkter − kostnader på'],
  ['kostnader-intäkter', 'kostnader − intäkter på'],
]);

const spanText = (first: number, last: number) => (first === last ? `rad ${first}` : `raderna ${first}–${last}`);

export function resultChecks(s: TableStructure): ResultReading {
  const { table } = s;
  const ledger = isLedger(s);
  const results = table.rows.map((r, i) => (r.kind === 'resultat' ? i : -1)).filter((i) => i >= 0);
  const base = { ledger, incomeFactor: ledger ? -1 : 1, costFactor: ledger ? 1 : -1, surplusFactor: ledger ? -1 : 1 };
  if (results.length === 0) return { checks: [], ...base };
  const itemsOf = new Map(results.map((i) => [i, topItems(s, 0, i)]));
  const hasIncome = [...itemsOf.values()].some((items) => items.some((k) => itemNature(table, k) === 'intäkt'));
  const conventions: Convention[] = hasIncome ? ['summa', 'intäkter-kostnader', 'kostnader-intäkter', 'vänd'] : ['summa', 'vänd'];
  // The convention that makes the most printed results hold, exactly first, then within rounding.
  const score = (cv: Convention) => {
    let exact = 0;
    let rough = 0;
    for (const i of results) {
      const items = itemsOf.get(i)!;
      table.columns.forEach((_, c) => {
        const stated = amountAt(table, i, c);
        const { parts } = sumOf(table, items, c);
        if (stated === undefined || parts === 0) return;
        const diff = stated.minus(expectedBy(cv, table, items, c)).abs();
        if (diff.isZero()) exact++;
        else if (diff.lte(roundingTolerance(parts))) rough++;
      });
    }
    return exact * 1000 + rough;
  };
  let convention: Convention = 'summa';
  let best = -1;
  for (const cv of conventions) {
    const sc = score(cv);
    if (sc > best) {
      best = sc;
      convention = cv;
    }
  }
  const signKey = convention === 'summa' || convention === 'vänd' ? `${convention}-${ledger ? 'bokföring' : 'rapport'}` : convention;
  const sign = SIGN_TEXT.get(signKey)!;
  const checks: GranskaCheck[] = [];
  for (const i of results) {
    const r = table.rows[i]!;
    const items = itemsOf.get(i)!;
    const shown = sheetRows(table, 0, i);
    const range = shown.length > 0 ? spanText(shown[0]!, shown[shown.length - 1]!) : '';
    table.columns.forEach((column, c) => {
      const stated = amountAt(table, i, c);
      const { parts } = sumOf(table, items, c);
      if (stated === undefined || parts === 0) return;
      checks.push(
        amountCheck({
          table,
          row: r,
          column,
          kind: 'resultat',
          kontroll: `${rowName(r)} = ${KONTROLL.get(convention)} ${range}`,
          expected: expectedBy(convention, table, items, c),
          actual: stated,
          tolerance: roundingTolerance(parts),
          note: `${sign}; räknar ${rowsText(items.map((k) => table.rows[k]!.row))}`,
        }),
      );
    });
  }
  const allPositive = convention === 'intäkter-kostnader' || convention === 'kostnader-intäkter';
  const surplusFactor = convention === 'summa' ? (ledger ? -1 : 1) : convention === 'vänd' ? (ledger ? 1 : -1) : convention === 'intäkter-kostnader' ? 1 : -1;
  return {
    checks,
    convention,
    ledger,
    sign,
    surplusFactor,
    incomeFactor: allPositive ? 1 : ledger ? -1 : 1,
    costFactor: allPositive ? 1 : ledger ? 1 : -1,
  };
}

/** The row that totals the intäkter: the first income sum row, else the first income data row. */
export function incomeRowOf(table: GranskaTable): number | undefined {
  const sum = table.rows.findIndex((r) => r.kind === 'summa' && natureOf(sumSubject(r.label)) === 'intäkt');
  if (sum >= 0) return sum;
  const data = table.rows.findIndex((r) => r.kind === 'data' && natureOf(r.label) === 'intäkt');
  return data >= 0 ? data : undefined;
}

/** The last result row: the table's result. */
export function resultRowOf(table: GranskaTable): number | undefined {
  for (let i = table.rows.length - 1; i >= 0; i--) if (table.rows[i]!.kind === 'resultat') return i;
  return undefined;
}

/**
 * The row that totals the kostnader: a cost sum row that, with the income row, is all the
 * result row counts (Summa intäkter, Summa kostnader, Resultat).
 */
export function costRowOf(s: TableStructure): number | undefined {
  const { table } = s;
  const result = resultRowOf(table);
  const income = incomeRowOf(table);
  if (result === undefined || income === undefined) return undefined;
  const items = topItems(s, 0, result);
  if (items.length !== 2 || !items.includes(income)) return undefined;
  const cost = items.find((k) => k !== income)!;
  const r = table.rows[cost]!;
  return r.kind === 'summa' && natureOf(sumSubject(r.label)) === 'kostnad' ? cost : undefined;
}
