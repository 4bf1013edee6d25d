// What the add-in takes each column of the books to hold, for the task pane to show and the
// user to change: per input sheet (ledger, balance report, result report), every column of
// the header with its role and how it was decided (header words, content, the user's choice).
import { BALANCE_REPORT_ROLES, balanceReportHeaderAccept, RESULT_REPORT_ROLES, resultReportHeaderAccept } from '../sheets/balanceReportReader';
import { columnChoicesMerge, COLUMN_ROLE_OPTIONS } from '../sheets/columnChoices';
import { ledgerSheetsOf, type SheetRoles } from '../sheets/detect';
import { type ColumnChoice, type ColumnRole, type ColumnSource, type HeaderMatch, headerFind } from '../sheets/header';
import { headerWithCodeColumns, insatsDimensionChoose } from '../sheets/insatsDimension';
import { insatserRead } from '../sheets/insatserReader';
import { ledgerHeaderAccept, LEDGER_ROLES } from '../sheets/ledgerReader';
import { settingsRead } from '../sheets/settingsReader';
import { columnLetters } from '../core/cellref';
import { type SheetSnapshot } from '../workbook/port';

export type ColumnSheetKind = keyof typeof COLUMN_ROLE_OPTIONS;

export interface ColumnPlacement {
  /** 1-based column. */
  readonly column: number;
  readonly letter: string;
  /** The header's text ('' where the header is empty). */
  readonly header: string;
  /** The role taken, undefined where the column is not used. */
  readonly role: string | undefined;
  readonly source: ColumnSource | undefined;
}

export interface SheetColumnLayout {
  readonly sheet: string;
  readonly kind: ColumnSheetKind;
  /** 1-based header row; undefined when no header could be found (every column then unplaced). */
  readonly headerRow: number | undefined;
  readonly columns: readonly ColumnPlacement[];
  /** Roles the user can pick for this kind of sheet. */
  readonly options: readonly string[];
}

const KINDS: readonly [ColumnSheetKind, readonly ColumnRole[], (m: HeaderMatch) => boolean][] = [
  ['ledger', LEDGER_ROLES, ledgerHeaderAccept],
  ['balanceReport', BALANCE_REPORT_ROLES, balanceReportHeaderAccept],
  ['resultReport', RESULT_REPORT_ROLES, resultReportHeaderAccept],
];

function placements(header: HeaderMatch | undefined, width: number): ColumnPlacement[] {
  const roleOf = new Map<number, string>();
  if (header) for (const [role, cols] of header.columns) for (const c of cols) roleOf.set(c, role);
  const out: ColumnPlacement[] = [];
  const last = Math.max(width, ...(header ? [...header.texts.keys()] : []));
  for (let c = 1; c <= last; c++) {
    const text = header?.texts.get(c) ?? '';
    const role = roleOf.get(c);
    if (text === '' && role === undefined) continue;
    out.push({ column: c, letter: columnLetters(c), header: text, role, source: header?.sources.get(c) });
  }
  return out;
}

/** The ledger's header with the dimension that holds the insatser shown as Projekt. */
function withInsatsDimension(snapshot: SheetSnapshot, found: HeaderMatch, codes: ReadonlySet<string>, said: string | undefined): HeaderMatch {
  const header = headerWithCodeColumns(snapshot.cells, found, codes);
  const chosen = header.columns.get('Projekt')?.[0];
  if (chosen !== undefined) return header;
  const dimension = insatsDimensionChoose({ sheet: snapshot.name, cells: snapshot.cells, header, candidates: header.columns.get('Dimension') ?? [], chosen: undefined, said: said !== undefined ? { column: said, cell: { sheet: snapshot.name, row: 1, col: 1 } } : undefined, codes });
  if (dimension.column === undefined) return header;
  const columns = new Map(header.columns);
  const others = (header.columns.get('Dimension') ?? []).filter((c) => c !== dimension.column);
  if (others.length > 0) columns.set('Dimension', others);
  else columns.delete('Dimension');
  columns.set('Projekt', [dimension.column]);
  return { ...header, columns };
}

/** The column layout of every books sheet the run would read, with the choices in force. */
export function columnLayouts(snapshots: readonly SheetSnapshot[], roles: SheetRoles, paneChoices: readonly ColumnChoice[] = []): SheetColumnLayout[] {
  const byName = new Map(snapshots.map((s) => [s.name, s]));
  const settings = settingsRead(roles.settings ? byName.get(roles.settings) : undefined).settings;
  const choices = columnChoicesMerge(settings.columnChoices, paneChoices);
  const sheetsOf: Record<ColumnSheetKind, string[]> = {
    ledger: ledgerSheetsOf(snapshots, roles.ledger, choices),
    balanceReport: roles.balanceReport ? [roles.balanceReport] : [],
    resultReport: roles.resultReport ? [roles.resultReport] : [],
  };
  const codes = new Set(insatserRead(roles.insatser ? byName.get(roles.insatser) : undefined).lines.flatMap((l) => l.projekt));
  const out: SheetColumnLayout[] = [];
  for (const [kind, columnRoles, accept] of KINDS) {
    for (const name of sheetsOf[kind]) {
      const snapshot = byName.get(name);
      if (!snapshot) continue;
      let header = headerFind(name, snapshot.cells, columnRoles, accept, '', { choices }).header;
      if (header && kind === 'ledger') header = withInsatsDimension(snapshot, header, codes, settings.insatsDimension);
      const width = header ? (snapshot.cells[header.row - 1]?.length ?? 0) : 0;
      out.push({ sheet: name, kind, headerRow: header?.row, columns: placements(header, width), options: COLUMN_ROLE_OPTIONS[kind] });
    }
  }
  return out;
}
