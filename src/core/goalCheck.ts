// Kontrollera mål: every goal judged for every year to check, on the financial measures of
// that year's basis or on the participant statistics, and every computable measure per year
// for Nyckeltal. Pure: goals and bases in, results out.
import type Decimal from 'decimal.js';
import { type Goal, type GoalStatus, type MeasureUnit, conditionHolds, goalLimitInUnit } from './goals';
import { type MeasureValue, type YearBasis, measureCanonical, measureCompute, measureIsValue, measureUnit, measuresAll } from './measures';
import { participantMeasure, type StatisticsRow } from './participants';

export interface GoalResult {
  readonly goal: Goal;
  readonly year: number;
  readonly status: GoalStatus;
  readonly unit: MeasureUnit | undefined;
  /** The limit in the measure's unit, when it could be read in it. */
  readonly limit: Decimal | undefined;
  readonly value: Decimal | undefined;
  /** The figures behind the value, or why there is none. */
  readonly underlag: string;
}

export interface GoalCheck {
  readonly results: readonly GoalResult[];
  /** Every measure that could be computed, per year (budget summary years included). */
  readonly nyckeltal: readonly MeasureValue[];
  /** Years whose goals were checked. */
  readonly years: readonly number[];
}

function goalJudge(goal: Goal, basis: YearBasis | undefined, year: number, statistics: readonly StatisticsRow[] | undefined): GoalResult {
  const base = { goal, year };
  if (goal.measure.trim() === '') return { ...base, status: 'bedöms manuellt', unit: undefined, limit: undefined, value: undefined, underlag: 'Målet har inget mått: det bedöms av styrelsen.' };
  const financial = measureCanonical(goal.measure);
  const outcome = financial
    ? basis
      ? measureCompute(financial, basis, goal.insats)
      : { measure: financial, year, missing: `inget underlag för ${year}` }
    : participantMeasure(statistics, goal.measure, goal.insats, year);
  const unit = measureIsValue(outcome) ? outcome.unit : financial ? measureUnit(financial) : undefined;
  if (!goal.condition || !goal.limit) {
    return { ...base, status: 'kan ej bedömas', unit, limit: undefined, value: measureIsValue(outcome) ? outcome.value : undefined, underlag: `Villkor eller gränsvärde saknas${measureIsValue(outcome) ? `; ${outcome.underlag}` : ''}.` };
  }
  if (!measureIsValue(outcome)) {
    const limit = unit ? goalLimitInUnit(goal.limit, unit) : undefined;
    return { ...base, status: 'kan ej bedömas', unit, limit: typeof limit === 'string' ? undefined : limit, value: undefined, underlag: `Kan ej bedömas: ${outcome.missing}.` };
  }
  const limit = goalLimitInUnit(goal.limit, outcome.unit);
  if (typeof limit === 'string') return { ...base, status: 'kan ej bedömas', unit: outcome.unit, limit: undefined, value: outcome.value, underlag: `Kan ej bedömas: ${limit}. ${outcome.underlag}` };
  const met = conditionHolds(outcome.value, goal.condition, limit);
  return { ...base, status: met ? 'uppfyllt' : 'ej uppfyllt', unit: outcome.unit, limit, value: outcome.value, underlag: outcome.underlag };
}

/**
 * Judges every goal for each year of `checkYears` on the basis of that year. `bases` may hold
 * more years (an earlier budget column): they appear in Nyckeltal only.
 */
export function goalsCheck(goals: readonly Goal[], bases: readonly YearBasis[], checkYears: readonly number[], statistics: readonly StatisticsRow[] | undefined): GoalCheck {
  const byYear = new Map(bases.map((b) => [b.year, b]));
  const results: GoalResult[] = [];
  for (const goal of goals) for (const year of checkYears) results.push(goalJudge(goal, byYear.get(year), year, statistics));
  const nyckeltal = [...bases].sort((a, b) => a.year - b.year).flatMap((b) => measuresAll(b));
  return { results, nyckeltal, years: checkYears };
}
