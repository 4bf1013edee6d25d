// The machine-readable result of Granska (`finsam granska --json`): the tables found and one
// entry per check, in the Granskning sheet's order; amounts as exact decimal strings in the
// table's unit (percent points for shares).
import { cellAddress } from '../core/cellref';
import { granskaChecksOrdered } from '../sheets/granskaRender';
import { type GranskaRunResult } from './granska';
import { findingsJson } from './json';

export interface GranskaJson {
  forbund: string | null;
  tabeller: { blad: string; namn: string; forstaRad: number; sistaRad: number; enhet: string; roll: string }[];
  granskning: { blad: string; cell: string; tabell: string; rad: string; kolumn: string; kontroll: string; forvantat: string; faktiskt: string; differens: string; enhet: string; status: string; anmarkning: string | null }[];
  fynd: ReturnType<typeof findingsJson>;
}

export function granskaJson(result: GranskaRunResult): GranskaJson {
  return {
    forbund: result.forbund ?? null,
    tabeller: result.tables.map((t) => ({ blad: t.sheet, namn: t.name, forstaRad: t.firstRow, sistaRad: t.lastRow, enhet: t.unit, roll: t.role })),
    granskning: granskaChecksOrdered(result.checks, result.sheets).map((c) => ({
      blad: c.sheet,
      cell: cellAddress(c.cell.row, c.cell.col),
      tabell: c.table,
      rad: c.row,
      kolumn: c.column,
      kontroll: c.kontroll,
      forvantat: c.expected.toFixed(),
      faktiskt: c.actual.toFixed(),
      differens: c.difference.toFixed(),
      enhet: c.unit,
      status: c.status,
      anmarkning: c.note ?? null,
    })),
    fynd: findingsJson(result.findings),
  };
}
