// The one run every shell calls (task pane, browser page, command line): read the sheets,
// parse them, compute the bokslut, render the report sheets and write them — all or
// nothing. Blocking findings anywhere mean nothing is written.
import { type AccountMapping, accountMappingCreate } from '../core/accounts';
import { type Bokslut, bokslutCompute } from '../core/bokslut';
import { type Budget } from '../core/budget';
import { type Finding, finding, findingsBlocking } from '../core/findings';
import { moneyFormatKr } from '../core/money';
import { type InsatsIndex, insatsIndexCreate } from '../core/insatser';
import { type Ledger } from '../core/ledger';
import { reportsRead } from '../sheets/balanceReportReader';
import { sheetUncalculatedFinding } from '../sheets/amountFinding';
import { budgetRead, type BudgetReadOptions } from '../sheets/budgetReader';
import { planRead, sheetIsPlan } from '../sheets/planReader';
import { type BudgetSeason, budgetSeasonBuild } from '../core/budgetSeason';
import { budgetSeasonSheets } from '../sheets/budgetSeasonRender';
import { goalsRead } from '../sheets/goalsReader';
import { sheetRowCount } from '../sheets/cells';
import { ledgerSheetsOf, type SheetRoles, sheetRolesDetect, unreadBooksFindings } from '../sheets/detect';
import { columnChoicesMerge } from '../sheets/columnChoices';
import { type ColumnChoice } from '../sheets/header';
import { ledgerMerge, ledgerOpeningFromReport } from './ledgerSheets';
import { insatserRead } from '../sheets/insatserReader';
import { kontoplanRead } from '../sheets/kontoplanReader';
import { ledgerRead } from '../sheets/ledgerReader';
import { cellRef } from '../core/cellref';
import { statisticsRead } from '../sheets/goalsReader';
import { historyRead } from '../sheets/historyReader';
import { type History } from '../core/flerars';
import { type StatisticsRow } from '../core/participants';
import { bokslutRender, kontoplanProposalRender, kontrollerSheet, type RenderMeta, sheetTextFit } from '../sheets/render';
import { settingsRead } from '../sheets/settingsReader';
import { type SheetSnapshot, type WorkbookPort, type WriteOutcome } from '../workbook/port';
import { inputChecksum } from './checksum';

export type RunStep = 'läser blad' | 'beräknar' | 'kontrollerar' | 'skriver';

export interface RunOptions {
  readonly version: string;
  readonly now?: () => Date;
  /** The user's choice of sheets; detected roles fill in the rest. */
  readonly roles?: Partial<SheetRoles>;
  /** The user's word on columns (the task pane's choice; Inställningar's "Kolumn …" rows come with the sheet). */
  readonly columns?: readonly ColumnChoice[];
  readonly onStep?: (step: RunStep) => void;
  /** Kinds of content the adapter cannot carry into the saved workbook (charts, …). */
  readonly contentsLost?: readonly string[];
}

export type RunStatus = 'skrivet' | 'blockerat' | 'inget-att-rapportera';

export interface RunResult {
  readonly status: RunStatus;
  readonly roles: SheetRoles;
  readonly forbund: string | undefined;
  readonly year: number | undefined;
  readonly bokslut: Bokslut | undefined;
  readonly budget: Budget | undefined;
  /** The budget season's reports, when the workbook has a budget and no books. */
  readonly season?: BudgetSeason;
  readonly findings: readonly Finding[];
  readonly written: WriteOutcome | undefined;
}

export interface Inputs {
  readonly roles: SheetRoles;
  readonly ledger: Ledger | undefined;
  readonly budget: Budget | undefined;
  readonly statistics: StatisticsRow[] | undefined;
  readonly history: History | undefined;
  readonly findings: Finding[];
  readonly parsed: ReturnType<typeof parseSettingsSheets>;
  /** The account mapping in force (Kontoplan over Kommun-Bas) and the Insatser lines' index. */
  readonly mapping: AccountMapping;
  readonly insatser: InsatsIndex;
}

function parseSettingsSheets(get: (name: string | undefined) => SheetSnapshot | undefined, roles: SheetRoles) {
  const settings = settingsRead(get(roles.settings));
  const insatser = insatserRead(get(roles.insatser));
  const kontoplan = kontoplanRead(get(roles.kontoplan));
  return { settings: settings.settings, insatser: insatser.lines, kontoplan: kontoplan.entries, findings: [...settings.findings, ...insatser.findings, ...kontoplan.findings] };
}

/** The part each sheet plays (the user's choice over what is detected) and the column choices in force. */
export function inputsRoles(snapshots: readonly SheetSnapshot[], chosen: Partial<SheetRoles> = {}, paneColumns: readonly ColumnChoice[] = []): { roles: SheetRoles; columns: ColumnChoice[] } {
  const byName = new Map(snapshots.map((s) => [s.name, s]));
  const get = (name: string | undefined) => (name ? byName.get(name) : undefined);
  // Inställningar is found by name, so its column choices can guide the detection of the rest.
  const settingsFirst = parseSettingsSheets(get, { ...sheetRolesDetect(snapshots.filter((s) => !s.generated).map((s) => ({ ...s, cells: s.cells.slice(0, 0) }))), ...chosen });
  const columns = columnChoicesMerge(settingsFirst.settings.columnChoices, paneColumns);
  return { roles: { ...sheetRolesDetect(snapshots, columns), ...chosen }, columns };
}

/**
 * Reads every input sheet into typed values; pure over the snapshots — except that a caller
 * that gives the cells over (`given.releaseLedgerRows`, with the roles it already detected)
 * lets the huvudbok's rows go as they become ledger rows.
 */
export function inputsParse(
  snapshots: readonly SheetSnapshot[],
  chosen: Partial<SheetRoles> = {},
  paneColumns: readonly ColumnChoice[] = [],
  given?: { readonly roles: SheetRoles; readonly columns: ColumnChoice[]; readonly releaseLedgerRows: boolean },
): Inputs {
  const byName = new Map(snapshots.map((s) => [s.name, s]));
  const get = (name: string | undefined) => (name ? byName.get(name) : undefined);
  const { roles, columns } = given ?? inputsRoles(snapshots, chosen, paneColumns);
  const parsed = parseSettingsSheets(get, roles);
  const findings: Finding[] = [...parsed.findings];
  const mapping = accountMappingCreate(parsed.kontoplan);
  const insatser = insatsIndexCreate(parsed.insatser);
  const lineOf = (account: string) => mapping.place(account)?.line;
  let ledger: Ledger | undefined;
  let budget: Budget | undefined;
  const ledgerSheets = ledgerSheetsOf(snapshots, roles.ledger, columns).map(get).filter((s): s is SheetSnapshot => s !== undefined);
  const balanceSheet = get(roles.balanceReport);
  if (ledgerSheets.length > 0) {
    const insatsCodes = new Set(parsed.insatser.flatMap((l) => l.projekt));
    const said = parsed.settings.insatsDimension;
    const options = {
      fallbackYear: parsed.settings.year,
      insatsCodes,
      insatsDimension: said !== undefined ? { column: said, cell: parsed.settings.insatsDimensionCell ?? cellRef(roles.settings ?? 'Inställningar', 1, 2) } : undefined,
      choices: columns,
    };
    // A sheet that plays no other part may be let go row by row as it is read.
    const otherParts = new Set(Object.entries(roles).filter(([role]) => role !== 'ledger').map(([, name]) => name));
    const reads = ledgerSheets.map((s) => ledgerRead(s, { ...options, releaseRows: given?.releaseLedgerRows === true && !otherParts.has(s.name) }));
    for (const read of reads) findings.push(...read.findings);
    if (reads.every((r) => r.ledger)) ledger = ledgerMerge(reads.map((r) => r.ledger as Ledger));
    // Opening balances from a balance report beside a ledger that has none for its first year.
    if (ledger && balanceSheet) {
      const opening = ledgerOpeningFromReport(ledger, balanceSheet, parsed.settings.year, lineOf, columns);
      ledger = opening.ledger;
      findings.push(...opening.findings);
    }
  } else if (balanceSheet) {
    const read = reportsRead(balanceSheet, get(roles.resultReport), parsed.settings.year, lineOf, columns);
    ledger = read.ledger;
    budget = read.budget;
    findings.push(...read.findings);
  } else {
    findings.push(...unreadBooksFindings(snapshots, roles));
    // No books found: a sheet whose formulas were never calculated may be them — say so.
    const used = new Set(Object.values(roles));
    for (const s of snapshots) {
      if (s.generated || used.has(s.name)) continue;
      const uncalculated = sheetUncalculatedFinding(s);
      if (uncalculated) findings.push(uncalculated);
    }
  }
  const budgetSheet = get(roles.budget);
  if (budgetSheet) {
    const read = budgetSheetRead(budgetSheet, { insatser, signOverride: parsed.settings.budgetSign, lineOf, budgetYear: parsed.settings.year });
    budget = read.budget ?? budget;
    findings.push(...read.findings);
  }
  let statistics: StatisticsRow[] | undefined;
  const statisticsSheet = get(roles.statistics);
  if (statisticsSheet) {
    const read = statisticsRead(statisticsSheet);
    statistics = read.rows;
    findings.push(...read.findings);
  }
  let history: History | undefined;
  const historySheet = get(roles.history);
  if (historySheet) {
    const read = historyRead(historySheet);
    history = read.history;
    findings.push(...read.findings);
  }
  return { roles, ledger, budget, statistics, history, findings, parsed, mapping, insatser };
}

/**
 * A budget sheet: by its header row (Post or Konto, and year columns) as before; a sheet
 * without one that holds a plan's printed tables is read through them.
 */
function budgetSheetRead(sheet: SheetSnapshot, options: BudgetReadOptions & { readonly budgetYear?: number }): { budget: Budget | undefined; findings: Finding[] } {
  const byHeader = budgetRead(sheet, options);
  if (byHeader.budget || !byHeader.findings.some((f) => f.code === 'rubrikrad-saknas') || !sheetIsPlan(sheet)) return byHeader;
  return planRead(sheet, options);
}

/** What the marker says of the sheets a run read: each with its row count, and the checksum of their cells. */
export interface SourcesRead {
  readonly sources: RenderMeta['sources'];
  readonly checksum: string;
}

/** The sheets read (by name; undefined for a role without a sheet), summarised for the marker. */
export function sourcesRead(snapshots: readonly SheetSnapshot[], sheetsRead: readonly (string | undefined)[]): SourcesRead {
  const used = snapshots.filter((s) => sheetsRead.includes(s.name));
  return { sources: used.map((s) => ({ name: s.name, rows: sheetRowCount(s.cells) })), checksum: inputChecksum(used) };
}

/** The facts every generated sheet's marker carries: the sheets read (with row counts and a checksum), version and time. */
export function renderMeta(read: SourcesRead, report: Pick<RenderMeta, 'forbund' | 'year' | 'unit'>, options: RunOptions): RenderMeta {
  return { ...report, version: options.version, generatedAt: (options.now ?? (() => new Date()))().toISOString(), sources: read.sources, checksum: read.checksum };
}

/**
 * Every sheet read and parsed. The cells are let go when this returns; where the port gives
 * its cells over (`freshCells`), the huvudbok's rows already while they are parsed, so that a
 * huvudbok of a million rows is never held as cells and as ledger rows at once. What else the
 * run needs of the cells is taken first and comes back with the inputs: the marker's summary
 * of the sheets `used` names, and the sheets `keep` names.
 */
export async function sheetsParse(
  port: WorkbookPort,
  options: RunOptions,
  used: (roles: SheetRoles) => readonly (string | undefined)[],
  keep: (roles: SheetRoles) => readonly (string | undefined)[] = () => [],
): Promise<{ inputs: Inputs; read: SourcesRead; kept: readonly SheetSnapshot[] }> {
  const snapshots = await port.readSheets(await port.sheetNames());
  const detected = inputsRoles(snapshots, options.roles, options.columns);
  const read = sourcesRead(snapshots, used(detected.roles));
  const keptNames = keep(detected.roles);
  const kept = snapshots.filter((s) => keptNames.includes(s.name));
  const inputs = inputsParse(snapshots, options.roles, options.columns, { ...detected, releaseLedgerRows: port.freshCells === true });
  return { inputs, read, kept };
}

/** A sheet written under another name because the user has a sheet of that name: say so. */
export function nameClashFindings(written: WriteOutcome, what: string): Finding[] {
  return written.written
    .filter((w) => w.name !== w.wanted)
    .map((w) => finding('blad-namnkrock', `Arbetsboken har redan ett eget blad som heter ${w.wanted}; det lämnas orört och ${what} skrevs till bladet ${w.name}.`));
}

export async function reportsRun(port: WorkbookPort, options: RunOptions): Promise<RunResult> {
  const step = options.onStep ?? (() => undefined);
  step('läser blad');
  const { inputs, read, kept } = await sheetsParse(port, options, (r) => [r.ledger, r.balanceReport, r.resultReport, r.budget, r.settings, r.insatser, r.kontoplan, r.statistics, r.history], (r) => [r.goals]);
  const { roles, ledger, budget, parsed } = inputs;
  const findings = [...inputs.findings];
  const base = { roles, forbund: parsed.settings.forbund, budget, written: undefined };

  if (!ledger) {
    if (!roles.ledger && !roles.balanceReport && findingsBlocking(findings).length === 0) {
      if (budget) {
        // Budget season: the budget's own reports instead of a bokslut.
        step('beräknar');
        const goals = goalsRead(kept.find((s) => s.name === roles.goals) ?? { name: 'Mål', generated: false, cells: [] });
        const season = budgetSeasonBuild({ budget, settings: parsed.settings, insatser: inputs.insatser, mapping: inputs.mapping, goals: goals.goals });
        for (const r of season.reconciliations.filter((x) => !x.passed)) {
          findings.push(finding('budget-summa-avviker', `${r.name}: budgeten anger ${moneyFormatKr(r.actual)} men raderna ger ${moneyFormatKr(r.expected)} (skillnad ${moneyFormatKr(r.difference)}). Rapporterna visar budgetens egna siffror; rätta bladet ${budget.sheet} om det är ett skrivfel.`, r.cells));
        }
        if (season.insatserMissing) findings.push(finding('antagande', `Arbetsboken har inget blad Insatser som känner igen budgetens rader: Driftbudget visar raderna efter sin art, och andelarna individinriktade insatser och strukturinsatser kan inte räknas. Skriv insatserna i ett blad Insatser (Insats, Typ, Andel individinriktad).`));
        step('skriver');
        const meta = renderMeta(read, { forbund: parsed.settings.forbund ?? 'Samordningsförbundet', year: season.budgetYear, unit: parsed.settings.unit }, options);
        const sheets = [...budgetSeasonSheets(season, meta), kontrollerSheet(season.reconciliations, findings, meta)].map(sheetTextFit);
        for (const fitted of sheets) findings.push(...fitted.findings);
        const written = await port.writeSheets(sheets.map((x) => x.sheet));
        findings.push(...nameClashFindings(written, 'budgetrapporten'));
        return { ...base, status: 'skrivet', year: season.budgetYear, bokslut: undefined, season, findings, written };
      }
      findings.push(finding('huvudbok-saknas', 'Arbetsboken har inget blad med en huvudbok (kolumnerna Konto och Belopp, eller Debet och Kredit) och ingen balansrapport (Konto, IB och UB).'));
    }
    return { ...base, status: 'blockerat', year: parsed.settings.year, bokslut: undefined, findings };
  }

  step('beräknar');
  const computed = bokslutCompute({ settings: parsed.settings, ledger, budget, insatser: parsed.insatser, kontoplan: parsed.kontoplan, history: inputs.history, statistics: inputs.statistics });
  step('kontrollerar');
  findings.push(...computed.findings);
  const bokslut = computed.bokslut;
  if (!bokslut || findingsBlocking(findings).length > 0) {
    // Accounts without a certain line and no Kontoplan yet: the one sheet this run writes is
    // a proposed Kontoplan for the user to confirm.
    let written: WriteOutcome | undefined;
    const proposal = computed.kontoplanProposal;
    if (proposal && !roles.kontoplan) {
      step('skriver');
      const proposed = kontoplanProposalRender(proposal.rows, proposal.uncertain);
      written = await port.writeSheets([proposed.sheet]);
      findings.push(...proposed.findings);
      findings.push(finding('kontoplan-foreslagen', `Bladet ${written.written[0]?.name ?? 'Kontoplan'} har skapats med ett förslag för alla ${proposal.rows.length} konton. Kontrollera raderna (de osäkra är gulmarkerade), skriv "bekräftad" i Status eller töm kolumnen och kör Generera rapporter igen.`));
    }
    return { ...base, status: 'blockerat', year: bokslut?.year ?? parsed.settings.year, bokslut, findings, written };
  }

  step('skriver');
  if (options.contentsLost && options.contentsLost.length > 0) {
    findings.push(finding('innehall-forloras', `Arbetsboken innehåller ${options.contentsLost.join(', ')}, som inte följer med när kopian sparas. Öppna originalet för dem; rapportbladen finns i kopian.`));
  }
  const meta = renderMeta(read, { forbund: bokslut.forbund, year: bokslut.year, unit: parsed.settings.unit }, options);
  const rendered = bokslutRender(bokslut, findings, meta);
  findings.push(...rendered.findings);
  const written = await port.writeSheets(rendered.sheets);
  findings.push(...nameClashFindings(written, 'rapporten'));
  return { ...base, status: 'skrivet', year: bokslut.year, bokslut, findings, written };
}
