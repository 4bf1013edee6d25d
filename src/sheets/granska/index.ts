// Granska: a pure checker of the arithmetic of every table in a workbook. It finds the tables
// of each sheet the user made (never a generated one) and checks, column by column, every sum,
// group, result, balance, eget-kapital series and percentage they print, the figures one
// sheet prints twice, and — given Inställningar's members — each member's share of their
// money. No I/O: snapshots in, tables and one result per check out.
import { type Member } from '../../core/settings';
import { type SheetSnapshot } from '../../workbook/port';
import { checkTables } from './checks';
import { sheetTables } from './tables';
import { type GranskaResult } from './types';

export type { GranskaCheck, GranskaCheckKind, GranskaColumn, GranskaResult, GranskaRole, GranskaRow, GranskaRowKind, GranskaStatus, GranskaTable, GranskaUnit, GranskaValue, PeriodKind } from './types';

export interface GranskaOptions {
  /** Inställningar's members with their shares of the driftbidrag: each member's row is checked against its share. */
  readonly members?: readonly Member[];
}

export function granska(snapshots: readonly SheetSnapshot[], options: GranskaOptions = {}): GranskaResult {
  const tables = snapshots.filter((s) => !s.generated).flatMap(sheetTables);
  return checkTables(tables, options.members ?? []);
}
