// Builds test/plans/: the budget tables of three förbund's published plans (verksamhetsplan med
// budget) laid out as the plans print them — titles, headers, unit rows, heading rows, group rows,
// Summa and result rows, several tables on one sheet — with every figure exactly as printed,
// printed slips included. Beside each workbook an expected file: where the tables are, the figures
// the plan prints, and every check the tables fail, computed here from the printed figures and
// classified as a slip or as rounding. Deterministic: same bytes on every run.
//   node -r ts-node/register/transpile-only scripts/make-plans.ts
import * as fs from 'fs';
import * as path from 'path';
import { strict as assert } from 'assert';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { zipStamp } from './zipStamp';

const ROOT = path.resolve(__dirname, '..');
const DIR = path.join(ROOT, 'test', 'plans');
const SHEET = 'Budget';
/** Workbook properties and zip entry times, so that a rebuild gives the same bytes. */
const STAMP = new Date(Date.UTC(2024, 0, 15, 12, 0, 0));
const INT = '#,##0';
const ONE_DECIMAL = '#,##0.0';
const KR = '#,##0 "kr"';
const PERCENT = '0%';

// ---------------------------------------------------------------------------------------------
// The plans' rows

/** A printed cell: a number as printed, a text (such as "Inga"), or empty. */
export type Printed = number | string | null;

interface TextItem {
  readonly kind: 'text';
  readonly key: string;
  /** Line of the reference text the row is typed from. */
  readonly line: number;
  readonly text: string;
  readonly bold?: boolean;
}

interface HeaderItem {
  readonly kind: 'header';
  readonly key: string;
  readonly line: number;
  /** Text in the label column (Västerdalarna heads it "Budget"). */
  readonly label?: string;
  readonly cells: readonly Printed[];
  /** Number format of numeric header cells (a year typed as a number). */
  readonly fmt?: string;
  readonly bold?: boolean;
  readonly underline?: boolean;
}

interface RowItem {
  readonly kind: 'row';
  readonly key: string;
  readonly line: number;
  /** The code column's content (an account number, or a heading printed in that column). */
  readonly a?: number | string;
  readonly label: string | null;
  readonly values: readonly Printed[];
  readonly fmt?: string;
  /** Label bold / italic, values bold, as printed. */
  readonly b?: boolean;
  readonly i?: boolean;
  readonly vb?: boolean;
}

interface BlankItem {
  readonly kind: 'blank';
}

export type Item = TextItem | HeaderItem | RowItem | BlankItem;

type Role = 'driftbudget' | 'resultatbudget' | 'balansbudget' | 'eget-kapital' | 'annat';

interface TableSpec {
  readonly title: string | null;
  /** What slips call the table where the plan prints no heading. */
  readonly name?: string;
  readonly titleKey: string | null;
  readonly role: Role;
  readonly unit: 'tkr' | 'kr';
  /** How the table signs its amounts. */
  readonly sign: string;
  /** First row after the title: the header row, or the first data row where there is none. */
  readonly from: string;
  readonly to: string;
  readonly years: readonly number[];
  /** The column headings as printed, one per year. */
  readonly headers: readonly string[];
  readonly note?: string;
}

export interface Plan {
  readonly name: string;
  readonly source: string;
  readonly unit: 'tkr' | 'kr';
  /** Columns (1-based): the code column if any, the label column, the first value column. */
  readonly codeCol: number | null;
  readonly labelCol: number;
  readonly valueCol: number;
  readonly widths: readonly number[];
  readonly items: readonly Item[];
  readonly tables: readonly TableSpec[];
  readonly checks: (c: Ctx) => Check[];
  readonly textChecks: (c: Ctx) => TextCheck[];
  readonly figures: (c: Ctx) => Record<string, Record<string, Figure>>;
  /** The cells whose checks must come out as slips and as rounding: a guard on the literals. */
  readonly expectSlips: readonly string[];
  readonly expectRounding: readonly string[];
  readonly expectTextSlips: number;
}

const blank: BlankItem = { kind: 'blank' };
const text = (key: string, line: number, t: string, bold = false): TextItem => ({ kind: 'text', key, line, text: t, bold });
function row(key: string, line: number, label: string | null, values: readonly Printed[], more: Partial<Omit<RowItem, 'kind' | 'key' | 'line' | 'label' | 'values'>> = {}): RowItem {
  return { kind: 'row', key, line, label, values, ...more };
}

// ---------------------------------------------------------------------------------------------
// Exact arithmetic with the computation written out

interface Expr {
  readonly v: Decimal;
  readonly t: string;
  readonly keys: readonly string[];
  /** False for a compound expression, which is bracketed when used as an operand. */
  readonly atom: boolean;
}

/** A result for the written-out computation: at most four decimals. */
const shown = (d: Decimal): string => sv(d.decimalPlaces() > 4 ? d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP) : d);

/** Swedish number text: space thousands, decimal comma. */
export function sv(d: Decimal): string {
  const neg = d.isNegative() && !d.isZero();
  const [int, frac] = d.abs().toFixed().split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${neg ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

const lit = (n: Decimal.Value, t?: string): Expr => ({ v: new Decimal(n), t: t ?? sv(new Decimal(n)), keys: [], atom: true });
const wrap = (e: Expr): string => (e.atom ? e.t : `(${e.t})`);

function add(...es: readonly Expr[]): Expr {
  assert(es.length > 0, 'add: nothing to add');
  if (es.length === 1) return es[0]!;
  let t = es[0]!.t;
  for (const e of es.slice(1)) t += e.atom && e.t.startsWith('-') ? ` - ${e.t.slice(1)}` : ` + ${wrap(e)}`;
  return { v: es.reduce((s, e) => s.plus(e.v), new Decimal(0)), t, keys: es.flatMap((e) => e.keys), atom: false };
}
const sub = (a: Expr, b: Expr): Expr => ({ v: a.v.minus(b.v), t: `${a.t} - ${wrap(b)}`, keys: [...a.keys, ...b.keys], atom: false });
const neg = (a: Expr): Expr => ({ v: a.v.negated(), t: a.atom && !a.t.startsWith('-') ? `-${a.t}` : `-(${a.t})`, keys: a.keys, atom: false });
const mul = (a: Expr, b: Expr): Expr => ({ v: a.v.times(b.v), t: `${wrap(a)} × ${wrap(b)}`, keys: [...a.keys, ...b.keys], atom: false });
const div = (a: Expr, b: Expr): Expr => ({ v: a.v.div(b.v), t: `${wrap(a)} / ${wrap(b)}`, keys: [...a.keys, ...b.keys], atom: false });
/** a / b in percent. */
const pct = (a: Expr, b: Expr): Expr => ({ v: a.v.div(b.v).times(100), t: `${wrap(a)} / ${wrap(b)} × 100`, keys: [...a.keys, ...b.keys], atom: false });

// ---------------------------------------------------------------------------------------------
// Checks

interface Check {
  /** The row checked, and its column (0 = the first year). */
  readonly key: string;
  readonly i: number;
  readonly kontroll: string;
  readonly expected: Expr;
  /** A difference up to this (in the table's unit) is rounding, not a slip. */
  readonly limit?: Decimal.Value;
  /** Round the expected figure to this many decimals first (shares are printed rounded). */
  readonly decimals?: number;
  /** The cell holds a share (0,03 shown as 3 %): compared in percent. */
  readonly percentCell?: boolean;
  readonly anm?: string;
}

/** A figure printed in the plan's running text, checked against the tables. */
interface TextCheck {
  readonly line: number;
  readonly label: string;
  readonly year: number;
  readonly printed: Decimal.Value;
  readonly unit: string;
  readonly kontroll: string;
  readonly expected: Expr;
  readonly decimals?: number;
  readonly anm?: string;
}

interface Finding {
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly table: string;
  readonly row: string;
  readonly column: string;
  readonly kontroll: string;
  readonly forvantat: string;
  readonly faktiskt: string;
  readonly differens: string;
  readonly where: readonly number[];
  readonly berakning: string;
  readonly anm?: string;
}

interface Figure {
  /** As printed (decimal string in the printed sign and unit), null when the plan does not print it. */
  readonly printed: string | null;
  /** The figure with intäkter, eget kapital and a surplus positive. */
  readonly value: string;
  readonly unit: string;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly where: readonly number[];
  readonly note?: string;
}

const colLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : colLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/** The laid-out plan: each item's row number, its cells, checks and figures. */
export class Ctx {
  readonly rowOf = new Map<string, number>();
  readonly itemOf = new Map<string, Item>();

  constructor(readonly plan: Plan) {
    plan.items.forEach((item, n) => {
      if (item.kind === 'blank') return;
      assert(!this.rowOf.has(item.key), `${plan.name}: key ${item.key} twice`);
      this.rowOf.set(item.key, n + 1);
      this.itemOf.set(item.key, item);
    });
  }

  row(key: string): RowItem {
    const item = this.itemOf.get(key);
    assert(item && item.kind === 'row', `${this.plan.name}: no row ${key}`);
    return item;
  }

  line(key: string): number {
    const item = this.itemOf.get(key);
    assert(item && item.kind !== 'blank', `${this.plan.name}: no item ${key}`);
    return item.line;
  }

  cell(key: string, i: number): string {
    return `${colLetter(this.plan.valueCol + i)}${this.rowOf.get(key)!}`;
  }

  printed(key: string, i: number): Printed {
    return this.row(key).values[i] ?? null;
  }

  /** Whether any of the rows has a figure in column i. */
  has(keys: readonly string[], i: number): boolean {
    return keys.some((k) => typeof this.printed(k, i) === 'number');
  }

  /** A printed cell as a term (empty = 0). */
  x(key: string, i: number): Expr {
    const p = this.printed(key, i);
    assert(p === null || typeof p === 'number', `${this.plan.name}: ${key} is text`);
    return { ...lit(p ?? 0), keys: [key] };
  }

  /** The sum of the rows' printed figures in column i (empty cells left out). */
  sum(keys: readonly string[], i: number): Expr {
    const terms = keys.filter((k) => this.printed(k, i) !== null).map((k) => this.x(k, i));
    return terms.length === 0 ? lit(0) : add(...terms);
  }

  tableOf(key: string): TableSpec {
    const r = this.rowOf.get(key)!;
    const t = this.plan.tables.find((s) => this.rowOf.get(s.from)! <= r && r <= this.rowOf.get(s.to)!);
    assert(t, `${this.plan.name}: ${key} is in no table`);
    return t;
  }

  label(key: string): string {
    const r = this.row(key);
    return r.label ?? String(r.a);
  }

  where(keys: readonly string[], extra: readonly number[] = []): number[] {
    return [...new Set([...keys.map((k) => this.line(k)), ...extra])].sort((a, b) => a - b);
  }

  /** A printed figure of a table cell. `sign` −1 turns a ledger-sign figure into the reported one. */
  fig(key: string, i: number, unit: string, sign: 1 | -1 = 1, note?: string): Figure {
    const p = this.printed(key, i);
    assert(typeof p === 'number', `${this.plan.name}: ${key}[${i}] is not a figure`);
    const percent = this.row(key).fmt === PERCENT;
    const asPrinted = percent ? new Decimal(p).times(100) : new Decimal(p);
    return { printed: asPrinted.toFixed(), value: asPrinted.times(sign).toFixed(), unit, sheet: SHEET, cell: this.cell(key, i), where: [this.line(key)], ...(note ? { note } : {}) };
  }

  /** A figure the plan prints only in its running text, or not at all (printed null). */
  textFig(printed: Decimal.Value | null, value: Decimal.Value, unit: string, where: readonly number[], note?: string): Figure {
    return { printed: printed === null ? null : new Decimal(printed).toFixed(), value: new Decimal(value).toFixed(), unit, sheet: null, cell: null, where, ...(note ? { note } : {}) };
  }
}

interface Outcome {
  readonly slips: Finding[];
  readonly rounding: Finding[];
  readonly slipsInText: Finding[];
  readonly count: { antal: number; ok: number; avrundning: number; slips: number };
}

function checksRun(c: Ctx): Outcome {
  const slips: Finding[] = [];
  const rounding: Finding[] = [];
  const slipsInText: Finding[] = [];
  let ok = 0;
  const checks = c.plan.checks(c);
  for (const ch of checks) {
    const p = c.printed(ch.key, ch.i);
    assert(typeof p === 'number', `${c.plan.name}: check on empty ${ch.key}[${ch.i}]`);
    const faktiskt = ch.percentCell ? new Decimal(p).times(100) : new Decimal(p);
    const forvantat = ch.decimals === undefined ? ch.expected.v : ch.expected.v.toDecimalPlaces(ch.decimals, Decimal.ROUND_HALF_UP);
    const d = faktiskt.minus(forvantat);
    if (d.isZero()) {
      ok++;
      continue;
    }
    const table = c.tableOf(ch.key);
    const finding: Finding = {
      sheet: SHEET,
      cell: c.cell(ch.key, ch.i),
      table: table.title ?? table.name!,
      row: c.label(ch.key),
      column: table.headers[ch.i]!,
      kontroll: ch.kontroll,
      forvantat: forvantat.toFixed(),
      faktiskt: faktiskt.toFixed(),
      differens: d.toFixed(),
      where: c.where([ch.key, ...ch.expected.keys]),
      berakning: `${ch.expected.t} = ${shown(ch.expected.v)}${ch.percentCell || ch.decimals !== undefined ? ` (tryckt ${sv(faktiskt)})` : ''}`,
      ...(ch.anm ? { anm: ch.anm } : {}),
    };
    (d.abs().lte(ch.limit ?? 0) ? rounding : slips).push(finding);
  }
  const texts = c.plan.textChecks(c);
  for (const tc of texts) {
    const forvantat = tc.decimals === undefined ? tc.expected.v : tc.expected.v.toDecimalPlaces(tc.decimals, Decimal.ROUND_HALF_UP);
    const faktiskt = new Decimal(tc.printed);
    const d = faktiskt.minus(forvantat);
    if (d.isZero()) {
      ok++;
      continue;
    }
    slipsInText.push({
      sheet: null,
      cell: null,
      table: 'löptext',
      row: tc.label,
      column: String(tc.year),
      kontroll: tc.kontroll,
      forvantat: forvantat.toFixed(),
      faktiskt: faktiskt.toFixed(),
      differens: d.toFixed(),
      where: c.where(tc.expected.keys, [tc.line]),
      berakning: `${tc.expected.t} = ${shown(tc.expected.v)} ${tc.unit}`,
      ...(tc.anm ? { anm: tc.anm } : {}),
    });
  }
  const antal = checks.length + texts.length;
  return { slips, rounding, slipsInText, count: { antal, ok, avrundning: rounding.length, slips: slips.length + slipsInText.length } };
}

// ---------------------------------------------------------------------------------------------
// Samordningsförbundet i Kramfors: budget 2010 with plan 2011–2012 (bilaga to the verksamhetsplan)

const KRAMFORS_2010: Plan = {
  name: 'kramfors-2010',
  source: 'kramfors-verksamhetsplan-budget-2010.txt',
  unit: 'tkr',
  codeCol: null,
  labelCol: 1,
  valueCol: 2,
  widths: [44, 14, 14, 14],
  items: [
    text('title', 83, 'Budget för Samordningsförbundet i Kramfors', true),
    blank,
    // The plan years are numbers in a cell with thousands separators: printed "2 011", "2 012".
    { kind: 'header', key: 'dh', line: 85, cells: ['Budget 2010', 2011, 2012], fmt: INT },
    { kind: 'header', key: 'du', line: 86, cells: ['tkr', null, null] },
    row('fkaf', 87, 'Försäkringskassan/Arbetsförmedling', [-965, null, null], { fmt: ONE_DECIMAL }),
    row('kommun', 88, 'Kramfors kommun', [-482.5, null, null], { fmt: ONE_DECIMAL }),
    row('landsting', 89, 'Landstinget Västernorrland', [-482.5, null, null], { fmt: ONE_DECIMAL }),
    row('intakter', 90, 'Summa intäkter', [-1930, -1930, -1930]),
    row('styrelsen', 91, 'Styrelsen', [null, null, null]),
    row('arvoden', 92, 'Styrelsearvoden', [25, null, null]),
    row('ovrstyr', 93, 'Övriga kostnader styrelse', [10, null, null]),
    row('sumstyr', 94, 'Summa styrelsen', [35, 36, 37]),
    row('adm', 95, 'Administration', [null, null, null]),
    row('lokal', 96, 'Lokalhyra', [50, null, null]),
    row('kontor', 97, 'Kontorsmaterial', [5, null, null]),
    row('tele', 98, 'Fast telefoni', [5, null, null]),
    row('revision', 99, 'Revisionsarvode', [20, null, null]),
    row('redov', 100, 'Redovisningstjänster', [70, null, null]),
    row('it', 101, 'IT-tjänster, datadrift', [5, null, null]),
    row('konsult', 102, 'Konsulter', [320, null, null]),
    row('ranta', 103, 'Ränteintäkter', [-24, null, null]),
    row('finkost', 104, 'Övriga finansiella kostnader', [2, null, null]),
    row('sumadm', 105, 'Summa administration', [453, 466, 480]),
    row('projekt', 106, 'Projekt, medfinansiering i', [null, null, null]),
    row('risflis', 107, 'Ris-Flis', [465, null, null]),
    row('nytank', 108, 'Nytänk', [400, null, null]),
    row('bryggan', 109, 'Bryggan', [180, null, null]),
    row('skolkuggen', 110, 'Skolkuggen', [360, null, null]),
    row('familj', 111, 'Familjeverkstad', [261, null, null]),
    row('kramsam', 112, 'Medel till samverkansorganet KramSam', [96, null, null]),
    row('sumproj', 113, 'Summa projekt', [1762, 0, 0]),
    row('samv', 114, 'Samverkansaktiviteter', [null, null, null]),
    row('konferens', 115, 'Gemensam konferens', [75, null, null]),
    row('forel', 116, 'Föreläsningar', [30, null, null]),
    row('studie', 117, 'Studieresor', [0, null, null]),
    row('konfutb', 118, 'Konf/utb', [25, null, null]),
    row('sumsamv', 119, 'Summa samverkansaktiviteter', [130, 0, 0]),
    row('nya', 120, 'Nya projekt', [200, 1428, 1413]),
    row('kostnader', 121, 'Summa kostnader', [2580, 1930, 1930]),
    row('resultat', 122, 'Resultat', [650, 0, 0]),
    blank,
    text('rrtitle', 124, 'Resultaträkning', true),
    { kind: 'header', key: 'rrh', line: 126, cells: [2010], fmt: INT },
    row('rrint', 127, 'Verksamhetens intäkter', [1930000]),
    row('rrkost', 128, 'Verksamhetens kostnader', [-2601540]),
    row('rravskr', 129, 'Avskrivningar', [0]),
    row('rrnetto', 130, 'Verksamhetens nettokostnader', [-671540]),
    row('rrfinint', 131, 'Finansiella intäkter', [24000]),
    row('rrfinkost', 132, 'Finansiella kostnader', [-2000]),
    row('rrfore', 133, 'Resultat före extraordinära poster', [-649540]),
    // "Exytaordinära" as printed.
    row('rrexint', 134, 'Exytaordinära intäkter', [0]),
    row('rrexkost', 135, 'Extraordinära kostnader', [0]),
    row('rrarets', 136, 'Årets resultat', [-649540]),
    blank,
    text('brtitle', 138, 'Balansräkning', true),
    { kind: 'header', key: 'brh1', line: 140, cells: ['2008-12-31', '2009-12-31', '2010-12-31'] },
    { kind: 'header', key: 'brh2', line: 141, cells: ['Utfall', 'Prognos', 'Budget'] },
    row('anl', 142, 'Anläggningstillgångar', [null, null, null]),
    row('sumanl', 143, 'Summa anläggningstillgångar', [0, 0, 0]),
    row('fordr', 144, 'Övriga kortfristiga fordringar', [376727, 0, 0]),
    row('kassa', 145, 'Kassa och bank', [3644058, 995547, 415007]),
    row('sumoms', 146, 'Summa omsättningstillgångar', [4020785, 995547, 415007]),
    row('sumtillg', 147, 'Summa tillgångar', [4020785, 995547, 415007]),
    row('balek', 148, 'Balanserat eget kapital', [-3588307, -3130517, -994547]),
    row('brarets', 149, 'Årets resultat', [457790, 2135970, 649540]),
    row('sumek', 150, 'Summa eget kapital', [-3130517, -994547, -345007]),
    row('avs', 151, 'Avsättningar', [null, null, null]),
    row('sumavs', 152, 'Summa avsättningar', [0, 0, 0]),
    row('kortskuld', 153, 'Kortfristiga skulder', [-890268, 0, 0]),
    row('sumskuld', 154, 'Summa skulder', [-890268, 0, 0]),
    row('sumeas', 155, 'Summa eget kapital, avsättningar o skulder', [-4020785, -994547, -345007]),
    row('panter', 156, 'Panter och ansvarsförbindelser', ['Inga', 'Inga', 'Inga']),
    blank,
    text('nothead', 158, 'Not:'),
    text('not', 160, 'Styrelsen frångår balanskravet i budgeten pga tidigare överskott. Underskottet för 2010 på 650 tkr täcks av medel från eget kapital.'),
  ],
  tables: [
    {
      title: 'Budget för Samordningsförbundet i Kramfors',
      titleKey: 'title',
      role: 'driftbudget',
      unit: 'tkr',
      sign: 'bokföringstecken: intäkter negativa, kostnader positiva, Resultat positivt = underskott',
      from: 'dh',
      to: 'resultat',
      years: [2010, 2011, 2012],
      headers: ['Budget 2010', '2 011', '2 012'],
      note: 'rubrikraden har en tom etikettcell; 2011 och 2012 är tal med tusentalsformat (visas "2 011", "2 012"); enhetsraden "tkr" står under Budget 2010',
    },
    {
      title: 'Resultaträkning',
      titleKey: 'rrtitle',
      role: 'resultatbudget',
      unit: 'kr',
      sign: 'rapporttecken: intäkter positiva, kostnader negativa',
      from: 'rrh',
      to: 'rrarets',
      years: [2010],
      headers: ['2 010'],
      note: 'en enda årskolumn, rubriken är talet 2010 med tusentalsformat (visas "2 010")',
    },
    {
      title: 'Balansräkning',
      titleKey: 'brtitle',
      role: 'balansbudget',
      unit: 'kr',
      sign: 'bokföringstecken: tillgångar positiva, eget kapital och skulder negativa, Årets resultat positivt = underskott',
      from: 'brh1',
      to: 'panter',
      years: [2008, 2009, 2010],
      headers: ['2008-12-31 Utfall', '2009-12-31 Prognos', '2010-12-31 Budget'],
      note: 'tvåradig rubrik (datum över Utfall/Prognos/Budget); raden Panter och ansvarsförbindelser har texten Inga i beloppskolumnerna',
    },
  ],
  checks: (c) => {
    const out: Check[] = [];
    const groups: [string, string[], string][] = [
      ['intakter', ['fkaf', 'kommun', 'landsting'], 'Summa intäkter = medlemmarnas rader'],
      ['sumstyr', ['arvoden', 'ovrstyr'], 'Summa styrelsen = raderna under Styrelsen'],
      ['sumadm', ['lokal', 'kontor', 'tele', 'revision', 'redov', 'it', 'konsult', 'ranta', 'finkost'], 'Summa administration = raderna under Administration'],
      ['sumproj', ['risflis', 'nytank', 'bryggan', 'skolkuggen', 'familj', 'kramsam'], 'Summa projekt = raderna under Projekt'],
      ['sumsamv', ['konferens', 'forel', 'studie', 'konfutb'], 'Summa samverkansaktiviteter = raderna under Samverkansaktiviteter'],
    ];
    for (let i = 0; i < 3; i++) {
      // A Summa row without detail rows in its column (2011, 2012) is the data itself.
      for (const [key, rows, kontroll] of groups) if (c.has(rows, i)) out.push({ key, i, kontroll, expected: c.sum(rows, i) });
      out.push({ key: 'kostnader', i, kontroll: 'Summa kostnader = summaraderna + Nya projekt', expected: c.sum(['sumstyr', 'sumadm', 'sumproj', 'sumsamv', 'nya'], i) });
      out.push({ key: 'resultat', i, kontroll: 'Resultat = Summa intäkter + Summa kostnader (bokföringstecken)', expected: add(c.x('intakter', i), c.x('kostnader', i)) });
    }
    out.push({ key: 'fkaf', i: 0, kontroll: 'Försäkringskassan/Arbetsförmedling = hälften av driftbidragen (statens andel)', expected: mul(c.x('intakter', 0), lit('0.5', '50 %')) });
    // Resultaträkning.
    out.push({ key: 'rrnetto', i: 0, kontroll: 'Verksamhetens nettokostnader = intäkter + kostnader + avskrivningar', expected: c.sum(['rrint', 'rrkost', 'rravskr'], 0) });
    out.push({ key: 'rrfore', i: 0, kontroll: 'Resultat före extraordinära poster = nettokostnader + finansiella poster', expected: c.sum(['rrnetto', 'rrfinint', 'rrfinkost'], 0) });
    out.push({ key: 'rrarets', i: 0, kontroll: 'Årets resultat = resultat före extraordinära poster + extraordinära poster', expected: c.sum(['rrfore', 'rrexint', 'rrexkost'], 0) });
    // Driftbudget (tkr, ledger sign) against the resultaträkning (kr, report sign).
    const tkr = (e: Expr): Expr => div(neg(e), lit(1000));
    out.push({ key: 'intakter', i: 0, kontroll: 'Summa intäkter = resultaträkningens verksamhetens intäkter', expected: tkr(c.x('rrint', 0)) });
    out.push({ key: 'ranta', i: 0, kontroll: 'Ränteintäkter = resultaträkningens finansiella intäkter', expected: tkr(c.x('rrfinint', 0)) });
    out.push({ key: 'finkost', i: 0, kontroll: 'Övriga finansiella kostnader = resultaträkningens finansiella kostnader', expected: tkr(c.x('rrfinkost', 0)) });
    out.push({
      key: 'kostnader',
      i: 0,
      kontroll: 'Summa kostnader = resultaträkningens kostnader och finansiella poster',
      expected: tkr(c.sum(['rrkost', 'rravskr', 'rrfinint', 'rrfinkost'], 0)),
      limit: 1,
      anm: 'driftbudgeten i hela tkr mot resultaträkningen i kr: 2 579,54 tkr avrundas till 2 580',
    });
    out.push({
      key: 'resultat',
      i: 0,
      kontroll: 'Resultat = resultaträkningens årets resultat',
      expected: tkr(c.x('rrarets', 0)),
      limit: 1,
      anm: 'driftbudgeten i hela tkr mot resultaträkningen i kr: underskottet 649 540 kr avrundas till 650 tkr (samma tal i noten, rad 160)',
    });
    // Balansräkning per column.
    for (let i = 0; i < 3; i++) {
      out.push({ key: 'sumoms', i, kontroll: 'Summa omsättningstillgångar = fordringar + kassa och bank', expected: c.sum(['fordr', 'kassa'], i) });
      out.push({ key: 'sumtillg', i, kontroll: 'Summa tillgångar = anläggningstillgångar + omsättningstillgångar', expected: c.sum(['sumanl', 'sumoms'], i) });
      out.push({ key: 'sumek', i, kontroll: 'Summa eget kapital = balanserat eget kapital + årets resultat', expected: c.sum(['balek', 'brarets'], i) });
      out.push({ key: 'sumskuld', i, kontroll: 'Summa skulder = kortfristiga skulder', expected: c.sum(['kortskuld'], i) });
      out.push({ key: 'sumeas', i, kontroll: 'Summa eget kapital, avsättningar o skulder = eget kapital + avsättningar + skulder', expected: c.sum(['sumek', 'sumavs', 'sumskuld'], i) });
      out.push({
        key: 'sumtillg',
        i,
        kontroll: 'Balansräkningen balanserar: summa tillgångar = summa eget kapital, avsättningar och skulder',
        expected: neg(c.x('sumeas', i)),
        anm: 'eget kapital följer av åren (ingående + årets resultat, årets resultat 2010 = resultaträkningens); skillnaden sitter i tillgångssidan, dvs. Kassa och bank',
      });
      if (i > 0) out.push({ key: 'balek', i, kontroll: 'Balanserat eget kapital = föregående års summa eget kapital', expected: c.x('sumek', i - 1) });
    }
    out.push({ key: 'brarets', i: 2, kontroll: 'Årets resultat i balansräkningen = resultaträkningens (bokföringstecken)', expected: neg(c.x('rrarets', 0)) });
    return out;
  },
  textChecks: (c) => [
    {
      line: 160,
      label: 'Underskottet för 2010 (not)',
      year: 2010,
      printed: 650,
      unit: 'tkr',
      kontroll: 'Underskottet i noten = driftbudgetens Resultat',
      expected: c.x('resultat', 0),
    },
  ],
  figures: (c) => ({
    '2008': {
      'Eget kapital (IB)': c.fig('balek', 0, 'kr', -1),
      'Årets resultat': c.fig('brarets', 0, 'kr', -1, 'balansräkningens utfall 2008, bokföringstecken (positivt = underskott)'),
      'Eget kapital': c.fig('sumek', 0, 'kr', -1),
    },
    '2009': {
      'Eget kapital (IB)': c.fig('balek', 1, 'kr', -1),
      'Årets resultat': c.fig('brarets', 1, 'kr', -1, 'balansräkningens prognos 2009, bokföringstecken (positivt = underskott)'),
      'Eget kapital': c.fig('sumek', 1, 'kr', -1, 'balansräkningen balanserar inte: summa tillgångar 995 547 kr'),
    },
    '2010': {
      'Tilldelade medel': c.fig('intakter', 0, 'tkr', -1),
      'Driftbidrag från staten (Försäkringskassan/Arbetsförmedling)': c.fig('fkaf', 0, 'tkr', -1, '50 % av tilldelade medel'),
      'Årets resultat': c.fig('resultat', 0, 'tkr', -1, 'driftbudgetens Resultat, bokföringstecken (positivt = underskott); resultaträkningen: -649 540 kr'),
      'Årets resultat (resultaträkning)': c.fig('rrarets', 0, 'kr'),
      'Underskott enligt noten': c.textFig(650, -650, 'tkr', [160]),
      'Eget kapital (IB)': c.fig('balek', 2, 'kr', -1),
      'Eget kapital': c.fig('sumek', 2, 'kr', -1, 'balansräkningen balanserar inte: summa tillgångar 415 007 kr'),
    },
    '2011': {
      'Tilldelade medel': c.fig('intakter', 1, 'tkr', -1),
      'Årets resultat': c.fig('resultat', 1, 'tkr', -1),
    },
    '2012': {
      'Tilldelade medel': c.fig('intakter', 2, 'tkr', -1),
      'Årets resultat': c.fig('resultat', 2, 'tkr', -1),
    },
  }),
  expectSlips: ['C63', 'D63'],
  expectRounding: ['B39', 'B40'],
  expectTextSlips: 0,
};

// ---------------------------------------------------------------------------------------------
// Samordningsförbundet Kramfors: verksamhetsplan 2024, RESULTATBUDGET 2024 and BALANSBUDGET

const K24 = [2023, 2024, 2025, 2026];

const KRAMFORS_2024: Plan = {
  name: 'kramfors-2024',
  source: 'kramfors-verksamhetsplan-budget-2024.txt',
  unit: 'kr',
  codeCol: 1,
  labelCol: 2,
  valueCol: 3,
  widths: [26, 50, 16, 16, 16, 16],
  items: [
    text('title', 335, 'RESULTATBUDGET 2024', true),
    { kind: 'header', key: 'rh', line: 337, cells: ['Budget 2023', 'Budget 2024', 'Budget 2025', 'Budget 2026'], underline: true },
    row('verkint', 338, null, [], { a: 'Verksamhetens intäkter', b: true }),
    row('staten', 339, 'Driftbidrag från staten', [-1293000, -1293000, -1293000, -1293000], { a: 3610, fmt: KR }),
    row('kommun', 340, 'Driftbidrag från kommun', [-646500, -646500, -646500, -646500], { a: 3631, fmt: KR }),
    row('region', 341, 'Driftbidrag från region', [-646500, -646500, -646500, -646500], { a: 3632, fmt: KR }),
    row('sumdrift', 342, 'Summa driftsbidrag', [-2586000, -2586000, -2586000, -2586000], { fmt: KR, b: true, vb: true }),
    row('verkkost', 343, null, [], { a: 'Verksamhetens kostnader', b: true }),
    row('kostutg', 344, null, [], { a: 'Kostnader/utgifter', b: true }),
    row('k4530', 345, 'Bidrag föreningar, kommunalförbund, företag mfl (SCB)', [], { a: 4530 }),
    row('k6591', 346, 'Bidrag till kommun', [], { a: 6591, b: true }),
    row('samkraft', 347, 'Teamkoordinator/ Coach Samkraft', [575000, 575000, null, null], { fmt: KR, i: true }),
    row('stegsam', 348, 'Aktivitetscoach STEGSAM', [965000, 987000, 987000, null], { fmt: KR, i: true }),
    row('k6592', 349, 'Bidrag till region', [], { a: 6592, b: true }),
    row('psyk', 350, 'Psykiatridagen', [30000, 20000, 20000, 20000], { fmt: KR, i: true }),
    row('k6593', 351, 'Bidrag till staten', [], { a: 6593, b: true }),
    row('nya', 352, 'Nya projekt under året/Kvar att fördela', [24998, null, 575000, 1562000], { a: 6590, fmt: KR, i: true }),
    row('sumkost', 353, 'Summa kostnader/utgifter', [1594998, 1582000, 1582000, 1582000], { fmt: KR, b: true, vb: true }),
    row('personal', 354, null, [], { a: 'Personalkostnader', b: true }),
    row('sumpers', 355, 'Summa personalkostnader', [858002, 910048, 910048, 910048], { fmt: KR, b: true, vb: true }),
    row('ovrverk', 356, null, [], { a: 'Övriga verksamhetskostnader', b: true }),
    row('sumovrverk', 357, 'Summa övriga verksamhetskostnader', [129000, 89952, 89952, 89952], { fmt: KR, b: true, vb: true }),
    row('ovrik', 358, null, [], { a: 'Övriga intäkter och kostnader', b: true }),
    row('sumovrik', 359, 'Summa övriga intäkter och kostnader', [4000, 4000, 4000, 4000], { fmt: KR, b: true, vb: true }),
    row('resultat', 360, 'Årets resultat', [0, 0, 0, 0], { a: 8900, fmt: KR, b: true, vb: true }),
    blank,
    text('btitle', 362, 'BALANSBUDGET', true),
    row('ib', 364, 'Eget kapital (IB EK)', [315470, 315470, 315470, 315470], { a: 2010, fmt: KR }),
    row('brarets', 365, 'Årets resultat', [0, 0, 0, 0], { a: 2020, fmt: KR }),
    row('ub', 366, 'UB Eget kapital', [315470, 315470, 315470, 315470], { fmt: KR, b: true, vb: true }),
  ],
  tables: [
    {
      title: 'RESULTATBUDGET 2024',
      titleKey: 'title',
      role: 'resultatbudget',
      unit: 'kr',
      sign: 'bokföringstecken: intäkter negativa, kostnader positiva, 8900 Årets resultat = intäkter + kostnader',
      from: 'rh',
      to: 'resultat',
      years: K24,
      headers: ['Budget 2023', 'Budget 2024', 'Budget 2025', 'Budget 2026'],
      note: 'kontonummer i kolumn A, benämning i B; rubrikrader (Verksamhetens intäkter, Personalkostnader …) i kolumn A; insatsrader utan konto under kontots rubrikrad; block som bara har en Summa-rad',
    },
    {
      title: 'BALANSBUDGET',
      titleKey: 'btitle',
      role: 'eget-kapital',
      unit: 'kr',
      sign: 'eget kapital positivt',
      from: 'ib',
      to: 'ub',
      years: K24,
      headers: ['Budget 2023', 'Budget 2024', 'Budget 2025', 'Budget 2026'],
      note: 'ingen egen rubrikrad: kolumnerna är RESULTATBUDGET-rubrikens år; bara eget-kapital-raderna (konto 2010 och 2020, UB Eget kapital)',
    },
  ],
  checks: (c) => {
    const out: Check[] = [];
    for (let i = 0; i < 4; i++) {
      out.push({ key: 'sumdrift', i, kontroll: 'Summa driftsbidrag = 3610 + 3631 + 3632', expected: c.sum(['staten', 'kommun', 'region'], i) });
      out.push({ key: 'sumkost', i, kontroll: 'Summa kostnader/utgifter = insatsraderna + 6590', expected: c.sum(['samkraft', 'stegsam', 'psyk', 'nya'], i) });
      out.push({
        key: 'resultat',
        i,
        kontroll: '8900 Årets resultat = driftsbidrag + kostnadssummorna (bokföringstecken)',
        expected: c.sum(['sumdrift', 'sumkost', 'sumpers', 'sumovrverk', 'sumovrik'], i),
      });
      out.push({ key: 'staten', i, kontroll: 'Driftbidrag från staten = hälften av summa driftsbidrag', expected: mul(c.x('sumdrift', i), lit('0.5', '50 %')) });
      out.push({ key: 'ub', i, kontroll: 'UB Eget kapital = IB + årets resultat', expected: c.sum(['ib', 'brarets'], i) });
      out.push({ key: 'brarets', i, kontroll: 'Årets resultat i balansbudgeten = 8900 Årets resultat', expected: c.x('resultat', i) });
      if (i > 0) out.push({ key: 'ib', i, kontroll: 'IB eget kapital = föregående års UB', expected: c.x('ub', i - 1) });
    }
    return out;
  },
  textChecks: (c) => {
    const out: TextCheck[] = [];
    const printed: [number, string, string, string, string][] = [
      [2023, '61.68', '78.53', '21.47', '38.17'],
      [2024, '61.18', '80.56', '19.44', '38.82'],
    ];
    for (const [year, insatser, individ, struktur, adm] of printed) {
      const i = K24.indexOf(year);
      const medel = neg(c.x('sumdrift', i));
      const individExpr = add(mul(c.x('samkraft', i), lit('0.5', '50 %')), c.x('stegsam', i));
      const strukturExpr = add(mul(c.x('samkraft', i), lit('0.5', '50 %')), ...['psyk', 'nya'].filter((k) => c.printed(k, i) !== null).map((k) => c.x(k, i)));
      out.push({ line: 309, label: 'Projekt/Insatser', year, printed: insatser, unit: '%', kontroll: 'Andel insatser = summa kostnader/utgifter / tilldelade medel', expected: pct(c.x('sumkost', i), medel), decimals: 2 });
      out.push({
        line: 309,
        label: 'Varav individinsatser',
        year,
        printed: individ,
        unit: '%',
        kontroll: 'Andel individinsatser = individinriktade insatser (Samkraft till 50 %) / summa kostnader/utgifter',
        expected: pct(individExpr, c.x('sumkost', i)),
        decimals: 2,
      });
      out.push({
        line: 310,
        label: 'strukturinsatser',
        year,
        printed: struktur,
        unit: '%',
        kontroll: 'Andel strukturinsatser = övriga insatsrader (Samkraft till 50 %) / summa kostnader/utgifter',
        expected: pct(strukturExpr, c.x('sumkost', i)),
        decimals: 2,
      });
      out.push({
        line: 310,
        label: 'Administration',
        year,
        printed: adm,
        unit: '%',
        kontroll: 'Andel administration = (personalkostnader + övriga verksamhetskostnader + övriga intäkter och kostnader) / tilldelade medel',
        expected: pct(c.sum(['sumpers', 'sumovrverk', 'sumovrik'], i), medel),
        decimals: 2,
        ...(year === 2023
          ? {
              anm: 'tryckt inom parentes för 2023; 38,17 % är (858 002 + 129 000) / 2 586 000, dvs. utan övriga intäkter och kostnader 4 000 kr, medan 2024 års 38,82 % räknar in dem; 61,68 % + 38,17 % = 99,85 %, inte det tryckta Totalt 100 % (rad 312)',
            }
          : {}),
      });
    }
    const i24 = K24.indexOf(2024);
    out.push({ line: 303, label: 'Tilldelning av driftsbidrag från staten', year: 2024, printed: 1293000, unit: 'kr', kontroll: 'Statens tilldelning = 3610 Driftbidrag från staten', expected: neg(c.x('staten', i24)) });
    out.push({ line: 303, label: 'Totalt driftsbidrag', year: 2024, printed: 2586000, unit: 'kr', kontroll: 'Totalt driftsbidrag = Summa driftsbidrag', expected: neg(c.x('sumdrift', i24)) });
    out.push({ line: 171, label: 'Samkraft, heltidstjänst', year: 2024, printed: 575000, unit: 'kr', kontroll: 'Insatsens belopp i texten = budgetraden', expected: c.x('samkraft', i24) });
    out.push({ line: 191, label: 'Stegsam, 1,5 heltidstjänster', year: 2024, printed: 987000, unit: 'kr', kontroll: 'Insatsens belopp i texten = budgetraden', expected: c.x('stegsam', i24) });
    out.push({ line: 205, label: 'Psykiatridagen', year: 2024, printed: 20000, unit: 'kr', kontroll: 'Insatsens belopp i texten = budgetraden', expected: c.x('psyk', i24) });
    return out;
  },
  figures: (c) => {
    const shares = (year: number, lines: [string, string, string, string], note?: string): Record<string, Figure> => ({
      'Andel insatser av tilldelade medel': c.textFig(lines[0], lines[0], '%', [309]),
      'Andel individinriktade insatser': c.textFig(lines[1], lines[1], '%', [309]),
      'Andel strukturinsatser': c.textFig(lines[2], lines[2], '%', [310]),
      'Andel administration av tilldelade medel': c.textFig(lines[3], year === 2023 ? '38.32' : lines[3], '%', [310], note),
    });
    const out: Record<string, Record<string, Figure>> = {};
    K24.forEach((year, i) => {
      out[String(year)] = {
        'Tilldelade medel': c.fig('sumdrift', i, 'kr', -1),
        'Driftbidrag från staten': c.fig('staten', i, 'kr', -1, '50 % av tilldelade medel'),
        'Årets resultat': c.fig('resultat', i, 'kr'),
        'Eget kapital (IB)': c.fig('ib', i, 'kr'),
        'Eget kapital': c.fig('ub', i, 'kr'),
        ...(year === 2023
          ? shares(year, ['61.68', '78.53', '21.47', '38.17'], 'tryckt 38,17 %; tabellen ger (858 002 + 129 000 + 4 000) / 2 586 000 = 38,32 %, och 61,68 % + 38,17 % är inte 100 %')
          : year === 2024
            ? shares(year, ['61.18', '80.56', '19.44', '38.82'])
            : {}),
      };
    });
    return out;
  },
  expectSlips: [],
  expectRounding: [],
  expectTextSlips: 1,
};

// ---------------------------------------------------------------------------------------------
// Samordningsförbundet Finsam Västerdalarna: verksamhetsplan 2024, Budgetar 2024–2026

const V = [2024, 2025, 2026];
const two = (d: Decimal): Decimal => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const V_COSTS = ['arvode', 'forbundschef', 'esfkost', 'kompetens', 'ekonomi', 'revision', 'admtele', 'hemsida', 'indikatorer', 'insmalung', 'insvansbro', 'utbildning'];

const VASTERDALARNA_2024: Plan = {
  name: 'vasterdalarna-2024',
  source: 'vasterdalarna-verksamhetsplan-budget-2024-2026.txt',
  unit: 'kr',
  codeCol: null,
  labelCol: 1,
  valueCol: 2,
  widths: [72, 14, 14, 14],
  items: [
    text('title', 153, 'Budgetar 2024-2026', true),
    { kind: 'header', key: 'h', line: 155, label: 'Budget', cells: [2024, 2025, 2026] },
    row('intakter', 156, 'Intäkter', [null, null, null], { b: true }),
    row('ipm', 157, 'Insats per medlem', [434000, 434000, 434000], { fmt: INT, b: true }),
    row('malung', 158, 'Malung-Sälens kommun 3/5', [260400, 260400, 260400], { fmt: INT }),
    row('vansbro', 159, 'Vansbro kommun 2/5', [173600, 173600, 173600], { fmt: INT }),
    row('region', 160, 'Region Dalarna', [434000, 434000, 434000], { fmt: INT }),
    row('fkaf', 161, 'Försäkringskassan, Arbetsförmedlingen', [868000, 868000, 868000], { fmt: INT }),
    // "Finsansiell" as printed.
    row('esfint', 162, 'ESF Finsansiell samverkan', [643200, 643200, 375200], { fmt: INT, b: true, vb: true }),
    row('sumint', 163, 'SUMMA INTÄKTER', [2379200, 2379200, 2111200], { fmt: INT, b: true, vb: true }),
    row('personal', 164, 'Personalkostnader', [null, null, null], { b: true }),
    row('arvode', 165, 'Arvode, reseers. styrelse och revisorer', [80000, 80000, 80000], { fmt: INT }),
    row('forbundschef', 166, 'Förbundschef lön/administration', [407004, 415145, 423447], { fmt: INT }),
    row('esfkost', 167, 'ESF Finsansiell samverkan', [489000, 489000, 285000], { fmt: INT, b: true, vb: true }),
    row('kompetens', 168, 'Kompetensutveckling', [30000, 30000, 30000], { fmt: INT }),
    row('ekonomi', 169, 'Ekonomiadministration', [54933, 56032, 57152], { fmt: INT }),
    row('revision', 170, 'Revision', [40000, 40000, 40000], { fmt: INT }),
    row('kring', 171, 'Kringkostnader', [null, null, null], { b: true }),
    row('admtele', 172, 'Administration, tele, data mm', [10000, 10000, 10000], { fmt: INT }),
    row('ovriga', 173, 'Övriga kostnader', [null, null, null], { b: true }),
    row('hemsida', 174, 'Hemsida, informationsmaterial', [25000, 25000, 25000], { fmt: INT }),
    row('indikatorer', 175, 'Indikatorer', [10000, 10000, 10000], { fmt: INT }),
    row('insatser', 176, 'Insatser', [null, null, null], { b: true }),
    row('insmalung', 177, 'Insats Malung-Sälens kommun', [740000, 720000, 630000], { fmt: INT }),
    row('insvansbro', 178, 'Insats Vansbro kommun', [500000, 480000, 420000], { fmt: INT }),
    row('forebygg', 179, 'Förebyggande insatser', [null, null, null], { b: true }),
    row('utbildning', 180, 'Utbildningsinsatser för handläggare/ coacher, föreläsningar', [40000, 40000, 40000], { fmt: INT }),
    row('sumutg', 181, 'Summa utgifter', [2425938, 2395176, 2050600], { fmt: INT, b: true, vb: true }),
    row('beraknat', 182, 'Beräknat resultat', [-46738, -15976, 60600], { fmt: INT, b: true, vb: true }),
    // The eget-kapital table follows at once, under a repeated year header and no heading.
    { kind: 'header', key: 'ekh', line: 183, cells: [2024, 2025, 2026], bold: true },
    row('mal', 184, 'Mål att få ner det egna kapitalet att inte överstiga 20% av de tilldelade medlen.', [347200, 347200, 347200], { fmt: KR, vb: true }),
    row('ekib', 185, 'Eget kapital vid ingång av året', [218430, 171692, 155716], { fmt: INT, b: true, vb: true }),
    row('ekres', 186, 'Resultat', [-46738, -15976, 60600], { fmt: INT }),
    row('medl', 187, 'Intäkter medlemmarna', [1736000, 1736000, 1736000], { fmt: INT }),
    row('ekpct', 188, 'Eget kapital procent', [0.03, 0.01, 0.03], { fmt: PERCENT, b: true, vb: true }),
    blank,
    text('efter', 190, 'Minus budget har medvetet lagts för att få ner det inestående kapitalet till 20% av intäkterna, under en treårsperiod.'),
  ],
  tables: [
    {
      title: 'Budgetar 2024-2026',
      titleKey: 'title',
      role: 'driftbudget',
      unit: 'kr',
      sign: 'intäkter och utgifter positiva, Beräknat resultat = SUMMA INTÄKTER - Summa utgifter',
      from: 'h',
      to: 'beraknat',
      years: V,
      headers: ['2024', '2025', '2026'],
      note: 'etikettkolumnen rubricerad "Budget", åren som tal; gruppraden Insats per medlem bär summan av de två kommunraderna under sig och är den som räknas i SUMMA INTÄKTER; ingen enhetsrad (kr)',
    },
    {
      title: null,
      name: 'Eget kapital (utan rubrik)',
      titleKey: null,
      role: 'eget-kapital',
      unit: 'kr',
      sign: 'eget kapital positivt',
      from: 'ekh',
      to: 'ekpct',
      years: V,
      headers: ['2024', '2025', '2026'],
      note: 'ingen rubrik och ingen tom rad: tabellen följer direkt under Beräknat resultat med en upprepad årsrubrik; målraden i kr-format; procentraden som tal med procentformat (0,03 visas 3%)',
    },
  ],
  checks: (c) => {
    const out: Check[] = [];
    for (let i = 0; i < 3; i++) {
      out.push({ key: 'ipm', i, kontroll: 'Insats per medlem = kommunraderna under den', expected: c.sum(['malung', 'vansbro'], i) });
      out.push({ key: 'malung', i, kontroll: 'Malung-Sälens kommun = 3/5 av insats per medlem', expected: div(mul(c.x('ipm', i), lit(3)), lit(5)) });
      out.push({ key: 'vansbro', i, kontroll: 'Vansbro kommun = 2/5 av insats per medlem', expected: div(mul(c.x('ipm', i), lit(2)), lit(5)) });
      out.push({ key: 'sumint', i, kontroll: 'SUMMA INTÄKTER = insats per medlem + region + staten + ESF', expected: c.sum(['ipm', 'region', 'fkaf', 'esfint'], i) });
      out.push({
        key: 'sumutg',
        i,
        kontroll: 'Summa utgifter = kostnadsraderna',
        expected: c.sum(V_COSTS, i),
        limit: 1,
        anm: 'Förbundschef lön/administration och Ekonomiadministration är uppräknade belopp (2 % per år) tryckta i hela kr: 407 004 × 1,02 = 415 144,08 men 2025 trycks 415 145, så 2024 års belopp är minst 407 004,41 före avrundning; summan av de oavrundade beloppen kan skilja 1 kr från summan av de tryckta',
      });
      out.push({ key: 'beraknat', i, kontroll: 'Beräknat resultat = SUMMA INTÄKTER - Summa utgifter', expected: sub(c.x('sumint', i), c.x('sumutg', i)) });
      out.push({ key: 'medl', i, kontroll: 'Intäkter medlemmarna = insats per medlem + region + staten', expected: c.sum(['ipm', 'region', 'fkaf'], i) });
      out.push({ key: 'fkaf', i, kontroll: 'Försäkringskassan, Arbetsförmedlingen = hälften av medlemmarnas medel (statens andel)', expected: mul(c.x('medl', i), lit('0.5', '50 %')) });
      out.push({ key: 'mal', i, kontroll: 'Målet 20 % av de tilldelade medlen = 20 % av intäkter medlemmarna', expected: mul(c.x('medl', i), lit('0.2', '20 %')) });
      out.push({ key: 'ekres', i, kontroll: 'Resultat = Beräknat resultat', expected: c.x('beraknat', i) });
      if (i > 0) out.push({ key: 'ekib', i, kontroll: 'Eget kapital vid ingång av året = föregående års ingång + resultat', expected: c.sum(['ekib', 'ekres'], i - 1) });
      const ub = c.sum(['ekib', 'ekres'], i);
      const ib = c.x('ekib', i);
      const res = c.x('ekres', i);
      const medl = c.x('medl', i);
      const fmt = (d: Decimal): string => sv(two(d));
      out.push({
        key: 'ekpct',
        i,
        kontroll: 'Eget kapital procent = eget kapital vid årets slut / intäkter medlemmarna',
        expected: pct(ub, medl),
        decimals: 0,
        percentCell: true,
        anm: `vid årets slut ${fmt(ub.v.div(medl.v).times(100))} %, vid ingången ${fmt(ib.v.div(medl.v).times(100))} %; det tryckta talet är resultatet utan tecken i procent av intäkter medlemmarna: |${sv(res.v)}| / ${sv(medl.v)} = ${fmt(res.v.abs().div(medl.v).times(100))} %`,
      });
    }
    return out;
  },
  textChecks: () => [],
  figures: (c) => {
    const out: Record<string, Record<string, Figure>> = {};
    V.forEach((year, i) => {
      const ub = c.sum(['ekib', 'ekres'], i).v;
      const medl = c.x('medl', i).v;
      const res = c.x('ekres', i).v;
      out[String(year)] = {
        'Tilldelade medel': c.fig('medl', i, 'kr', 1, 'Intäkter medlemmarna; ESF-medlen räknas inte (SUMMA INTÄKTER - ESF)'),
        'Driftbidrag från staten (Försäkringskassan, Arbetsförmedlingen)': c.fig('fkaf', i, 'kr', 1, '50 % av tilldelade medel'),
        'Årets resultat': c.fig('beraknat', i, 'kr'),
        'Eget kapital (IB)': c.fig('ekib', i, 'kr'),
        'Eget kapital':
          i + 1 < V.length
            ? { ...c.fig('ekib', i + 1, 'kr', 1, `tryckt som ${V[i + 1]} års Eget kapital vid ingång av året`) }
            : c.textFig(null, ub, 'kr', [185, 186], 'tryckt inte: 155 716 + 60 600'),
        'Eget kapital i % av tilldelade medel': {
          // Printed as in the cell; the value is the share its label names (eget kapital at year end).
          ...c.fig('ekpct', i, '%', 1, `tryckt ${sv(new Decimal(c.printed('ekpct', i) as number).times(100))} %; eget kapital vid årets slut / tilldelade medel = ${sv(two(ub.div(medl).times(100)))} %; det tryckta motsvarar |resultat| / tilldelade medel = ${sv(two(res.abs().div(medl).times(100)))} %`),
          value: two(ub.div(medl).times(100)).toFixed(),
        },
        'Gräns för eget kapital, 20 % av tilldelade medel': c.fig(
          'mal',
          i,
          'kr',
          1,
          year === 2024 ? 'eget kapital vid ingången, 218 430 kr, ligger redan under gränsen 347 200 kr, fast texten under tabellen (rad 190) säger att underskotten ska få ner kapitalet till 20 %' : undefined,
        ),
      };
    });
    return out;
  },
  expectSlips: ['B35', 'C35', 'D35'],
  expectRounding: ['B28', 'C28', 'D28'],
  expectTextSlips: 0,
};

export const PLANS: readonly Plan[] = [KRAMFORS_2010, KRAMFORS_2024, VASTERDALARNA_2024];

// ---------------------------------------------------------------------------------------------
// Writing


/** The cells a plan's items put on the sheet: address → value, number format, font. */
export function cellsOf(plan: Plan): Map<string, { value: Printed; fmt?: string; font?: Partial<ExcelJS.Font> }> {
  const out = new Map<string, { value: Printed; fmt?: string; font?: Partial<ExcelJS.Font> }>();
  const put = (col: number, r: number, value: Printed, fmt?: string, font?: Partial<ExcelJS.Font>): void => {
    if (value === null) return;
    out.set(`${colLetter(col)}${r}`, { value, ...(fmt && typeof value === 'number' ? { fmt } : {}), ...(font ? { font } : {}) });
  };
  plan.items.forEach((item, n) => {
    const r = n + 1;
    if (item.kind === 'blank') return;
    if (item.kind === 'text') {
      put(1, r, item.text, undefined, item.bold ? { bold: true } : undefined);
      return;
    }
    if (item.kind === 'header') {
      const font = item.bold || item.underline ? { ...(item.bold ? { bold: true } : {}), ...(item.underline ? { underline: true } : {}) } : undefined;
      if (item.label !== undefined) put(plan.labelCol, r, item.label, undefined, font);
      item.cells.forEach((v, i) => put(plan.valueCol + i, r, v, item.fmt, font));
      return;
    }
    assert(item.a === undefined || plan.codeCol !== null, `${plan.name}: ${item.key} has a code but the plan no code column`);
    if (item.a !== undefined) put(plan.codeCol!, r, item.a, undefined, { bold: true });
    const labelFont = item.b || item.i ? { ...(item.b ? { bold: true } : {}), ...(item.i ? { italic: true } : {}) } : undefined;
    put(plan.labelCol, r, item.label, undefined, labelFont);
    item.values.forEach((v, i) => put(plan.valueCol + i, r, v, item.fmt ?? INT, item.vb ? { bold: true } : undefined));
  });
  return out;
}

async function planWrite(plan: Plan): Promise<void> {
  const c = new Ctx(plan);
  const outcome = checksRun(c);
  const cellsOfSlips = (fs_: readonly Finding[]): string[] => fs_.map((f) => f.cell!);
  assert.deepEqual(cellsOfSlips(outcome.slips), plan.expectSlips, `${plan.name}: slips`);
  assert.deepEqual(cellsOfSlips(outcome.rounding), plan.expectRounding, `${plan.name}: rounding`);
  assert.equal(outcome.slipsInText.length, plan.expectTextSlips, `${plan.name}: slips in the text`);

  const wb = new ExcelJS.Workbook();
  wb.created = STAMP;
  wb.modified = STAMP;
  const ws = wb.addWorksheet(SHEET);
  plan.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const cells = cellsOf(plan);
  for (const [addr, cell] of cells) {
    const target = ws.getCell(addr);
    target.value = cell.value;
    if (cell.fmt) target.numFmt = cell.fmt;
    if (cell.font) target.font = cell.font;
  }
  const file = path.join(DIR, `${plan.name}.xlsx`);
  fs.writeFileSync(file, zipStamp(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), STAMP));

  // Read the file back: every cell as laid out, nothing else.
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  assert.deepEqual(
    back.worksheets.map((w) => w.name),
    [SHEET],
  );
  const seen = new Set<string>();
  back.getWorksheet(SHEET)!.eachRow((r) =>
    r.eachCell((cell) => {
      const want = cells.get(cell.address);
      assert(want, `${plan.name}: unexpected ${cell.address}`);
      assert.equal(cell.value, want.value, `${plan.name}: ${cell.address}`);
      if (want.fmt) assert.equal(cell.numFmt, want.fmt, `${plan.name}: ${cell.address} format`);
      seen.add(cell.address);
    }),
  );
  assert.equal(seen.size, cells.size, `${plan.name}: cells missing on reading back`);

  const rowNo = (key: string): number => c.rowOf.get(key)!;
  const expected = {
    source: plan.source,
    unit: plan.unit,
    sheets: [SHEET],
    tables: plan.tables.map((t) => ({
      sheet: SHEET,
      title: t.title,
      ...(t.name ? { name: t.name } : {}),
      role: t.role,
      unit: t.unit,
      sign: t.sign,
      titleRow: t.titleKey === null ? null : rowNo(t.titleKey),
      firstRow: rowNo(t.from),
      lastRow: rowNo(t.to),
      labelColumn: colLetter(plan.labelCol),
      ...(plan.codeCol === null ? {} : { codeColumn: colLetter(plan.codeCol) }),
      years: t.years,
      columns: t.years.map((year, i) => ({ year, header: t.headers[i]!, column: colLetter(plan.valueCol + i) })),
      where: c.where([t.from, t.to], t.titleKey === null ? [] : [c.line(t.titleKey)]),
      ...(t.note ? { note: t.note } : {}),
    })),
    figures: plan.figures(c),
    slips: outcome.slips,
    slipsInText: outcome.slipsInText,
    rounding: outcome.rounding,
    kontroller: outcome.count,
  };
  fs.writeFileSync(path.join(DIR, `${plan.name}.expected.json`), `${JSON.stringify(expected, null, 2)}\n`);
  const n = outcome.count;
  process.stdout.write(`${plan.name}: ${n.antal} checks, ${n.ok} ok, ${n.avrundning} rounding, ${n.slips} slips\n`);
}

async function main(): Promise<void> {
  fs.mkdirSync(DIR, { recursive: true });
  for (const plan of PLANS) await planWrite(plan);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
