// Granska over the published plans as printed (test/plans) and the example workbooks: the
// slips are exactly the plans' slips, the rounding differences exactly their rounding, the
// tables stand where the expected files say, and the examples give no slip at all.
// The suite reads its fixtures from disk; the module under test reads no files.
// eslint-disable-next-line no-restricted-imports -- the test's fixtures are .xlsx files
import { readFileSync } from 'fs';
import { cellAddress, columnLetters } from '../../core/cellref';
import { XlsxWorkbook } from '../../workbook/xlsx';
import { granska } from './index';
import { type GranskaCheck, type GranskaResult } from './types';

const ROOT = `${__dirname}/../../..`;
const join = (...parts: string[]) => parts.join('/');

interface ExpectedCheck {
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly table: string;
  readonly row: string;
  readonly column: string;
  readonly forvantat: string;
  readonly faktiskt: string;
  readonly differens: string;
}

interface ExpectedTable {
  readonly sheet: string;
  readonly title: string | null;
  readonly unit: string;
  readonly titleRow: number | null;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly labelColumn: string;
  readonly codeColumn?: string;
  readonly years: readonly number[];
  readonly columns: readonly { year: number; header: string; column: string }[];
}

interface ExpectedPlan {
  readonly tables: readonly ExpectedTable[];
  readonly slips: readonly ExpectedCheck[];
  readonly rounding: readonly ExpectedCheck[];
}

async function run(file: string): Promise<GranskaResult> {
  const wb = await XlsxWorkbook.fromBuffer(readFileSync(join(ROOT, file)));
  return granska(await wb.readSheets(await wb.sheetNames()));
}

const where = (c: GranskaCheck) => `${c.sheet}!${cellAddress(c.cell.row, c.cell.col)}`;
const whereExpected = (e: ExpectedCheck) => `${e.sheet}!${e.cell}`;
const sorted = (xs: readonly string[]) => [...new Set(xs)].sort();

describe.each(['kramfors-2010', 'kramfors-2024', 'vasterdalarna-2024'])('test/plans/%s', (name) => {
  const expected = JSON.parse(readFileSync(join(ROOT, 'test', 'plans', `${name}.expected.json`), 'utf8')) as ExpectedPlan;
  let result: GranskaResult;
  beforeAll(async () => {
    result = await run(join('test', 'plans', `${name}.xlsx`));
  });

  test('the tables stand where the plan prints them', () => {
    expect(result.tables).toHaveLength(expected.tables.length);
    expected.tables.forEach((e, i) => {
      const t = result.tables[i]!;
      expect({ sheet: t.sheet, titleRow: t.titleRow ?? null, firstRow: t.firstRow, lastRow: t.lastRow, labelColumn: columnLetters(t.labelColumn), unit: t.unit }).toEqual({
        sheet: e.sheet,
        titleRow: e.titleRow,
        firstRow: e.firstRow,
        lastRow: e.lastRow,
        labelColumn: e.labelColumn,
        unit: e.unit,
      });
      expect(t.codeColumn === undefined ? undefined : columnLetters(t.codeColumn)).toBe(e.codeColumn);
      if (e.title !== null) expect(t.title).toBe(e.title);
      expect(t.columns.map((c) => [c.year, columnLetters(c.col)])).toEqual(e.columns.map((c) => [c.year, c.column]));
      // Text headers as printed (a year typed as a number is shown by its format, which a cell does not carry).
      e.columns.filter((c) => /[^\d\s]/.test(c.header)).forEach((c) => expect(t.columns.find((x) => x.year === c.year)?.header).toBe(c.header));
    });
  });

  test('the slips are exactly the plan’s slips, with its figures', () => {
    const slips = result.checks.filter((c) => c.status === 'avvikelse');
    const cells = expected.slips.filter((s) => s.cell !== null);
    expect(sorted(slips.map(where))).toEqual(sorted(cells.map(whereExpected)));
    for (const e of cells) {
      const found = slips.filter((c) => where(c) === whereExpected(e));
      expect(found.map((c) => [c.expected.toString(), c.actual.toString(), c.difference.toString(), c.row, c.column])).toContainEqual([e.forvantat, e.faktiskt, e.differens, e.row, e.column]);
    }
  });

  test('the rounding differences are exactly the plan’s, with its figures', () => {
    const rounding = result.checks.filter((c) => c.status === 'avrundning');
    expect(sorted(rounding.map(where))).toEqual(sorted(expected.rounding.map(whereExpected)));
    for (const e of expected.rounding) {
      const found = rounding.filter((c) => where(c) === whereExpected(e));
      expect(found.map((c) => [c.expected.toString(), c.actual.toString(), c.difference.toString(), c.row])).toContainEqual([e.forvantat, e.faktiskt, e.differens, e.row]);
    }
  });

  test('every other check holds, and every result names its table, row and column', () => {
    const flagged = new Set([...expected.slips, ...expected.rounding].map(whereExpected));
    const others = result.checks.filter((c) => c.status !== 'godkänd' && !flagged.has(where(c)));
    expect(others).toEqual([]);
    expect(result.checks.length).toBeGreaterThan(expected.slips.length + expected.rounding.length);
    for (const c of result.checks) {
      expect(result.tables.map((t) => t.name)).toContain(c.table);
      expect(c.kontroll).not.toBe('');
      expect(c.difference.toString()).toBe(c.actual.minus(c.expected).toString());
    }
  });
});

describe('the example workbooks', () => {
  test('Kramfors budget 2024: both blocks found, nothing flagged', async () => {
    const result = await run(join('examples', 'kramfors-budget-2024.xlsx'));
    expect(result.tables.map((t) => [t.sheet, t.title, t.role])).toEqual([
      ['Budget 2024', 'RESULTATBUDGET 2024', 'resultat'],
      ['Budget 2024', 'BALANSBUDGET', 'eget-kapital'],
    ]);
    expect(result.checks.filter((c) => c.status !== 'godkänd')).toEqual([]);
    // The text amounts ("-646 500 kr", "575 000 kr") are read: their sums are checked.
    expect(result.checks.some((c) => where(c) === 'Budget 2024!D8' && c.kind === 'summa')).toBe(true);
    expect(result.checks.some((c) => where(c) === 'Budget 2024!D19' && c.kind === 'summa')).toBe(true);
  });

  test('Sollefteå 2024: only the Budget sheet holds a table; the ledger and the settings sheets are not tables', async () => {
    const result = await run(join('examples', 'solleftea-2024.xlsx'));
    expect(result.tables.map((t) => t.sheet)).toEqual(['Budget']);
    expect(result.checks.filter((c) => c.status !== 'godkänd')).toEqual([]);
    expect(new Set(result.checks.map((c) => c.sheet))).toEqual(new Set(['Budget']));
    // "Summa verksamhet" and the final "Resultat" verify; they are not added.
    expect(result.checks.map((c) => `${where(c)} ${c.kind}`)).toEqual(expect.arrayContaining(['Budget!C17 summa', 'Budget!C22 resultat']));
  });
});
