// The machine-readable result of Kontrollera mål, as `finsam mal --json` prints it: one entry
// per goal and year, limits and values rounded half-up to two decimals in the measure's unit
// (percent in percent: "28.97"), and every computable measure per year.
import { type GoalsRunResult } from './goals';
import { findingsJson, fixed2 } from './json';

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
    fynd: findingsJson(result.findings),
  };
}
