// A balance table per column: summa tillgångar = summa eget kapital, avsättningar och skulder
// (the combined row where the table prints one, else the sum of the side's sum rows). In
// bokföringstecken the other side is negative and the check turns it. The result stands on
// the tillgångar row, the figure compared with what the other side gives.
import type Decimal from 'decimal.js';
import { ExactDecimal } from '../../core/money';
import { amountCheck, rowName } from './status';
import { amountAt, roundingTolerance, type TableStructure } from './structure';
import { type GranskaCheck } from './types';
import { fold, natureOf, normal, sumSubject } from './words';

export function balanceChecks(s: TableStructure, equitySeriesHolds: (c: number) => boolean): GranskaCheck[] {
  const { table } = s;
  const rows = table.rows;
  const sums = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.kind === 'summa');
  // The assets total: "Summa tillgångar", else the last sum of tillgångar.
  const assets = sums.find(({ r }) => fold(sumSubject(r.label)) === 'tillgångar') ?? [...sums].reverse().find(({ r }) => natureOf(sumSubject(r.label)) === 'tillgång');
  if (!assets) return [];
  const combined = sums.find(({ r }) => {
    const t = normal(sumSubject(r.label));
    return /eget kapital|egna kapital/.test(t) && /skuld/.test(t);
  });
  let side: number[];
  if (combined) side = [combined.i];
  else {
    const last = (n: 'eget kapital' | 'avsättning' | 'skuld') => [...sums].reverse().find(({ r, i }) => i !== assets.i && natureOf(sumSubject(r.label)) === n)?.i;
    side = [last('eget kapital'), last('avsättning'), last('skuld')].filter((i): i is number => i !== undefined);
    if (side.length === 0) return [];
  }
  const sideName = combined ? rowName(combined.r) : side.map((i) => rowName(rows[i]!)).join(' + ');
  const out: GranskaCheck[] = [];
  table.columns.forEach((column, c) => {
    const a = amountAt(table, assets.i, c);
    const parts = side.map((i) => amountAt(table, i, c));
    if (!a || parts.some((p) => p === undefined)) return;
    let total: Decimal = new ExactDecimal(0);
    for (const p of parts) total = total.plus(p!);
    // Bokföringstecken: the other side carries the opposite sign.
    const ledger = (total.isNegative() && !a.isNegative()) || (!total.isNegative() && a.isNegative() && !total.isZero());
    const expected = ledger ? total.negated() : total;
    const check = amountCheck({
      table,
      row: assets.r,
      column,
      kind: 'balans',
      kontroll: `Balansräkningen balanserar: ${rowName(assets.r)} = ${ledger ? '−(' : ''}${sideName}${ledger ? ')' : ''}`,
      expected,
      actual: a,
      tolerance: roundingTolerance(side.length + 1),
    });
    const note = check.status === 'avvikelse' && equitySeriesHolds(c) ? 'eget kapital följer av åren (IB + årets resultat); skillnaden sitter på tillgångssidan eller i skulderna' : undefined;
    out.push(note ? { ...check, note } : check);
  });
  return out;
}
