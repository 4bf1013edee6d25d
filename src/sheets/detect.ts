// Which sheet plays which part: Inställningar, Insatser and Kontoplan by name; the ledger,
// balance report, result report and budget by the layout step (header words and content;
// names only break ties; a budget printed as plans print it, by its tables' rows). Generated sheets are never inputs. A ledger split over one sheet
// per year ("Huvudbok 2023", "Huvudbok 2024") is read together; a sheet that plainly holds
// books but whose columns cannot be placed is named, never passed over in silence.
import { type SheetSnapshot } from '../workbook/port';
import { cellRef, columnLetters } from '../core/cellref';
import { type Finding, finding } from '../core/findings';
import { balanceReportHeaderAccept, BALANCE_REPORT_ROLES, resultReportHeaderAccept, RESULT_REPORT_ROLES } from './balanceReportReader';
import { BUDGET_ROLES } from './budgetReader';
import { foldKey } from './cells';
import { columnContentOf } from './columnContent';
import { type ColumnChoice, type ColumnRole, type HeaderMatch, headerFind } from './header';
import { ledgerHeaderAccept, LEDGER_ROLES } from './ledgerReader';
import { sheetIsPlan } from './planReader';

export interface SheetRoles {
  ledger?: string;
  balanceReport?: string;
  resultReport?: string;
  budget?: string;
  settings?: string;
  insatser?: string;
  kontoplan?: string;
  goals?: string;
  statistics?: string;
  history?: string;
}

export type SheetRole = keyof SheetRoles;

const BY_NAME: readonly [SheetRole, RegExp][] = [
  ['settings', /^(inställningar|installningar|settings|parametrar)$/],
  ['insatser', /^(insatser|insatslista|poster)$/],
  ['kontoplan', /^(kontoplan|kontoplanen)$/],
  ['goals', /^(mål|målsättningar)$/],
  ['statistics', /^(insatsstatistik|statistik|deltagarstatistik)$/],
  ['history', /^(historik|flerårsöversikt)$/],
];

function hasHeader(s: SheetSnapshot, roles: readonly ColumnRole[], accept: (m: HeaderMatch) => boolean, choices: readonly ColumnChoice[]): boolean {
  return headerFind(s.name, s.cells, roles, accept, '', { choices }).header !== undefined;
}

const isBudget = (m: HeaderMatch) => m.columns.has('År') && (m.columns.has('Post') || m.columns.has('Konto'));

/** The role of every input sheet, by name for the settings sheets and by the layout step for the rest. */
export function sheetRolesDetect(sheets: readonly SheetSnapshot[], choices: readonly ColumnChoice[] = []): SheetRoles {
  const roles: SheetRoles = {};
  const inputs = sheets.filter((s) => !s.generated);
  for (const s of inputs) {
    const name = foldKey(s.name);
    const byName = BY_NAME.find(([, re]) => re.test(name));
    if (byName && roles[byName[0]] === undefined) roles[byName[0]] = s.name;
  }
  const named = new Set(Object.values(roles));
  const candidates = inputs.filter((s) => !named.has(s.name));
  const pick = (test: (s: SheetSnapshot) => boolean, prefer: RegExp): string | undefined => {
    const found = candidates.filter(test);
    return (found.find((s) => prefer.test(foldKey(s.name))) ?? found[0])?.name;
  };
  // Reports first: a balance report has an account and amounts too, but its IB/UB columns say what it is.
  roles.balanceReport = pick((s) => hasHeader(s, BALANCE_REPORT_ROLES, balanceReportHeaderAccept, choices), /balans/);
  // A result report has Utfall (or only Period): a sheet with Period that reads as a ledger is the ledger.
  const resultHeader = (s: SheetSnapshot) => headerFind(s.name, s.cells, RESULT_REPORT_ROLES, resultReportHeaderAccept, '', { choices }).header;
  roles.resultReport = pick((s) => {
    if (s.name === roles.balanceReport) return false;
    const h = resultHeader(s);
    return h !== undefined && (h.columns.has('Utfall') || !hasHeader(s, LEDGER_ROLES, ledgerHeaderAccept, choices));
  }, /resultat/);
  // A sheet named as a ledger is the ledger even when its header cannot be found: the
  // reader then says what is missing, instead of the run saying there is no ledger.
  const notReport = (s: SheetSnapshot) => s.name !== roles.balanceReport && s.name !== roles.resultReport;
  roles.ledger =
    pick((s) => notReport(s) && hasHeader(s, LEDGER_ROLES, ledgerHeaderAccept, choices), /huvudbok|transaktion|verifikation|bokföring/) ??
    candidates.find((s) => notReport(s) && /^(huvudbok|transaktioner|verifikationer|huvudboken|verifikationslista)/.test(foldKey(s.name)))?.name;
  roles.budget = pick((s) => s.name !== roles.ledger && notReport(s) && hasHeader(s, BUDGET_ROLES, isBudget, choices), /budget/);
  // A budget as plans print it (no header row with Post or Konto): found by its tables' rows.
  roles.budget ??= roles.ledger === undefined || roles.balanceReport === undefined ? pick((s) => s.name !== roles.ledger && notReport(s) && sheetIsPlan(s), /budget|plan/) : undefined;
  for (const key of Object.keys(roles) as SheetRole[]) if (roles[key] === undefined) delete roles[key];
  return roles;
}

/** The name without its years: "Huvudbok 2023" and "Huvudbok 2024" are one ledger. */
function nameWithoutYears(name: string): string {
  return foldKey(name.replace(/(?:19|20|21)\d{2}/g, ''));
}

/** The ledger's sheets: the chosen one and its siblings for other years, in workbook order. */
export function ledgerSheetsOf(sheets: readonly SheetSnapshot[], ledger: string | undefined, choices: readonly ColumnChoice[] = []): string[] {
  if (ledger === undefined) return [];
  const chosen = sheets.find((s) => s.name === ledger);
  if (!chosen || !/(?:19|20|21)\d{2}/.test(ledger)) return [ledger];
  const stem = nameWithoutYears(ledger);
  return sheets
    .filter((s) => s.name === ledger || (!s.generated && /(?:19|20|21)\d{2}/.test(s.name) && nameWithoutYears(s.name) === stem && hasHeader(s, LEDGER_ROLES, ledgerHeaderAccept, choices)))
    .map((s) => s.name);
}

/**
 * Sheets outside every role that hold a column of account numbers and a column of amounts:
 * books the layout step could not read. Each is a blocking finding naming what it saw.
 */
export function unreadBooksFindings(sheets: readonly SheetSnapshot[], roles: SheetRoles): Finding[] {
  const used = new Set(Object.values(roles));
  const out: Finding[] = [];
  for (const s of sheets) {
    if (s.generated || used.has(s.name)) continue;
    // The rows with figures in them: title and header rows say nothing about the content.
    const sample = s.cells.slice(0, 1000).filter((r) => r.some((v) => typeof v === 'number' || (typeof v === 'object' && v !== null && 'date' in v)));
    const width = sample.reduce((w, r) => Math.max(w, r.length), 0);
    let accountCol: number | undefined;
    let amountCol: number | undefined;
    for (let c = 1; c <= width; c++) {
      const kinds = columnContentOf(sample.map((r) => r[c - 1] ?? null)).kinds;
      if (kinds.has('konto') && accountCol === undefined) accountCol = c;
      else if (kinds.has('belopp') && amountCol === undefined) amountCol = c;
    }
    if (accountCol === undefined || amountCol === undefined) continue;
    out.push(
      finding(
        'blad-olasligt',
        `Bladet ${s.name} ser ut att innehålla bokföring (kontonummer i kolumn ${columnLetters(accountCol)}, belopp i kolumn ${columnLetters(amountCol)}), men Finsam Ekonomi kan inte avgöra vad kolumnerna betyder: ingen rubrikrad med Konto och Belopp (eller Debet och Kredit) hittades. Skriv rubriker över kolumnerna, eller ange dem i bladet Inställningar ("Kolumn Konto", "Kolumn Belopp") eller i aktivitetsfönstret.`,
        [cellRef(s.name, 1, accountCol)],
      ),
    );
  }
  return out;
}
