// Where the task pane runs: inside Excel (the Office adapter, cells selectable, the choice of
// sheets kept in the workbook's settings) or as a plain browser page (an .xlsx opened in the
// browser with exceljs, nothing uploaded, the result offered as a download).
import { type CellRef, cellAddress } from '../core/cellref';
import { type SheetRoles } from '../sheets/detect';
import { OfficeWorkbook, officeSelectCell, officeSettingRead, officeSettingWrite, type ExcelRun } from '../workbook/office';
import { type WorkbookPort } from '../workbook/port';
import { XlsxWorkbook } from '../workbook/xlsx';

const CHOICE_KEY = 'finsam.bladval';

export interface TaskpaneHost {
  readonly mode: 'excel' | 'browser';
  /** The workbook, or undefined in the browser until a file is opened. */
  port(): WorkbookPort | undefined;
  selectCell(ref: CellRef): Promise<void>;
  loadChoice(): Promise<Partial<SheetRoles>>;
  saveChoice(roles: Partial<SheetRoles>): Promise<void>;
}

function parseChoice(text: string | undefined | null): Partial<SheetRoles> {
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Partial<SheetRoles>) : {};
  } catch {
    return {};
  }
}

export function excelHost(run: ExcelRun = (batch) => Excel.run(batch)): TaskpaneHost {
  const port = new OfficeWorkbook(run);
  return {
    mode: 'excel',
    port: () => port,
    selectCell: (ref) => officeSelectCell(ref.sheet, cellAddress(ref.row, ref.col), run),
    loadChoice: async () => parseChoice(await officeSettingRead(CHOICE_KEY, run)),
    saveChoice: (roles) => officeSettingWrite(CHOICE_KEY, JSON.stringify(roles), run),
  };
}

export interface BrowserHost extends TaskpaneHost {
  readonly mode: 'browser';
  open(file: File): Promise<void>;
  fileName(): string | undefined;
  /** The opened workbook with whatever the run wrote, as an .xlsx file. */
  download(): Promise<void>;
}

export function browserHost(): BrowserHost {
  let workbook: XlsxWorkbook | undefined;
  let name: string | undefined;
  const storageKey = () => `${CHOICE_KEY}:${name ?? ''}`;
  return {
    mode: 'browser',
    port: () => workbook,
    fileName: () => name,
    async open(file) {
      workbook = await XlsxWorkbook.fromBuffer(new Uint8Array(await file.arrayBuffer()));
      name = file.name;
    },
    // In the browser there is no Excel to select a cell in: the finding names it instead.
    selectCell: () => Promise.resolve(),
    loadChoice: () => Promise.resolve(parseChoice(globalThis.localStorage?.getItem(storageKey()))),
    saveChoice: (roles) => Promise.resolve(globalThis.localStorage?.setItem(storageKey(), JSON.stringify(roles))),
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
