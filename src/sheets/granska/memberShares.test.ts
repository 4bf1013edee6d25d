// The members' split against Inställningar's shares: each member's row of a budget table is
// its share of the members' total. Each expected figure is worked out by hand beside it.
import { cellAddress, cellRef } from '../../core/cellref';
import { type Member } from '../../core/settings';
import { type CellValue } from '../../workbook/port';
import { granska } from './index';
import { memberOfIncome } from '../../core/members';
import { type GranskaCheck } from './types';

const member = (name: string, share: number, accounts: string[] = []): Member => ({ name, share, accounts, cell: cellRef('Inställningar', 1, 2) });
const KRAMFORS = [member('Försäkringskassan (staten)', 0.5), member('Region Västernorrland', 0.25), member('Kramfors kommun', 0.25)];

const run = (cells: CellValue[][], members?: readonly Member[]) => granska([{ name: 'Budget', cells, generated: false }], members ? { members } : undefined);
const shares = (checks: readonly GranskaCheck[]) => checks.filter((c) => c.kind === 'medlemsandel');
const where = (c: GranskaCheck) => cellAddress(c.cell.row, c.cell.col);
const figures = (c: GranskaCheck | undefined) => c && [c.expected.toString(), c.actual.toString(), c.difference.toString()];

const budget = (kommun: number): CellValue[][] => [
  ['Konto', 'Benämning', 'Budget 2024', 'Utfall 2023'],
  [null, 'Verksamhetens intäkter'],
  [3610, 'Driftbidrag från staten', -1293000, -1293000],
  [3631, 'Driftbidrag från kommun', kommun, kommun],
  [3632, 'Driftbidrag från region', -646500, -646500],
  [null, 'Summa driftsbidrag', -1293000 + kommun - 646500, -1293000 + kommun - 646500],
  [null, 'Verksamhetens kostnader'],
  [6591, 'Bidrag till kommun', 2000000, 2000000],
  [null, 'Summa kostnader', 2000000, 2000000],
  [8900, 'Årets resultat', -586000 + kommun + 646500, -586000 + kommun + 646500],
];

describe('the members’ split against Inställningar’s shares', () => {
  test('50/25/25 and a table that pays so: every member row godkänd, in the budget column only', () => {
    const { checks } = run(budget(-646500), KRAMFORS);
    const found = shares(checks);
    // Staten 50 % of 2 586 000, kommun and region 25 % each; the utfall column is not checked.
    expect(found.map((c) => [where(c), c.status])).toEqual([
      ['C3', 'godkänd'],
      ['C4', 'godkänd'],
      ['C5', 'godkänd'],
    ]);
    expect(figures(found[0])).toEqual(['-1293000', '-1293000', '0']);
    expect(figures(found[1])).toEqual(['-646500', '-646500', '0']);
    expect(found[1]!.kontroll).toBe('3631 Driftbidrag från kommun = 25 % av medlemmarnas bidrag (raderna 3–5), andelen för Kramfors kommun i Inställningar');
    expect(found[1]!.note).toBe('medlemmarnas bidrag -2 586 000 kr, varav Kramfors kommun 25 %');
    // "Bidrag till kommun" is a cost, nobody's contribution.
    expect(found.some((c) => c.cell.row === 8)).toBe(false);
  });

  test('kommun −700 000: the kommun cell is avvikelse, with the expected figure and difference', () => {
    const { checks } = run(budget(-700000), KRAMFORS);
    const found = shares(checks);
    // Total -1 293 000 - 700 000 - 646 500 = -2 639 500; staten 50 % = -1 319 750,
    // kommun and region 25 % = -659 875.
    expect(found.map((c) => [where(c), c.status])).toEqual([
      ['C3', 'avvikelse'],
      ['C4', 'avvikelse'],
      ['C5', 'avvikelse'],
    ]);
    expect(figures(found[1])).toEqual(['-659875', '-700000', '-40125']);
    expect(figures(found[0])).toEqual(['-1319750', '-1293000', '26750']);
    expect(figures(found[2])).toEqual(['-659875', '-646500', '13375']);
  });

  test('without members in Inställningar nothing changes', () => {
    const without = run(budget(-700000));
    const empty = run(budget(-700000), []);
    expect(shares(without.checks)).toEqual([]);
    expect(empty.checks).toEqual(without.checks);
  });

  test('a difference that rounding to tkr explains is avrundning', () => {
    const { checks } = run(
      [
        ['Post', 'Budget 2024 (tkr)'],
        ['Driftbidrag staten', 1293],
        ['Driftbidrag kommun', 647], // 25 % of 2 587 = 646,75
        ['Driftbidrag region', 647],
        ['Summa intäkter', 2587],
        ['Kostnader', 2587],
        ['Summa kostnader', 2587],
        ['Resultat', 0],
      ],
      KRAMFORS,
    );
    expect(shares(checks).map((c) => [where(c), c.status])).toEqual([
      ['B2', 'avrundning'],
      ['B3', 'avrundning'],
      ['B4', 'avrundning'],
    ]);
  });

  test('a row no member can be given is not checked; the others are, against the whole income sum', () => {
    const members = [member('Försäkringskassan', 0.5), member('Härnösands kommun', 0.25), member('Kramfors kommun', 0.25)];
    const { checks } = run(
      [
        ['Post', 'Budget 2024'],
        ['Driftbidrag från staten', 1000],
        ['Driftbidrag från kommunerna', 500], // two kommuner: whose?
        ['Summa intäkter', 1500],
        ['Kostnader', 1500],
        ['Summa kostnader', 1500],
        ['Resultat', 0],
      ],
      members,
    );
    // Staten 50 % of 1 500 = 750, not 1 000.
    expect(shares(checks).map((c) => [where(c), c.status, ...figures(c)!])).toEqual([['B2', 'avvikelse', '750', '1000', '250']]);
  });

  test('shares that do not add up to 100 % check nothing; shares rounded to 100 % are taken as they add up', () => {
    const table: CellValue[][] = [
      ['Post', 'Budget 2024'],
      ['Driftbidrag Försäkringskassan', 1500000],
      ['Driftbidrag Sollefteå kommun', 500000],
      ['Driftbidrag Kramfors kommun', 500000],
      ['Driftbidrag Region Västernorrland', 500000],
      ['Summa intäkter', 3000000],
    ];
    // 3 × 33,33 % is a third each: 1 500 000 × 1/3 = 500 000 exactly.
    const thirds = [member('Försäkringskassan', 0.3333), member('Sollefteå kommun', 0.3333), member('Kramfors kommun', 0.3333)];
    const three: CellValue[][] = [
      ['Post', 'Budget 2024'],
      ['Driftbidrag Försäkringskassan', 500000],
      ['Driftbidrag Sollefteå kommun', 500000],
      ['Driftbidrag Kramfors kommun', 500000],
      ['Summa intäkter', 1500000],
    ];
    expect(shares(run(three, thirds).checks).map((c) => [c.status, c.expected.toString()])).toEqual([
      ['godkänd', '500000'],
      ['godkänd', '500000'],
      ['godkänd', '500000'],
    ]);
    // 50 % and 3 × 16,67 % = 100,01 %: a sixth printed at two decimals. The 0,01 % (300 kr of
    // 3 000 000) is the shares' rounding: staten's 1 500 000 against 1 499 850 is avrundning.
    const sixths = [member('Försäkringskassan', 0.5), member('Sollefteå kommun', 0.1667), member('Kramfors kommun', 0.1667), member('Region Västernorrland', 0.1667)];
    expect(shares(run(table, sixths).checks).map((c) => c.status)).toEqual(['avrundning', 'avrundning', 'avrundning', 'avrundning']);
    const partial = [member('Försäkringskassan', 0.5), member('Region Västernorrland', 0.25)];
    expect(shares(run(table, partial).checks)).toEqual([]);
  });
});

describe('which member a row is', () => {
  test('by name, by kind, by account; never a member of another kind or one of two alike', () => {
    const of = (label: string, code?: string) => memberOfIncome(KRAMFORS, label, code)?.name;
    expect(of('Driftbidrag från kommun')).toBe('Kramfors kommun');
    expect(of('Driftbidrag från region')).toBe('Region Västernorrland');
    expect(of('Driftbidrag från staten')).toBe('Försäkringskassan (staten)');
    expect(of('Arbetsförmedlingen')).toBe('Försäkringskassan (staten)');
    expect(of('Landstinget')).toBe('Region Västernorrland');
    expect(of('Driftbidrag kommuner och region')).toBeUndefined();
    expect(of('Övriga intäkter')).toBeUndefined();
    expect(memberOfIncome([...KRAMFORS, member('Härnösands kommun', 0.1)], 'Driftbidrag från kommun', undefined)).toBeUndefined();
    expect(memberOfIncome([member('Medlem A', 0.5, ['3631']), member('Medlem B', 0.5, ['3632'])], 'Driftbidrag', '3632')?.name).toBe('Medlem B');
  });
});
