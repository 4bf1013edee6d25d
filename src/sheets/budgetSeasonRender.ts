// The budget season's sheets: Resultatbudget (the resultaträkning's lines per budget and plan
// year), Balansbudget (eget kapital per year against the ceiling and the floor) and
// Driftbudget (per insats and by nature, with the shares per year). Same preamble, marker and
// number formats as the report sheets; every figure traceable to the budget sheet's cells.
import { type BudgetSeason, DRIFT_GROUPS, driftGroupTotal, type SeasonEquity } from '../core/budgetSeason';
import { cellRefText } from '../core/cellref';
import { measureIsValue, percentText } from '../core/measures';
import { ExactDecimal, type Money, moneyToCellNumber } from '../core/money';
import { RESULTATRAKNING_SPEC } from '../core/resultatrakning';
import { type SheetSpec, type SpecCell } from '../workbook/port';
import { HEADER_ROW, HEADER_STYLE, moneyFormat, preamble, type RenderMeta, statementSheet, text } from './render';

export const SEASON_SHEET_NAMES = { resultatbudget: 'Resultatbudget', balansbudget: 'Balansbudget', driftbudget: 'Driftbudget' } as const;

const STATUS_COLOURS: Record<SeasonEquity['status'], { fill: string; fontColor: string }> = {
  'inom gränserna': { fill: 'C6EFCE', fontColor: '006100' },
  'över taket': { fill: 'FFC7CE', fontColor: '9C0006' },
  'under golvet': { fill: 'FFC7CE', fontColor: '9C0006' },
  'kan ej bedömas': { fill: 'FFEB9C', fontColor: '9C5700' },
};

function money(amount: Money | undefined, meta: RenderMeta, style?: SpecCell['style']): SpecCell | null {
  if (amount === undefined) return null;
  return { value: moneyToCellNumber(amount), format: moneyFormat(meta.unit), style: { align: 'right', ...style } };
}

function percentCell(points: { toNumber(): number } | undefined): SpecCell | null {
  if (points === undefined) return null;
  return { value: new ExactDecimal(points.toNumber()).dividedBy(100).toNumber(), format: '0.00%', style: { align: 'right' } };
}

export function resultatbudgetSheet(season: BudgetSeason, meta: RenderMeta): SheetSpec {
  const spec = statementSheet(SEASON_SHEET_NAMES.resultatbudget, season.resultatbudget, { ...RESULTATRAKNING_SPEC, title: 'Resultatbudget' }, meta, []);
  const rows = [...spec.rows, [], [text(`Källa: bladet ${season.sheet}. Budgetår ${season.budgetYear}; kolumnerna efter det är planår${season.resultColumns.some((c) => c.year < season.budgetYear) ? ', kolumnerna före det är tidigare års budget eller utfall' : ''}. Kontroller visar att årets resultat stämmer med budgetens egen resultatrad.`, { italic: true, wrap: true })]];
  return { ...spec, rows };
}

export function balansbudgetSheet(season: BudgetSeason, meta: RenderMeta): SheetSpec {
  const rows: (SpecCell | null)[][] = preamble(`Balansbudget ${season.budgetYear}`, meta);
  const eq = season.equity;
  rows.push([text('Eget kapital', HEADER_STYLE), ...eq.map((e) => text(e.label, { ...HEADER_STYLE, align: 'right' }))]);
  const line = (name: string, get: (e: SeasonEquity) => SpecCell | null, strong = false) => rows.push([text(name, strong ? { bold: true } : undefined), ...eq.map(get)]);
  line('Eget kapital vid årets början', (e) => money(e.ib, meta));
  line('Årets resultat', (e) => money(e.result, meta));
  line('Eget kapital vid årets slut', (e) => money(e.ub, meta, { bold: true, borderTop: true }), true);
  line('Tilldelade medel (medlemmarnas bidrag)', (e) => money(e.tilldelade, meta));
  line('Eget kapital i % av tilldelade medel', (e) => percentCell(e.percent), true);
  line(`Tak: ${percentText(eq[0]?.ceilingPercent ?? new ExactDecimal(20))} av tilldelade medel`, (e) => money(e.ceiling, meta));
  if (eq.some((e) => e.floor)) line('Golv: förbundets lägsta eget kapital', (e) => money(e.floor, meta));
  line('Bedömning', (e) => text(e.status, { ...STATUS_COLOURS[e.status], align: 'center' }), true);
  rows.push([]);
  rows.push([text('Så har eget kapital räknats', { bold: true })]);
  for (const e of eq) if (e.ubSource) rows.push([text(`${e.label}: ${e.ubSource}`, { wrap: true })]);
  rows.push([text('Taket är förbundets mål i bladet Mål (Eget kapital i % av tilldelade medel, ≤), annars 20 % av tilldelade medel (Nationella rådets vägledning för samordningsförbundens eget kapital). Golvet är förbundets mål för lägsta eget kapital, där bladet Mål har ett.', { italic: true, wrap: true })]);
  return { name: SEASON_SHEET_NAMES.balansbudget, rows, widths: [46, ...eq.map(() => 16)], freezeRows: HEADER_ROW };
}

export function driftbudgetSheet(season: BudgetSeason, meta: RenderMeta): SheetSpec {
  const rows: (SpecCell | null)[][] = preamble(`Driftbudget ${season.budgetYear}`, meta);
  const cols = season.columns;
  rows.push([text('Rad', HEADER_STYLE), text('Typ', HEADER_STYLE), text('Andel individinriktad', HEADER_STYLE), ...cols.map((c) => text(c.label, { ...HEADER_STYLE, align: 'right' })), text('Celler i budgeten', HEADER_STYLE)]);
  for (const group of DRIFT_GROUPS) {
    const members = season.drift.filter((r) => r.group === group);
    if (members.length === 0) continue;
    rows.push([text(group, { bold: true })]);
    for (const r of members) {
      rows.push([
        text(r.name),
        r.type ? text(r.type) : null,
        r.individShare !== undefined ? { value: r.individShare, format: '0%', style: { align: 'right' } } : null,
        ...r.amounts.map((a) => money(a, meta)),
        text(r.cells.slice(0, 4).map(cellRefText).join(', ') + (r.cells.length > 4 ? ' …' : ''), { fontColor: '595959', size: 9 }),
      ]);
    }
    rows.push([text(`Summa ${group.toLowerCase()}`, { bold: true }), null, null, ...cols.map((_, c) => money(driftGroupTotal(season.drift, group, c), meta, { bold: true, borderTop: true }))]);
  }
  const result = season.resultatbudget.rows.find((r) => r.name === 'Årets resultat');
  rows.push([text('Årets resultat', { bold: true }), null, null, ...cols.map((_, c) => money(result?.amounts[c], meta, { bold: true, borderTop: true }))]);
  rows.push([]);
  rows.push([text('Andelar', HEADER_STYLE), null, null, ...cols.map((c) => text(c.label, { ...HEADER_STYLE, align: 'right' }))]);
  for (const share of season.shares) rows.push([text(share.name), null, null, ...share.values.map((v) => (measureIsValue(v) ? percentCell(v.value) : text('–', { align: 'right' })))]);
  rows.push([]);
  const why = season.shares.flatMap((s) => s.values.filter((v) => !measureIsValue(v)).map((v) => `${s.name} ${v.year}: ${'missing' in v ? v.missing : ''}`));
  if (season.insatserMissing) rows.push([text('Bladet Insatser saknas eller hittar ingen rad i budgeten: vilka rader som är insatser, och hur individinriktade de är, kan inte avgöras. Skriv insatserna i ett blad Insatser (Insats, Typ, Andel individinriktad) och kör igen.', { italic: true, wrap: true })]);
  for (const w of why.slice(0, 12)) rows.push([text(w, { italic: true, fontColor: '595959' })]);
  return { name: SEASON_SHEET_NAMES.driftbudget, rows, widths: [46, 22, 12, ...cols.map(() => 16), 36], freezeRows: HEADER_ROW };
}

export function budgetSeasonSheets(season: BudgetSeason, meta: RenderMeta): SheetSpec[] {
  return [resultatbudgetSheet(season, meta), balansbudgetSheet(season, meta), driftbudgetSheet(season, meta)];
}
