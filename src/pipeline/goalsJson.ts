// The machine-readable result of Kontrollera mål, as `finsam mal --json` prints it: one entry
// per goal and year, limits and values rounded half-up to two decimals in the measure's unit
// (percent in percent: "28.97"), and every computable measure per year.
import type Decimal from 'decimal.js';
import { cellRefText } from '../core/cellref';
import { ExactDecimal } from '../core/money';
import { type GoalsRunResult } from './goals';

const fixed2 = (d: Decimal | undefined): string | null => {
  if (d === undefined) return null;
  const s = new ExactDecimal(d).toFixed(2, ExactDecimal.ROUND_HALF_UP);
  return s === '-0.00' ? '0.00' : s;
};

export interface GoalsJson {
  forbund: string | null;
  ar: number | null;
  mal: { id: string; ar: number; mal: string; matt: string; villkor: string | null; gransvarde: string | null; utfall: string | null; status: string; underlag: string }[];
  nyckeltal: { ar: number; rad: string; varde: string }[];
  fynd: { kod: string; allvarlighet: string; meddelande: string; celler: string[] }[];
}

export function goalsJson(result: GoalsRunResult): GoalsJson {
  return {
    forbund: result.bokslut?.forbund ?? result.forbund ?? null,
    ar: result.year ?? null,
    mal: (result.check?.results ?? []).map((r) => ({
      id: r.goal.id,
      ar: r.year,
      mal: r.goal.text,
      matt: r.goal.measure,
      villkor: r.goal.condition ?? null,
      gransvarde: fixed2(r.limit ?? r.goal.limit?.value),
      utfall: fixed2(r.value),
      status: r.status,
      underlag: r.underlag,
    })),
    nyckeltal: (result.check?.nyckeltal ?? []).map((n) => ({ ar: n.year, rad: n.measure, varde: fixed2(n.value) as string })),
    fynd: result.findings.map((f) => ({ kod: f.code, allvarlighet: f.severity, meddelande: f.message, celler: f.cells.map(cellRefText) })),
  };
}
