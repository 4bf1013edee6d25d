// Fuzzing the whole pipeline through the Office adapter over the in-memory Excel host: random
// workbooks (sheet names among the input sheets' names and others, rows of random cells under
// headers the readers know or random ones) and the small valid workbook with random cells
// replaced. Generera rapporter and Kontrollera mål never throw; a blocked run writes nothing
// (the proposed Kontoplan aside); a written run writes only cells Excel can hold. Seeded.
import fc from 'fast-check';
import { type Finding } from '../src/core/findings';
import { goalsRun } from '../src/pipeline/goals';
import { reportsRun } from '../src/pipeline/run';
import { CELL_TEXT_LIMIT } from '../src/sheets/render';
import { MemoryExcelHost, memoryWorkbook } from '../src/workbook/memory';
import { type CellValue, GENERATED_MARKER_PREFIX, GENERATED_MARKER_ROW } from '../src/workbook/port';
import { FIXED_NOW } from './helpers';

const SEED = 20250220;

type Grid = CellValue[][];

const INPUT_NAMES = ['Huvudbok', 'Huvudbok 2023', 'Huvudbok 2024', 'Inställningar', 'Insatser', 'Kontoplan', 'Budget', 'Mål', 'Insatsstatistik', 'Historik', 'Balansrapport', 'Resultatrapport', 'Data', 'Blad1', 'Resultaträkning', 'Kontroller'];

const HEADERS: readonly (readonly string[])[] = [
  ['Datum', 'Ver.nr', 'Konto', 'Kontonamn', 'Projekt', 'Text', 'Debet', 'Kredit'],
  ['Konto', 'Belopp', 'Datum', 'Ansvar', 'Saldo'],
  ['Inställning', 'Värde'],
  ['Projekt', 'Konton', 'Post', 'Typ', 'Andel individinriktad'],
  ['Konto', 'Benämning', 'Rad', 'Status'],
  ['Projekt', 'Post', 'Budget 2024', 'Plan 2025'],
  ['Id', 'Mål', 'Insats', 'Mått', 'Villkor', 'Gränsvärde'],
  ['Insats', 'Mått', 'Antal', 'Av', 'År'],
  ['Rad', '2021', '2022'],
  ['Konto', 'Benämning', 'IB', 'Period', 'UB'],
  ['Konto', 'Benämning', 'Utfall 2024', 'Budget 2024', 'Föregående år'],
];

const WORDS = [
  'Förbund', 'Räkenskapsår', 'Redovisningsenhet', 'tkr', 'Tilldelade medel', 'Medlem', 'Startår', 'Insatsdimension', 'Kolumn Projekt',
  'Medlemsbidrag', 'Individinriktad', 'Administration', 'Finansiell post', 'Ej fördelat', 'Strukturövergripande',
  'Kassa och bank', 'Eget kapital', 'Verksamhetens kostnader', 'Verksamhetens intäkter', 'förslag', 'bekräftad',
  'Summa', 'Resultat', 'Ingående balans', 'IB', 'Utgående saldo', 'SamCoach', 'Kansli', 'Driftbidrag',
  'Eget kapital i % av tilldelade medel', 'Andel individinriktade insatser', 'Nöjda deltagare', '≥', '≤', 'minst', '20 %', 'en tredjedel', '130 000 kr',
  '__proto__', 'constructor', 'toString', '=cmd|/c calc', '\u001b[31m', '', ' ',
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constantFrom(1930, 1510, 2010, 2440, 3511, 3512, 4610, 5410, 6420, 8410, 8510, 8999, 9999, 100, 110, 900, 910) },
  { weight: 2, arbitrary: fc.integer({ min: -2_000_000, max: 2_000_000 }).map((ore) => ore / 100) },
  { weight: 1, arbitrary: fc.integer({ min: 44927, max: 45657 }).map((serial) => serial) },
  { weight: 1, arbitrary: fc.constantFrom(2023, 2024, 2025, 202401, 0.2, 1.5, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e308) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom('2024-03-15', '24-03-15', '15.03.2024', '1 293 000 kr', '(75)', '17,73 %', '12.345', '3500-3599', '6 100', '1930 Bank') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: '#N/A' }, { error: '#REF!' }, { error: '#VALUE!' }, { percent: 0.2 }, { percent: 1.5 }) },
);

const rows = (width: number) => fc.array(fc.array(cell, { maxLength: width }), { maxLength: 24 });

const sheetGrid: fc.Arbitrary<Grid> = fc.oneof(
  rows(6),
  fc.tuple(fc.constantFrom(...HEADERS), fc.nat(2), rows(9)).map(([header, titleRows, body]) => [...Array.from({ length: titleRows }, (): CellValue[] => ['Samordningsförbundet Test 2024']), [...header], ...body]),
);

/** A valid Excel sheet name: 1–31 characters, none of : \ / ? * [ ], not History. */
const sheetName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INPUT_NAMES) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 31 }).filter((n) => !/[:\\/?*[\]]/.test(n) && !/^'|'$/.test(n) && n.trim() !== '' && n.toLowerCase() !== 'history') },
);

const workbook = fc.uniqueArray(fc.tuple(sheetName, sheetGrid), { minLength: 1, maxLength: 6, selector: ([name]) => name.toLowerCase() });

/** The small valid workbook of the bad-input suite, as rows. */
function validWorkbook(): [string, Grid][] {
  const d = (month: number, day: number): CellValue => ({ date: Math.round(Date.UTC(2024, month - 1, day) / 86400000) + 25569 });
  return [
    ['Inställningar', [['Inställning', 'Värde'], ['Förbund', 'Samordningsförbundet Test'], ['Räkenskapsår', 2024]]],
    ['Insatser', [['Projekt', 'Konton', 'Post', 'Typ', 'Andel individinriktad'], [null, '3500-3599', 'Driftbidrag', 'Medlemsbidrag', null], [100, null, 'SamCoach', 'Individinriktad', '100 %'], [910, null, 'Kansli', 'Administration', null]]],
    ['Huvudbok', [
      ['Samordningsförbundet Test'], ['Huvudbok 2024'], [],
      ['Datum', 'Ver.nr', 'Konto', 'Kontonamn', 'Projekt', 'Text', 'Debet', 'Kredit'],
      [d(1, 1), 'IB', 1930, 'Bank', null, 'Ingående balans', 100000, null],
      [d(1, 1), 'IB', 2010, 'Eget kapital', null, 'Ingående balans', null, 100000],
      [d(1, 15), 1, 1930, 'Bank', null, 'Driftbidrag', 500000, null],
      [d(1, 15), 1, 3511, 'Driftbidrag staten', null, 'Driftbidrag', null, 500000],
      [d(3, 15), 2, 4610, 'Bidrag insatser', 100, 'SamCoach', 300000, null],
      [d(3, 15), 2, 1930, 'Bank', null, 'SamCoach', null, 300000],
      [d(4, 30), 3, 5410, 'Förbrukningsinventarier', 910, 'Kansli', 50000, null],
      [d(4, 30), 3, 1930, 'Bank', null, 'Kansli', null, 50000],
    ]],
    ['Budget', [['Projekt', 'Post', 'Budget 2024'], [null, 'Driftbidrag', 500000], [100, 'SamCoach', -300000], [910, 'Kansli', -50000], [null, 'Resultat', 150000]]],
    ['Mål', [['Id', 'Mål', 'Insats', 'Mått', 'Villkor', 'Gränsvärde'], ['F1', 'Eget kapital', null, 'Eget kapital i % av tilldelade medel', '≤', '50 %'], ['V1', 'Nöjda', 'SamCoach', 'Nöjda deltagare', '≥', '85 %']]],
    ['Insatsstatistik', [['Insats', 'Mått', 'Antal', 'Av'], ['SamCoach', 'Nöjda deltagare', 28, 30]]],
  ];
}

/** The valid workbook with a few cells replaced by random ones. */
const mutatedWorkbook = fc.array(fc.tuple(fc.nat(5), fc.nat(14), fc.nat(8), cell), { minLength: 1, maxLength: 4 }).map((edits) => {
  const sheets = validWorkbook();
  for (const [s, r, c, v] of edits) {
    const grid = sheets[s % sheets.length]![1];
    const row = grid[r % (grid.length + 1)] ?? (grid[grid.length] = []);
    while (row.length < c) row.push(null);
    row[c] = v;
  }
  return sheets;
});

/** A port cell as the Excel host holds it: errors as their text, dates as serials. */
function hostValue(v: CellValue): string | number | boolean | null {
  if (v === null || typeof v !== 'object') return typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;
  return 'error' in v ? v.error : 'percent' in v ? v.percent : v.date;
}

function hostOf(sheets: readonly [string, Grid][]): MemoryExcelHost {
  const host = new MemoryExcelHost();
  for (const [name, grid] of sheets) host.addSheet(name, grid.map((r) => r.map(hostValue)));
  return host;
}

function isGenerated(host: MemoryExcelHost, name: string): boolean {
  const marker = host.sheet(name)?.values[GENERATED_MARKER_ROW - 1]?.[0];
  return typeof marker === 'string' && marker.startsWith(GENERATED_MARKER_PREFIX);
}

/** Findings without a message to show (every finding must say something). */
const unsaid = (findings: readonly Finding[]) => findings.filter((f) => f.message.trim() === '');

/** Runs both pipelines on fresh hosts, checks what each left behind; the reports run's status. */
async function runBoth(sheets: readonly [string, Grid][]): Promise<string> {
  const before = sheets.map(([name]) => name);
  let status = '';
  for (const kind of ['rapporter', 'mål'] as const) {
    const host = hostOf(sheets);
    const port = memoryWorkbook(host);
    const result = kind === 'rapporter' ? await reportsRun(port, { version: 'fuzz', now: FIXED_NOW }) : await goalsRun(port, { version: 'fuzz', now: FIXED_NOW });
    const after = host.sheets.map((s) => s.name);
    const added = after.filter((n) => !before.includes(n));
    if (kind === 'rapporter') status = result.status;
    expect(unsaid(result.findings)).toEqual([]);
    if (result.status === 'blockerat') {
      expect(result.findings.some((f) => f.severity === 'blockerande')).toBe(true);
      // Nothing written; Generera rapporter may propose a Kontoplan (a settings sheet, never a report).
      const proposal = kind === 'rapporter' && result.findings.some((f) => f.code === 'kontoplan-foreslagen');
      expect(added).toEqual(proposal ? [result.written?.written[0]?.name] : []);
      expect(after.filter((n) => isGenerated(host, n))).toEqual(before.filter((n) => isGenerated(host, n)));
    }
    if (result.status === 'inget-att-rapportera') expect(added).toEqual([]);
    // Whatever was written fits Excel's cells.
    for (const name of added) {
      for (const row of host.sheet(name)!.values) for (const v of row) if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    }
  }
  return status;
}

test('random workbooks: no exception, a blocked run writes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(workbook, async (sheets) => {
      await runBoth(sheets);
    }),
    { seed: SEED, numRuns: 300 },
  );
}, 60_000);

test('the valid workbook with random cells replaced: no exception, a blocked run writes nothing', async () => {
  let written = 0;
  let blocked = 0;
  await fc.assert(
    fc.asyncProperty(mutatedWorkbook, async (sheets) => {
      if ((await runBoth(sheets)) === 'skrivet') written++;
      else blocked++;
    }),
    { seed: SEED, numRuns: 80 },
  );
  // The mutations reach both outcomes: the test is not only about workbooks that stop at once.
  expect(written).toBeGreaterThan(5);
  expect(blocked).toBeGreaterThan(5);
}, 60_000);
