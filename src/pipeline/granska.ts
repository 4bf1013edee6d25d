// Granska: every table the workbook's own sheets print (budget and plan tables, budgeted
// resultaträkning and balansräkning, eget-kapital tables, Historik, report tables typed in)
// checked column by column, and the Granskning sheet written with one row per check. A
// difference is what the run is for, not a reason to stop: the sheet is written whatever it
// finds. Nothing is written when the workbook has no table to check.
import { type Finding, finding } from '../core/findings';
import { granska, type GranskaResult } from '../sheets/granska';
import { granskningSheet } from '../sheets/granskaRender';
import { settingsRead } from '../sheets/settingsReader';
import { type WorkbookPort, type WriteOutcome } from '../workbook/port';
import { inputsRoles, nameClashFindings, renderMeta, type RunOptions, sourcesRead } from './run';

export interface GranskaRunResult extends GranskaResult {
  readonly status: 'skrivet' | 'inget-att-granska';
  readonly forbund: string | undefined;
  /** The workbook's sheets in order (the order the Granskning sheet lists them in). */
  readonly sheets: readonly string[];
  readonly findings: readonly Finding[];
  readonly written: WriteOutcome | undefined;
}

export async function granskaRun(port: WorkbookPort, options: RunOptions): Promise<GranskaRunResult> {
  const step = options.onStep ?? (() => undefined);
  step('läser blad');
  const names = await port.sheetNames();
  const snapshots = await port.readSheets(names);
  const { roles } = inputsRoles(snapshots, options.roles, options.columns);
  const settings = settingsRead(snapshots.find((s) => s.name === roles.settings)).settings;
  step('kontrollerar');
  const result = granska(snapshots, { members: settings.members });
  const findings: Finding[] = [];
  const base = { ...result, forbund: settings.forbund, sheets: names, findings };
  if (result.tables.length === 0) {
    findings.push(finding('tabeller-saknas', 'Arbetsboken har inga tabeller med summor eller resultat att granska: en tabell behöver en kolumn med radnamn och kolumner med år, till exempel "Budget 2025".'));
    return { ...base, status: 'inget-att-granska', written: undefined };
  }
  step('skriver');
  const read = sourcesRead(snapshots, [...new Set(result.tables.map((t) => t.sheet))]);
  const meta = renderMeta(read, { forbund: settings.forbund ?? 'Samordningsförbundet', year: settings.year ?? (options.now ?? (() => new Date()))().getFullYear(), unit: settings.unit }, options);
  const written = await port.writeSheets([granskningSheet(result, names, meta)]);
  findings.push(...nameClashFindings(written, 'granskningen'));
  return { ...base, status: 'skrivet', written };
}
