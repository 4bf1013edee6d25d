// Which dimension column of a ledger holds the insatser: the one whose codes match the
// Insatser sheet's projekt codes. Inställningar (Insatsdimension) or the user's column choice
// says it outright; two matching columns block the run, none is stated (the driftredovisning
// then goes by account) — both findings name the columns and the codes seen.
import { cellRef, type CellRef } from '../core/cellref';
import { type Finding, finding } from '../core/findings';
import { type CellValue, type SheetCells } from '../workbook/port';
import { cellIsEmpty, cellText } from './cells';
import { choiceColumn, type HeaderMatch } from './header';

export interface InsatsDimension {
  /** The column holding the insats codes, undefined when the ledger has none. */
  readonly column: number | undefined;
  /** A cell of that column as the code it stands for ("6 100" → "100"). */
  readonly codeOf: (v: CellValue) => string;
  readonly findings: readonly Finding[];
}

const plain = (v: CellValue) => cellText(v);

/**
 * The code in a cell: "6 100" written with the SIE dimension number in front is 100; "100
 * SamCoach" with the name after it is 100 when 100 is an Insatser code.
 */
function codeReader(values: readonly CellValue[], codes: ReadonlySet<string>): (v: CellValue) => string {
  // Every filled cell written "<dimension> <code>" with the same dimension number.
  let first: string | undefined;
  let prefixed = false;
  for (const v of values) {
    if (cellIsEmpty(v)) continue;
    const m = /^(\d{1,2})\s+(\S+)$/.exec(cellText(v));
    prefixed = m !== null && (first === undefined || m[1] === first);
    if (!prefixed) break;
    first ??= m?.[1];
  }
  if (prefixed) return (v) => cellText(v).replace(/^\d{1,2}\s+/, '');
  return (v) => {
    const text = cellText(v);
    if (codes.has(text)) return text;
    const head = /^(\S+?)(?:\s+[-–:]?\s*|\s*[-–:]\s*)\S/.exec(text)?.[1];
    return head !== undefined && codes.has(head) ? head : text;
  };
}

function columnValues(cells: SheetCells, header: HeaderMatch, c: number): CellValue[] {
  const out: CellValue[] = [];
  for (let r = header.row + 1; r <= cells.length; r++) out.push(cells[r - 1]?.[c - 1] ?? null);
  return out;
}

export interface InsatsDimensionInput {
  readonly sheet: string;
  readonly cells: SheetCells;
  readonly header: HeaderMatch;
  /** Columns that hold a dimension (by header words, content or choice). */
  readonly candidates: readonly number[];
  /** A column the user named outright (the choice "Projekt"), already placed. */
  readonly chosen: number | undefined;
  /** Inställningar's Insatsdimension: a header text or column letter, and its cell. */
  readonly said: { readonly column: string; readonly cell: CellRef } | undefined;
  /** The Insatser sheet's projekt codes. */
  readonly codes: ReadonlySet<string>;
}

export function insatsDimensionChoose(input: InsatsDimensionInput): InsatsDimension {
  const { sheet, cells, header } = input;
  const reader = (c: number) => codeReader(columnValues(cells, header, c), input.codes);
  if (input.chosen !== undefined) return { column: input.chosen, codeOf: reader(input.chosen), findings: [] };
  if (input.said) {
    const c = choiceColumn({ column: input.said.column, role: 'Projekt' }, header);
    if (c === undefined) {
      return { column: undefined, codeOf: plain, findings: [finding('kolumnval-ogiltigt', `Inställningar anger Insatsdimension "${input.said.column}", men bladet ${sheet} har ingen kolumn med den rubriken eller bokstaven.`, [input.said.cell])] };
    }
    return { column: c, codeOf: reader(c), findings: [] };
  }
  if (input.candidates.length === 0) return { column: undefined, codeOf: plain, findings: [] };
  const seen = input.candidates.map((c) => {
    const codeOf = reader(c);
    const codes = new Set(columnValues(cells, header, c).filter((v) => !cellIsEmpty(v)).map(codeOf));
    const matching = [...codes].filter((code) => input.codes.has(code));
    return { c, codeOf, codes, matching };
  });
  const matching = seen.filter((s) => s.matching.length > 0);
  if (matching.length === 1) {
    const only = matching[0] as (typeof seen)[number];
    return { column: only.c, codeOf: only.codeOf, findings: [] };
  }
  if (input.codes.size === 0 || seen.every((s) => s.codes.size === 0)) {
    // Insatser lists no projekt codes (its lines go by account), or the ledger uses none.
    return { column: undefined, codeOf: plain, findings: [] };
  }
  const describe = (s: (typeof seen)[number]) => `"${header.texts.get(s.c) ?? `kolumn ${s.c}`}" (${[...s.codes].slice(0, 6).join(', ') || 'tom'}${s.codes.size > 6 ? ' …' : ''})`;
  const which = matching.length > 1 ? matching : seen;
  if (matching.length === 0) {
    // No column holds the insatser: the driftredovisning goes by account, and the user is told which columns were seen.
    const message = `Ingen dimensionskolumn i bladet ${sheet} har koder som finns i bladet Insatser (där finns ${[...input.codes].slice(0, 8).join(', ')}): ${which.map(describe).join(', ')}. Driftredovisningen fördelas därför på konton, inte på projekt; håller en kolumn insatserna, skriv "Insatsdimension" och kolumnens rubrik i bladet Inställningar.`;
    return { column: undefined, codeOf: plain, findings: [finding('antagande', message, which.map((s) => cellRef(sheet, header.row, s.c)))] };
  }
  const message = `Bladet ${sheet} har flera dimensionskolumner vars koder finns i bladet Insatser: ${which.map(describe).join(' och ')}. Skriv i bladet Inställningar vilken som håller insatserna, till exempel "Insatsdimension" med kolumnens rubrik, eller välj kolumnen i aktivitetsfönstret.`;
  return { column: undefined, codeOf: plain, findings: [finding('dimension-oklar', message, which.map((s) => cellRef(sheet, header.row, s.c)))] };
}

/**
 * Columns that no header word placed (empty or unknown header) whose filled cells are mostly
 * Insatser codes: dimension columns by their content, returned with the header updated.
 */
export function headerWithCodeColumns(cells: SheetCells, header: HeaderMatch, codes: ReadonlySet<string>): HeaderMatch {
  if (codes.size === 0) return header;
  const width = Math.max(0, ...cells.slice(header.row, header.row + 300).map((r) => r.length));
  const found: number[] = [];
  for (let c = 1; c <= width; c++) {
    if (header.sources.has(c)) continue;
    const values = columnValues(cells, header, c).filter((v) => !cellIsEmpty(v));
    if (values.length === 0) continue;
    const codeOf = codeReader(values, codes);
    const matching = values.filter((v) => codes.has(codeOf(v))).length;
    if (matching * 2 >= values.length) found.push(c);
  }
  if (found.length === 0) return header;
  const columns = new Map(header.columns);
  columns.set('Dimension', [...(header.columns.get('Dimension') ?? []), ...found].sort((a, b) => a - b));
  const sources = new Map(header.sources);
  for (const c of found) sources.set(c, 'innehåll');
  return { ...header, columns, sources };
}
