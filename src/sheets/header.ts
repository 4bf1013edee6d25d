// The layout step of a sheet: the header row below any title rows (two-line headers read as
// one), each column's role from the words its header contains, the columns whose header says
// nothing placed by their content, and the user's own word on a column (Inställningar or the
// task pane) over both. Every reader and the sheet detection consume the same HeaderMatch.
import { cellRef } from '../core/cellref';
import { type Finding, finding } from '../core/findings';
import { type CellValue, type SheetCells } from '../workbook/port';
import { cellIsEmpty, cellText, foldKey } from './cells';
import { type ColumnContent, columnContentOf } from './columnContent';

/** A role a column can play, recognised by its header's words or, failing those, its content. */
export interface ColumnRole {
  readonly role: string;
  /** Folded names that mean this role exactly. */
  readonly names: readonly string[];
  /** Words that name this role wherever they stand in the header ("Bokfört belopp" has "belopp"). */
  readonly words?: readonly string[];
  /** Optional: a test on the folded text for patterns ("budget2024"). */
  readonly test?: (folded: string) => boolean;
  /** Roles whose duplicates are an error (a second "Konto" column makes rows ambiguous). */
  readonly unique?: boolean;
  /** The content that places a column whose header says nothing. */
  readonly content?: ColumnContent;
  /** Roles whose presence makes the content search for this one moot (Belopp beside Debet and Kredit). */
  readonly contentUnless?: readonly string[];
}

/** How a column got its role: its header's words, its content, or the user's choice. */
export type ColumnSource = 'rubrik' | 'innehåll' | 'val';

export interface HeaderMatch {
  /** 1-based row of the header (the last row of a two-line header); data starts below it. */
  readonly row: number;
  /** 1-based first row of the header (equal to `row` unless the header spans two rows). */
  readonly firstRow: number;
  /** role → 1-based columns, in sheet order. */
  readonly columns: ReadonlyMap<string, readonly number[]>;
  /** The header texts, by column. */
  readonly texts: ReadonlyMap<number, string>;
  /** How each placed column got its role. */
  readonly sources: ReadonlyMap<number, ColumnSource>;
}

/** The user's word on a column: the role it holds, by header text or column letter. */
export interface ColumnChoice {
  /** The sheet it applies to; undefined: any sheet read with a role of that name. */
  readonly sheet?: string;
  /** Header text (as written) or column letter ("E"). */
  readonly column: string;
  /** The role's name as readers use it ("Projekt", "Belopp"); "Ingen" leaves the column unused. */
  readonly role: string;
}

export const COLUMN_UNUSED = 'Ingen';

export interface HeaderOptions {
  /** Rows searched for the header. */
  readonly scan?: number;
  /** Place columns whose header says nothing by their content (default true). */
  readonly content?: boolean;
  readonly choices?: readonly ColumnChoice[];
}

/** The words of a header: lower case, split at anything but letters and digits. */
export function headerWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .split(/[^a-zåäöéüæø0-9]+/)
    .filter((w) => w !== '');
}

export function headerRoleOf(text: string, roles: readonly ColumnRole[]): string | undefined {
  const folded = foldKey(text);
  if (folded === '') return undefined;
  for (const r of roles) if (r.names.includes(folded)) return r.role;
  const words = headerWords(text);
  for (const r of roles) {
    if (r.test?.(folded)) return r.role;
    if (r.words?.some((w) => words.includes(w))) return r.role;
  }
  return undefined;
}

/** "A" → 1, "AB" → 28; undefined for anything else. */
export function columnFromLetter(text: string): number | undefined {
  const t = text.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(t)) return undefined;
  let n = 0;
  for (const ch of t) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function rowTexts(cells: SheetCells, row: number): Map<number, string> {
  const texts = new Map<number, string>();
  (cells[row - 1] ?? []).forEach((v, i) => {
    if (typeof v === 'string' && cellText(v) !== '') texts.set(i + 1, cellText(v));
  });
  return texts;
}

/** A row that can only be the second line of a header: two or more texts, nothing that looks like data. */
function rowIsHeaderLine(cells: SheetCells, row: number): boolean {
  const values = (cells[row - 1] ?? []).filter((v) => !cellIsEmpty(v));
  if (values.length < 2) return false;
  return values.every((v) => typeof v === 'string' && !/\d/.test(v) && !/^[-=_\s]+$/.test(v) && v.trim().length <= 30);
}

function matchTexts(row: number, firstRow: number, texts: ReadonlyMap<number, string>, roles: readonly ColumnRole[]): HeaderMatch {
  const columns = new Map<string, number[]>();
  const sources = new Map<number, ColumnSource>();
  for (const [c, text] of [...texts].sort((a, b) => a[0] - b[0])) {
    const role = headerRoleOf(text, roles);
    if (!role) continue;
    const list = columns.get(role) ?? [];
    list.push(c);
    columns.set(role, list);
    sources.set(c, 'rubrik');
  }
  return { row, firstRow, columns, texts, sources };
}

/** Matches one row against the roles by header words only. */
export function headerMatchRow(cells: SheetCells, row: number, roles: readonly ColumnRole[]): HeaderMatch {
  return matchTexts(row, row, rowTexts(cells, row), roles);
}

/** Two rows read as one header: each column's texts joined. */
function headerMatchTwoRows(cells: SheetCells, row: number, roles: readonly ColumnRole[]): HeaderMatch {
  const first = rowTexts(cells, row);
  const second = rowTexts(cells, row + 1);
  const texts = new Map<number, string>();
  for (const c of new Set([...first.keys(), ...second.keys()])) texts.set(c, [first.get(c), second.get(c)].filter((t) => t !== undefined).join(' '));
  return matchTexts(row + 1, row, texts, roles);
}

/** The last column with any value among the header and the rows sampled below it. */
function widthOf(cells: SheetCells, from: number, to: number): number {
  let width = 0;
  for (let r = from; r <= Math.min(to, cells.length); r++) width = Math.max(width, cells[r - 1]?.length ?? 0);
  return width;
}

const SAMPLE_ROWS = 300;

/** Columns whose header says nothing (empty or unknown words) placed by their content. */
function headerFillByContent(cells: SheetCells, m: HeaderMatch, roles: readonly ColumnRole[]): HeaderMatch {
  const wanting = roles.filter((r) => r.content && !m.columns.has(r.role) && !(r.contentUnless ?? []).some((other) => m.columns.has(other)));
  if (wanting.length === 0) return m;
  const placed = new Set(m.sources.keys());
  const width = widthOf(cells, m.row + 1, m.row + SAMPLE_ROWS);
  const columns = new Map(m.columns);
  const sources = new Map(m.sources);
  const free: { c: number; content: ReturnType<typeof columnContentOf> }[] = [];
  for (let c = 1; c <= width; c++) {
    if (placed.has(c)) continue;
    const values: CellValue[] = [];
    for (let r = m.row + 1; r <= Math.min(cells.length, m.row + SAMPLE_ROWS); r++) values.push(cells[r - 1]?.[c - 1] ?? null);
    free.push({ c, content: columnContentOf(values) });
  }
  for (const role of wanting) {
    const fits = free.filter((f) => f.content.kinds.has(role.content as ColumnContent) && !sources.has(f.c));
    const pick = fits[0];
    if (!pick || (role.unique && fits.length > 1)) continue;
    columns.set(role.role, [pick.c]);
    sources.set(pick.c, 'innehåll');
  }
  return { ...m, columns, sources };
}

/** The user's choices over whatever the header and content said. */
function headerApplyChoices(sheet: string, m: HeaderMatch, roles: readonly ColumnRole[], choices: readonly ColumnChoice[]): HeaderMatch {
  const known = new Set(roles.map((r) => r.role));
  const mine = choices.filter((c) => (c.sheet === undefined || c.sheet === sheet) && (known.has(c.role) || c.role === COLUMN_UNUSED));
  if (mine.length === 0) return m;
  const columns = new Map<string, number[]>([...m.columns].map(([k, v]) => [k, [...v]]));
  const sources = new Map(m.sources);
  for (const choice of mine) {
    const c = choiceColumn(choice, m);
    if (c === undefined) continue;
    for (const [role, list] of columns) {
      const i = list.indexOf(c);
      if (i >= 0) list.splice(i, 1);
      if (role === choice.role || list.length === 0) columns.delete(role);
    }
    sources.delete(c);
    if (choice.role === COLUMN_UNUSED) continue;
    columns.set(choice.role, [c]);
    sources.set(c, 'val');
  }
  return { ...m, columns, sources };
}

/** The column a choice names: a header text (folded match) first, else a column letter. */
export function choiceColumn(choice: ColumnChoice, m: HeaderMatch): number | undefined {
  const wanted = foldKey(choice.column);
  for (const [c, text] of m.texts) if (foldKey(text) === wanted) return c;
  // A letter only on a row that is a header: two or more texts, none of them the choice's text.
  return m.texts.size >= 2 ? columnFromLetter(choice.column) : undefined;
}

/**
 * The first row within the first `scan` rows that `accept` takes, after content and choices
 * have placed what the header words did not. Findings: no such row (rubrikrad-saknas,
 * naming what was looked for), or a unique role held by two columns.
 */
export function headerFind(
  sheet: string,
  cells: SheetCells,
  roles: readonly ColumnRole[],
  accept: (m: HeaderMatch) => boolean,
  wanted: string,
  scanOrOptions: number | HeaderOptions = 30,
): { header: HeaderMatch | undefined; findings: Finding[] } {
  const options: HeaderOptions = typeof scanOrOptions === 'number' ? { scan: scanOrOptions } : scanOrOptions;
  const last = Math.min(cells.length, options.scan ?? 30);
  const complete = (m: HeaderMatch) => headerApplyChoices(sheet, options.content === false ? m : headerFillByContent(cells, m, roles), roles, options.choices ?? []);
  for (let row = 1; row <= last; row++) {
    const single = headerMatchRow(cells, row, roles);
    if (single.texts.size < 2) continue;
    if (single.sources.size === 0 && !(options.choices ?? []).some((c) => c.sheet === sheet || c.sheet === undefined)) continue;
    // A second header line (texts only, one of them a column word of its own, or the first
    // line alone not enough) is read together with the first.
    const one = complete(single);
    const oneFindings = headerDuplicates(sheet, one, roles);
    const secondLine = rowIsHeaderLine(cells, row + 1);
    if (secondLine && (!accept(one) || oneFindings.length > 0 || headerMatchRow(cells, row + 1, roles).sources.size > 0)) {
      const two = complete(headerMatchTwoRows(cells, row, roles));
      if (accept(two)) return { header: two, findings: headerDuplicates(sheet, two, roles) };
    }
    if (accept(one)) return { header: one, findings: oneFindings };
  }
  return {
    header: undefined,
    findings: [finding('rubrikrad-saknas', `Bladet ${sheet} saknar en rubrikrad med ${wanted} bland de ${last} första raderna.`, [cellRef(sheet, 1, 1)])],
  };
}

function headerDuplicates(sheet: string, m: HeaderMatch, roles: readonly ColumnRole[]): Finding[] {
  const findings: Finding[] = [];
  for (const r of roles) {
    const cols = m.columns.get(r.role);
    if (r.unique && cols && cols.length > 1) {
      const names = cols.map((c) => `"${m.texts.get(c) ?? ''}"`).join(' och ');
      findings.push(
        finding(
          'kolumn-tvetydig',
          `Bladet ${sheet} har två kolumner som båda ser ut som ${r.role}: ${names}. Byt namn på den som inte ska användas, eller ange kolumnen i bladet Inställningar (till exempel "Kolumn ${r.role}" med kolumnens rubrik).`,
          cols.map((c) => cellRef(sheet, m.row, c)),
        ),
      );
    }
  }
  return findings;
}

export function headerColumn(m: HeaderMatch, role: string): number | undefined {
  return m.columns.get(role)?.[0];
}

/** The cell of a row in the column a role was found in; null where the header has no such column. */
export function headerCell(m: HeaderMatch, row: readonly CellValue[], role: string): CellValue {
  const c = headerColumn(m, role);
  return c === undefined ? null : row[c - 1] ?? null;
}
