import { accountDefaultLine, accountLineFromRowName, accountMappingCreate } from './accounts';
import { cellRef } from './cellref';

describe('Kommun-Bas default mapping', () => {
  it.each([
    ['1930', 'Kassa och bank'],
    ['1641', 'Fordringar'],
    ['2010', 'Eget kapital'],
    ['2990', 'Kortfristiga skulder'],
    ['3511', 'Verksamhetens intäkter'],
    ['4610', 'Verksamhetens kostnader'],
    ['6810', 'Avskrivningar'],
    ['8410', 'Finansiella intäkter'],
    ['8510', 'Finansiella kostnader'],
    ['8900', 'Årets resultat (bokslut)'],
  ])('%s goes to %s', (account, line) => {
    expect(accountDefaultLine(account)).toBe(line);
  });

  it('places nothing outside the ranges', () => {
    expect(accountDefaultLine('2110')).toBeUndefined();
    expect(accountDefaultLine('8100')).toBeUndefined();
    expect(accountDefaultLine('K12')).toBeUndefined();
  });

  it('lets a Kontoplan row override the range', () => {
    const mapping = accountMappingCreate([{ account: '1040', name: 'Bankkonto', line: 'Kassa och bank', cell: cellRef('Kontoplan', 2, 3) }]);
    expect(mapping.place('1040')).toEqual({ line: 'Kassa och bank', source: 'kontoplan' });
    expect(mapping.place('1041')).toEqual({ line: 'Immateriella anläggningstillgångar', source: 'kommun-bas' });
  });

  it('reads Årets resultat on a balance account as equity and elsewhere as the closing account', () => {
    expect(accountLineFromRowName('Årets resultat', '2099')).toBe('Eget kapital');
    expect(accountLineFromRowName('Årets resultat', '8999')).toBe('Årets resultat (bokslut)');
    expect(accountLineFromRowName('kassa och bank', '1')).toBe('Kassa och bank');
    expect(accountLineFromRowName('Bankkonton', '1')).toBeUndefined();
  });
});
