// The checks of every table of a workbook, column by column: sum and group rows, the state's
// half, the members' split against Inställningar's shares, result rows in the convention that
// makes them hold, the balance, the eget-kapital series, percentages, and figures printed in
// two tables of one sheet. Each table's sign, as the checks decided it, is written back on the
// table.
import { type Member } from '../../core/settings';
import { balanceChecks } from './balanceChecks';
import { crossChecks, membersFrom, type TableReading } from './crossChecks';
import { equityChecks } from './equityChecks';
import { memberShareChecks } from './memberShares';
import { percentChecks } from './percentChecks';
import { resultChecks } from './resultChecks';
import { tableStructure } from './structure';
import { groupChecks, stateShareChecks, sumRowChecks } from './sumChecks';
import { type GranskaCheck, type GranskaTable } from './types';

function equitySign(factor: number, resultSign: number): string {
  const ek = factor < 0 ? 'bokföringstecken: tillgångar positiva, eget kapital och skulder negativa' : 'eget kapital positivt';
  return resultSign < 0 ? `${ek}; årets resultat dras från eget kapital (positivt = underskott)` : ek;
}

/** Every table's checks; `tables` in sheet order, the tables of a sheet top to bottom. */
export function checkTables(tables: readonly GranskaTable[], members: readonly Member[] = []): { tables: GranskaTable[]; checks: GranskaCheck[] } {
  const readings: TableReading[] = tables.map((table) => {
    const structure = tableStructure(table);
    const result = table.role === 'resultat' ? resultChecks(structure) : undefined;
    const equity = table.role === 'balans' || table.role === 'eget-kapital' ? equityChecks(structure) : undefined;
    return { table, structure, ...(result ? { result } : {}), ...(equity ? { equity } : {}) };
  });
  const checks: GranskaCheck[] = [];
  for (const reading of readings) {
    const { table, structure, result, equity } = reading;
    const sameSheet = readings.filter((r) => r.table.sheet === table.sheet);
    checks.push(...sumRowChecks(structure), ...groupChecks(structure));
    if (table.role === 'resultat' || table.role === 'övrig') checks.push(...stateShareChecks(structure), ...memberShareChecks(structure, members));
    if (result) checks.push(...result.checks);
    if (equity) checks.push(...equity.checks);
    if (table.role === 'balans') {
      const equityHolds = (c: number) => (equity?.checks ?? []).filter((k) => k.cell.col === table.columns[c]?.col).every((k) => k.status === 'godkänd');
      checks.push(...balanceChecks(structure, equityHolds));
    }
    checks.push(...percentChecks(structure, equity, (column) => membersFrom(sameSheet, table, column)));
  }
  const sheets = [...new Set(tables.map((t) => t.sheet))];
  for (const sheet of sheets) checks.push(...crossChecks(readings.filter((r) => r.table.sheet === sheet)));
  const signed = readings.map(({ table, result, equity }) => {
    const sign = result?.sign ?? (equity && (equity.ib !== undefined || equity.ub !== undefined) ? equitySign(equity.factor, equity.resultSign) : undefined);
    return sign ? { ...table, sign } : table;
  });
  const order = new Map(sheets.map((s, i) => [s, i]));
  checks.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.cell.row - b.cell.row || a.cell.col - b.cell.col);
  return { tables: signed, checks };
}
