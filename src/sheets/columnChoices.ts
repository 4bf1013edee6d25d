// The user's word on columns, from Inställningar ("Kolumn Projekt: Ks") and the task pane:
// role names as people write them turned into the roles the readers use, and the roles a
// user can pick for each kind of input sheet.
import { foldKey } from './cells';
import { COLUMN_UNUSED, type ColumnChoice, headerRoleOf } from './header';
import { BALANCE_REPORT_ROLES, RESULT_REPORT_ROLES } from './balanceReportReader';
import { LEDGER_ROLES } from './ledgerReader';

/** Roles a user can give a column, per kind of sheet, in the order the task pane lists them. */
export const COLUMN_ROLE_OPTIONS = {
  ledger: ['Konto', 'Kontonamn', 'Datum', 'Period', 'År', 'Ver.nr', 'Text', 'Belopp', 'Debet', 'Kredit', 'Saldo', 'Projekt', 'Dimension', 'Typ', COLUMN_UNUSED],
  balanceReport: ['Konto', 'Benämning', 'IB', 'Period', 'UB', COLUMN_UNUSED],
  resultReport: ['Konto', 'Benämning', 'Utfall', 'Budget', 'Föregående', COLUMN_UNUSED],
} as const;

/** What each role means, in the words the task pane shows. */
export const COLUMN_ROLE_TEXT: ReadonlyMap<string, string> = new Map([
  ['Konto', 'kontonummer'],
  ['Kontonamn', 'kontots namn'],
  ['Benämning', 'kontots namn'],
  ['Datum', 'bokföringsdatum'],
  ['Period', 'period'],
  ['År', 'räkenskapsår'],
  ['Ver.nr', 'verifikationsnummer'],
  ['Text', 'text'],
  ['Belopp', 'belopp (debet +, kredit −)'],
  ['Debet', 'debet'],
  ['Kredit', 'kredit'],
  ['Saldo', 'löpande saldo (kontroll)'],
  ['Projekt', 'insats (projekt)'],
  ['Dimension', 'annan dimension'],
  ['Typ', 'radtyp'],
  ['IB', 'ingående balans'],
  ['UB', 'utgående balans'],
  ['Utfall', 'årets utfall'],
  ['Budget', 'budget'],
  ['Föregående', 'föregående år'],
  ['Registreringsdatum', 'registreringsdatum (används inte)'],
  [COLUMN_UNUSED, 'används inte'],
]);

/** A role as a person writes it ("projekt", "Insats", "belopp", "används ej") → the reader's role name. */
export function columnRoleNormalise(text: string): string {
  const folded = foldKey(text);
  if (['projekt', 'insats', 'insatser', 'insatsdimension', 'insatskod'].includes(folded)) return 'Projekt';
  if (['ingen', 'användsej', 'användsinte', 'ignorera', 'hoppaöver'].includes(folded)) return COLUMN_UNUSED;
  const exact = [...COLUMN_ROLE_TEXT.keys()].find((role) => foldKey(role) === folded);
  if (exact) return exact;
  return headerRoleOf(text, LEDGER_ROLES) ?? headerRoleOf(text, BALANCE_REPORT_ROLES) ?? headerRoleOf(text, RESULT_REPORT_ROLES) ?? text.trim();
}

/** Inställningar's "Kolumn …" rows and the task pane's choices as one list; the task pane's win. */
export function columnChoicesMerge(fromSettings: readonly { readonly role: string; readonly column: string }[], fromPane: readonly ColumnChoice[] = []): ColumnChoice[] {
  const settings = fromSettings.map((c) => ({ column: c.column, role: columnRoleNormalise(c.role) }));
  return [...settings, ...fromPane];
}
