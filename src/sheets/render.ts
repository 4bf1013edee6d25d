// Renderers: report models to sheet specs. Every generated sheet starts the same way: the
// title (row 1), förbund and unit (row 2), the marker with version, time, source sheets,
// row counts and checksum (row 3), then the table with its header frozen. Cells hold exact
// kronor; kr or tkr is only a number format, and a sheet whose rounded lines do not add up
// to its rounded totals says so below the table. No text cell is longer than Excel allows:
// a longer text (a name or a message copied from the input) is cut with a note and a warning.
import { type Bokslut } from '../core/bokslut';
import { BALANSRAKNING_SPEC } from '../core/balansrakning';
import { cellRef, cellRefText } from '../core/cellref';
import { type DriftModel } from '../core/driftredovisning';
import type Decimal from 'decimal.js';
import { type MeasureUnit } from '../core/goals';
import { KASSAFLODE_SPEC } from '../core/kassaflode';
import { type NyckeltalRow } from '../core/nyckeltal';
import { type Note } from '../core/noter';
import { type KontoplanProposalRow, type UncertainAccount } from '../core/accountProposal';
import { FLERARS_PERCENT_ROWS, FLERARS_ROWS, type Flerarsoversikt } from '../core/flerars';
import { BALANSKRAV_NEGATIVE_NOTE, BALANSKRAV_SPEC } from '../core/balanskrav';
import { type Finding, finding } from '../core/findings';
import { ExactDecimal, groupThousands, type Money, moneyRatio, moneyRoundKronor, moneyRoundTkr, moneyToCellNumber } from '../core/money';
import { type Reconciliation } from '../core/reconciliation';
import { RESULTATRAKNING_SPEC } from '../core/resultatrakning';
import { type StatementModel, type StatementSpec, statementRow } from '../core/statement';
import { GENERATED_MARKER_PREFIX, type SheetSpec, type SpecCell } from '../workbook/port';

export interface RenderMeta {
  readonly forbund: string;
  readonly year: number;
  readonly unit: 'kr' | 'tkr';
  readonly version: string;
  /** ISO time of the run. */
  readonly generatedAt: string;
  readonly sources: readonly { readonly name: string; readonly rows: number }[];
  /** Checksum of the input cells, hex. */
  readonly checksum: string;
}

export const SHEET_NAMES = {
  resultatrakning: 'Resultaträkning',
  balansrakning: 'Balansräkning',
  driftredovisning: 'Driftredovisning',
  kontroller: 'Kontroller',
  kassaflodesanalys: 'Kassaflödesanalys',
  balanskrav: 'Balanskravsresultat',
  noter: 'Noter',
  nyckeltal: 'Nyckeltal',
  flerarsoversikt: 'Flerårsöversikt',
} as const;

export const ROUNDING_NOTE = 'Avrundningsdifferenser kan förekomma.';

export const HEADER_ROW = 5;
export const HEADER_STYLE = { bold: true, fill: 'DDEBF7', borderBottom: 'thin' as const };

export function moneyFormat(unit: 'kr' | 'tkr'): string {
  return unit === 'tkr' ? '#,##0,;-#,##0,;0' : '#,##0;-#,##0;0';
}

export function markerText(meta: RenderMeta): string {
  const sources = meta.sources.map((s) => `${s.name} (${s.rows} rader)`).join(', ');
  return `${GENERATED_MARKER_PREFIX} ${meta.version} ${meta.generatedAt} från ${sources}; kontrollsumma ${meta.checksum}. Bladet ersätts vid nästa körning: ändra i källbladen, inte här.`;
}

export function text(value: string, style?: SpecCell['style']): SpecCell {
  return { value, style };
}

function money(amount: Money | undefined, unit: 'kr' | 'tkr', style?: SpecCell['style']): SpecCell | null {
  if (amount === undefined) return null;
  return { value: moneyToCellNumber(amount), format: moneyFormat(unit), style: { align: 'right', ...style } };
}

function percent(ratio: number | undefined): SpecCell | null {
  if (ratio === undefined) return null;
  return { value: ratio, format: '0.0%', style: { align: 'right' } };
}

export function preamble(title: string, meta: RenderMeta): (SpecCell | null)[][] {
  return [
    [text(title, { bold: true, size: 14 })],
    [text(`${meta.forbund} · belopp i ${meta.unit}`, { italic: true })],
    [text(markerText(meta), { italic: true, fontColor: '7F7F7F', size: 8 })],
    [],
  ];
}

function rounder(unit: 'kr' | 'tkr'): (m: Money) => string {
  return (m) => (unit === 'tkr' ? moneyRoundTkr(m) : moneyRoundKronor(m)).toFixed(0);
}

/** True when a sum line's rounded figure differs from the sum of its rounded parts. */
export function statementRoundingDiffers(model: StatementModel, spec: StatementSpec, unit: 'kr' | 'tkr'): boolean {
  const round = rounder(unit);
  const byName = new Map(model.rows.map((r) => [r.name, r]));
  for (const line of spec.lines) {
    if (line.kind !== 'sum') continue;
    const total = byName.get(line.name);
    if (!total) continue;
    for (let c = 0; c < total.amounts.length; c++) {
      const t = total.amounts[c];
      if (t === undefined) continue;
      const partsRounded = line.of.reduce((s, name) => {
        const a = byName.get(name)?.amounts[c];
        return s + (a === undefined ? 0 : Number(round(a)));
      }, 0);
      if (Number(round(t)) !== partsRounded) return true;
    }
  }
  return false;
}

export function statementSheet(name: string, model: StatementModel, spec: StatementSpec, meta: RenderMeta, extraColumns: { header: string; cell: (rowIndex: number) => SpecCell | null }[]): SheetSpec {
  const rows: (SpecCell | null)[][] = preamble(`${model.title} ${meta.year}`, meta);
  rows.push([text('Rad', HEADER_STYLE), ...model.columns.map((c) => text(c, { ...HEADER_STYLE, align: 'right' })), ...extraColumns.map((e) => text(e.header, HEADER_STYLE)), text('Konton', HEADER_STYLE)]);
  model.rows.forEach((r, i) => {
    const strong = r.kind === 'sum' || r.kind === 'heading';
    const style = strong ? { bold: true, borderTop: r.kind === 'sum' } : undefined;
    rows.push([
      text(r.name, style),
      ...r.amounts.map((a) => money(a, meta.unit, style)),
      ...extraColumns.map((e) => e.cell(i)),
      text(r.accounts.join(', '), { fontColor: '595959', size: 9 }),
    ]);
  });
  if (statementRoundingDiffers(model, spec, meta.unit)) rows.push([], [text(ROUNDING_NOTE, { italic: true })]);
  const nameWidth = Math.min(64, Math.max(42, ...model.rows.map((r) => r.name.length + 2)));
  return { name, rows, widths: [nameWidth, ...model.columns.map(() => 16), ...extraColumns.map(() => 14), 40], freezeRows: HEADER_ROW };
}

/** The "Not" column: the note number on the line a note explains. */
function noteColumn(model: StatementModel, notes: readonly Note[], statement: Note['statement']) {
  return {
    header: 'Not',
    cell: (i: number): SpecCell | null => {
      const n = notes.find((x) => x.statement === statement && x.lines[0] === model.rows[i]?.name);
      return n ? { value: n.number, format: '0', style: { align: 'center' } } : null;
    },
  };
}

export function resultatrakningSheet(model: StatementModel, meta: RenderMeta, notes: readonly Note[] = []): SheetSpec {
  return statementSheet(SHEET_NAMES.resultatrakning, model, RESULTATRAKNING_SPEC, meta, [
    {
      header: `Utfall i % av budget`,
      cell: (i) => {
        const r = model.rows[i];
        const utfall = r?.amounts[0];
        const budget = r?.amounts[2];
        // Only where the comparison means something: same sign, a budget to compare with.
        if (!utfall || !budget || budget.isZero() || utfall.isNegative() !== budget.isNegative()) return null;
        const ratio = moneyRatio(utfall, budget);
        return percent(ratio?.toNumber());
      },
    },
    noteColumn(model, notes, 'resultatrakning'),
  ]);
}

export function balansrakningSheet(model: StatementModel, meta: RenderMeta, notes: readonly Note[] = []): SheetSpec {
  return statementSheet(SHEET_NAMES.balansrakning, model, BALANSRAKNING_SPEC, meta, [noteColumn(model, notes, 'balansrakning')]);
}

export function noterSheet(notes: readonly Note[], meta: RenderMeta): SheetSpec {
  const out: (SpecCell | null)[][] = preamble(`Noter ${meta.year}`, meta);
  out.push([text('Rad', HEADER_STYLE), text(`${meta.year}`, { ...HEADER_STYLE, align: 'right' }), text(`${meta.year - 1}`, { ...HEADER_STYLE, align: 'right' })]);
  for (const n of notes) {
    out.push([text(`Not ${n.number} ${n.title}`, { bold: true })]);
    for (const r of n.rows) out.push([text(r.name), ...r.amounts.map((a) => money(a, meta.unit))]);
    out.push([text(`Summa (= ${n.lines.join(' + ')})`, { bold: true, borderTop: true }), ...n.total.map((a) => money(a, meta.unit, { bold: true, borderTop: true }))], []);
  }
  const round = rounder(meta.unit);
  const differs = notes.some((n) => n.total.some((t, c) => t !== undefined && Number(round(t)) !== n.rows.reduce((sum, r) => sum + (r.amounts[c] ? Number(round(r.amounts[c]!)) : 0), 0)));
  if (differs) out.push([text(ROUNDING_NOTE, { italic: true })]);
  return { name: SHEET_NAMES.noter, rows: out, widths: [52, 16, 16], freezeRows: HEADER_ROW };
}

export function kassaflodeSheet(model: StatementModel, meta: RenderMeta): SheetSpec {
  return statementSheet(SHEET_NAMES.kassaflodesanalys, model, KASSAFLODE_SPEC, meta, []);
}

export function balanskravSheet(model: StatementModel, meta: RenderMeta): SheetSpec {
  const sheet = statementSheet(SHEET_NAMES.balanskrav, model, BALANSKRAV_SPEC, meta, []);
  const result = statementRow(model, 'Balanskravsresultat');
  const negative = result?.amounts.map((a, i) => (a?.isNegative() ? model.columns[i] : undefined)).filter((y): y is string => y !== undefined) ?? [];
  if (negative.length === 0) return sheet;
  return { ...sheet, rows: [...sheet.rows, [], [text(`${negative.join(' och ')}: ${BALANSKRAV_NEGATIVE_NOTE}`, { italic: true })]] };
}

export function driftRoundingDiffers(model: DriftModel, unit: 'kr' | 'tkr'): boolean {
  const round = rounder(unit);
  const lines = model.rows.slice(0, -1);
  const total = model.rows[model.rows.length - 1];
  if (!total) return false;
  const pick: ((r: DriftModel['rows'][number]) => Money | undefined)[] = [(r) => r.intakt, (r) => r.kostnad, (r) => r.netto, (r) => r.budget, (r) => r.foregaendeAr];
  for (const p of pick) {
    const t = p(total);
    if (t === undefined) continue;
    const parts = lines.reduce((s, r) => {
      const v = p(r);
      return s + (v === undefined ? 0 : Number(round(v)));
    }, 0);
    if (Number(round(t)) !== parts) return true;
  }
  return model.rows.some((r) => Number(round(r.netto)) !== Number(round(r.intakt)) + Number(round(r.kostnad)));
}

export function driftredovisningSheet(model: DriftModel, meta: RenderMeta): SheetSpec {
  const rows: (SpecCell | null)[][] = preamble(`Driftredovisning ${model.year}`, meta);
  const headers = ['Rad', 'Intäkt', 'Kostnad', 'Netto', `Budget netto ${model.year}`, 'Avvikelse (utfall − budget)', `Netto ${model.year - 1}`, 'Konton'];
  rows.push(headers.map((h, i) => text(h, { ...HEADER_STYLE, align: i > 0 && i < 7 ? 'right' : 'left', wrap: true })));
  for (const r of model.rows) {
    const style = r.name === 'Resultat' ? { bold: true, borderTop: true } : undefined;
    rows.push([
      text(r.name, style),
      money(r.intakt, meta.unit, style),
      money(r.kostnad, meta.unit, style),
      money(r.netto, meta.unit, style),
      money(r.budget, meta.unit, style),
      money(r.avvikelse, meta.unit, style),
      money(r.foregaendeAr, meta.unit, style),
      text(r.accounts.join(', '), { fontColor: '595959', size: 9 }),
    ]);
  }
  if (driftRoundingDiffers(model, meta.unit)) rows.push([], [text(ROUNDING_NOTE, { italic: true })]);
  return { name: SHEET_NAMES.driftredovisning, rows, widths: [42, 14, 14, 14, 16, 18, 14, 40], freezeRows: HEADER_ROW };
}

export function kontrollerSheet(reconciliations: readonly Reconciliation[], findings: readonly Finding[], meta: RenderMeta): SheetSpec {
  const rows: (SpecCell | null)[][] = preamble(`Kontroller ${meta.year}`, meta);
  rows.push(['Kontroll', 'Förväntat', 'Faktiskt', 'Differens', 'Status', 'Celler'].map((h) => text(h, HEADER_STYLE)));
  const passed = reconciliations.filter((r) => r.passed).length;
  for (const r of reconciliations) {
    const status = r.passed ? text('Godkänd', { fontColor: '006100', fill: 'C6EFCE' }) : text('Avviker', { fontColor: '9C0006', fill: 'FFC7CE', bold: true });
    // Kontroller shows öre: a check is exact, not rounded.
    const exact = (m: Money): SpecCell => ({ value: moneyToCellNumber(m), format: '#,##0.00;-#,##0.00;0.00', style: { align: 'right' } });
    rows.push([text(r.name, { wrap: true }), exact(r.expected), exact(r.actual), exact(r.difference), status, text(r.cells.slice(0, 5).map(cellRefText).join(', '), { size: 9 })]);
  }
  rows.push([], [text(`${passed} av ${reconciliations.length} kontroller godkända.`, { bold: true })]);
  if (findings.length > 0) {
    rows.push([], [text('Fynd', { bold: true, size: 12 })], ['Kod', 'Allvarlighet', 'Meddelande'].map((h) => text(h, HEADER_STYLE)));
    for (const f of findings) rows.push([text(f.code), text(f.severity), text(f.message, { wrap: true })]);
  }
  return { name: SHEET_NAMES.kontroller, rows, widths: [70, 16, 16, 14, 12, 40], freezeRows: HEADER_ROW };
}

/** A measure's value in its unit: percent as a percent-formatted fraction, kronor, or a count. */
export function measureCell(value: Decimal | undefined, unit: MeasureUnit | undefined): SpecCell | null {
  if (value === undefined || unit === undefined) return null;
  if (unit === 'procent') return { value: new ExactDecimal(value).dividedBy(100).toNumber(), format: '0.00%', style: { align: 'right' } };
  if (unit === 'kr') return { value: new ExactDecimal(value).toDecimalPlaces(2).toNumber(), format: '#,##0 "kr";-#,##0 "kr";0 "kr"', style: { align: 'right' } };
  return { value: new ExactDecimal(value).toNumber(), format: '0', style: { align: 'right' } };
}

export function nyckeltalSheet(rows: readonly NyckeltalRow[], meta: RenderMeta): SheetSpec {
  const out: (SpecCell | null)[][] = preamble(`Nyckeltal ${meta.year}`, meta);
  out.push([text('Nyckeltal', HEADER_STYLE), text(`${meta.year}`, { ...HEADER_STYLE, align: 'right' }), text(`${meta.year - 1}`, { ...HEADER_STYLE, align: 'right' })]);
  for (const r of rows) out.push([text(r.name), ...r.values.map((v) => measureCell(v, r.unit))]);
  out.push([], [text('Procent med två decimaler, beräknade på exakta belopp. Andelar av insatser delar varje insats efter dess andel individinriktad (bladet Insatser).', { italic: true, wrap: true })]);
  return { name: SHEET_NAMES.nyckeltal, rows: out, widths: [60, 16, 16], freezeRows: HEADER_ROW };
}

export function flerarsSheet(model: Flerarsoversikt, meta: RenderMeta): SheetSpec {
  const out: (SpecCell | null)[][] = preamble(`Flerårsöversikt ${model.years[0]}–${model.years[model.years.length - 1]}`, meta);
  out.push([text('Rad', HEADER_STYLE), ...model.years.map((y) => text(`${y}`, { ...HEADER_STYLE, align: 'right' }))]);
  for (const name of FLERARS_ROWS) {
    const values = model.rows.get(name);
    const percent = FLERARS_PERCENT_ROWS.includes(name);
    out.push([text(name), ...model.years.map((y) => {
      const v = values?.get(y);
      if (!v) return null;
      return percent ? measureCell(v.value, 'procent') : money(v.value as Money, meta.unit);
    })]);
  }
  const source = (kind: 'huvudbok' | 'historik') => model.years.filter((y) => [...model.rows.values()].some((m) => m.get(y)?.source === kind));
  const books = source('huvudbok');
  const history = source('historik');
  out.push([], [text(`Källa: huvudboken ${books.join(', ') || '–'}${history.length > 0 ? `; bladet Historik ${history.join(', ')}` : ''}. Kontroller visar om varje års eget kapital följer av föregående år plus årets resultat.`, { italic: true, wrap: true })]);
  return { name: SHEET_NAMES.flerarsoversikt, rows: out, widths: [40, 14, 14, 14, 14, 14], freezeRows: HEADER_ROW };
}

/** The Kontoplan proposed when accounts have no certain line, every text made to fit, and the warnings for cut texts. */
export function kontoplanProposalRender(rows: readonly KontoplanProposalRow[], uncertain: readonly UncertainAccount[]): { sheet: SheetSpec; findings: Finding[] } {
  return sheetTextFit(kontoplanProposalSpec(rows, uncertain));
}

/** The Kontoplan proposed when accounts have no certain line (kontoplanProposalRender without the warnings). */
export function kontoplanProposalSheet(rows: readonly KontoplanProposalRow[], uncertain: readonly UncertainAccount[]): SheetSpec {
  return kontoplanProposalRender(rows, uncertain).sheet;
}

/** The Kontoplan proposed when accounts have no certain line: every account, Status "förslag". */
function kontoplanProposalSpec(rows: readonly KontoplanProposalRow[], uncertain: readonly UncertainAccount[]): SheetSpec {
  const flagged = new Set(uncertain.map((u) => u.account));
  const header = ['Konto', 'Benämning', 'Belopp', 'Rad', 'Status'].map((h) => text(h, HEADER_STYLE));
  const body = rows.map((r) => [
    text(r.account),
    text(r.name),
    money(r.amount, 'kr'),
    r.line ? text(r.line, flagged.has(r.account) ? { fill: 'FFEB9C', bold: true } : undefined) : text('', { fill: 'FFC7CE' }),
    text('förslag'),
  ]);
  const note = [text('Förslag från Finsam Ekonomi. Kontrollera Rad (gulmarkerade konton placeras inte säkert av Kommun-Bas), skriv "bekräftad" i Status eller töm kolumnen, och kör igen. Belopp: årets IB plus årets rader i bokföringens tecken.', { italic: true, wrap: true })];
  return { name: 'Kontoplan', kind: 'settings', rows: [header, ...body, [], note], widths: [10, 40, 16, 36, 12], freezeRows: 1 };
}

/** Excel's most characters in one cell. */
export const CELL_TEXT_LIMIT = 32_767;
/** How a text cut to fit a cell ends. */
export const TEXT_CUT_NOTE = '… (avkortad)';

/** `text` cut to fit one cell, ending with the note; unchanged when it fits. */
export function cellTextFit(text: string): string {
  if (text.length <= CELL_TEXT_LIMIT) return text;
  let end = CELL_TEXT_LIMIT - TEXT_CUT_NOTE.length;
  // Never half a surrogate pair.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + TEXT_CUT_NOTE;
}

/** Every text cell of a sheet made to fit, with a warning per cut cell naming the cell and how the text began. */
export function sheetTextFit(spec: SheetSpec): { sheet: SheetSpec; findings: Finding[] } {
  const findings: Finding[] = [];
  let changed = false;
  const rows = spec.rows.map((row, r) =>
    row.map((cell, c) => {
      if (!cell || typeof cell.value !== 'string' || cell.value.length <= CELL_TEXT_LIMIT) return cell;
      changed = true;
      const at = cellRef(spec.name, r + 1, c + 1);
      const start = cell.value.slice(0, 40).replace(/\s+/g, ' ');
      findings.push(
        finding(
          'text-avkortad',
          `Texten i cell ${cellRefText(at)} ("${start}…") har ${groupThousands(String(cell.value.length))} tecken, fler än de ${groupThousands(String(CELL_TEXT_LIMIT))} som ryms i en cell i Excel. Den har kortats och slutar med "${TEXT_CUT_NOTE}". Korta texten i bladet den kommer från (ett namn, ett mål eller en cell som ett fynd citerar) och kör igen.`,
          [at],
        ),
      );
      return { ...cell, value: cellTextFit(cell.value) };
    }),
  );
  return { sheet: changed ? { ...spec, rows } : spec, findings };
}

/**
 * All generated sheets of a bokslut, in the order they are written, every text made to fit.
 * The warnings for cut texts are returned and listed on the Kontroller sheet too.
 */
export function bokslutRender(bokslut: Bokslut, findings: readonly Finding[], meta: RenderMeta): { sheets: SheetSpec[]; findings: Finding[] } {
  const reports = [
    resultatrakningSheet(bokslut.resultatrakning, meta, bokslut.noter),
    balansrakningSheet(bokslut.balansrakning, meta, bokslut.noter),
    noterSheet(bokslut.noter, meta),
    driftredovisningSheet(bokslut.driftredovisning, meta),
    kassaflodeSheet(bokslut.kassaflodesanalys, meta),
    balanskravSheet(bokslut.balanskrav, meta),
    nyckeltalSheet(bokslut.nyckeltal, meta),
    flerarsSheet(bokslut.flerarsoversikt, meta),
  ].map(sheetTextFit);
  const cut = reports.flatMap((r) => r.findings);
  // Kontroller lists the cuts; a finding too long for its cell is cut too and listed as well.
  let kontroller = sheetTextFit(kontrollerSheet(bokslut.reconciliations, [...findings, ...cut], meta));
  if (kontroller.findings.length > 0) kontroller = sheetTextFit(kontrollerSheet(bokslut.reconciliations, [...findings, ...cut, ...kontroller.findings], meta));
  return { sheets: [...reports.map((r) => r.sheet), kontroller.sheet], findings: [...cut, ...kontroller.findings] };
}

/** All generated sheets of a bokslut, every text made to fit (bokslutRender without the warnings). */
export function bokslutSheets(bokslut: Bokslut, findings: readonly Finding[], meta: RenderMeta): SheetSpec[] {
  return bokslutRender(bokslut, findings, meta).sheets;
}
