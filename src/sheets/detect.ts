// Which sheet plays which part: Inställningar, Insatser and Kontoplan by name; the ledger,
// balance report, result report and budget by their header rows (names only break ties).
// Generated sheets are never inputs. The task pane shows the choice and lets the user change it.
import { type SheetSnapshot } from '../workbook/port';
import { foldKey } from './cells';
import { balanceReportHeaderAccept, BALANCE_REPORT_ROLES, resultReportHeaderAccept, RESULT_REPORT_ROLES } from './balanceReportReader';
import { BUDGET_ROLES } from './budgetReader';
import { type ColumnRole, type HeaderMatch, headerMatchRow } from './header';
import { LEDGER_ROLES } from './ledgerReader';

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

function anyRow(cells: SheetSnapshot['cells'], roles: readonly ColumnRole[], accept: (m: HeaderMatch) => boolean, scan = 30): boolean {
  const last = Math.min(cells.length, scan);
  for (let r = 1; r <= last; r++) if (accept(headerMatchRow(cells, r, roles))) return true;
  return false;
}

const isLedger = (m: HeaderMatch) => m.columns.has('Konto') && (m.columns.has('Belopp') || (m.columns.has('Debet') && m.columns.has('Kredit')));
const isBudget = (m: HeaderMatch) => m.columns.has('År') && (m.columns.has('Post') || m.columns.has('Konto'));

/** The role of every input sheet, by name for the settings sheets and by header for the rest. */
export function sheetRolesDetect(sheets: readonly SheetSnapshot[]): SheetRoles {
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
  // A sheet named as a ledger is the ledger even when its header cannot be found: the
  // reader then says what is missing, instead of the run saying there is no ledger.
  roles.ledger = pick((s) => anyRow(s.cells, LEDGER_ROLES, isLedger), /huvudbok|transaktion|verifikation|bokföring/) ?? candidates.find((s) => /^(huvudbok|transaktioner|verifikationer|huvudboken)/.test(foldKey(s.name)))?.name;
  roles.balanceReport = pick((s) => s.name !== roles.ledger && anyRow(s.cells, BALANCE_REPORT_ROLES, balanceReportHeaderAccept), /balans/);
  roles.resultReport = pick((s) => s.name !== roles.ledger && s.name !== roles.balanceReport && anyRow(s.cells, RESULT_REPORT_ROLES, resultReportHeaderAccept), /resultat/);
  roles.budget = pick((s) => s.name !== roles.ledger && s.name !== roles.balanceReport && s.name !== roles.resultReport && anyRow(s.cells, BUDGET_ROLES, isBudget), /budget/);
  for (const key of Object.keys(roles) as SheetRole[]) if (roles[key] === undefined) delete roles[key];
  return roles;
}
