// Header rows: found below title rows by the Swedish names of their columns and the common
// variants, with a finding when no row qualifies or when two columns claim the same role.
import { cellRef } from '../core/cellref';
import { type Finding, finding } from '../core/findings';
import { type CellValue, type SheetCells } from '../workbook/port';
import { cellText, foldKey } from './cells';

/** A role a column can play, recognised by its folded header text. */
export interface ColumnRole {
  readonly role: string;
  /** Folded names that mean this role exactly. */
  readonly names: readonly string[];
  /** Optional: a test on the folded text for patterns ("budget2024"). */
  readonly test?: (folded: string) => boolean;
  /** Roles whose duplicates are an error (a second "Konto" column makes rows ambiguous). */
  readonly unique?: boolean;
}

export interface HeaderMatch {
  /** 1-based row of the header. */
  readonly row: number;
  /** role → 1-based columns, in sheet order. */
  readonly columns: ReadonlyMap<string, readonly number[]>;
  /** The header texts, by column. */
  readonly texts: ReadonlyMap<number, string>;
}

export function headerRoleOf(text: string, roles: readonly ColumnRole[]): string | undefined {
  const folded = foldKey(text);
  if (folded === '') return undefined;
  for (const r of roles) if (r.names.includes(folded)) return r.role;
  for (const r of roles) if (r.test?.(folded)) return r.role;
  return undefined;
}

/** Matches one row against the roles. */
export function headerMatchRow(cells: SheetCells, row: number, roles: readonly ColumnRole[]): HeaderMatch {
  const columns = new Map<string, number[]>();
  const texts = new Map<number, string>();
  const cellsOfRow = cells[row - 1] ?? [];
  cellsOfRow.forEach((v, i) => {
    if (typeof v !== 'string') return;
    const role = headerRoleOf(v, roles);
    texts.set(i + 1, cellText(v));
    if (!role) return;
    const list = columns.get(role) ?? [];
    list.push(i + 1);
    columns.set(role, list);
  });
  return { row, columns, texts };
}

/**
 * The first row within the first `scan` rows that `accept` takes. Findings: no such row
 * (rubrikrad-saknas, naming what was looked for), or a unique role held by two columns.
 */
export function headerFind(
  sheet: string,
  cells: SheetCells,
  roles: readonly ColumnRole[],
  accept: (m: HeaderMatch) => boolean,
  wanted: string,
  scan = 30,
): { header: HeaderMatch | undefined; findings: Finding[] } {
  const last = Math.min(cells.length, scan);
  for (let row = 1; row <= last; row++) {
    const m = headerMatchRow(cells, row, roles);
    if (!accept(m)) continue;
    const findings: Finding[] = [];
    for (const r of roles) {
      const cols = m.columns.get(r.role);
      if (r.unique && cols && cols.length > 1) {
        const names = cols.map((c) => `"${m.texts.get(c) ?? ''}"`).join(' och ');
        findings.push(finding('kolumn-tvetydig', `Bladet ${sheet} har två kolumner som båda ser ut som ${r.role}: ${names}. Byt namn på den som inte ska användas.`, cols.map((c) => cellRef(sheet, row, c))));
      }
    }
    return { header: m, findings };
  }
  return {
    header: undefined,
    findings: [finding('rubrikrad-saknas', `Bladet ${sheet} saknar en rubrikrad med ${wanted} bland de ${last} första raderna.`, [cellRef(sheet, 1, 1)])],
  };
}

export function headerColumn(m: HeaderMatch, role: string): number | undefined {
  return m.columns.get(role)?.[0];
}

/** The cell of a row in the column a role was found in; null where the header has no such column. */
export function headerCell(m: HeaderMatch, row: readonly CellValue[], role: string): CellValue {
  const c = headerColumn(m, role);
  return c === undefined ? null : row[c - 1] ?? null;
}
