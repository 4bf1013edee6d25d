// Balansräkning (LKBR): the spec of its lines and subtotals, built from the UB of the report
// year and the previous year. Assets, eget kapital and skulder positive; a loss in Årets
// resultat negative. Eget kapital is split into årets resultat and övrigt eget kapital.
import { type Money, moneySub } from './money';
import { type YearPosition } from './positions';
import { type StatementModel, type StatementSpec, statementBuild } from './statement';
import { type AccountMapping } from './accounts';
import { columnFromPosition } from './columns';

export const BALANSRAKNING_SPEC: StatementSpec = {
  title: 'Balansräkning',
  lines: [
    { kind: 'heading', name: 'TILLGÅNGAR' },
    { kind: 'heading', name: 'Anläggningstillgångar' },
    { kind: 'accounts', name: 'Immateriella anläggningstillgångar', lines: ['Immateriella anläggningstillgångar'], sign: 1 },
    { kind: 'accounts', name: 'Materiella anläggningstillgångar', lines: ['Materiella anläggningstillgångar'], sign: 1 },
    { kind: 'accounts', name: 'Finansiella anläggningstillgångar', lines: ['Finansiella anläggningstillgångar'], sign: 1 },
    { kind: 'sum', name: 'Summa anläggningstillgångar', of: ['Immateriella anläggningstillgångar', 'Materiella anläggningstillgångar', 'Finansiella anläggningstillgångar'] },
    { kind: 'heading', name: 'Omsättningstillgångar' },
    { kind: 'accounts', name: 'Förråd m.m.', lines: ['Förråd m.m.'], sign: 1 },
    { kind: 'accounts', name: 'Fordringar', lines: ['Fordringar'], sign: 1, always: true },
    { kind: 'accounts', name: 'Kortfristiga placeringar', lines: ['Kortfristiga placeringar'], sign: 1 },
    { kind: 'accounts', name: 'Kassa och bank', lines: ['Kassa och bank'], sign: 1, always: true },
    { kind: 'sum', name: 'Summa omsättningstillgångar', of: ['Förråd m.m.', 'Fordringar', 'Kortfristiga placeringar', 'Kassa och bank'] },
    { kind: 'sum', name: 'Summa tillgångar', of: ['Summa anläggningstillgångar', 'Summa omsättningstillgångar'] },
    { kind: 'heading', name: 'EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER' },
    { kind: 'heading', name: 'Eget kapital' },
    { kind: 'value', name: 'Årets resultat', key: 'arets-resultat' },
    { kind: 'value', name: 'Övrigt eget kapital', key: 'ovrigt-eget-kapital' },
    { kind: 'sum', name: 'Summa eget kapital', of: ['Årets resultat', 'Övrigt eget kapital'] },
    { kind: 'accounts', name: 'Avsättningar', lines: ['Avsättningar'], sign: -1, always: true },
    { kind: 'heading', name: 'Skulder' },
    { kind: 'accounts', name: 'Långfristiga skulder', lines: ['Långfristiga skulder'], sign: -1, always: true },
    { kind: 'accounts', name: 'Kortfristiga skulder', lines: ['Kortfristiga skulder'], sign: -1, always: true },
    { kind: 'sum', name: 'Summa skulder', of: ['Långfristiga skulder', 'Kortfristiga skulder'] },
    { kind: 'sum', name: 'Summa eget kapital, avsättningar och skulder', of: ['Summa eget kapital', 'Avsättningar', 'Summa skulder'] },
  ],
};

const EQUITY_VALUES: ReadonlyMap<string, (p: YearPosition) => Money> = new Map([
  ['arets-resultat', (p: YearPosition) => p.result],
  ['ovrigt-eget-kapital', (p: YearPosition) => moneySub(p.equity, p.result)],
]);

/** Columns: UB år, UB föregående år. */
export function balansrakningBuild(year: number, positions: ReadonlyMap<number, YearPosition>, mapping: AccountMapping): StatementModel {
  return statementBuild(BALANSRAKNING_SPEC, [
    columnFromPosition(`${year}-12-31`, positions.get(year), mapping, EQUITY_VALUES),
    columnFromPosition(`${year - 1}-12-31`, positions.get(year - 1), mapping, EQUITY_VALUES),
  ]);
}
