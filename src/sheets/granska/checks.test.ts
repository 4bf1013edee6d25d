// The checks on small tables made for the purpose: group rows, ledger sign, the balance, the
// eget-kapital series, percentages, and how differences are judged. Each expected figure is
// worked out by hand in the comment beside it.
import { cellAddress } from '../../core/cellref';
import { type CellValue } from '../../workbook/port';
import { granska } from './index';
import { type GranskaCheck } from './types';

const run = (cells: CellValue[][]) => granska([{ name: 'Budget', cells, generated: false }]);
const at = (checks: readonly GranskaCheck[], address: string) => checks.filter((c) => cellAddress(c.cell.row, c.cell.col) === address);
const flagged = (checks: readonly GranskaCheck[]) => checks.filter((c) => c.status !== 'godkänd').map((c) => `${cellAddress(c.cell.row, c.cell.col)} ${c.kind} ${c.status}`);
const figures = (c: GranskaCheck | undefined) => c && [c.expected.toString(), c.actual.toString(), c.difference.toString()];

describe('group rows', () => {
  test('a group row is checked against its children and counted once in the sum above', () => {
    const { checks } = run([
      ['Budget', 2024],
      ['Intäkter'],
      ['Insats per medlem', 300], // = 100 + 200
      ['Kommun A 1/3', 100],
      ['Kommun B 2/3', 200],
      ['Region', 300],
      ['Summa intäkter', 600], // 300 + 300: the kommun rows are inside the group row
    ]);
    expect(flagged(checks)).toEqual([]);
    expect(at(checks, 'B3').map((c) => c.kind)).toEqual(['grupp']);
    expect(figures(at(checks, 'B7')[0])).toEqual(['600', '600', '0']);
    expect(at(checks, 'B7')[0]!.note).toContain('Insats per medlem');
    // The children's shares as their labels state them.
    expect(at(checks, 'B4').map((c) => [c.kind, c.status])).toEqual([['andel', 'godkänd']]);
  });

  test('a row that merely equals the two below it is no group when the sum needs all three', () => {
    const { checks } = run([
      ['Konto', 'Benämning', 'Budget 2024'],
      [3610, 'Driftbidrag från staten', -1000], // = kommun + region, by law
      [3631, 'Driftbidrag från kommun', -500],
      [3632, 'Driftbidrag från region', -500],
      [null, 'Summa driftsbidrag', -2000], // all three rows
    ]);
    expect(flagged(checks)).toEqual([]);
    expect(checks.some((c) => c.kind === 'grupp')).toBe(false);
    expect(figures(at(checks, 'C5').find((c) => c.kind === 'summa'))).toEqual(['-2000', '-2000', '0']);
    // The state pays half of the members' money.
    expect(at(checks, 'C2').map((c) => [c.kind, c.status])).toEqual([['andel', 'godkänd']]);
  });
});

describe('sum and result rows', () => {
  test('ledger sign: blocks under headings, a total of the subtotals, the result as the sum; a slip is found where it is', () => {
    const { tables, checks } = run([
      ['Driftbudget'],
      ['Post', 'Budget 2024', 'Budget 2025'],
      ['Summa intäkter', -1000, -1000],
      ['Styrelsen'],
      ['Arvoden', 100, 100],
      ['Resor', 50, 50],
      ['Summa styrelsen', 150, 150],
      ['Kansli'],
      ['Förbundschef', 600, 600],
      ['Summa kansli', 600, 610], // 2025: the block gives 600
      ['Insatser', 300, 300],
      ['Summa kostnader', 1050, 1060], // 150 + 600 + 300; 2025 with the printed 610: 150 + 610 + 300
      ['Årets resultat', 50, 60], // -1000 + 1050 (underskott 50); 2025: -1000 + 1060
    ]);
    expect(tables[0]!.sign).toMatch(/^bokföringstecken/);
    expect(flagged(checks)).toEqual(['C10 summa avvikelse']);
    expect(figures(at(checks, 'C10')[0])).toEqual(['600', '610', '10']);
    expect(at(checks, 'B12')[0]!.kontroll).toBe('Summa kostnader = summan av raderna 5–11');
    expect(figures(at(checks, 'B13')[0])).toEqual(['50', '50', '0']);
  });

  test('all amounts positive: the result is intäkter − kostnader, and the table says so', () => {
    const { tables, checks } = run([
      ['Budget', 2024],
      ['Intäkter'],
      ['Medlemsbidrag', 1000],
      ['SUMMA INTÄKTER', 1000],
      ['Personal', 700],
      ['Lokal', 350],
      ['Summa utgifter', 1050],
      ['Beräknat resultat', -50], // 1000 - 1050
    ]);
    expect(flagged(checks)).toEqual([]);
    expect(tables[0]!.sign).toBe('intäkter och kostnader positiva; resultat = intäkter − kostnader');
    expect(figures(at(checks, 'B8')[0])).toEqual(['-50', '-50', '0']);
  });

  test('a difference that rounding of the parts explains is avrundning, a larger one avvikelse', () => {
    const { checks } = run([
      ['Post', 'Budget 2024', 'Budget 2025'],
      ['A', 100, 100],
      ['B', 200, 200],
      ['Summa', 301, 305], // 300 + 1: two parts rounded to whole kr may be 1 kr off; 5 kr may not
    ]);
    expect(flagged(checks)).toEqual(['B4 summa avrundning', 'C4 summa avvikelse']);
  });

  test('a sum row without rows of its own in a column is that column’s figure', () => {
    const { checks } = run([
      ['Post', 'Budget 2024', 'Plan 2025'],
      ['Styrelsen'],
      ['Arvoden', 30],
      ['Summa styrelsen', 30, 35],
    ]);
    expect(checks.map((c) => cellAddress(c.cell.row, c.cell.col))).toEqual(['B4']);
  });
});

describe('what a sum takes in when its label does not say', () => {
  const blocks = (total: number): CellValue[][] => [
    ['Post', 'Budget 2024'],
    ['Projekt A'],
    ['Lön', 100],
    ['Summa projekt A', 100],
    ['Projekt B'],
    ['Lön', 50],
    ['Summa projekt B', 50],
    ['Övrigt', 10],
    ['Summa verksamhet', total], // 100 + 50 + 10 = 160: the two blocks above are part of it
  ];

  test('the sibling blocks above are taken in when that is what holds', () => {
    const { checks } = run(blocks(160));
    expect(flagged(checks)).toEqual([]);
    expect(figures(at(checks, 'B9')[0])).toEqual(['160', '160', '0']);
  });

  test('when nothing holds, the closest span is the one reported', () => {
    const { checks } = run(blocks(170));
    expect(flagged(checks)).toEqual(['B9 summa avvikelse']);
    expect(figures(at(checks, 'B9')[0])).toEqual(['160', '170', '10']);
  });

  test('a bare Totalt under intäkter and kostnader is the result', () => {
    const { checks } = run([
      ['Post', 'Budget 2024'],
      ['Summa intäkter', 1000],
      ['Summa kostnader', 900],
      ['Totalt', 100], // 1000 - 900, all positive
    ]);
    expect(flagged(checks)).toEqual([]);
    expect(at(checks, 'B4').map((c) => c.kind)).toEqual(['resultat']);
  });
});

describe('cells that are not amounts', () => {
  test('a column where a counted cell is an error or text is not checked; a dash is nothing', () => {
    const { checks } = run([
      ['Post', 'Budget 2024', 'Budget 2025', 'Budget 2026'],
      ['A', 100, { error: '#EJBERÄKNAD' }, 100],
      ['B', 200, 200, '–'],
      ['Summa', 300, 999, 100],
    ]);
    expect(checks.map((c) => [cellAddress(c.cell.row, c.cell.col), c.status])).toEqual([
      ['B4', 'godkänd'],
      ['D4', 'godkänd'],
    ]);
  });
});

describe('balance tables', () => {
  test('summa tillgångar against eget kapital and skulder, in bokföringstecken; the slip stands on the tillgångar row', () => {
    const { tables, checks } = run([
      ['Balansräkning'],
      [null, '2023-12-31', '2024-12-31'],
      [null, 'Utfall', 'Budget'],
      ['Kassa och bank', 1000, 900],
      ['Summa tillgångar', 1000, 900],
      ['Balanserat eget kapital', -800, -700],
      ['Årets resultat', 100, 50],
      ['Summa eget kapital', -700, -650], // -800 + 100; -700 + 50
      ['Kortfristiga skulder', -300, -200],
      ['Summa skulder', -300, -200],
      ['Summa eget kapital och skulder', -1000, -850], // 2024: -650 - 200 = -850, but tillgångar 900
    ]);
    expect(tables[0]!.role).toBe('balans');
    expect(flagged(checks)).toEqual(['C5 balans avvikelse']);
    const balance = at(checks, 'C5').find((c) => c.kind === 'balans');
    expect(figures(balance)).toEqual(['850', '900', '50']);
    expect(balance!.note).toContain('eget kapital följer av åren');
    // The series: IB 2024 = summa eget kapital 2023.
    expect(at(checks, 'C6').map((c) => [c.kind, c.status])).toEqual([['eget-kapital', 'godkänd']]);
  });

  test('a 1 kr gap from rounded lines is avrundning', () => {
    const { checks } = run([
      ['Balansräkning', 'Utfall 2024'],
      ['Kassa', 1001],
      ['Summa tillgångar', 1001],
      ['Eget kapital', 700],
      ['Skulder', 300],
      ['Summa eget kapital och skulder', 1000],
    ]);
    expect(flagged(checks)).toEqual(['B3 balans avrundning']);
  });
});

describe('eget kapital', () => {
  test('UB = IB + årets resultat, and this year’s IB = last year’s UB: a break is found at the IB', () => {
    const { checks } = run([
      ['BALANSBUDGET', 'Budget 2024', 'Budget 2025', 'Budget 2026'],
      ['Eget kapital (IB)', 500, 450, 400], // 2026 should be 2025's UB: 420
      ['Årets resultat', -50, -30, 10],
      ['UB eget kapital', 450, 420, 410], // 500 - 50; 450 - 30; 400 + 10
    ]);
    expect(flagged(checks)).toEqual(['D2 eget-kapital avvikelse']);
    expect(figures(at(checks, 'D2')[0])).toEqual(['420', '400', '-20']);
    expect(at(checks, 'D2')[0]!.kontroll).toBe('Eget kapital (IB) 2026 = UB eget kapital 2025');
    expect(checks.filter((c) => c.kontroll.startsWith('UB eget kapital =')).map((c) => c.status)).toEqual(['godkänd', 'godkänd', 'godkänd']);
  });

  test('without a UB row, the next IB is the year before’s IB plus its result', () => {
    const { checks } = run([
      [null, 2024, 2025],
      ['Eget kapital vid ingång av året', 200, 160], // 200 - 50 = 150
      ['Resultat', -50, 10],
    ]);
    expect(flagged(checks)).toEqual(['C2 eget-kapital avvikelse']);
    expect(figures(at(checks, 'C2')[0])).toEqual(['150', '160', '10']);
  });

  test('a percentage of eget kapital is recomputed from what its label names, at the printed decimals', () => {
    const { checks } = run([
      [null, 2024, 2025],
      ['Eget kapital vid ingång av året', 200, 150],
      ['Resultat', -50, -30],
      ['Tilldelade medel', 1000, 1000],
      ['Eget kapital i % av tilldelade medel', { percent: 0.15 }, { percent: 0.05 }], // (200-50)/1000 = 15 %; (150-30)/1000 = 12 %
    ]);
    expect(flagged(checks)).toEqual(['C5 procent avvikelse']);
    const slip = at(checks, 'C5')[0]!;
    expect([slip.unit, ...figures(slip)!]).toEqual(['%', '12', '5', '-7']);
    expect(at(checks, 'B5')[0]!.status).toBe('godkänd');
  });
});

describe('shares', () => {
  test('a share is recomputed from the rows its label names; the whole it leaves open is the one the print matches', () => {
    const { checks } = run([
      ['Post', 'Budget 2024'],
      ['Tilldelade medel', 2500],
      ['Summa intäkter', 2500],
      ['Individinriktade insatser', 800],
      ['Strukturinsatser', 200],
      ['Summa insatser', 1000],
      ['Administration', 500],
      ['Summa kostnader', 1500],
      ['Resultat', 1000], // 2500 - 1500
      ['Andel individinriktade insatser', { percent: 0.8 }], // 800 / 1000
      ['Administration i % av tilldelade medel', { percent: 0.2 }], // 500 / 2500
      ['Andel strukturinsatser', { percent: 0.25 }], // 200 / 1000 = 20 %, and 200 / 2500 = 8 %: neither is 25
    ]);
    expect(flagged(checks)).toEqual(['B12 procent avvikelse']);
    expect(at(checks, 'B10')[0]!.kontroll).toBe('Andel individinriktade insatser = individinriktade insatser / summa insatser');
    expect(figures(at(checks, 'B11')[0])).toEqual(['20', '20', '0']);
    expect(figures(at(checks, 'B12')[0])).toEqual(['20', '25', '5']);
    expect(at(checks, 'B12')[0]!.note).toContain('8,00 %');
  });
});
