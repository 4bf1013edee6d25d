import { accountMappingCreate } from './accounts';
import { accountsUncertain, accountLineFromName } from './accountProposal';
import { type LedgerRow, ledgerSummarise } from './ledger';

// Names a Kommun-Bas chart gives its accounts: none of them may stop a run.
const KOMMUN_BAS: [string, string][] = [
  ['1220', 'Inventarier'],
  ['1510', 'Kundfordringar'],
  ['1641', 'Fordran mervärdesskatt'],
  ['1710', 'Förutbetalda kostnader'],
  ['1790', 'Upplupna intäkter'],
  ['1910', 'Kassa'],
  ['1930', 'Bankkonto'],
  ['1940', 'Plusgiro'],
  ['2010', 'Eget kapital'],
  ['2090', 'Balanserat resultat'],
  ['2099', 'Årets resultat'],
  ['2440', 'Leverantörsskulder'],
  ['2710', 'Personalens källskatt'],
  ['2920', 'Semesterlöneskuld'],
  ['2940', 'Upplupna sociala avgifter'],
  ['2970', 'Förutbetalda intäkter'],
  ['2990', 'Övriga interimsskulder'],
  ['3511', 'Driftbidrag från staten (Försäkringskassan)'],
  ['3990', 'Övriga intäkter'],
  ['4610', 'Bidrag till kommun'],
  ['5010', 'Lönekostnader'],
  ['6410', 'Arvoden styrelse'],
  ['6810', 'Avskrivningar inventarier'],
  ['8410', 'Ränteintäkter bankkonto'],
  ['8510', 'Bankkostnader'],
  ['8999', 'Årets resultat'],
];

const summaryOf = (accounts: string[]) => {
  const rows: LedgerRow[] = accounts.map((account, i) => ({ account, year: 2024, ore: i % 2 ? -100 : 100, isIB: false, projekt: '', voucher: '1', sheet: 'Huvudbok', row: i + 2, col: 7 }));
  return ledgerSummarise({ sources: ['Huvudbok'], rows, accountNames: new Map(), hasVouchers: false });
};

test('a Kommun-Bas chart with its usual names: every account certain', () => {
  const names = new Map(KOMMUN_BAS);
  expect(accountsUncertain(summaryOf(KOMMUN_BAS.map(([a]) => a)), accountMappingCreate([]), names)).toEqual([]);
});

test('a local chart: Bankkonto on 1040 and Fordran moms on 1480 contradict their ranges; 9100 is outside them', () => {
  const names = new Map([
    ['1040', 'Bankkonto'],
    ['1480', 'Fordran moms'],
    ['2010', 'Eget kapital'],
    ['9100', 'Övrigt'],
  ]);
  const found = accountsUncertain(summaryOf(['1040', '1480', '2010', '9100']), accountMappingCreate([]), names);
  expect(found.map((u) => [u.account, u.reason, u.rangeLine, u.proposed])).toEqual([
    ['1040', 'motsäger', 'Immateriella anläggningstillgångar', 'Kassa och bank'],
    ['1480', 'motsäger', 'Förråd m.m.', 'Fordringar'],
    ['9100', 'utanför', undefined, undefined],
  ]);
});

test('a Kontoplan row makes an account certain', () => {
  const names = new Map([['1040', 'Bankkonto']]);
  const kontoplan = [{ account: '1040', name: 'Bankkonto', line: 'Kassa och bank' as const, cell: { sheet: 'Kontoplan', row: 2, col: 4 } }];
  expect(accountsUncertain(summaryOf(['1040']), accountMappingCreate(kontoplan), names)).toEqual([]);
});

test('names: accruals by their side, bank but not bank charges', () => {
  expect(accountLineFromName('Förutbetalda intäkter', '2970')).toBe('Kortfristiga skulder');
  expect(accountLineFromName('Förutbetalda kostnader', '1710')).toBe('Fordringar');
  expect(accountLineFromName('Bankkostnader', '8510')).toBe('Finansiella kostnader');
  expect(accountLineFromName('Bankkonto', '1040')).toBe('Kassa och bank');
  expect(accountLineFromName('Årets resultat', '2099')).toBe('Eget kapital');
  expect(accountLineFromName('Årets resultat', '8999')).toBe('Årets resultat (bokslut)');
  expect(accountLineFromName('Porto', '6250')).toBeUndefined();
});

test('avskrivningar on 78xx (the företags-BAS place) are asked about: Kommun-Bas has them on 68', () => {
  const found = accountsUncertain(summaryOf(['7810']), accountMappingCreate([]), new Map([['7810', 'Avskrivningar inventarier']]));
  expect(found.map((u) => [u.account, u.rangeLine, u.proposed])).toEqual([['7810', 'Verksamhetens kostnader', 'Avskrivningar']]);
});
