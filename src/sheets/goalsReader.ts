// The Mål sheet (Id, Mål, Insats, Mått, Villkor, Gränsvärde) and the Insatsstatistik sheet
// (Insats, Mått, Antal, Av, optional År). Villkor and Gränsvärde are read in every form a
// person writes them: ≥ ≤ > < = >= <= minst högst över under; 20 %, 85%, 130 000 kr, 130 tkr,
// 1/3, en tredjedel, or a bare number.
import { cellRef } from '../core/cellref';
import { type Finding, finding } from '../core/findings';
import { type Condition, type Goal, type GoalLimit } from '../core/goals';
import { ExactDecimal } from '../core/money';
import { type StatisticsRow } from '../core/participants';
import { type CellValue, type SheetSnapshot } from '../workbook/port';
import { sheetUncalculatedFinding } from './amountFinding';
import { cellIsEmpty, cellIsError, cellIsPercent, cellText, percentPoints, rowIsEmpty } from './cells';
import { type ColumnRole, headerCell, headerColumn, headerFind } from './header';
import { swedishNumberText } from './numbers';

export const GOAL_ROLES: readonly ColumnRole[] = [
  { role: 'Id', names: ['id', 'nr', 'målnr', 'målid'], words: ['id', 'nr', 'målnr', 'målid'], unique: true },
  { role: 'Gränsvärde', names: ['gränsvärde', 'målvärde', 'gräns', 'värde'], words: ['gränsvärde', 'målvärde', 'gräns', 'nivå', 'målnivå'], unique: true },
  { role: 'Villkor', names: ['villkor', 'jämförelse', 'operator'], words: ['villkor', 'jämförelse', 'operator'], unique: true },
  { role: 'Mått', names: ['mått', 'nyckeltal', 'indikator'], words: ['mått', 'nyckeltal', 'indikator'], unique: true },
  { role: 'Insats', names: ['insats', 'post', 'medlem'], words: ['insats', 'medlem'], unique: true },
  { role: 'Mål', names: ['mål', 'målsättning', 'målformulering'], words: ['mål', 'målsättning', 'målformulering'], unique: true },
];

const CONDITION_WORDS: ReadonlyMap<string, Condition> = new Map<string, Condition>([
  ['≥', '>='],
  ['>=', '>='],
  ['=>', '>='],
  ['minst', '>='],
  ['lägst', '>='],
  ['större än eller lika med', '>='],
  ['≤', '<='],
  ['<=', '<='],
  ['=<', '<='],
  ['högst', '<='],
  ['max', '<='],
  ['mindre än eller lika med', '<='],
  ['>', '>'],
  ['över', '>'],
  ['mer än', '>'],
  ['större än', '>'],
  ['<', '<'],
  ['under', '<'],
  ['mindre än', '<'],
  ['=', '='],
  ['==', '='],
  ['lika med', '='],
]);

export function conditionParse(v: CellValue): Condition | undefined {
  return CONDITION_WORDS.get(cellText(v).toLowerCase().replace(/\s+/g, ' ').trim());
}

const FRACTION_WORDS: ReadonlyMap<string, readonly [number, number]> = new Map<string, readonly [number, number]>([
  ['hälften', [1, 2]],
  ['en halv', [1, 2]],
  ['en tredjedel', [1, 3]],
  ['två tredjedelar', [2, 3]],
  ['en fjärdedel', [1, 4]],
  ['tre fjärdedelar', [3, 4]],
  ['en femtedel', [1, 5]],
]);

/** A Gränsvärde cell as a limit, or undefined when it is not one. */
export function limitParse(v: CellValue): GoalLimit | undefined {
  if (cellIsPercent(v)) {
    const points = percentPoints(v.percent);
    return Number.isFinite(points) ? { value: new ExactDecimal(String(points)), kind: 'procent' } : undefined;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? { value: new ExactDecimal(String(v)), kind: 'tal' } : undefined;
  if (typeof v !== 'string') return undefined;
  const text = v.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/\u2212/g, '-').trim().toLowerCase();
  const words = FRACTION_WORDS.get(text.replace(/\s+/g, ' '));
  if (words) return { value: new ExactDecimal(words[0]).times(100).dividedBy(words[1]), kind: 'procent' };
  const fraction = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
  if (fraction && Number(fraction[2]) !== 0) return { value: new ExactDecimal(fraction[1]!).times(100).dividedBy(fraction[2]!), kind: 'procent' };
  if (/%$/.test(text)) {
    const n = swedishNumberText(text.slice(0, -1));
    return n ? { value: new ExactDecimal(n.digits).times(n.scale), kind: 'procent' } : undefined;
  }
  const n = swedishNumberText(text);
  if (!n) return undefined;
  return { value: new ExactDecimal(n.digits).times(n.scale), kind: /(kr|sek|:-)$/.test(text.replace(/\s+/g, '')) ? 'kr' : 'tal' };
}

export function goalsRead(snapshot: SheetSnapshot): { goals: Goal[]; findings: Finding[] } {
  const uncalculated = sheetUncalculatedFinding(snapshot);
  if (uncalculated) return { goals: [], findings: [uncalculated] };
  const sheet = snapshot.name;
  const found = headerFind(sheet, snapshot.cells, GOAL_ROLES, (m) => m.columns.has('Mål') && m.columns.has('Mått'), 'Mål och Mått', 10);
  const findings = [...found.findings];
  const header = found.header;
  if (!header) return { goals: [], findings };
  const col = (role: string) => headerColumn(header, role);
  const at = (row: readonly CellValue[], role: string): CellValue => headerCell(header, row, role);
  const goals: Goal[] = [];
  for (let r = header.row + 1; r <= snapshot.cells.length; r++) {
    const row = snapshot.cells[r - 1] ?? [];
    if (rowIsEmpty(row)) continue;
    const text = cellText(at(row, 'Mål'));
    const id = cellText(at(row, 'Id')) || `M${goals.length + 1}`;
    if (text === '' && cellText(at(row, 'Mått')) === '') continue;
    for (const role of ['Mått', 'Villkor', 'Gränsvärde', 'Insats']) {
      const v = at(row, role);
      if (cellIsError(v)) findings.push(finding('cell-fel', `Bladet ${sheet} har felvärdet ${v.error} i cell ${role} för mål ${id}.`, [cellRef(sheet, r, col(role)!)]));
    }
    const measure = cellText(at(row, 'Mått'));
    const conditionCell = at(row, 'Villkor');
    const limitCell = at(row, 'Gränsvärde');
    const condition = conditionParse(conditionCell);
    const limit = limitParse(limitCell);
    if (measure !== '' && !cellIsEmpty(conditionCell) && !condition) {
      findings.push(finding('mal-ogiltigt', `Villkoret "${cellText(conditionCell)}" för mål ${id} går inte att läsa: skriv ≥, ≤, >, <, = eller minst, högst, över, under.`, [cellRef(sheet, r, col('Villkor')!)]));
    }
    if (measure !== '' && !cellIsEmpty(limitCell) && !limit) {
      findings.push(finding('mal-ogiltigt', `Gränsvärdet "${cellText(limitCell)}" för mål ${id} går inte att läsa: skriv till exempel 20 %, 130 000 kr, 130 tkr, 1/3 eller en tredjedel.`, [cellRef(sheet, r, col('Gränsvärde')!)]));
    }
    goals.push({ id, text, insats: cellText(at(row, 'Insats')), measure, condition, limit, cell: cellRef(sheet, r, 1) });
  }
  return { goals, findings };
}

export const STATISTICS_ROLES: readonly ColumnRole[] = [
  { role: 'Insats', names: ['insats', 'post', 'projekt'], words: ['insats', 'projekt'], unique: true },
  { role: 'Mått', names: ['mått', 'nyckeltal', 'indikator'], words: ['mått', 'nyckeltal', 'indikator'], unique: true },
  { role: 'Av', names: ['av', 'avantal', 'svarande', 'totalt'], words: ['av', 'svarande', 'avantal'], unique: true },
  { role: 'Antal', names: ['antal', 'värde'], words: ['antal'], unique: true },
  { role: 'År', names: ['år', 'period'], unique: true },
];

/**
 * What is wrong with a row's counts, if anything: Antal of Av cannot be more than Av, nor
 * either of them negative, and Av 0 leaves nothing to count Antal among.
 */
function statisticsCountsWrong(antal: number, av: number | undefined): { text: string; todo: string; cells: ('Antal' | 'Av')[] } | undefined {
  if (antal < 0) return { text: `Antal ${antal}`, todo: 'ett antal kan inte vara negativt. Skriv antalet deltagare.', cells: ['Antal'] };
  if (av === undefined) return undefined;
  if (av < 0) return { text: `Av ${av}`, todo: 'ett antal kan inte vara negativt. Skriv hur många Antal räknas av.', cells: ['Av'] };
  if (av === 0 && antal > 0) return { text: `Antal ${antal} av 0`, todo: 'Av kan inte vara 0 när Antal är större än 0. Skriv hur många som svarade eller deltog i Av, eller töm Av om Antal är ett antal och inte en andel.', cells: ['Av', 'Antal'] };
  if (antal > av) return { text: `Antal ${antal} av ${av}`, todo: 'Antal kan inte vara större än Av. Rätta Antal eller Av; andelen blir annars över 100 %.', cells: ['Antal', 'Av'] };
  return undefined;
}

export function statisticsRead(snapshot: SheetSnapshot): { rows: StatisticsRow[]; findings: Finding[] } {
  const uncalculated = sheetUncalculatedFinding(snapshot);
  if (uncalculated) return { rows: [], findings: [uncalculated] };
  const sheet = snapshot.name;
  const found = headerFind(sheet, snapshot.cells, STATISTICS_ROLES, (m) => m.columns.has('Mått') && m.columns.has('Antal'), 'Mått och Antal', 10);
  const findings = [...found.findings];
  const header = found.header;
  if (!header) return { rows: [], findings };
  const col = (role: string) => headerColumn(header, role);
  const rows: StatisticsRow[] = [];
  const number = (v: CellValue, r: number, role: string): number | undefined | null => {
    if (cellIsEmpty(v)) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    const n = typeof v === 'string' ? swedishNumberText(v) : undefined;
    if (n) return Number(n.digits) * n.scale;
    findings.push(finding('belopp-ej-tal', `Bladet ${sheet} har "${cellText(v)}" i kolumnen ${role}, rad ${r}: skriv ett tal.`, [cellRef(sheet, r, col(role)!)]));
    return null;
  };
  for (let r = header.row + 1; r <= snapshot.cells.length; r++) {
    const row = snapshot.cells[r - 1] ?? [];
    if (rowIsEmpty(row)) continue;
    const get = (role: string): CellValue => headerCell(header, row, role);
    const antal = number(get('Antal'), r, 'Antal');
    const av = number(get('Av'), r, 'Av');
    const year = number(get('År'), r, 'År');
    if (antal === null || av === null || year === null || antal === undefined) continue;
    const wrong = statisticsCountsWrong(antal, av);
    if (wrong) {
      const what = `${cellText(get('Mått')) || 'måttet'}${cellText(get('Insats')) ? ` för ${cellText(get('Insats'))}` : ''}`;
      const cells = wrong.cells.map((role) => cellRef(sheet, r, col(role)!));
      findings.push(finding('statistik-ogiltig', `Bladet ${sheet} har ${wrong.text} för ${what} på rad ${r}: ${wrong.todo}`, cells));
      continue;
    }
    rows.push({ insats: cellText(get('Insats')), measure: cellText(get('Mått')), antal, av, year, cell: cellRef(sheet, r, col('Antal')!) });
  }
  return { rows, findings };
}
