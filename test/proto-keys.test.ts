// Text from a cell is never an object key: the names of Object.prototype's members written
// into every text field of every input sheet of the Sollefteå example (a Kontoplan added), one
// cell at a time, through Generera rapporter and Kontrollera mål. Each run either stops or
// warns with a finding that names a cell, or gives the example's figures — never an
// exception, never another figure without a finding.
import * as fs from 'fs';
import * as path from 'path';
import { type Finding } from '../src/core/findings';
import { moneyToFixed2 } from '../src/core/money';
import { type StatementModel, statementRow } from '../src/core/statement';
import { goalsRun, type GoalsRunResult } from '../src/pipeline/goals';
import { reportsRun, type RunResult } from '../src/pipeline/run';
import { type CellValue, type SheetSnapshot, type SheetSpec, type WorkbookPort } from '../src/workbook/port';
import { EXAMPLES, FIXED_NOW, openExample } from './helpers';

const POISON = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const;

const expected = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'solleftea-2024.expected.json'), 'utf8')) as { kronor: Record<string, { RR: Record<string, number> }> };
const ARETS_RESULTAT = expected.kronor['2024']!.RR['Årets resultat']!.toFixed(2);

/** A port over snapshots that keeps what a run writes. */
function snapshotPort(sheets: readonly SheetSnapshot[]): WorkbookPort & { written: SheetSpec[] } {
  const written: SheetSpec[] = [];
  return {
    written,
    sheetNames: () => Promise.resolve(sheets.map((s) => s.name)),
    readSheets: (names) => Promise.resolve(sheets.filter((s) => names.includes(s.name))),
    writeSheets: (specs) => {
      written.push(...specs);
      return Promise.resolve({ written: specs.map((s) => ({ wanted: s.name, name: s.name })), replaced: [] });
    },
  };
}

const KONTOPLAN: CellValue[][] = [
  ['Konto', 'Benämning', 'Rad', 'Status'],
  [1930, 'Bank', 'Kassa och bank', 'bekräftad'],
  [3511, 'Driftbidrag från staten (Försäkringskassan)', 'Verksamhetens intäkter', 'bekräftad'],
  [2010, 'Eget kapital', 'Eget kapital', null],
];

/** Older years for the Flerårsöversikt, agreeing with the books' eget kapital 2023. */
const HISTORIK: CellValue[][] = [
  ['Rad', 2021, 2022],
  ['Årets resultat', 12000, 51120],
  ['Utgående eget kapital', 650000, 701120],
];

let base: SheetSnapshot[];
let baseline: { reports: RunResult; goals: GoalsRunResult };

const runBoth = async (sheets: readonly SheetSnapshot[]) => ({
  reports: await reportsRun(snapshotPort(sheets), { version: 'test', now: FIXED_NOW }),
  goals: await goalsRun(snapshotPort(sheets), { version: 'test', now: FIXED_NOW }),
});

beforeAll(async () => {
  const wb = await openExample('solleftea-2024.xlsx');
  base = [...(await wb.readSheets(await wb.sheetNames())), { name: 'Kontoplan', cells: KONTOPLAN, generated: false }, { name: 'Historik', cells: HISTORIK, generated: false }];
  baseline = await runBoth(base);
});

test('the example with its Kontoplan and Historik gives the published årets resultat and every goal a judgement', () => {
  expect(baseline.reports.status).toBe('skrivet');
  expect(baseline.reports.findings.filter((f) => f.severity !== 'antagande')).toEqual([]);
  expect(baseline.reports.bokslut!.flerarsoversikt.rows.get('Utgående eget kapital')?.get(2022)?.source).toBe('historik');
  expect(moneyToFixed2(statementRow(baseline.reports.bokslut!.resultatrakning, 'Årets resultat')!.amounts[0]!)).toBe(ARETS_RESULTAT);
  expect(baseline.goals.status).toBe('skrivet');
  expect(baseline.goals.check!.results.length).toBeGreaterThan(5);
});

/** The figures of the reports: every statement line's amounts and the driftredovisning's nettos, in order. */
function figures(r: RunResult): string[] {
  const b = r.bokslut!;
  const lines = (m: StatementModel) => m.rows.map((row) => row.amounts.map((a) => (a ? moneyToFixed2(a) : '')).join('|'));
  return [...lines(b.resultatrakning), ...lines(b.balansrakning), ...lines(b.kassaflodesanalys), ...b.driftredovisning.rows.map((d) => `${moneyToFixed2(d.netto)}|${d.budget ? moneyToFixed2(d.budget) : ''}`)];
}

/** Findings the baseline did not have that point at a cell. */
function newFindingsWithCell(findings: readonly Finding[], before: readonly Finding[]): Finding[] {
  const known = new Set(before.map((f) => `${f.code}|${f.message}`));
  return findings.filter((f) => !known.has(`${f.code}|${f.message}`) && f.severity !== 'antagande' && f.cells.length > 0);
}

function describeRun(what: string, findings: readonly Finding[]): string {
  return `${what}: ${findings.map((f) => `${f.code} ${f.message}`).join(' | ') || 'inga fynd'}`;
}

async function expectSafe(sheets: readonly SheetSnapshot[], label: string): Promise<void> {
  const reportsPort = snapshotPort(sheets);
  const goalsPort = snapshotPort(sheets);
  const reports = await reportsRun(reportsPort, { version: 'test', now: FIXED_NOW });
  const goals = await goalsRun(goalsPort, { version: 'test', now: FIXED_NOW });

  const newReports = newFindingsWithCell(reports.findings, baseline.reports.findings);
  if (reports.status === 'blockerat') {
    expect({ label, blocking: newReports.filter((f) => f.severity === 'blockerande').length > 0 }).toEqual({ label, blocking: true });
    expect({ label, written: reportsPort.written.map((s) => s.name) }).toEqual({ label, written: [] });
  } else {
    expect({ label, status: reports.status }).toEqual({ label, status: 'skrivet' });
    const resultat = moneyToFixed2(statementRow(reports.bokslut!.resultatrakning, 'Årets resultat')!.amounts[0]!);
    expect({ label, resultat }).toEqual({ label, resultat: ARETS_RESULTAT });
    if (newReports.length === 0) expect({ label, figures: figures(reports) }).toEqual({ label, figures: figures(baseline.reports) });
  }

  const newGoals = newFindingsWithCell(goals.findings, baseline.goals.findings);
  if (goals.status === 'blockerat') {
    expect({ label, blocking: newGoals.filter((f) => f.severity === 'blockerande').length > 0, run: describeRun('mål', goals.findings) }).toMatchObject({ label, blocking: true });
    expect({ label, written: goalsPort.written.map((s) => s.name) }).toEqual({ label, written: [] });
  } else {
    expect({ label, status: goals.status }).toEqual({ label, status: 'skrivet' });
    const now = goals.check!.results;
    const before = baseline.goals.check!.results;
    expect({ label, goals: now.length }).toEqual({ label, goals: before.length });
    if (newGoals.length > 0) return;
    // Without a finding each goal keeps its judgement and value, or is stated as not judgeable (with why).
    now.forEach((r, i) => {
      const was = before[i]!;
      const same = r.status === was.status && (r.value?.toString() ?? '') === (was.value?.toString() ?? '');
      const stated = r.status === 'kan ej bedömas' && r.underlag.startsWith('Kan ej bedömas: ');
      expect({ label, goal: was.goal.id, ok: same || stated, got: `${r.status} ${r.value?.toString() ?? ''} ${r.underlag}` }).toMatchObject({ label, goal: was.goal.id, ok: true });
    });
  }
}

/** The snapshots with one cell replaced. */
function withCell(sheet: string, row: number, col: number, value: CellValue): SheetSnapshot[] {
  return base.map((s) => {
    if (s.name !== sheet) return s;
    const cells = s.cells.map((r) => [...r]);
    while (cells.length < row) cells.push([]);
    const target = cells[row - 1]!;
    while (target.length < col) target.push(null);
    target[col - 1] = value;
    return { ...s, cells };
  });
}

function columnOf(sheet: string, headerRow: number, header: string): number {
  const cells = base.find((s) => s.name === sheet)!.cells;
  const c = (cells[headerRow - 1] ?? []).findIndex((v) => v === header);
  if (c < 0) throw new Error(`${sheet} saknar kolumnen ${header}`);
  return c + 1;
}

/** The first ledger row that carries a projekt code (a transaction of an insats). */
function ledgerRowWithProjekt(): number {
  const cells = base.find((s) => s.name === 'Huvudbok')!.cells;
  const c = columnOf('Huvudbok', 4, 'Projekt');
  return cells.findIndex((r, i) => i >= 4 && r[c - 1] !== null && r[c - 1] !== undefined) + 1;
}

interface Field {
  readonly sheet: string;
  readonly headerRow: number;
  readonly column: string;
  /** Rows to poison, one at a time; 'projekt' is the first ledger row with a projekt code. */
  readonly rows: readonly (number | 'projekt')[];
}

const FIELDS: readonly Field[] = [
  { sheet: 'Huvudbok', headerRow: 4, column: 'Konto', rows: ['projekt'] },
  { sheet: 'Huvudbok', headerRow: 4, column: 'Kontonamn', rows: [5] },
  { sheet: 'Huvudbok', headerRow: 4, column: 'Projekt', rows: ['projekt'] },
  { sheet: 'Huvudbok', headerRow: 4, column: 'Text', rows: ['projekt'] },
  { sheet: 'Huvudbok', headerRow: 4, column: 'Ver.nr', rows: ['projekt'] },
  { sheet: 'Kontoplan', headerRow: 1, column: 'Konto', rows: [2] },
  { sheet: 'Kontoplan', headerRow: 1, column: 'Benämning', rows: [2] },
  { sheet: 'Kontoplan', headerRow: 1, column: 'Rad', rows: [2, 4] },
  { sheet: 'Kontoplan', headerRow: 1, column: 'Status', rows: [2] },
  { sheet: 'Insatser', headerRow: 1, column: 'Post', rows: [2, 3] },
  { sheet: 'Insatser', headerRow: 1, column: 'Projekt', rows: [3] },
  { sheet: 'Insatser', headerRow: 1, column: 'Konton', rows: [2] },
  { sheet: 'Insatser', headerRow: 1, column: 'Typ', rows: [3] },
  { sheet: 'Insatser', headerRow: 1, column: 'Andel individinriktad', rows: [3] },
  { sheet: 'Budget', headerRow: 3, column: 'Post', rows: [4, 6, 17] },
  { sheet: 'Budget', headerRow: 3, column: 'Projekt', rows: [6] },
  // F1 is not met in the example and F2 is: a goal judged on a lookup gone wrong shows on one of them.
  ...['Id', 'Mål', 'Insats', 'Mått', 'Villkor', 'Gränsvärde'].map((column): Field => ({ sheet: 'Mål', headerRow: 1, column, rows: column === 'Insats' ? [2, 9] : column === 'Villkor' || column === 'Gränsvärde' ? [2, 3] : [2] })),
  ...['Insats', 'Mått', 'Antal', 'Av'].map((column): Field => ({ sheet: 'Insatsstatistik', headerRow: 1, column, rows: [6] })),
  { sheet: 'Historik', headerRow: 1, column: 'Rad', rows: [2, 3] },
];

describe.each(FIELDS.map((f) => [`${f.sheet}: ${f.column}`, f] as const))('%s', (_name, field) => {
  test.each(POISON.map((p) => [p]))('%s', async (poison) => {
    const col = columnOf(field.sheet, field.headerRow, field.column);
    for (const spec of field.rows) {
      const row = spec === 'projekt' ? ledgerRowWithProjekt() : spec;
      await expectSafe(withCell(field.sheet, row, col, poison), `${field.sheet}!${field.column}${row} = ${poison}`);
    }
  });
});

// Inställningar: every key and every value, each replaced in turn.
describe('Inställningar: every key and value', () => {
  test.each(POISON.map((p) => [p]))('%s', async (poison) => {
    const cells = base.find((s) => s.name === 'Inställningar')!.cells;
    let count = 0;
    for (let r = 1; r <= cells.length; r++) {
      for (const c of [1, 2]) {
        if (cells[r - 1]?.[c - 1] === null || cells[r - 1]?.[c - 1] === undefined) continue;
        count++;
        await expectSafe(withCell('Inställningar', r, c, poison), `Inställningar!${c === 1 ? 'A' : 'B'}${r} = ${poison}`);
      }
    }
    expect(count).toBeGreaterThanOrEqual(16);
  });
});
