// Participant measures from the Insatsstatistik sheet (long form: Insats, Mått, Antal, Av).
// A goal on one insats reads its row as Antal/Av in percent, or Antal when Av is empty; a goal
// on the whole förbund adds Antal and Av over every insats that has the measure.
import { type CellRef } from './cellref';
import { insatsNameKey } from './insatser';
import { ExactDecimal } from './money';
import { type MeasureOutcome, percentText } from './measures';

export interface StatisticsRow {
  readonly insats: string;
  readonly measure: string;
  readonly antal: number;
  readonly av: number | undefined;
  readonly year: number | undefined;
  readonly cell: CellRef;
}

export function participantMeasure(rows: readonly StatisticsRow[] | undefined, measure: string, insats: string, year: number): MeasureOutcome {
  if (!rows) return { measure, year, missing: 'arbetsboken har inget blad Insatsstatistik' };
  const key = insatsNameKey(measure);
  const matching = rows.filter((r) => insatsNameKey(r.measure) === key && (r.year === undefined || r.year === year) && (insats === '' || insatsNameKey(r.insats) === insatsNameKey(insats)));
  if (matching.length === 0) {
    return { measure, year, missing: `Insatsstatistik har inget "${measure}"${insats ? ` för ${insats}` : ''}${rows.some((r) => r.year !== undefined) ? ` ${year}` : ''}` };
  }
  const antal = matching.reduce((s, r) => s + r.antal, 0);
  const withAv = matching.filter((r) => r.av !== undefined);
  const where = insats ? insats : matching.length > 1 ? `${matching.length} insatser (${matching.map((r) => r.insats).join(', ')})` : matching[0]!.insats;
  if (withAv.length === 0) {
    return { measure, year, unit: 'antal', value: new ExactDecimal(antal), underlag: `${measure}: ${antal} (${where})` };
  }
  if (withAv.length !== matching.length) {
    return { measure, year, missing: `"${measure}" har Av för vissa insatser men inte för ${matching.filter((r) => r.av === undefined).map((r) => r.insats).join(', ')}` };
  }
  const av = withAv.reduce((s, r) => s + (r.av ?? 0), 0);
  if (av === 0) return { measure, year, missing: `"${measure}" har Av 0 (${where})` };
  const value = new ExactDecimal(antal).times(100).dividedBy(av);
  return { measure, year, unit: 'procent', value, underlag: `${antal} av ${av} (${where}) = ${percentText(value)}` };
}
