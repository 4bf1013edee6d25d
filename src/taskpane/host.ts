// Where the task pane runs: inside Excel (the Office adapter, cells selectable, the choice of
// sheets and columns kept in the workbook's settings) or as a plain browser page (an .xlsx
// opened in the browser with exceljs, nothing uploaded, the result offered as a download).
import { type CellRef, cellAddress } from '../core/cellref';
import { COLUMN_ROLE_OPTIONS } from '../sheets/columnChoices';
import { type SheetRole, type SheetRoles } from '../sheets/detect';
import { type ColumnChoice } from '../sheets/header';
import { OfficeWorkbook, officeSelectCell, officeSettingRead, officeSettingWrite, type ExcelRun } from '../workbook/office';
import { type WorkbookPort } from '../workbook/port';
// The .xlsx code (exceljs, and the file checks with their zip reader) is loaded only in browser
// mode, as a chunk of its own on opening a file: Excel mode never loads it.
import type { XlsxFile } from '../workbook/xlsxLean';

const CHOICE_KEY = 'finsam.bladval';
/** The key of the column choices inside the saved choice, beside the sheet roles. */
const COLUMNS_KEY = 'kolumner';

/** The user's saved word: which sheet plays which part, and what columns hold. */
export interface SavedChoice {
  readonly roles: Partial<SheetRoles>;
  readonly columns: readonly ColumnChoice[];
}

export interface TaskpaneHost {
  readonly mode: 'excel' | 'browser';
  /** The workbook, or undefined in the browser until a file is opened. */
  port(): WorkbookPort | undefined;
  selectCell(ref: CellRef): Promise<void>;
  loadChoice(): Promise<SavedChoice>;
  saveChoice(choice: SavedChoice): Promise<void>;
}

const ROLE_NAMES: ReadonlySet<string> = new Set(
  Object.keys({ ledger: 0, balanceReport: 0, resultReport: 0, budget: 0, settings: 0, insatser: 0, kontoplan: 0, goals: 0, statistics: 0, history: 0 } satisfies Record<SheetRole, 0>),
);
const COLUMN_ROLES: ReadonlySet<string> = new Set(Object.values(COLUMN_ROLE_OPTIONS).flat());
const TEXT_MAX = 255;
const CHOICES_MAX = 500;

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= TEXT_MAX;

/** The column choices of a save: `{ sheet, column, role }` of strings and a known role; anything else dropped, the last word on a column kept. */
function columnChoicesParse(value: unknown): ColumnChoice[] {
  if (!Array.isArray(value)) return [];
  const out: ColumnChoice[] = [];
  for (const item of value.slice(0, CHOICES_MAX) as unknown[]) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    const { sheet, column, role } = item as Record<string, unknown>;
    if (!isText(sheet) || !isText(column) || !isText(role) || !COLUMN_ROLES.has(role)) continue;
    const at = out.findIndex((c) => c.sheet === sheet && c.column === column);
    if (at >= 0) out.splice(at, 1);
    out.push({ sheet, column, role });
  }
  return out;
}

/**
 * A saved choice read back: `{ ledger: "Huvudbok", …, kolumner: [{ sheet, column, role }] }`;
 * a save from before column choices holds only the roles. The text comes from the workbook
 * or the browser's storage, so only known role names with text values are taken.
 */
export function choiceParse(text: string | undefined | null): SavedChoice {
  const none: SavedChoice = { roles: {}, columns: [] };
  if (!text) return none;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return none;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return none;
  const roles: Partial<SheetRoles> = {};
  let columns: ColumnChoice[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (key === COLUMNS_KEY) columns = columnChoicesParse(value);
    else if (ROLE_NAMES.has(key) && isText(value)) roles[key as SheetRole] = value;
  }
  return { roles, columns };
}

/** The saved text: the roles as before, the column choices under `kolumner`. */
export function choiceText(choice: SavedChoice): string {
  return JSON.stringify({ ...choice.roles, [COLUMNS_KEY]: choice.columns.map((c) => ({ sheet: c.sheet, column: c.column, role: c.role })) });
}

export function excelHost(run: ExcelRun = (batch) => Excel.run(batch)): TaskpaneHost {
  const port = new OfficeWorkbook(run);
  return {
    mode: 'excel',
    port: () => port,
    selectCell: (ref) => officeSelectCell(ref.sheet, cellAddress(ref.row, ref.col), run),
    loadChoice: async () => choiceParse(await officeSettingRead(CHOICE_KEY, run)),
    saveChoice: (choice) => officeSettingWrite(CHOICE_KEY, choiceText(choice), run),
  };
}

export interface BrowserHost extends TaskpaneHost {
  readonly mode: 'browser';
  /** Opens an .xlsx file; rejects with an Error whose message, naming the file, is for the user. */
  open(file: File): Promise<void>;
  fileName(): string | undefined;
  /** The opened workbook with whatever the run wrote, as an .xlsx file. */
  download(): Promise<void>;
}

export function browserHost(): BrowserHost {
  let workbook: XlsxFile | undefined;
  let name: string | undefined;
  const storageKey = () => `${CHOICE_KEY}:${name ?? ''}`;
  return {
    mode: 'browser',
    port: () => workbook,
    fileName: () => name,
    async open(file) {
      let isFileError = (_err: unknown) => false;
      try {
        const [{ xlsxOpen }, { WorkbookFileError }] = await Promise.all([
          import(/* webpackChunkName: "xlsx" */ '../workbook/xlsxLean'),
          import(/* webpackChunkName: "xlsx" */ '../workbook/xlsxFile'),
        ]);
        isFileError = (err) => err instanceof WorkbookFileError;
        workbook = await xlsxOpen(new Uint8Array(await file.arrayBuffer()));
      } catch (err) {
        // A WorkbookFileError says in Swedish what the file is and what to do; any other error is a library's words.
        throw new Error(isFileError(err) ? `${file.name}: ${(err as Error).message}` : `${file.name} går inte att läsa som en .xlsx-arbetsbok: ${(err as Error).message}`, { cause: err });
      }
      name = file.name;
    },
    // In the browser there is no Excel to select a cell in: the finding names it instead.
    selectCell: () => Promise.resolve(),
    loadChoice: () => Promise.resolve(choiceParse(globalThis.localStorage?.getItem(storageKey()))),
    saveChoice: (choice) => Promise.resolve(globalThis.localStorage?.setItem(storageKey(), choiceText(choice))),
    async download() {
      if (!workbook) return;
      const bytes = await workbook.toBuffer();
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = (name ?? 'arbetsbok.xlsx').replace(/\.xlsx$/i, '') + '-rapporter.xlsx';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}
