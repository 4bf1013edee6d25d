// The Målkontroll sheet: one row per goal and year (Id, Mål, År, Mått, Villkor och
// gränsvärde, Utfall, Status, Underlag), Status coloured by conditional formats, then the
// measures per year (Nyckeltal, budget summary years included). Also the Mål sheet proposed
// to a workbook that has none: the common goals, for the förbund to adjust. Texts longer than
// a cell holds (a goal's text, an underlag) are cut with a note and a warning.
import { type Finding } from '../core/findings';
import { type GoalCheck, type GoalResult } from '../core/goalCheck';
import { CONDITION_TEXT } from '../core/goals';
import { type MeasureValue, unitValueText } from '../core/measures';
import { type SheetSpec, type SpecCell } from '../workbook/port';
import { HEADER_ROW, HEADER_STYLE, measureCell, type RenderMeta, preamble, sheetTextFit, text } from './render';

export const GOALS_SHEET_NAME = 'Målkontroll';
export const GOALS_INPUT_SHEET = 'Mål';
/** The Målkontroll row of the first result; result i is on row GOALS_FIRST_ROW + i. */
export const GOALS_FIRST_ROW = HEADER_ROW + 1;

export const STATUS_COLOURS: Record<GoalResult['status'], { fill: string; fontColor: string }> = {
  uppfyllt: { fill: 'C6EFCE', fontColor: '006100' },
  'ej uppfyllt': { fill: 'FFC7CE', fontColor: '9C0006' },
  'bedöms manuellt': { fill: 'FFEB9C', fontColor: '9C5700' },
  'kan ej bedömas': { fill: 'EDEDED', fontColor: '3F3F3F' },
};

export function statusLabel(status: GoalResult['status']): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}

export function conditionText(r: GoalResult): string {
  const g = r.goal;
  if (!g.condition || !g.limit) return '';
  const limit = r.limit !== undefined && r.unit ? unitValueText(r.limit, r.unit) : `${g.limit.value.toString()}${g.limit.kind === 'procent' ? ' %' : g.limit.kind === 'kr' ? ' kr' : ''}`;
  return `${CONDITION_TEXT[g.condition]} ${limit}`;
}

/** The Målkontroll sheet, every text made to fit, and the warnings for cut texts. */
export function goalsRender(check: GoalCheck, meta: RenderMeta, kind: 'utfall' | 'budget'): { sheet: SheetSpec; findings: Finding[] } {
  return sheetTextFit(goalsSpec(check, meta, kind));
}

/** The Målkontroll sheet, every text made to fit (goalsRender without the warnings). */
export function goalsSheet(check: GoalCheck, meta: RenderMeta, kind: 'utfall' | 'budget'): SheetSpec {
  return goalsRender(check, meta, kind).sheet;
}

function goalsSpec(check: GoalCheck, meta: RenderMeta, kind: 'utfall' | 'budget'): SheetSpec {
  const years = check.years.length > 1 ? `${check.years[0]}–${check.years[check.years.length - 1]}` : `${check.years[0] ?? meta.year}`;
  const rows: (SpecCell | null)[][] = preamble(`Målkontroll ${years}${kind === 'budget' ? ' (budget och plan)' : ''}`, meta);
  rows.push(['Id', 'Mål', 'År', 'Mått', 'Villkor och gränsvärde', 'Utfall', 'Status', 'Underlag'].map((h, i) => text(h, { ...HEADER_STYLE, align: i === 5 ? 'right' : 'left' })));
  const first = GOALS_FIRST_ROW;
  for (const r of check.results) {
    rows.push([
      text(r.goal.id),
      text(r.goal.text, { wrap: true }),
      { value: r.year, format: '0' },
      text(r.goal.measure + (r.goal.insats ? ` (${r.goal.insats})` : '')),
      text(conditionText(r)),
      measureCell(r.value, r.unit),
      text(statusLabel(r.status), { bold: true }),
      text(r.underlag, { wrap: true, size: 9 }),
    ]);
  }
  const last = rows.length;
  const met = check.results.filter((r) => r.status === 'uppfyllt').length;
  const notMet = check.results.filter((r) => r.status === 'ej uppfyllt').length;
  rows.push([], [text(`${met} uppfyllda, ${notMet} ej uppfyllda av ${check.results.length} mål och år.`, { bold: true })]);

  // The percentage goals against their limits: the data of the chart beside the table.
  const percentGoals = check.results.filter((r) => r.unit === 'procent' && r.value !== undefined && r.limit !== undefined);
  let chartData: { fromRow: number; toRow: number } | undefined;
  if (percentGoals.length > 0) {
    rows.push([], [text('Procentmål mot gränsvärden (underlag för diagrammet)', { bold: true })]);
    rows.push([text('Mål', HEADER_STYLE), text('Utfall', { ...HEADER_STYLE, align: 'right' }), text('Gränsvärde', { ...HEADER_STYLE, align: 'right' })]);
    const fromRow = rows.length;
    for (const r of percentGoals) rows.push([text(`${r.goal.id} ${r.year}`), measureCell(r.value, 'procent'), measureCell(r.limit, 'procent')]);
    chartData = { fromRow, toRow: rows.length };
  }

  // Nyckeltal: every measure per year.
  const summaryYears = [...new Set(check.nyckeltal.map((n) => n.year))].sort((a, b) => a - b);
  if (summaryYears.length > 0) {
    rows.push([], [text(kind === 'budget' ? 'Budgetsammanställning av måtten' : 'Nyckeltal', { bold: true, size: 12 })]);
    rows.push([text('Mått', HEADER_STYLE), ...summaryYears.map((y) => text(`${kind === 'budget' ? (check.years.includes(y) ? (y === check.years[0] ? 'Budget' : 'Plan') : 'Budget') : 'Utfall'} ${y}`, { ...HEADER_STYLE, align: 'right' }))]);
    const names = [...new Set(check.nyckeltal.map((n) => n.measure))];
    const byKey = new Map<string, MeasureValue>(check.nyckeltal.map((n) => [`${n.measure}|${n.year}`, n]));
    for (const name of names) {
      rows.push([text(name), ...summaryYears.map((y) => {
        const v = byKey.get(`${name}|${y}`);
        return v ? measureCell(v.value, v.unit) : null;
      })]);
    }
  }
  return {
    name: GOALS_SHEET_NAME,
    rows,
    widths: [6, 48, 7, 34, 20, 14, 16, 70],
    freezeRows: HEADER_ROW,
    charts: chartData ? [{ title: 'Procentmål: utfall mot gränsvärde', kind: 'bar', fromRow: chartData.fromRow, toRow: chartData.toRow, fromColumn: 0, toColumn: 2, anchorRow: HEADER_ROW, anchorColumn: 9 }] : [],
    conditionalFormats: last >= first ? [{ column: 6, fromRow: first, toRow: last, rules: (Object.keys(STATUS_COLOURS) as GoalResult['status'][]).map((s) => ({ text: statusLabel(s), ...STATUS_COLOURS[s] })) }] : [],
  };
}

/** The common goals (../design.md), proposed as a Mål sheet for the förbund to adjust. */
export function goalsProposalSheet(): SheetSpec {
  const header = ['Id', 'Mål', 'Insats', 'Mått', 'Villkor', 'Gränsvärde'];
  const goals: string[][] = [
    ['F1', 'Det egna kapitalet ska inte överstiga 20 % av tilldelade medel', '', 'Eget kapital i % av tilldelade medel', '≤', '20 %'],
    ['F2', 'Det egna kapitalet ska inte understiga 5 % av tilldelade medel', '', 'Eget kapital i % av tilldelade medel', '≥', '5 %'],
    ['F3', 'Minst 70 % av medlen till insatser ska gå till individinriktade insatser', '', 'Andel individinriktade insatser', '≥', '70 %'],
    ['F4', 'Verksamheten ska bedrivas inom budgetramen', '', 'Budgetavvikelse', '≥', '0'],
    ['F5', 'Förbundet får inte ta upp lån eller krediter', '', 'Långfristiga skulder', '≤', '0'],
    ['F6', 'Balanskravet ska uppfyllas', '', 'Balanskravsresultat', '≥', '0'],
    ['V1', 'Minst 85 % av de svarande deltagarna ska vara nöjda', '', 'Nöjda deltagare', '≥', '85 %'],
    ['V2', 'Minst en tredjedel av deltagarna ska ha en positiv stegförflyttning', '', 'Positiv stegförflyttning', '≥', 'en tredjedel'],
    ['V3', 'Minst 35 % av de avslutade ska gå till arbete eller studier', '', 'Avslutade till arbete eller studier', '≥', '35 %'],
    ['V4', 'Samlat kapital ska användas till ändamålsenliga insatser', '', '', '', ''],
  ];
  return {
    name: GOALS_INPUT_SHEET,
    kind: 'settings',
    rows: [header.map((h) => text(h, HEADER_STYLE)), ...goals.map((g) => g.map((v) => (v === '' ? null : text(v, { wrap: true }))))],
    widths: [6, 60, 24, 40, 10, 14],
    freezeRows: 1,
  };
}
