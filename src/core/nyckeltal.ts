// Nyckeltal of the årsredovisning: every financial measure for the report year and the year
// before (named as the Mått column names them), and kostnad per handlagt and per avslutat
// ärende per insats where Insatsstatistik has those counts.
import type Decimal from 'decimal.js';
import { type DriftModel } from './driftredovisning';
import { type MeasureUnit } from './goals';
import { insatsNameKey } from './insatser';
import { measuresAll, type YearBasis } from './measures';
import { ExactDecimal } from './money';
import { type StatisticsRow } from './participants';

export interface NyckeltalRow {
  readonly name: string;
  readonly unit: MeasureUnit;
  /** [report year, year before]; undefined where it cannot be computed. */
  readonly values: readonly (Decimal | undefined)[];
}

const HANDLED = /^(handlagda ärenden|handlagda|aktiva uppdrag|aktiva ärenden|ärenden|deltagare)$/i;
const CLOSED = /^(avslutade ärenden|avslutade|avslutade uppdrag)$/i;

function perCase(drift: DriftModel, statistics: readonly StatisticsRow[], year: number, test: RegExp, label: string, column: 0 | 1): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const row of drift.rows) {
    if (!row.line) continue;
    const stat = statistics.find((s) => test.test(s.measure.trim()) && insatsNameKey(s.insats) === insatsNameKey(row.name) && (s.year === undefined ? column === 0 : s.year === year));
    const netto = column === 0 ? row.netto : row.foregaendeAr;
    if (!stat || stat.antal === 0 || !netto) continue;
    out.set(`${label}: ${row.name}`, new ExactDecimal(netto).negated().dividedBy(stat.antal));
  }
  return out;
}

export function nyckeltalBuild(bases: readonly (YearBasis | undefined)[], drift: DriftModel, statistics: readonly StatisticsRow[] | undefined): NyckeltalRow[] {
  const rows = new Map<string, { unit: MeasureUnit; values: (Decimal | undefined)[] }>();
  bases.forEach((basis, column) => {
    if (!basis) return;
    for (const m of measuresAll(basis)) {
      const row = rows.get(m.measure) ?? { unit: m.unit, values: bases.map(() => undefined) };
      row.values[column] = m.value;
      rows.set(m.measure, row);
    }
    if (!statistics) return;
    for (const [test, label] of [[HANDLED, 'Kostnad per handlagt ärende'], [CLOSED, 'Kostnad per avslutat ärende']] as const) {
      for (const [name, value] of perCase(drift, statistics, basis.year, test, label, column as 0 | 1)) {
        const row = rows.get(name) ?? { unit: 'kr' as MeasureUnit, values: bases.map(() => undefined) };
        row.values[column] = value;
        rows.set(name, row);
      }
    }
  });
  return [...rows.entries()].map(([name, r]) => ({ name, unit: r.unit, values: r.values }));
}
