// The Granskning sheet: one row per check Granska made — where the checked figure stands
// (sheet and cell, the cell a link that goes there), its table, row and column, what was
// checked, the expected and the printed figure, the difference, the unit and the status
// (coloured) — the slips first, then the rounding differences, then what holds, each group in
// the order the sheets print them.
import { cellAddress } from '../core/cellref';
import { type GranskaCheck, type GranskaResult, type GranskaStatus } from './granska';
import { LINK_STYLE, type SheetSpec, type SpecCell } from '../workbook/port';
import { HEADER_STYLE, markerText, type RenderMeta, text } from './render';

export const GRANSKNING_SHEET = 'Granskning';

const STATUS_ORDER: Record<GranskaStatus, number> = { avvikelse: 0, avrundning: 1, godkänd: 2 };

export const GRANSKA_STATUS_COLOURS: Record<GranskaStatus, { fill: string; fontColor: string }> = {
  godkänd: { fill: 'C6EFCE', fontColor: '006100' },
  avrundning: { fill: 'FFEB9C', fontColor: '9C5700' },
  avvikelse: { fill: 'FFC7CE', fontColor: '9C0006' },
};

const HEADER = ['Blad', 'Cell', 'Tabell', 'Rad', 'Kolumn', 'Kontroll', 'Förväntat', 'Faktiskt', 'Differens', 'Enhet', 'Status', 'Anmärkning'];
const WIDTHS = [14, 8, 24, 30, 16, 44, 13, 13, 11, 6, 11, 40];

/** A figure as a number cell, with decimals only where it has them. */
function figure(value: { toNumber(): number; isInteger(): boolean }): SpecCell {
  return { value: value.toNumber(), format: value.isInteger() ? '#,##0;-#,##0;0' : '#,##0.00;-#,##0.00;0.00', style: { align: 'right' } };
}

/** The checks in the order the sheet lists them: slips, rounding, the rest; within each by sheet and place. */
export function granskaChecksOrdered(checks: readonly GranskaCheck[], sheetOrder: readonly string[]): GranskaCheck[] {
  const sheetIndex = (s: string) => {
    const i = sheetOrder.indexOf(s);
    return i < 0 ? sheetOrder.length : i;
  };
  return [...checks].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || sheetIndex(a.sheet) - sheetIndex(b.sheet) || a.cell.row - b.cell.row || a.cell.col - b.cell.col);
}

export function granskningSheet(result: GranskaResult, sheetOrder: readonly string[], meta: RenderMeta): SheetSpec {
  const counts = { godkänd: 0, avrundning: 0, avvikelse: 0 };
  for (const c of result.checks) counts[c.status]++;
  const summary =
    result.tables.length === 0
      ? 'Inga tabeller med summor att granska hittades i arbetsboken.'
      : `${result.tables.length} tabeller, ${result.checks.length} kontroller: ${counts.avvikelse} avvikelser, ${counts.avrundning} avrundningsdifferenser, ${counts.godkänd} godkända. Avrundning till den tryckta enheten räknas inte som avvikelse.`;
  const rows: (SpecCell | null)[][] = [
    [text('Granskning av tabellerna', { bold: true, size: 14 })],
    [text(`${meta.forbund} · ${summary}`, { italic: true })],
    [text(markerText(meta), { italic: true, fontColor: '7F7F7F', size: 8 })],
    [],
    HEADER.map((h) => text(h, HEADER_STYLE)),
  ];
  const first = rows.length + 1;
  for (const c of granskaChecksOrdered(result.checks, sheetOrder)) {
    const address = cellAddress(c.cell.row, c.cell.col);
    rows.push([
      text(c.sheet),
      { ...text(address, LINK_STYLE), link: { sheet: c.sheet, cell: address } },
      text(c.table),
      text(c.row),
      text(c.column),
      text(c.kontroll),
      figure(c.expected),
      figure(c.actual),
      figure(c.difference),
      text(c.unit),
      text(c.status),
      c.note ? text(c.note) : null,
    ]);
  }
  const last = rows.length;
  return {
    name: GRANSKNING_SHEET,
    rows,
    widths: WIDTHS,
    freezeRows: 5,
    conditionalFormats: last >= first ? [{ column: 10, fromRow: first, toRow: last, rules: (Object.keys(GRANSKA_STATUS_COLOURS) as GranskaStatus[]).map((s) => ({ text: s, ...GRANSKA_STATUS_COLOURS[s] })) }] : [],
  };
}
