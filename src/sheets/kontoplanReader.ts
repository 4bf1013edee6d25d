// Kontoplan reader: the förbund's own chart (Konto, Benämning, Rad) where Rad names the
// statement line exactly as it stands on the resultaträkning or balansräkning. A row whose
// Status is "förslag" (a proposal the run wrote) is not in force until it is confirmed.
import { accountLineFromRowName, type KontoplanEntry } from '../core/accounts';
import { cellRef } from '../core/cellref';
import { type Finding, finding } from '../core/findings';
import { type SheetSnapshot } from '../workbook/port';
import { sheetUncalculatedFinding } from './amountFinding';
import { cellText } from './cells';
import { type ColumnRole, headerColumn, headerFind } from './header';
import { accountFromCell } from './ledgerReader';

export const KONTOPLAN_ROLES: readonly ColumnRole[] = [
  { role: 'Benämning', names: ['benämning', 'kontonamn', 'namn', 'kontotext', 'kontot'], words: ['benämning', 'kontonamn', 'kontotext', 'namn'] },
  { role: 'Status', names: ['status'], words: ['status'], unique: true },
  // Any header that speaks of the report line: Rad, Rapportrad, Rad i resultaträkningen, RR/BR-rad.
  { role: 'Rad', names: ['rad', 'rapportrad', 'rrbrrad', 'redovisningsrad', 'post'], words: ['rad', 'rapportrad', 'redovisningsrad', 'rrrad', 'brrad', 'radnamn'], test: (f) => /^(rr|br|rrbr|rapport|redovisnings|resultat|balans)?rad/.test(f), unique: true },
  { role: 'Konto', names: ['konto', 'kontonr', 'kontonummer'], words: ['konto', 'kontonr', 'kontonummer', 'account', 'kto'], unique: true, content: 'konto' },
];

/** A proposed row not yet confirmed: Status "förslag". "bekräftad" or empty is in force. */
const PROPOSED = 'förslag';

export function kontoplanRead(snapshot: SheetSnapshot | undefined): { entries: KontoplanEntry[]; findings: Finding[] } {
  if (!snapshot) return { entries: [], findings: [] };
  const uncalculated = sheetUncalculatedFinding(snapshot);
  if (uncalculated) return { entries: [], findings: [uncalculated] };
  const sheet = snapshot.name;
  const found = headerFind(sheet, snapshot.cells, KONTOPLAN_ROLES, (m) => m.columns.has('Konto') && m.columns.has('Rad'), 'Konto och Rad', 10);
  const findings = [...found.findings];
  const header = found.header;
  if (!header) return { entries: [], findings };
  const cKonto = headerColumn(header, 'Konto') as number;
  const cNamn = headerColumn(header, 'Benämning');
  const cRad = headerColumn(header, 'Rad') as number;
  const cStatus = headerColumn(header, 'Status');
  const entries: KontoplanEntry[] = [];
  for (let r = header.row + 1; r <= snapshot.cells.length; r++) {
    const row = snapshot.cells[r - 1] ?? [];
    const account = accountFromCell(row[cKonto - 1] ?? null);
    const rad = cellText(row[cRad - 1] ?? null);
    if (!account) {
      if (rad !== '') findings.push(finding('konto-ogiltigt', `Kontoplanen har en rad utan giltigt kontonummer ("${cellText(row[cKonto - 1] ?? null)}").`, [cellRef(sheet, r, cKonto)]));
      continue;
    }
    if (rad === '') continue;
    if (cStatus && cellText(row[cStatus - 1] ?? null).toLowerCase() === PROPOSED) continue;
    const line = accountLineFromRowName(rad, account);
    if (!line) {
      findings.push(finding('kontoplan-okand-rad', `Rad "${rad}" för konto ${account} finns inte i resultat- eller balansräkningen: skriv radens namn som det står där, till exempel Verksamhetens kostnader eller Kassa och bank.`, [cellRef(sheet, r, cRad)]));
      continue;
    }
    entries.push({ account, name: cNamn ? cellText(row[cNamn - 1] ?? null) : '', line, cell: cellRef(sheet, r, cRad) });
  }
  return { entries, findings };
}
