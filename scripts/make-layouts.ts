// Builds test/layouts/: the example books (examples/solleftea-2024.xlsx, sheet Huvudbok) rewritten
// in the layouts accounting systems export — verifikationslistor, huvudbok prints, dimension
// exports, other date forms, balance and result reports — each with the example's other sheets
// copied unchanged, plus layouts.json and README.md. Reads every written file back and checks that
// its rows still add up to the same books. Deterministic: same bytes on every run.
//   node -r ts-node/register/transpile-only scripts/make-layouts.ts
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { zipStamp } from './zipStamp';

const ROOT = path.resolve(__dirname, '..');
const SOURCE = path.join(ROOT, 'examples', 'solleftea-2024.xlsx');
const DIR = path.join(ROOT, 'test', 'layouts');
const LEDGER = 'Huvudbok';
const COMPANY = 'Samordningsförbundet Sollefteå';
const PRINTED = '2025-02-14';
const PRINTED_AT = '2025-02-14 10:31';
/** The "printed" moment: workbook properties and zip entry times. */
const STAMP = new Date(Date.UTC(2025, 1, 14, 10, 31, 0));
const AMOUNT = '#,##0.00';
const DATE = 'yyyy-mm-dd';
const DASH = '------';
const NBSP = '\u00a0';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const SOURCE_HEADER = ['Datum', 'Ver.nr', 'Konto', 'Kontonamn', 'Projekt', 'Text', 'Debet', 'Kredit'];

/** What the reports must come out as, whatever the layout (kronor). */
const FACTS = {
  result: new Map([
    [2023, -117_094],
    [2024, 236_500],
  ]),
  equity2024: 820_526,
  ib2024Equity: -584_026,
};

type Cell = string | number | Date | null;

/** One row of the books; amount in ledger sign (debit positive), whole kronor. */
interface Entry {
  readonly date: Date;
  readonly year: number;
  readonly ver: string;
  readonly account: number;
  readonly name: string;
  readonly projekt: number | null;
  readonly text: string;
  readonly amount: number;
  readonly ib: boolean;
}

interface Books {
  /** The source rows in source order: IB 2023, then the vouchers of 2023 and 2024. */
  readonly all: readonly Entry[];
  readonly ib: ReadonlyMap<number, readonly Entry[]>;
  readonly tx: ReadonlyMap<number, readonly Entry[]>;
  readonly names: ReadonlyMap<number, string>;
  /** Projekt code → the insats's name, from the Insatser sheet. */
  readonly insatser: ReadonlyMap<number, string>;
}

/** A row read back from a written layout, in ledger sign. */
interface Booked {
  readonly year: number;
  readonly ib: boolean;
  readonly account: number;
  readonly amount: number;
  readonly projekt: string | null;
}

/** Reads a cell of the marked row (or of another row) by its column key. */
type Getter = (key: string, row?: number) => Cell;
type Decode = (g: Getter) => Booked[];

interface Mark {
  readonly sheet: string;
  readonly row: number;
  readonly cols: ReadonlyMap<string, number>;
  readonly decode: Decode;
}

/**
 * How a layout's figures are checked: `ledger` rows of books; report pairs whose result is
 * `open` (not booked), `booked` to 2010 without a closing row, or booked with a `closing` 8999 row.
 */
type Kind = 'ledger' | 'open' | 'booked' | 'closing';

interface Meta {
  readonly system: string;
  readonly describes: string;
  readonly projekt: boolean;
  readonly years: readonly number[];
  readonly kind?: Kind;
}

type LayoutFn = (out: Out) => Meta;

// ---------------------------------------------------------------------------------------------
// Small helpers

function fail(message: string): never {
  throw new Error(message);
}

function assert(condition: boolean, message: string): void {
  if (!condition) fail(message);
}

const isResult = (account: number): boolean => account >= 3000;
const isEquity = (account: number): boolean => account >= 2000 && account < 2100;
const isClosing = (account: number): boolean => account >= 8900 && account < 9000;
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const iso = (d: Date): string => d.toISOString().slice(0, 10);
const dayAdd = (d: Date, days: number): Date => new Date(d.getTime() + days * 86_400_000);
const debit = (amount: number): Cell => (amount > 0 ? amount : null);
const credit = (amount: number): Cell => (amount < 0 ? -amount : null);
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const verNo = (e: Entry): number => (e.ib ? 0 : Number(e.ver.slice(5)));

function add<K>(m: Map<K, number>, key: K, value: number): void {
  m.set(key, (m.get(key) ?? 0) + value);
}

/** Per account: the sum of the entries' amounts. */
function saldo(entries: readonly Entry[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const e of entries) add(m, e.account, e.amount);
  return m;
}

function ibOf(b: Books, year: number): readonly Entry[] {
  return b.ib.get(year) ?? fail(`no IB for ${year}`);
}

function txOf(b: Books, year: number): readonly Entry[] {
  return b.tx.get(year) ?? fail(`no movements for ${year}`);
}

function nameOf(b: Books, account: number): string {
  return b.names.get(account) ?? fail(`no name for account ${account}`);
}

/** Swedish amount text: "1 492 767,00", "-354 000,00" or with a trailing minus "354 000,00-". */
function svAmount(amount: number, o: { decimals?: boolean; sep?: string; trailingMinus?: boolean } = {}): string {
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, o.sep ?? ' ');
  const body = o.decimals === false ? digits : `${digits},00`;
  if (amount >= 0) return body;
  return o.trailingMinus ? `${body}-` : `-${body}`;
}

// Decoding what was written ------------------------------------------------------------------

function num(c: Cell): number {
  if (c === null) return 0;
  if (typeof c === 'number') return c;
  return fail(`a number expected, found ${JSON.stringify(c)}`);
}

function int(c: Cell): number {
  if (typeof c === 'number' && Number.isInteger(c)) return c;
  if (typeof c === 'string' && /^\d+$/.test(c)) return Number(c);
  return fail(`a whole number expected, found ${JSON.stringify(c)}`);
}

function txt(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return String(c);
  return fail(`a text expected, found ${JSON.stringify(c)}`);
}

function code(c: Cell): string | null {
  const t = txt(c).trim();
  return t === '' ? null : t;
}

function dateOf(c: Cell): Date {
  return c instanceof Date ? c : fail(`a date expected, found ${JSON.stringify(c)}`);
}

/** Leading account number of "1930 Bank". */
function accountIn(c: Cell): number {
  const m = /^(\d{4}) \S/.exec(txt(c));
  return m ? Number(m[1]) : fail(`"konto namn" expected, found ${JSON.stringify(c)}`);
}

/** Parses svAmount's text back. */
function svParse(c: Cell, suffix = ''): number {
  const t = txt(c);
  const m = new RegExp(`^(-?)([\\d ${NBSP}]+)(?:,(\\d\\d))?(-?)${suffix}$`).exec(t);
  if (!m || (m[1] && m[4])) return fail(`a Swedish amount expected, found ${JSON.stringify(c)}`);
  const value = Number(m[2]!.replace(/[ \u00a0]/g, '')) + Number(m[3] ?? '0') / 100;
  return m[1] || m[4] ? -value : value;
}

// ---------------------------------------------------------------------------------------------
// Writing

interface Col {
  readonly key: string;
  /** Header text, or [top, bottom] for a two-line header; the key when left out. */
  readonly head?: string | readonly [string, string];
  readonly width: number;
  /** Number format for numbers and dates in the column. */
  readonly fmt?: string;
}

/** Columns of one table on a sheet, addressed by key. */
class Grid {
  readonly cols = new Map<string, number>();

  constructor(
    readonly ws: ExcelJS.Worksheet,
    readonly specs: readonly Col[],
    readonly first = 1,
  ) {
    specs.forEach((s, i) => {
      this.cols.set(s.key, first + i);
      ws.getColumn(first + i).width = s.width;
    });
  }

  /** Writes the header at `row` (two rows if any head is split) and returns the first data row. */
  header(row: number, freeze = true): number {
    const two = this.specs.some((s) => Array.isArray(s.head));
    this.specs.forEach((s, i) => {
      const head = s.head ?? s.key;
      const [top, bottom] = typeof head === 'string' ? [head, ''] : head;
      const cells: [number, string][] = [
        [row, top],
        [row + 1, bottom],
      ];
      for (const [r, text] of cells) {
        if (text === '') continue;
        const cell = this.ws.getCell(r, this.first + i);
        cell.value = text;
        cell.font = { bold: true };
      }
    });
    const next = row + (two ? 2 : 1);
    if (freeze) this.ws.views = [{ state: 'frozen', ySplit: next - 1 }];
    return next;
  }

  put(row: number, cells: Record<string, Cell>, bold = false): void {
    for (const [key, value] of Object.entries(cells)) {
      const col = this.cols.get(key) ?? fail(`no column ${key}`);
      if (value === null || value === '') continue;
      const cell = this.ws.getCell(row, col);
      cell.value = value;
      const fmt = this.specs[col - this.first]!.fmt;
      if (value instanceof Date && fmt === undefined) fail(`date without format in ${key}`);
      if (fmt !== undefined && typeof value !== 'string') cell.numFmt = fmt;
      if (bold) cell.font = { bold: true };
    }
  }

  /** The same text in every column: a print's dashed separator. */
  rule(row: number): void {
    this.put(row, Object.fromEntries(this.specs.map((s) => [s.key, DASH])));
  }
}

/** Title lines above a table: values from column A; the first line bold. */
function title(ws: ExcelJS.Worksheet, row: number, values: readonly Cell[], bold = false): void {
  values.forEach((v, i) => {
    if (v === null) return;
    const cell = ws.getCell(row, i + 1);
    cell.value = v;
    if (bold) cell.font = { bold: true, size: 14 };
  });
}

/** One layout being written: the workbook, the sheets it adds, and the rows to read back. */
class Out {
  readonly sheets: ExcelJS.Worksheet[] = [];
  readonly marks: Mark[] = [];

  constructor(
    readonly wb: ExcelJS.Workbook,
    readonly books: Books,
  ) {}

  sheet(name: string): ExcelJS.Worksheet {
    const ws = this.wb.addWorksheet(name);
    this.sheets.push(ws);
    return ws;
  }

  mark(grid: Grid, row: number, decode: Decode): void {
    this.marks.push({ sheet: grid.ws.name, row, cols: grid.cols, decode });
  }

  /** Writes one row per entry and marks it; returns the next free row. */
  rows(grid: Grid, row: number, entries: readonly Entry[], cells: (e: Entry) => Record<string, Cell>, decode: Decode): number {
    for (const e of entries) {
      grid.put(row, cells(e));
      this.mark(grid, row, decode);
      row++;
    }
    return row;
  }
}

// ---------------------------------------------------------------------------------------------
// The source books

function booksRead(wb: ExcelJS.Workbook): Books {
  const ws = wb.getWorksheet(LEDGER) ?? fail(`${SOURCE}: no sheet ${LEDGER}`);
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (headerRow === 0 && row.getCell(1).value === 'Datum') headerRow = n;
  });
  const header = SOURCE_HEADER.map((_, i) => ws.getRow(headerRow).getCell(i + 1).value);
  assert(JSON.stringify(header) === JSON.stringify(SOURCE_HEADER), `${LEDGER}: header ${JSON.stringify(header)}`);

  const all: Entry[] = [];
  const names = new Map<number, string>();
  ws.eachRow((row, n) => {
    if (n <= headerRow) return;
    const v = (c: number): ExcelJS.CellValue => row.getCell(c).value;
    const [date, ver, account, name, projekt, text, d, k] = [1, 2, 3, 4, 5, 6, 7, 8].map(v);
    const where = `${LEDGER}!${n}`;
    assert(date instanceof Date && date.getTime() % 86_400_000 === 0, `${where}: date`);
    assert(typeof ver === 'string' && typeof account === 'number' && typeof name === 'string' && typeof text === 'string', `${where}: cells`);
    assert(projekt === null || typeof projekt === 'number', `${where}: projekt`);
    assert((typeof d === 'number') !== (typeof k === 'number'), `${where}: one of Debet and Kredit`);
    const amount = typeof d === 'number' ? d : -(k as number);
    assert(Number.isInteger(amount) && amount !== 0, `${where}: whole kronor`);
    const when = date as Date;
    const ib = ver === 'IB';
    assert(!ib || (iso(when) === '2023-01-01' && text === 'Ingående balans'), `${where}: IB`);
    assert(ib || (ver as string).startsWith(`${when.getUTCFullYear()}-`), `${where}: voucher number`);
    const prior = names.get(account as number);
    assert(prior === undefined || prior === name, `${where}: two names for ${account}`);
    names.set(account as number, name as string);
    all.push({ date: when, year: when.getUTCFullYear(), ver: ver as string, account: account as number, name: name as string, projekt: projekt as number | null, text: text as string, amount, ib });
  });

  const ib2023 = all.filter((e) => e.ib);
  const tx2023 = all.filter((e) => !e.ib && e.year === 2023);
  const tx2024 = all.filter((e) => !e.ib && e.year === 2024);
  assert(ib2023.length + tx2023.length + tx2024.length === all.length, 'rows outside 2023–2024');
  const resultLedger = (rows: readonly Entry[]): number => sum(rows.filter((e) => isResult(e.account)).map((e) => e.amount));

  // IB 2024: UB 2023 per balance account, the 2023 result carried into 2010 Eget kapital.
  const ub = new Map<number, number>();
  for (const e of [...ib2023, ...tx2023]) if (!isResult(e.account)) add(ub, e.account, e.amount);
  add(ub, 2010, resultLedger(tx2023));
  const ib2024: Entry[] = [...ub.entries()]
    .filter(([, amount]) => amount !== 0)
    .sort(([a], [b]) => a - b)
    .map(([account, amount]) => ({ date: utc(2024, 1, 1), year: 2024, ver: 'IB', account, name: names.get(account)!, projekt: null, text: 'Ingående balans', amount, ib: true }));

  for (const [year, rows] of [
    [2023, tx2023],
    [2024, tx2024],
  ] as const) {
    assert(sum(rows.map((e) => e.amount)) === 0, `${year}: movements do not sum to zero`);
    assert(-resultLedger(rows) === FACTS.result.get(year), `${year}: årets resultat ${-resultLedger(rows)}`);
  }
  assert(sum(ib2023.map((e) => e.amount)) === 0 && sum(ib2024.map((e) => e.amount)) === 0, 'IB does not sum to zero');
  assert(ub.get(2010) === FACTS.ib2024Equity, `IB 2024 of 2010: ${ub.get(2010)}`);

  const insatser = new Map<number, string>();
  const sheet = wb.getWorksheet('Insatser') ?? fail('no sheet Insatser');
  sheet.eachRow((row) => {
    const [p, , post] = [1, 2, 3].map((c) => row.getCell(c).value);
    if (typeof p === 'number' && typeof post === 'string') insatser.set(p, post);
  });
  for (const e of all) assert(e.projekt === null || insatser.has(e.projekt), `projekt ${e.projekt} not in Insatser`);

  names.set(2099, 'Årets resultat');
  names.set(8999, 'Årets resultat');
  return {
    all,
    ib: new Map([
      [2023, ib2023],
      [2024, ib2024],
    ]),
    tx: new Map([
      [2023, tx2023],
      [2024, tx2024],
    ]),
    names,
    insatser,
  };
}

// ---------------------------------------------------------------------------------------------
// Shared layout parts

/** The source's own columns; only the date column (or its absence) varies. */
interface When {
  readonly col: Col | null;
  readonly cell: (e: Entry) => Cell;
  readonly year: (c: Cell) => number;
}

/** A date column from an encoder and its decoder, checked to round-trip on every entry. */
function dated(head: string, width: number, fmt: string | undefined, encode: (d: Date) => Cell, decode: (c: Cell) => Date, b: Books): When {
  for (const e of [...b.all, ...ibOf(b, 2024)]) {
    const back = decode(encode(e.date));
    assert(back.getTime() === e.date.getTime(), `${head}: ${iso(e.date)} does not round-trip`);
  }
  return { col: { key: 'Datum', head, width, ...(fmt === undefined ? {} : { fmt }) }, cell: (e) => encode(e.date), year: (c) => decode(c).getUTCFullYear() };
}

/** A text date read by a regular expression whose groups give year, month and day. */
function textDate(re: RegExp, order: [number, number, number], century = 0): (c: Cell) => Date {
  return (c) => {
    const m = re.exec(txt(c)) ?? fail(`date text expected, found ${JSON.stringify(c)}`);
    const part = (i: number): string => m[order[i]!]!;
    const month = /^\d+$/.test(part(1)) ? Number(part(1)) : MONTHS.indexOf(part(1)) + 1;
    return utc(century + Number(part(0)), month, Number(part(2)));
  };
}

const realDate = (b: Books): When => dated('Datum', 12, DATE, (d) => d, dateOf, b);

/** The source layout: title rows 1–2, header in row 4, IB rows first. */
function sourceSheet(out: Out, sheet: string, when: When, entries: readonly Entry[], o: { titles?: readonly string[]; fixedYear?: number; ver?: (e: Entry) => Cell } = {}): void {
  const ws = out.sheet(sheet);
  const [first, second] = o.titles ?? [COMPANY, `Huvudbok 2023-01-01 – 2024-12-31, utskriven ${PRINTED}`];
  title(ws, 1, [first ?? null], true);
  title(ws, 2, [second ?? null]);
  const cols: Col[] = [
    ...(when.col ? [when.col] : []),
    { key: 'Ver.nr', width: 11 },
    { key: 'Konto', width: 8 },
    { key: 'Kontonamn', width: 40 },
    { key: 'Projekt', width: 9 },
    { key: 'Text', width: 52 },
    { key: 'Debet', width: 14, fmt: AMOUNT },
    { key: 'Kredit', width: 14, fmt: AMOUNT },
  ];
  const grid = new Grid(ws, cols);
  const row = grid.header(4);
  out.rows(
    grid,
    row,
    entries,
    (e) => ({ ...(when.col ? { Datum: when.cell(e) } : {}), 'Ver.nr': o.ver ? o.ver(e) : e.ver, Konto: e.account, Kontonamn: e.name, Projekt: e.projekt, Text: e.text, Debet: debit(e.amount), Kredit: credit(e.amount) }),
    (g) => [
      {
        year: o.fixedYear ?? when.year(g('Datum')),
        ib: g('Ver.nr') === 'IB',
        account: int(g('Konto')),
        amount: num(g('Debet')) - num(g('Kredit')),
        projekt: code(g('Projekt')),
      },
    ],
  );
}

const BOTH_YEARS = [2023, 2024] as const;

/** One of the source's date forms as a layout. */
function dateForm(out: Out, when: When, form: string): Meta {
  sourceSheet(out, LEDGER, when, out.books.all);
  return { system: 'Huvudbok (date form)', describes: `The source layout with Datum as ${form}; IB rows dated 2023-01-01 in the same form.`, projekt: true, years: BOTH_YEARS };
}

/** Per-account print of one year: IB row, transactions with a running Saldo, Omslutning, Utgående saldo. */
function printYear(
  out: Out,
  grid: Grid,
  row: number,
  year: number,
  o: { ibLabel: string; resultIb: boolean; ubInSaldo: boolean },
): { row: number; debit: number; credit: number } {
  const b = out.books;
  const ib = saldo(ibOf(b, year));
  const txs = txOf(b, year);
  const accounts = [...new Set([...ib.keys(), ...txs.map((e) => e.account)])].sort((x, y) => x - y);
  let totalD = 0;
  let totalK = 0;
  accounts.forEach((account, i) => {
    if (i > 0) grid.rule(row++);
    const first = row;
    const name = nameOf(b, account);
    let bal = ib.get(account) ?? 0;
    const withIb = !isResult(account) || o.resultIb;
    if (withIb) {
      grid.put(row, { Konto: account, Benämning: name, Text: o.ibLabel, Saldo: bal });
      out.mark(grid, row, (g) => [{ year, ib: true, account: int(g('Konto')), amount: num(g('Saldo')), projekt: null }]);
      row++;
    }
    const rows = txs.filter((e) => e.account === account);
    rows.forEach((e, j) => {
      const head = !withIb && j === 0;
      bal += e.amount;
      const [y, m, d] = [e.date.getUTCFullYear() % 100, e.date.getUTCMonth() + 1, e.date.getUTCDate()];
      grid.put(row, { Konto: head ? account : null, Benämning: head ? name : null, Ver: e.ver, Datum: `${pad(y)}-${pad(m)}-${pad(d)}`, Text: e.text, Debet: debit(e.amount), Kredit: credit(e.amount), Saldo: bal });
      out.mark(grid, row, (g) => {
        const when = textDate(/^(\d\d)-(\d\d)-(\d\d)$/, [1, 2, 3], 2000)(g('Datum'));
        assert(when.getUTCFullYear() === year, `print ${year}: a ${when.getUTCFullYear()} date`);
        return [{ year, ib: false, account: int(g('Konto', first)), amount: num(g('Debet')) - num(g('Kredit')), projekt: null }];
      });
      row++;
    });
    const dSum = sum(rows.map((e) => Math.max(e.amount, 0)));
    const kSum = sum(rows.map((e) => Math.max(-e.amount, 0)));
    totalD += dSum;
    totalK += kSum;
    grid.put(row++, { Text: 'Omslutning', Debet: dSum, Kredit: kSum });
    if (o.ubInSaldo) grid.put(row++, { Text: 'Utgående saldo', Saldo: bal });
    else grid.put(row++, { Text: 'Utgående saldo', Debet: bal >= 0 ? bal : null, Kredit: bal < 0 ? -bal : null });
  });
  return { row, debit: totalD, credit: totalK };
}

const PRINT_COLS: readonly Col[] = [
  { key: 'Konto', width: 10 },
  { key: 'Benämning', width: 36 },
  { key: 'Ver', width: 11 },
  { key: 'Datum', width: 10 },
  { key: 'Text', width: 48 },
  { key: 'Debet', width: 14, fmt: AMOUNT },
  { key: 'Kredit', width: 14, fmt: AMOUNT },
  { key: 'Saldo', width: 15, fmt: AMOUNT },
];

// Balance and result reports -------------------------------------------------------------------

type Sign = 'ledger' | 'report';

interface BalanceLine {
  readonly account: number;
  readonly ib: number;
  readonly change: number;
}

interface ResultLine {
  readonly account: number;
  readonly december: number;
  readonly year: number;
  readonly prev: number;
}

/** Balance accounts of 2024 (IB with the 2023 result in 2010); the year's result booked per mode. */
function balanceLines(b: Books, year: number, mode: Kind): BalanceLine[] {
  const ib = saldo(ibOf(b, year));
  const change = saldo(txOf(b, year).filter((e) => !isResult(e.account)));
  const result = sum(txOf(b, year).filter((e) => isResult(e.account)).map((e) => e.amount));
  if (mode === 'booked') add(change, 2010, result);
  if (mode === 'closing') add(change, 2099, result);
  const accounts = [...new Set([...ib.keys(), ...change.keys()])].sort((x, y) => x - y);
  return accounts.map((account) => ({ account, ib: ib.get(account) ?? 0, change: change.get(account) ?? 0 }));
}

function resultLines(b: Books, closing: boolean): ResultLine[] {
  const rows = (year: number): Entry[] => txOf(b, year).filter((e) => isResult(e.account));
  const year = saldo(rows(2024));
  const prev = saldo(rows(2023));
  const december = saldo(rows(2024).filter((e) => e.date.getUTCMonth() === 11));
  if (closing) {
    year.set(8999, -sum([...year.values()]));
    prev.set(8999, -sum([...prev.values()]));
  }
  const accounts = [...new Set([...year.keys(), ...prev.keys()])].sort((x, y) => x - y);
  return accounts.map((account) => ({ account, december: december.get(account) ?? 0, year: year.get(account) ?? 0, prev: prev.get(account) ?? 0 }));
}

/** Report sign: assets as they are, eget kapital and skulder positive; intäkter positive, kostnader negative. */
function signOf(sign: Sign, account: number): number {
  if (sign === 'ledger') return 1;
  return account < 2000 ? 1 : -1;
}

function reportTitles(ws: ExcelJS.Worksheet, name: string, lines: readonly string[]): void {
  title(ws, 1, [name], true);
  title(ws, 2, [COMPANY]);
  lines.forEach((line, i) => title(ws, 3 + i, [line]));
}

/** Balance report: groups with sums, a Beräknat resultat row; marks every account row. */
function balanceReport(
  out: Out,
  ws: ExcelJS.Worksheet,
  row: number,
  o: { year: number; heads: readonly [string, string, string]; sign: Sign; lines: readonly BalanceLine[]; bookChange: boolean },
): number {
  const b = out.books;
  const grid = new Grid(ws, [
    { key: 'Konto', width: 26 },
    { key: 'Benämning', width: 36 },
    { key: 'IB', head: o.heads[0], width: 16, fmt: AMOUNT },
    { key: 'Change', head: o.heads[1], width: 16, fmt: AMOUNT },
    { key: 'UB', head: o.heads[2], width: 16, fmt: AMOUNT },
  ]);
  row = grid.header(row);
  const shown = (l: BalanceLine): [number, number, number] => {
    const s = signOf(o.sign, l.account);
    return [s * l.ib, s * l.change, s * (l.ib + l.change)];
  };
  const groups: [string, string, BalanceLine[]][] = [
    ['Tillgångar', 'Summa tillgångar', o.lines.filter((l) => l.account < 2000)],
    ['Eget kapital och skulder', 'Summa eget kapital och skulder', o.lines.filter((l) => l.account >= 2000)],
  ];
  for (const [heading, total, lines] of groups) {
    grid.put(row++, { Konto: heading }, true);
    for (const l of lines) {
      const [ib, change, ub] = shown(l);
      grid.put(row, { Konto: l.account, Benämning: nameOf(b, l.account), IB: ib, Change: change, UB: ub });
      out.mark(grid, row, (g) => {
        const account = int(g('Konto'));
        const s = signOf(o.sign, account);
        const [i, c, u] = [num(g('IB')), num(g('Change')), num(g('UB'))].map((x) => s * x) as [number, number, number];
        assert(i + c === u, `${ws.name}: ${account} IB + change ≠ UB`);
        const booked: Booked[] = [{ year: o.year, ib: true, account, amount: i, projekt: null }];
        if (o.bookChange) booked.push({ year: o.year, ib: false, account, amount: c, projekt: null });
        return booked;
      });
      row++;
    }
    const sums = [0, 1, 2].map((i) => sum(lines.map((l) => shown(l)[i]!)));
    grid.put(row++, { Benämning: total, IB: sums[0]!, Change: sums[1]!, UB: sums[2]! }, true);
    row++;
  }
  // The result accounts' net in the report's sign: what the balance sheet lacks to balance.
  const net = [0, 1, 2].map((i) => -sum(o.lines.map((l) => [l.ib, l.change, l.ib + l.change][i]!)) * (o.sign === 'report' ? -1 : 1));
  grid.put(row++, { Benämning: 'Beräknat resultat', IB: net[0]!, Change: net[1]!, UB: net[2]! }, true);
  return row;
}

/** Result report in groups with sums; marks every account row (Ackumulerat → 2024, Föregående år → 2023). */
function resultReport(
  out: Out,
  ws: ExcelJS.Worksheet,
  row: number,
  o: { sign: Sign; lines: readonly ResultLine[]; period: 'year' | 'december'; budget: boolean },
): number {
  const b = out.books;
  const s = o.sign === 'report' ? -1 : 1;
  const grid = new Grid(ws, [
    { key: 'Konto', width: 26 },
    { key: 'Benämning', width: 40 },
    { key: 'Period', width: 16, fmt: AMOUNT },
    { key: 'Ackumulerat', width: 16, fmt: AMOUNT },
    ...(o.budget ? [{ key: 'Budget', width: 16, fmt: AMOUNT }] : []),
    { key: 'Föregående år', width: 16, fmt: AMOUNT },
  ]);
  row = grid.header(row);
  const values = (l: ResultLine): Record<string, number> => ({
    Period: s * (o.period === 'year' ? l.year : l.december),
    Ackumulerat: s * l.year,
    ...(o.budget ? { Budget: s * Math.round(l.year / 10_000) * 10_000 } : {}),
    'Föregående år': s * l.prev,
  });
  const groups: [string, string, (a: number) => boolean][] = [
    ['Rörelsens intäkter', 'Summa rörelsens intäkter', (a) => a < 4000],
    ['Rörelsens kostnader', 'Summa rörelsens kostnader', (a) => a >= 4000 && a < 8000],
    ['Finansiella poster', 'Summa finansiella poster', (a) => a >= 8000 && a < 8900],
    ['Årets resultat', 'Summa årets resultat', isClosing],
  ];
  for (const [heading, total, within] of groups) {
    const lines = o.lines.filter((l) => within(l.account));
    if (lines.length === 0) continue;
    grid.put(row++, { Konto: heading }, true);
    for (const l of lines) {
      grid.put(row, { Konto: l.account, Benämning: nameOf(b, l.account), ...values(l) });
      out.mark(grid, row, (g) => {
        const account = int(g('Konto'));
        return [
          { year: 2024, ib: false, account, amount: s * num(g('Ackumulerat')), projekt: null },
          { year: 2023, ib: false, account, amount: s * num(g('Föregående år')), projekt: null },
        ];
      });
      row++;
    }
    const sums: Record<string, number> = {};
    for (const l of lines) for (const [k, v] of Object.entries(values(l))) sums[k] = (sums[k] ?? 0) + v;
    grid.put(row++, { Benämning: total, ...sums }, true);
    row++;
  }
  const all: Record<string, number> = {};
  for (const l of o.lines) for (const [k, v] of Object.entries(values(l))) all[k] = (all[k] ?? 0) + v;
  grid.put(row++, { Benämning: 'Beräknat resultat', ...all }, true);
  return row;
}

/** A Balansrapport and a Resultatrapport for 2024, no ledger. */
function reportPair(out: Out, o: { mode: Kind; sign: Sign; heads: readonly [string, string, string]; december?: boolean }): void {
  const b = out.books;
  const bal = out.sheet('Balansrapport');
  reportTitles(bal, 'Balansrapport', ['Räkenskapsår 2024-01-01 – 2024-12-31', 'Period 2024-01-01 – 2024-12-31', `Utskrivet ${PRINTED_AT}`]);
  balanceReport(out, bal, 7, { year: 2024, heads: o.heads, sign: o.sign, lines: balanceLines(b, 2024, o.mode), bookChange: true });
  const res = out.sheet('Resultatrapport');
  const period = o.december ? ['Period 2024-12-01 – 2024-12-31', 'Ackumulerat 2024-01-01 – 2024-12-31'] : ['Period 2024-01-01 – 2024-12-31', 'Räkenskapsår 2024-01-01 – 2024-12-31'];
  reportTitles(res, 'Resultatrapport', [...period, `Utskrivet ${PRINTED_AT}`]);
  resultReport(out, res, 7, { sign: o.sign, lines: resultLines(b, o.mode === 'closing'), period: o.december ? 'december' : 'year', budget: o.december === true });
}

// ---------------------------------------------------------------------------------------------
// The layouts: one function each

/** 01: Fortnox verifikationslista (no IB) and a balance report for 2023 giving the IB. */
function fortnoxVerifikationslista(out: Out): Meta {
  const b = out.books;
  const ws = out.sheet('Verifikationslista');
  title(ws, 1, ['Fortnox'], true);
  title(ws, 2, [COMPANY]);
  title(ws, 3, ['Verifikationslista']);
  title(ws, 4, [`Utskrivet ${PRINTED_AT}`]);
  title(ws, 5, ['Period 2023-01-01 - 2024-12-31']);
  const grid = new Grid(ws, [
    { key: 'Vernr', width: 8 },
    { key: 'Bokföringsdatum', width: 15, fmt: DATE },
    { key: 'Registreringsdatum', width: 17, fmt: DATE },
    { key: 'Konto', width: 7 },
    { key: 'Benämning', width: 40 },
    { key: 'Ks', width: 4 },
    { key: 'Projnr', width: 8 },
    { key: 'Verifikationstext', width: 50 },
    { key: 'Transaktionsinfo', width: 16 },
    { key: 'Debet', width: 14, fmt: AMOUNT },
    { key: 'Kredit', width: 14, fmt: AMOUNT },
  ]);
  const row = grid.header(7);
  out.rows(
    grid,
    row,
    b.all.filter((e) => !e.ib),
    (e) => ({
      Vernr: `A${verNo(e)}`,
      Bokföringsdatum: e.date,
      Registreringsdatum: dayAdd(e.date, 3),
      Konto: e.account,
      Benämning: e.name,
      Ks: isResult(e.account) ? 1 : null,
      Projnr: e.projekt === null ? null : String(e.projekt),
      Verifikationstext: e.text,
      Transaktionsinfo: e.account === 8510 ? 'Autogiro' : null,
      Debet: debit(e.amount),
      Kredit: credit(e.amount),
    }),
    (g) => [{ year: dateOf(g('Bokföringsdatum')).getUTCFullYear(), ib: false, account: int(g('Konto')), amount: num(g('Debet')) - num(g('Kredit')), projekt: code(g('Projnr')) }],
  );
  const bal = out.sheet('Balansrapport 2023');
  reportTitles(bal, 'Balansrapport', ['Period 2023-01-01 - 2023-12-31', `Utskrivet ${PRINTED_AT}`]);
  const ib = saldo(ibOf(b, 2023));
  const change = saldo(txOf(b, 2023).filter((e) => !isResult(e.account)));
  const accounts = [...new Set([...ib.keys(), ...change.keys()])].sort((x, y) => x - y);
  const lines = accounts.map((account) => ({ account, ib: ib.get(account) ?? 0, change: change.get(account) ?? 0 }));
  balanceReport(out, bal, 6, { year: 2023, heads: ['Ingående balans', 'Förändring', 'Utgående balans'], sign: 'ledger', lines, bookChange: false });
  return {
    system: 'Fortnox',
    describes: 'Verifikationslista with export stamp rows, Bokföringsdatum and a later Registreringsdatum (some in the next year), vouchers A1… restarting each year, empty cells for zero, Projnr as text, a constant Ks on result rows; the IB 2023 only in a second sheet Balansrapport 2023 (ledger sign, group sums, Beräknat resultat).',
    projekt: true,
    years: BOTH_YEARS,
  };
}

/** 02: Visma verifikationslista, IB as voucher IB1, zeros written as 0. */
function vismaVerifikationslista(out: Out): Meta {
  const ws = out.sheet('Verifikationslista');
  title(ws, 1, ['Visma Administration'], true);
  title(ws, 2, [COMPANY]);
  title(ws, 3, ['Verifikationslista 2023-01-01 - 2024-12-31']);
  title(ws, 4, [`Utskrivet ${PRINTED}`]);
  const grid = new Grid(ws, [
    { key: 'Ver.nr', width: 8 },
    { key: 'Datum', width: 12, fmt: DATE },
    { key: 'Konto', width: 7 },
    { key: 'Benämning', width: 40 },
    { key: 'Resultatenhet', width: 13 },
    { key: 'Projekt', width: 8 },
    { key: 'Text', width: 50 },
    { key: 'Debet', width: 14, fmt: AMOUNT },
    { key: 'Kredit', width: 14, fmt: AMOUNT },
  ]);
  const row = grid.header(6);
  out.rows(
    grid,
    row,
    out.books.all,
    (e) => ({ 'Ver.nr': e.ib ? 'IB1' : verNo(e), Datum: e.date, Konto: e.account, Benämning: e.name, Projekt: e.projekt, Text: e.text, Debet: Math.max(e.amount, 0), Kredit: Math.max(-e.amount, 0) }),
    (g) => [{ year: dateOf(g('Datum')).getUTCFullYear(), ib: txt(g('Ver.nr')).startsWith('IB'), account: int(g('Konto')), amount: num(g('Debet')) - num(g('Kredit')), projekt: code(g('Projekt')) }],
  );
  return {
    system: 'Visma Administration',
    describes: 'Verifikationslista whose IB rows are voucher IB1 dated 2023-01-01 with text Ingående balans; voucher numbers as plain numbers restarting each year; an empty Resultatenhet column; Debet and Kredit both written, 0 on the other side.',
    projekt: true,
    years: BOTH_YEARS,
  };
}

/** 03: huvudbok print per account, one sheet per year. */
function huvudbokPrintPerYear(out: Out): Meta {
  for (const year of BOTH_YEARS) {
    const ws = out.sheet(`Huvudbok ${year}`);
    title(ws, 1, ['Huvudbok', null, null, null, null, null, null, 'Sida: 1'], true);
    title(ws, 2, [COMPANY, null, null, null, null, null, null, `Utskrivet: ${PRINTED}`]);
    title(ws, 3, [`Period: ${year}-01-01 – ${year}-12-31`]);
    const grid = new Grid(ws, PRINT_COLS);
    const row = grid.header(5, false);
    const end = printYear(out, grid, row, year, { ibLabel: 'Ingående balans', resultIb: true, ubInSaldo: true });
    grid.put(end.row + 1, { Konto: 'Huvudboksomslutning', Debet: end.debit, Kredit: end.credit }, true);
  }
  return {
    system: 'Huvudbok print (Visma-like)',
    describes: 'Huvudbok print per account, sheets Huvudbok 2023 and Huvudbok 2024; account and name only on the block’s Ingående balans row (amount in Saldo, 0 for result accounts); YY-MM-DD text dates; running Saldo; Omslutning and Utgående saldo rows; dashed separators; Huvudboksomslutning at the end. 2024 opens with IB 2024.',
    projekt: false,
    years: BOTH_YEARS,
  };
}

/** 04: the same print with both years in one sheet. */
function huvudbokPrintOneSheet(out: Out): Meta {
  const ws = out.sheet(LEDGER);
  title(ws, 1, ['Huvudbok', null, null, null, null, null, null, 'Sida: 1'], true);
  title(ws, 2, [COMPANY, null, null, null, null, null, null, `Utskrivet: ${PRINTED}`]);
  title(ws, 3, ['Period: 2023-01-01 – 2024-12-31']);
  const grid = new Grid(ws, PRINT_COLS);
  let row = grid.header(5, false);
  let d = 0;
  let k = 0;
  for (const year of BOTH_YEARS) {
    grid.put(row++, { Konto: `Period ${year}-01-01 – ${year}-12-31` }, true);
    const end = printYear(out, grid, row, year, { ibLabel: 'Ingående saldo', resultIb: false, ubInSaldo: false });
    row = end.row + 1;
    d += end.debit;
    k += end.credit;
  }
  grid.put(row, { Konto: 'Total kontoomslutning', Debet: d, Kredit: k }, true);
  return {
    system: 'Huvudbok print (Hogia-like)',
    describes: 'Huvudbok print with both years in one sheet under Period headings; Ingående saldo row (in Saldo) only for balance accounts, result accounts’ number and name on their first transaction row; Utgående saldo amount in Debet or Kredit; Omslutning rows; Total kontoomslutning at the end.',
    projekt: false,
    years: BOTH_YEARS,
  };
}

/** 05: Kontoanalys: a "1930 Bank" heading row per account. */
function kontoanalys(out: Out): Meta {
  const b = out.books;
  const ws = out.sheet('Kontoanalys');
  title(ws, 1, ['Kontoanalys'], true);
  title(ws, 2, [COMPANY]);
  title(ws, 3, ['Period 2023-01-01 – 2024-12-31']);
  title(ws, 4, [`Utskrivet ${PRINTED_AT}`]);
  const grid = new Grid(ws, [
    { key: 'Konto', width: 30 },
    { key: 'Datum', width: 12, fmt: DATE },
    { key: 'Ver.nr', width: 11 },
    { key: 'Projekt', width: 8 },
    { key: 'Text', width: 50 },
    { key: 'Debet', width: 14, fmt: AMOUNT },
    { key: 'Kredit', width: 14, fmt: AMOUNT },
    { key: 'Saldo', width: 15, fmt: AMOUNT },
  ]);
  let row = grid.header(6);
  const ib = saldo(ibOf(b, 2023));
  const txs = b.all.filter((e) => !e.ib);
  const accounts = [...new Set(b.all.map((e) => e.account))].sort((x, y) => x - y);
  for (const account of accounts) {
    const head = row;
    const name = nameOf(b, account);
    grid.put(row++, { Konto: `${account} ${name}` }, true);
    let bal = ib.get(account) ?? 0;
    grid.put(row, { Text: 'Ingående balans', Saldo: bal });
    out.mark(grid, row++, (g) => [{ year: 2023, ib: true, account: accountIn(g('Konto', head)), amount: num(g('Saldo')), projekt: null }]);
    const rows = txs.filter((e) => e.account === account);
    for (const e of rows) {
      bal += e.amount;
      grid.put(row, { Datum: e.date, 'Ver.nr': e.ver, Projekt: e.projekt, Text: e.text, Debet: debit(e.amount), Kredit: credit(e.amount), Saldo: bal });
      out.mark(grid, row++, (g) => [{ year: dateOf(g('Datum')).getUTCFullYear(), ib: false, account: accountIn(g('Konto', head)), amount: num(g('Debet')) - num(g('Kredit')), projekt: code(g('Projekt')) }]);
    }
    grid.put(row++, { Text: `Summa ${account} ${name}`, Debet: sum(rows.map((e) => Math.max(e.amount, 0))), Kredit: sum(rows.map((e) => Math.max(-e.amount, 0))), Saldo: bal }, true);
    row++;
  }
  return {
    system: 'Kontoanalys print',
    describes: 'Kontoanalys over both years: per account a heading row "1930 Bank" in the Konto cell only, an Ingående balans row (amount only in Saldo, 0 for result accounts), transactions with real dates and a running Saldo that runs on across the year end, a bold "Summa 1930 Bank" row.',
    projekt: true,
    years: BOTH_YEARS,
  };
}

/** 06: Unit4 Business World (Agresso) with a full kodsträng. */
function agresso(out: Out): Meta {
  const ws = out.sheet('Huvudbokstransaktioner');
  title(ws, 1, ['Huvudbokstransaktioner'], true);
  title(ws, 2, [`${COMPANY} (SS)`]);
  title(ws, 3, ['Urval: Period 202300 - 202412; Konto 1000 - 8999']);
  title(ws, 4, [`Utskrivet ${PRINTED_AT}`]);
  const grid = new Grid(ws, [
    { key: 'Period', width: 8 },
    { key: 'Ver.datum', width: 11, fmt: DATE },
    { key: 'Vernr', width: 10 },
    { key: 'Konto', width: 7 },
    { key: 'Konto(T)', width: 40 },
    { key: 'Ansvar', width: 7 },
    { key: 'Aktivitet', width: 9 },
    { key: 'Projekt', width: 8 },
    { key: 'Objekt', width: 7 },
    { key: 'Text', width: 50 },
    { key: 'Belopp', width: 14, fmt: AMOUNT },
  ]);
  const row = grid.header(6);
  const aktivitet = (p: number | null): Cell => (p === null ? null : p < 900 ? 'A10' : 'A20');
  out.rows(
    grid,
    row,
    out.books.all,
    (e) => ({
      Period: e.ib ? e.year * 100 : e.year * 100 + e.date.getUTCMonth() + 1,
      'Ver.datum': e.ib ? null : e.date,
      Vernr: e.ib ? 23000000 : (e.year % 100) * 1_000_000 + verNo(e),
      Konto: e.account,
      'Konto(T)': e.name,
      Ansvar: '1100',
      Aktivitet: aktivitet(e.projekt),
      Projekt: e.projekt === null ? null : String(e.projekt),
      Objekt: e.account === 4610 ? '2283' : null,
      Text: e.text,
      Belopp: e.amount,
    }),
    (g) => {
      const period = int(g('Period'));
      const ib = period % 100 === 0;
      const date = g('Ver.datum');
      assert(ib ? date === null : dateOf(date).getUTCFullYear() === Math.floor(period / 100), 'Agresso: Ver.datum and Period disagree');
      return [{ year: Math.floor(period / 100), ib, account: int(g('Konto')), amount: num(g('Belopp')), projekt: code(g('Projekt')) }];
    },
  );
  return {
    system: 'Unit4 Business World (Agresso)',
    describes: 'General-ledger export with title block and full kodsträng: Period YYYYMM, IB in period 202300 with empty Ver.datum, numeric Vernr, Konto and Konto(T), constant Ansvar 1100, Aktivitet codes A10/A20 (not insatser), Projekt the insats codes as text, Objekt mostly empty, signed Belopp.',
    projekt: true,
    years: BOTH_YEARS,
  };
}

/** 07: Raindance: the insats codes in Aktivitet, unrelated codes in Projekt. */
function raindance(out: Out): Meta {
  const ws = out.sheet('Transaktioner');
  const grid = new Grid(ws, [
    { key: 'Ansvar', width: 8 },
    { key: 'Verksamhet', width: 11 },
    { key: 'Aktivitet', width: 10 },
    { key: 'Projekt', width: 8 },
    { key: 'Konto', width: 7 },
    { key: 'Kontotext', width: 40 },
    { key: 'Bokföringsdatum', width: 15, fmt: DATE },
    { key: 'Verifikation', width: 11 },
    { key: 'Text', width: 50 },
    { key: 'Belopp SEK', width: 14, fmt: AMOUNT },
  ]);
  const row = grid.header(1);
  const projekt = (account: number): Cell => (account === 4610 ? 'P1' : account === 4620 ? 'P2' : null);
  out.rows(
    grid,
    row,
    out.books.all,
    (e) => ({
      Ansvar: '71000',
      Verksamhet: '710',
      Aktivitet: e.projekt === null ? null : String(e.projekt),
      Projekt: projekt(e.account),
      Konto: e.account,
      Kontotext: e.name,
      Bokföringsdatum: e.date,
      Verifikation: e.ib ? null : e.ver,
      Text: e.ib ? 'IB' : e.text,
      'Belopp SEK': e.amount,
    }),
    (g) => [{ year: dateOf(g('Bokföringsdatum')).getUTCFullYear(), ib: g('Text') === 'IB', account: int(g('Konto')), amount: num(g('Belopp SEK')), projekt: code(g('Aktivitet')) }],
  );
  return {
    system: 'Raindance',
    describes: 'Transaction export with the header in row 1: Ansvar, Verksamhet, Aktivitet (the insats codes), Projekt (unrelated codes P1/P2 on 4610/4620), Konto, Kontotext, Bokföringsdatum, Verifikation, Text, signed Belopp SEK; IB rows with text IB dated 2023-01-01.',
    projekt: true,
    years: BOTH_YEARS,
  };
}

/** 08: År, Period 1–12 (IB 0), Datum, Bilagsnr, Kst, Bokfört belopp. */
function periodKst(out: Out): Meta {
  const ws = out.sheet('Sheet1');
  const grid = new Grid(ws, [
    { key: 'År', width: 6 },
    { key: 'Period', width: 7 },
    { key: 'Datum', width: 12, fmt: DATE },
    { key: 'Bilagsnr', width: 9 },
    { key: 'Konto', width: 7 },
    { key: 'Kontonamn', width: 40 },
    { key: 'Kst', width: 5 },
    { key: 'Bokfört belopp', width: 15, fmt: AMOUNT },
  ]);
  const row = grid.header(1);
  out.rows(
    grid,
    row,
    out.books.all,
    (e) => ({ År: e.year, Period: e.ib ? 0 : e.date.getUTCMonth() + 1, Datum: e.date, Bilagsnr: verNo(e), Konto: e.account, Kontonamn: e.name, Kst: isResult(e.account) ? '10' : null, 'Bokfört belopp': e.amount }),
    (g) => {
      const year = int(g('År'));
      assert(dateOf(g('Datum')).getUTCFullYear() === year, 'År and Datum disagree');
      return [{ year, ib: int(g('Period')) === 0, account: int(g('Konto')), amount: num(g('Bokfört belopp')), projekt: null }];
    },
  );
  return {
    system: 'Generic export (År/Period/Kst)',
    describes: 'Sheet1 with the header in row 1: År, Period 1–12 before the date (IB rows Period 0 and Bilagsnr 0), Datum, Bilagsnr, Konto, Kontonamn, a constant Kst 10 on result rows (no insatser), signed Bokfört belopp; no text column.',
    projekt: false,
    years: BOTH_YEARS,
  };
}

/** 09: English SIE-derived table with dimension numbers in the values. */
function sieTable(out: Out): Meta {
  const ws = out.sheet('Transactions');
  const grid = new Grid(ws, [
    { key: 'Date', width: 12, fmt: DATE },
    { key: 'Verification', width: 12 },
    { key: 'Account', width: 8 },
    { key: 'Account name', width: 40 },
    { key: 'Kst', width: 5 },
    { key: 'Proj', width: 7 },
    { key: 'Text', width: 50 },
    { key: 'Amount', width: 14, fmt: AMOUNT },
  ]);
  const row = grid.header(1);
  out.rows(
    grid,
    row,
    out.books.all,
    (e) => ({
      Date: e.ib ? null : e.date,
      Verification: e.ib ? 'IB' : `A ${verNo(e)}`,
      Account: e.account,
      'Account name': e.name,
      Kst: isResult(e.account) ? '1 1' : null,
      Proj: e.projekt === null ? null : `6 ${e.projekt}`,
      Text: e.text,
      Amount: e.amount,
    }),
    (g) => {
      const ib = g('Verification') === 'IB';
      const proj = code(g('Proj'));
      const m = proj === null ? null : (/^6 (\d+)$/.exec(proj) ?? fail(`SIE Proj ${proj}`));
      return [{ year: ib ? 2023 : dateOf(g('Date')).getUTCFullYear(), ib, account: int(g('Account')), amount: num(g('Amount')), projekt: m ? m[1]! : null }];
    },
  );
  return {
    system: 'SIE converter',
    describes: 'English table from a SIE file: Date, Verification (A 31), Account, Account name, Kst, Proj, Text, signed Amount; dimension values carry the SIE dimension number ("6 100" in Proj, "1 1" in Kst); IB rows with an empty Date and Verification IB.',
    projekt: true,
    years: BOTH_YEARS,
  };
}

/** 10: one sheet per räkenskapsår in the source layout, each with its IB. */
function sheetPerYear(out: Out): Meta {
  const b = out.books;
  for (const year of BOTH_YEARS) {
    const titles = [COMPANY, `Huvudbok ${year}-01-01 – ${year}-12-31, utskriven ${PRINTED}`];
    sourceSheet(out, `Huvudbok ${year}`, realDate(b), [...ibOf(b, year), ...txOf(b, year)], { titles });
  }
  return {
    system: 'Huvudbok per räkenskapsår',
    describes: 'The source columns in one sheet per year, Huvudbok 2023 with IB 2023 and Huvudbok 2024 with IB 2024 (UB 2023, the 2023 result carried into 2010), both as Ver.nr IB rows.',
    projekt: true,
    years: BOTH_YEARS,
  };
}

/** 11: flat export sorted by account with running Saldo, Utgående saldo rows and a Summa row. */
function runningSaldo(out: Out): Meta {
  const b = out.books;
  const ws = out.sheet(LEDGER);
  title(ws, 1, [COMPANY], true);
  title(ws, 2, ['Huvudbok med saldo 2023-01-01 – 2024-12-31']);
  const grid = new Grid(ws, [
    { key: 'Konto', width: 8 },
    { key: 'Kontonamn', width: 40 },
    { key: 'Datum', width: 12, fmt: DATE },
    { key: 'Ver.nr', width: 11 },
    { key: 'Projekt', width: 8 },
    { key: 'Text', width: 50 },
    { key: 'Debet', width: 14, fmt: AMOUNT },
    { key: 'Kredit', width: 14, fmt: AMOUNT },
    { key: 'Saldo', width: 15, fmt: AMOUNT },
  ]);
  let row = grid.header(4);
  const accounts = [...new Set(b.all.map((e) => e.account))].sort((x, y) => x - y);
  let d = 0;
  let k = 0;
  for (const account of accounts) {
    const rows = b.all.filter((e) => e.account === account).sort((x, y) => x.date.getTime() - y.date.getTime());
    let bal = 0;
    for (const e of rows) {
      bal += e.amount;
      grid.put(row, { Konto: e.account, Kontonamn: e.name, Datum: e.date, 'Ver.nr': e.ver, Projekt: e.projekt, Text: e.text, Debet: debit(e.amount), Kredit: credit(e.amount), Saldo: bal });
      out.mark(grid, row++, (g) => [{ year: dateOf(g('Datum')).getUTCFullYear(), ib: g('Ver.nr') === 'IB', account: int(g('Konto')), amount: num(g('Debet')) - num(g('Kredit')), projekt: code(g('Projekt')) }]);
    }
    const ad = sum(rows.map((e) => Math.max(e.amount, 0)));
    const ak = sum(rows.map((e) => Math.max(-e.amount, 0)));
    d += ad;
    k += ak;
    grid.put(row++, { Konto: account, Text: 'Utgående saldo', Debet: ad, Kredit: ak, Saldo: bal }, true);
  }
  grid.put(row, { Konto: 'Summa', Debet: d, Kredit: k }, true);
  return {
    system: 'Huvudbok with saldo',
    describes: 'Flat rows sorted by account then date (IB first) with a running Saldo column per account beside Debet/Kredit, a bold Utgående saldo row after each account carrying the account number and its Debet/Kredit totals, and a Summa row at the end.',
    projekt: true,
    years: BOTH_YEARS,
  };
}

/** 12: column names split over two header rows. */
function twoLineHeader(out: Out): Meta {
  const ws = out.sheet(LEDGER);
  title(ws, 1, [COMPANY], true);
  title(ws, 2, ['Huvudbok 2023-01-01 – 2024-12-31']);
  const grid = new Grid(ws, [
    { key: 'Ver', head: ['Ver', 'nr'], width: 11 },
    { key: 'Datum', head: ['Bokf.', 'datum'], width: 12, fmt: DATE },
    { key: 'Konto', head: ['Konto', 'nr'], width: 7 },
    { key: 'Namn', head: ['Konto', 'namn'], width: 40 },
    { key: 'Proj', head: ['Proj', 'nr'], width: 6 },
    { key: 'Text', head: ['Text', ''], width: 50 },
    { key: 'Debet', head: ['Debet', ''], width: 14, fmt: AMOUNT },
    { key: 'Kredit', head: ['', 'Kredit'], width: 14, fmt: AMOUNT },
  ]);
  const row = grid.header(4);
  out.rows(
    grid,
    row,
    out.books.all,
    (e) => ({ Ver: e.ver, Datum: e.date, Konto: e.account, Namn: e.name, Proj: e.projekt, Text: e.text, Debet: debit(e.amount), Kredit: credit(e.amount) }),
    (g) => [{ year: dateOf(g('Datum')).getUTCFullYear(), ib: g('Ver') === 'IB', account: int(g('Konto')), amount: num(g('Debet')) - num(g('Kredit')), projekt: code(g('Proj')) }],
  );
  return {
    system: 'Two-line header',
    describes: 'The source rows under a header split over rows 4–5: Ver/nr, Bokf./datum, Konto/nr, Konto/namn, Proj/nr, Text and Debet in the top row only, Kredit in the bottom row only.',
    projekt: true,
    years: BOTH_YEARS,
  };
}

/** 13: headers no reader knows. */
function unknownHeaders(out: Out): Meta {
  const ws = out.sheet('Export');
  const grid = new Grid(ws, [
    { key: 'Datum', head: 'Transdatum', width: 12, fmt: DATE },
    { key: 'Ver', head: 'Dok.nr', width: 11 },
    { key: 'Konto', head: 'Kto', width: 6 },
    { key: 'Namn', head: 'Konto(T)', width: 40 },
    { key: 'Dim', head: 'Dim 1', width: 6 },
    { key: 'Text', head: 'Beskrivning', width: 50 },
    { key: 'Debet', head: 'Debet SEK', width: 14, fmt: AMOUNT },
    { key: 'Kredit', head: 'Kredit SEK', width: 14, fmt: AMOUNT },
  ]);
  const row = grid.header(1);
  out.rows(
    grid,
    row,
    out.books.all,
    (e) => ({ Datum: e.date, Ver: e.ver, Konto: e.account, Namn: e.name, Dim: e.projekt, Text: e.text, Debet: debit(e.amount), Kredit: credit(e.amount) }),
    (g) => [{ year: dateOf(g('Datum')).getUTCFullYear(), ib: g('Ver') === 'IB', account: int(g('Konto')), amount: num(g('Debet')) - num(g('Kredit')), projekt: code(g('Dim')) }],
  );
  return {
    system: 'Export with unfamiliar headers',
    describes: 'Header in row 1 with names a reader cannot know: Transdatum, Dok.nr, Kto, Konto(T), Dim 1 (the insats codes), Beskrivning, Debet SEK, Kredit SEK.',
    projekt: true,
    years: BOTH_YEARS,
  };
}

/** A table like the source's with a signed Belopp written by `amount`, read back by `parse`. */
function signedTable(out: Out, sheet: string, date: When, amount: (e: Entry) => Cell, parse: (c: Cell) => number, head = 'Belopp', projektHead = 'Projekt'): void {
  const ws = out.sheet(sheet);
  title(ws, 1, [COMPANY], true);
  title(ws, 2, [`Huvudbok 2023-01-01 – 2024-12-31, utskriven ${PRINTED}`]);
  const grid = new Grid(ws, [
    date.col ?? fail('signedTable needs a date'),
    { key: 'Ver.nr', width: 11 },
    { key: 'Konto', width: 7 },
    { key: 'Kontonamn', width: 40 },
    { key: 'Projekt', head: projektHead, width: 15 },
    { key: 'Text', width: 50 },
    { key: 'Belopp', head, width: 16, fmt: AMOUNT },
  ]);
  const row = grid.header(4);
  out.rows(
    grid,
    row,
    out.books.all,
    (e) => ({ Datum: date.cell(e), 'Ver.nr': e.ver, Konto: e.account, Kontonamn: e.name, Projekt: e.projekt, Text: e.text, Belopp: amount(e) }),
    (g) => [{ year: date.year(g('Datum')), ib: g('Ver.nr') === 'IB', account: int(g('Konto')), amount: parse(g('Belopp')), projekt: code(g('Projekt')) }],
  );
}

const isoText = (b: Books): When => dated('Datum', 12, undefined, iso, textDate(/^(\d{4})-(\d\d)-(\d\d)$/, [1, 2, 3]), b);

/** 14: amounts as Swedish text, some with a trailing minus. */
function swedishTextAmounts(out: Out): Meta {
  const trailing = (e: Entry): boolean => e.account === 1930 && e.amount < 0;
  signedTable(out, LEDGER, isoText(out.books), (e) => svAmount(e.amount, trailing(e) ? { sep: NBSP, trailingMinus: true } : {}), (c) => svParse(c));
  return {
    system: 'Text export (Swedish amounts)',
    describes: 'Signed Belopp as Swedish text "1 492 767,00" / "-354 000,00"; credits on 1930 with a trailing minus "354 000,00-" and non-breaking spaces; dates as ISO text.',
    projekt: true,
    years: BOTH_YEARS,
  };
}

/** 15: "1930 Bank" in one cell, English headers, signed Amount. */
function accountWithName(out: Out): Meta {
  const ws = out.sheet('Transaktioner');
  const grid = new Grid(ws, [
    { key: 'Date', width: 12, fmt: DATE },
    { key: 'Voucher', width: 11 },
    { key: 'Account', width: 44 },
    { key: 'Project', width: 8 },
    { key: 'Description', width: 50 },
    { key: 'Amount', width: 14, fmt: AMOUNT },
  ]);
  const row = grid.header(1);
  out.rows(
    grid,
    row,
    out.books.all,
    (e) => ({ Date: e.date, Voucher: e.ver, Account: `${e.account} ${e.name}`, Project: e.projekt, Description: e.text, Amount: e.amount }),
    (g) => [{ year: dateOf(g('Date')).getUTCFullYear(), ib: g('Voucher') === 'IB', account: accountIn(g('Account')), amount: num(g('Amount')), projekt: code(g('Project')) }],
  );
  return {
    system: 'Export with account and name in one cell',
    describes: 'English headers Date, Voucher, Account, Project, Description, Amount; the account written as "1930 Bank" in one cell with no name column; signed Amount.',
    projekt: true,
    years: BOTH_YEARS,
  };
}

/** 16: the insats codes in a Kostnadsställe column, signed Belopp. */
function kostnadsstalle(out: Out): Meta {
  signedTable(out, LEDGER, realDate(out.books), (e) => e.amount, num, 'Belopp', 'Kostnadsställe');
  return {
    system: 'Export with Kostnadsställe',
    describes: 'Source-like columns with the insats codes headed Kostnadsställe (the only dimension) and a signed Belopp instead of Debet/Kredit.',
    projekt: true,
    years: BOTH_YEARS,
  };
}

// 17–26: the source layout with another date form.

function dateIsoText(out: Out): Meta {
  return dateForm(out, isoText(out.books), 'ISO text "2023-01-15"');
}

function dateYyyymmddNumber(out: Out): Meta {
  const encode = (d: Date): Cell => Number(iso(d).replace(/-/g, ''));
  const decode = (c: Cell): Date => {
    const n = int(c);
    return utc(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
  };
  return dateForm(out, dated('Datum', 10, '0', encode, decode, out.books), 'the number 20230115');
}

function dateYyyymmddText(out: Out): Meta {
  return dateForm(out, dated('Datum', 10, undefined, (d) => iso(d).replace(/-/g, ''), textDate(/^(\d{4})(\d\d)(\d\d)$/, [1, 2, 3]), out.books), 'text "20230115"');
}

function dateYymmdd(out: Out): Meta {
  return dateForm(out, dated('Datum', 10, undefined, (d) => iso(d).slice(2), textDate(/^(\d\d)-(\d\d)-(\d\d)$/, [1, 2, 3], 2000), out.books), 'text "23-01-15"');
}

function dateSlashes(out: Out): Meta {
  return dateForm(out, dated('Datum', 12, undefined, (d) => iso(d).replace(/-/g, '/'), textDate(/^(\d{4})\/(\d\d)\/(\d\d)$/, [1, 2, 3]), out.books), 'text "2023/01/15"');
}

function dateDotsShortYear(out: Out): Meta {
  const encode = (d: Date): Cell => `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${pad(d.getUTCFullYear() % 100)}`;
  return dateForm(out, dated('Datum', 10, undefined, encode, textDate(/^(\d\d)\.(\d\d)\.(\d\d)$/, [3, 2, 1], 2000), out.books), 'text "15.01.23"');
}

function dateDots(out: Out): Meta {
  const encode = (d: Date): Cell => `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
  return dateForm(out, dated('Datum', 12, undefined, encode, textDate(/^(\d\d)\.(\d\d)\.(\d{4})$/, [3, 2, 1]), out.books), 'text "15.01.2023"');
}

function dateMonthName(out: Out): Meta {
  const encode = (d: Date): Cell => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]!} ${d.getUTCFullYear()}`;
  return dateForm(out, dated('Datum', 12, undefined, encode, textDate(/^(\d{1,2}) ([a-z]{3}) (\d{4})$/, [3, 2, 1]), out.books), 'text "15 jan 2023" (Swedish month abbreviations)');
}

function dateSerial(out: Out): Meta {
  const epoch = Date.UTC(1899, 11, 30);
  const encode = (d: Date): Cell => (d.getTime() - epoch) / 86_400_000;
  const decode = (c: Cell): Date => new Date(epoch + int(c) * 86_400_000);
  return dateForm(out, dated('Datum', 10, undefined, encode, decode, out.books), 'Excel serial numbers without a date format (44941)');
}

function dateUs(out: Out): Meta {
  const encode = (d: Date): Cell => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
  return dateForm(out, dated('Datum', 12, undefined, encode, textDate(/^(\d\d)\/(\d\d)\/(\d{4})$/, [3, 1, 2]), out.books), 'US text "01/15/2023" (mm/dd/yyyy; days above 12 decide the order)');
}

// 27–29: no date column.

function periodOnly(out: Out): Meta {
  const when: When = {
    col: { key: 'Datum', head: 'Period', width: 8 },
    cell: (e) => e.year * 100 + (e.ib ? 0 : e.date.getUTCMonth() + 1),
    year: (c) => Math.floor(int(c) / 100),
  };
  sourceSheet(out, LEDGER, when, out.books.all);
  return { system: 'Huvudbok (period only)', describes: 'The source layout with a Period column YYYYMM as a number instead of Datum; IB rows in period 202300.', projekt: true, years: BOTH_YEARS };
}

function yearOnly(out: Out): Meta {
  sourceSheet(out, LEDGER, { col: { key: 'Datum', head: 'År', width: 6 }, cell: (e) => e.year, year: int }, out.books.all);
  return { system: 'Huvudbok (year only)', describes: 'The source layout with only an År column instead of Datum; IB rows År 2023.', projekt: true, years: BOTH_YEARS };
}

function oneYearNoYear(out: Out): Meta {
  const b = out.books;
  sourceSheet(out, LEDGER, { col: null, cell: () => null, year: () => fail('no year column') }, [...ibOf(b, 2024), ...txOf(b, 2024)], {
    titles: [COMPANY, `Huvudbok, utskriven ${PRINTED}`],
    fixedYear: 2024,
    ver: (e) => (e.ib ? 'IB' : verNo(e)),
  });
  return {
    system: 'Huvudbok (one year, no year)',
    describes: 'Only 2024: IB 2024 rows then the 2024 vouchers, with no date, period or year column and voucher numbers without year; the title says "utskriven 2025-02-14", which is not the year — the year is Inställningar’s Räkenskapsår 2024.',
    projekt: true,
    years: [2024],
  };
}

// 30–34: balance and result reports for 2024, no ledger.

function reportsLedgerSign(out: Out): Meta {
  reportPair(out, { mode: 'open', sign: 'ledger', heads: ['Ing balans', 'Period', 'Utg balans'] });
  return {
    system: 'Balans- och resultatrapport',
    describes: 'Balansrapport (Ing balans, Period, Utg balans) and Resultatrapport (Period, Ackumulerat, Föregående år) for 2024 in ledger sign; the year’s result is not booked, so the balance UB sums to +236 500 and a Beräknat resultat row shows −236 500.',
    projekt: false,
    years: [2024],
    kind: 'open',
  };
}

function reportsReportSign(out: Out): Meta {
  reportPair(out, { mode: 'open', sign: 'report', heads: ['Ing saldo', 'Period', 'Utg saldo'] });
  return {
    system: 'Balans- och resultatrapport',
    describes: 'The same pair in report sign: assets, eget kapital and skulder positive; intäkter positive and kostnader negative; headers Ing saldo / Utg saldo; result not booked.',
    projekt: false,
    years: [2024],
    kind: 'open',
  };
}

function reportsResultInEquity(out: Out): Meta {
  reportPair(out, { mode: 'booked', sign: 'ledger', heads: ['Ingående saldo', 'Period', 'Utgående saldo'] });
  return {
    system: 'Balans- och resultatrapport',
    describes: 'Ingående saldo, Period, Utgående saldo in ledger sign with the year’s result already booked to 2010 Eget kapital without any 89xx row: the balance UB sums to zero while the result report still shows the result.',
    projekt: false,
    years: [2024],
    kind: 'booked',
  };
}

function reportsClosingRow(out: Out): Meta {
  reportPair(out, { mode: 'closing', sign: 'ledger', heads: ['Ingående balans', 'Period', 'Utgående balans'] });
  return {
    system: 'Balans- och resultatrapport',
    describes: 'Result booked with a closing row 8999 Årets resultat in the Resultatrapport (debit 236 500; Föregående år −117 094) and 2099 Årets resultat in the Balansrapport; both reports sum to zero.',
    projekt: false,
    years: [2024],
    kind: 'closing',
  };
}

function reportsDecemberBudget(out: Out): Meta {
  reportPair(out, { mode: 'open', sign: 'ledger', heads: ['Ing balans', 'Period', 'Utg balans'], december: true });
  return {
    system: 'Balans- och resultatrapport',
    describes: 'Resultatrapport printed for December 2024: Period holds only December, Ackumulerat the whole year, plus a Budget column; the Balansrapport covers the whole year, ledger sign, result not booked.',
    projekt: false,
    years: [2024],
    kind: 'open',
  };
}

// 35–: more export quirks.

function amountsWithKr(out: Out): Meta {
  signedTable(out, LEDGER, realDate(out.books), (e) => `${svAmount(e.amount, { decimals: false })} kr`, (c) => svParse(c, ' kr'));
  return { system: 'Text export (kr suffix)', describes: 'Signed Belopp as text with a kr suffix and no decimals: "1 492 767 kr", "-354 000 kr".', projekt: true, years: BOTH_YEARS };
}

function csvAllText(out: Out): Meta {
  const ws = out.sheet('huvudbok_20250214');
  const grid = new Grid(ws, [
    { key: 'Datum', width: 11 },
    { key: 'Vernr', width: 10 },
    { key: 'Konto', width: 6 },
    { key: 'Kontonamn', width: 40 },
    { key: 'Projekt', width: 8 },
    { key: 'Text', width: 50 },
    { key: 'Belopp', width: 12 },
  ]);
  const row = grid.header(1, false);
  out.rows(
    grid,
    row,
    out.books.all,
    (e) => ({ Datum: iso(e.date), Vernr: e.ver, Konto: String(e.account), Kontonamn: e.name, Projekt: e.projekt === null ? null : String(e.projekt), Text: e.text, Belopp: e.amount.toFixed(2) }),
    (g) => {
      const amount = txt(g('Belopp'));
      assert(/^-?\d+\.\d\d$/.test(amount), `CSV amount ${amount}`);
      return [{ year: Number(txt(g('Datum')).slice(0, 4)), ib: g('Vernr') === 'IB', account: int(g('Konto')), amount: Number(amount), projekt: code(g('Projekt')) }];
    },
  );
  return {
    system: 'CSV opened in Excel',
    describes: 'Every cell text, as a CSV file opened in Excel gives it: sheet named after the file (huvudbok_20250214), ISO dates, account and projekt numbers as text, signed Belopp with a decimal point "-354000.00".',
    projekt: true,
    years: BOTH_YEARS,
  };
}

function negativeKredit(out: Out): Meta {
  const b = out.books;
  const ws = out.sheet(LEDGER);
  title(ws, 1, [COMPANY], true);
  title(ws, 2, [`Huvudbok 2023-01-01 – 2024-12-31, utskriven ${PRINTED}`]);
  const grid = new Grid(ws, [
    { key: 'Datum', width: 12, fmt: DATE },
    { key: 'Ver.nr', width: 11 },
    { key: 'Konto', width: 7 },
    { key: 'Kontonamn', width: 40 },
    { key: 'Projekt', width: 8 },
    { key: 'Text', width: 50 },
    { key: 'Debet', width: 14, fmt: AMOUNT },
    { key: 'Kredit', width: 14, fmt: AMOUNT },
  ]);
  const row = grid.header(4);
  out.rows(
    grid,
    row,
    b.all,
    (e) => ({ Datum: e.date, 'Ver.nr': e.ver, Konto: e.account, Kontonamn: e.name, Projekt: e.projekt, Text: e.text, Debet: debit(e.amount), Kredit: e.amount < 0 ? e.amount : null }),
    (g) => {
      const k = num(g('Kredit'));
      assert(k <= 0, 'a positive Kredit');
      return [{ year: dateOf(g('Datum')).getUTCFullYear(), ib: g('Ver.nr') === 'IB', account: int(g('Konto')), amount: num(g('Debet')) + k, projekt: code(g('Projekt')) }];
    },
  );
  return { system: 'Export with negative Kredit', describes: 'The source layout with credits written as negative numbers in the Kredit column (Debet 354 000 / Kredit −354 000).', projekt: true, years: BOTH_YEARS };
}

function offsetTable(out: Out): Meta {
  const ws = out.sheet('Rapport');
  ws.getColumn(1).width = 3;
  ws.mergeCells(1, 2, 1, 9);
  const head = ws.getCell(1, 2);
  head.value = `Huvudbok – ${COMPANY}`;
  head.font = { bold: true, size: 14 };
  head.alignment = { horizontal: 'center' };
  ws.getCell(2, 2).value = 'Period 2023-01-01 – 2024-12-31';
  ws.getCell(3, 2).value = `Utskrivet ${PRINTED_AT}`;
  const grid = new Grid(
    ws,
    [
      { key: 'Datum', width: 12, fmt: DATE },
      { key: 'Ver.nr', width: 11 },
      { key: 'Konto', width: 7 },
      { key: 'Kontonamn', width: 40 },
      { key: 'Projekt', width: 8 },
      { key: 'Text', width: 50 },
      { key: 'Debet', width: 14, fmt: AMOUNT },
      { key: 'Kredit', width: 14, fmt: AMOUNT },
    ],
    2,
  );
  const first = grid.header(6);
  ws.autoFilter = { from: { row: 6, column: 2 }, to: { row: 6, column: 9 } };
  const end = out.rows(
    grid,
    first,
    out.books.all,
    (e) => ({ Datum: e.date, 'Ver.nr': e.ver, Konto: e.account, Kontonamn: e.name, Projekt: e.projekt, Text: e.text, Debet: debit(e.amount), Kredit: credit(e.amount) }),
    (g) => [{ year: dateOf(g('Datum')).getUTCFullYear(), ib: g('Ver.nr') === 'IB', account: int(g('Konto')), amount: num(g('Debet')) - num(g('Kredit')), projekt: code(g('Projekt')) }],
  );
  const total = sum(out.books.all.map((e) => Math.max(e.amount, 0)));
  grid.put(end, { Text: 'Totalt' }, true);
  for (const key of ['Debet', 'Kredit']) {
    const col = grid.cols.get(key)!;
    const letter = ws.getColumn(col).letter;
    const cell = ws.getCell(end, col);
    cell.value = { formula: `SUBTOTAL(9,${letter}${first}:${letter}${end - 1})`, result: total };
    cell.numFmt = AMOUNT;
    cell.font = { bold: true };
  }
  return {
    system: 'Report with offset table',
    describes: 'Sheet Rapport: an empty column A, a merged centred title over B1:I1, the header in row 6 with an autofilter, the source columns from column B, and a Totalt row with SUBTOTAL formulas (cached results) under the data.',
    projekt: true,
    years: BOTH_YEARS,
  };
}

function groupedVouchers(out: Out): Meta {
  const ws = out.sheet('Verifikationslista');
  title(ws, 1, ['Verifikationslista'], true);
  title(ws, 2, [COMPANY]);
  title(ws, 3, ['Period 2023-01-01 – 2024-12-31']);
  const grid = new Grid(ws, [
    { key: 'Ver.nr', width: 11 },
    { key: 'Datum', width: 12, fmt: DATE },
    { key: 'Text', width: 50 },
    { key: 'Konto', width: 7 },
    { key: 'Benämning', width: 40 },
    { key: 'Projekt', width: 8 },
    { key: 'Debet', width: 14, fmt: AMOUNT },
    { key: 'Kredit', width: 14, fmt: AMOUNT },
  ]);
  let row = grid.header(5);
  const vouchers = new Map<string, Entry[]>();
  for (const e of out.books.all) vouchers.set(e.ver, [...(vouchers.get(e.ver) ?? []), e]);
  for (const [ver, entries] of vouchers) {
    const head = row;
    const e0 = entries[0]!;
    grid.put(row++, { 'Ver.nr': ver, Datum: e0.date, Text: e0.text }, true);
    for (const e of entries) {
      grid.put(row, { Text: e.text === e0.text ? null : e.text, Konto: e.account, Benämning: e.name, Projekt: e.projekt, Debet: debit(e.amount), Kredit: credit(e.amount) });
      out.mark(grid, row++, (g) => [{ year: dateOf(g('Datum', head)).getUTCFullYear(), ib: g('Ver.nr', head) === 'IB', account: int(g('Konto')), amount: num(g('Debet')) - num(g('Kredit')), projekt: code(g('Projekt')) }]);
    }
    row++;
  }
  return {
    system: 'Verifikationslista print',
    describes: 'Vouchers as blocks: a bold head row with Ver.nr, Datum and the voucher text, then its transaction rows with only Konto, Benämning, Projekt, Debet, Kredit (no date on them), a blank row between vouchers; IB as voucher IB.',
    projekt: true,
    years: BOTH_YEARS,
  };
}

function projektWithName(out: Out): Meta {
  const b = out.books;
  const named = (e: Entry): Cell => (e.projekt === null ? null : `${e.projekt} ${b.insatser.get(e.projekt)!}`);
  const ws = out.sheet(LEDGER);
  title(ws, 1, [COMPANY], true);
  title(ws, 2, [`Huvudbok 2023-01-01 – 2024-12-31, utskriven ${PRINTED}`]);
  const grid = new Grid(ws, [
    { key: 'Datum', width: 12, fmt: DATE },
    { key: 'Ver.nr', width: 11 },
    { key: 'Konto', width: 7 },
    { key: 'Kontonamn', width: 40 },
    { key: 'Projekt', width: 48 },
    { key: 'Text', width: 50 },
    { key: 'Debet', width: 14, fmt: AMOUNT },
    { key: 'Kredit', width: 14, fmt: AMOUNT },
  ]);
  const row = grid.header(4);
  out.rows(
    grid,
    row,
    b.all,
    (e) => ({ Datum: e.date, 'Ver.nr': e.ver, Konto: e.account, Kontonamn: e.name, Projekt: named(e), Text: e.text, Debet: debit(e.amount), Kredit: credit(e.amount) }),
    (g) => {
      const p = code(g('Projekt'));
      const m = p === null ? null : (/^(\d+) \S/.exec(p) ?? fail(`Projekt ${p}`));
      return [{ year: dateOf(g('Datum')).getUTCFullYear(), ib: g('Ver.nr') === 'IB', account: int(g('Konto')), amount: num(g('Debet')) - num(g('Kredit')), projekt: m ? m[1]! : null }];
    },
  );
  return { system: 'Export with projekt names', describes: 'The source layout with the Projekt cell holding code and name together, "100 SamCoach", "910 Kansli".', projekt: true, years: BOTH_YEARS };
}

function headersThatSayNothing(out: Out): Meta {
  const ws = out.sheet('Export');
  const grid = new Grid(ws, [
    { key: 'Datum', head: 'Datum', width: 12, fmt: DATE },
    { key: 'Ver', head: 'Ver', width: 11 },
    { key: 'Konto', head: '', width: 7 },
    { key: 'Dim', head: '', width: 6 },
    { key: 'Text', head: 'Text', width: 50 },
    { key: 'Belopp', head: 'Värde', width: 14, fmt: AMOUNT },
  ]);
  const row = grid.header(1);
  out.rows(
    grid,
    row,
    out.books.all,
    (e) => ({ Datum: e.date, Ver: e.ver, Konto: e.account, Dim: e.projekt, Text: e.text, Belopp: e.amount }),
    (g) => [{ year: dateOf(g('Datum')).getUTCFullYear(), ib: g('Ver') === 'IB', account: int(g('Konto')), amount: num(g('Belopp')), projekt: code(g('Dim')) }],
  );
  return {
    system: 'Export whose headers say nothing',
    describes: 'The account and projekt columns have no header and the signed amount is headed Värde: the columns are placed by their content (account numbers, the Insatser codes, amounts).',
    projekt: true,
    years: BOTH_YEARS,
  };
}

const LAYOUTS: readonly (readonly [string, LayoutFn])[] = [
  ['01-fortnox-verifikationslista', fortnoxVerifikationslista],
  ['02-visma-verifikationslista', vismaVerifikationslista],
  ['03-huvudbok-print-per-ar', huvudbokPrintPerYear],
  ['04-huvudbok-print-ett-blad', huvudbokPrintOneSheet],
  ['05-kontoanalys', kontoanalys],
  ['06-agresso-kodstrang', agresso],
  ['07-raindance', raindance],
  ['08-ar-period-kst', periodKst],
  ['09-sie-tabell', sieTable],
  ['10-blad-per-ar', sheetPerYear],
  ['11-lopande-saldo', runningSaldo],
  ['12-tvaradig-rubrik', twoLineHeader],
  ['13-okanda-rubriker', unknownHeaders],
  ['14-belopp-som-text', swedishTextAmounts],
  ['15-konto-med-namn', accountWithName],
  ['16-kostnadsstalle', kostnadsstalle],
  ['17-datum-iso-text', dateIsoText],
  ['18-datum-yyyymmdd-tal', dateYyyymmddNumber],
  ['19-datum-yyyymmdd-text', dateYyyymmddText],
  ['20-datum-yy-mm-dd', dateYymmdd],
  ['21-datum-snedstreck', dateSlashes],
  ['22-datum-punkt-kort-ar', dateDotsShortYear],
  ['23-datum-punkt', dateDots],
  ['24-datum-manadsnamn', dateMonthName],
  ['25-datum-serienummer', dateSerial],
  ['26-datum-us', dateUs],
  ['27-endast-period', periodOnly],
  ['28-endast-ar', yearOnly],
  ['29-ett-ar-utan-ar', oneYearNoYear],
  ['30-rapporter-bokforingstecken', reportsLedgerSign],
  ['31-rapporter-rapporttecken', reportsReportSign],
  ['32-rapporter-resultat-i-eget-kapital', reportsResultInEquity],
  ['33-rapporter-8999', reportsClosingRow],
  ['34-rapporter-december-budget', reportsDecemberBudget],
  ['35-belopp-med-kr', amountsWithKr],
  ['36-csv-text', csvAllText],
  ['37-negativ-kredit', negativeKredit],
  ['38-forskjuten-tabell', offsetTable],
  ['39-verifikationer-grupperade', groupedVouchers],
  ['40-projekt-med-namn', projektWithName],
  ['41-rubriker-som-inget-sager', headersThatSayNothing],
];

// ---------------------------------------------------------------------------------------------
// Checks on what was written

/** Compares two sums-by-key, missing keys counting as zero. */
function sameSums(label: string, got: Map<string, number>, want: Map<string, number>): void {
  for (const key of new Set([...got.keys(), ...want.keys()])) {
    const [g, w] = [got.get(key) ?? 0, want.get(key) ?? 0];
    assert(g === w, `${label} ${key}: ${g}, expected ${w}`);
  }
}

function byKey(rows: readonly { key: string; amount: number }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) add(m, r.key, r.amount);
  return m;
}

/** UB at the end of 2024 from the latest IB and the movements since, and the equity it implies. */
function equityCheck(name: string, booked: readonly Booked[], resultOpen: boolean): void {
  const ibYears = booked.filter((x) => x.ib).map((x) => x.year);
  const last = Math.max(...ibYears);
  const ub = new Map<number, number>();
  for (const x of booked) if (!isResult(x.account) && x.year >= last && (x.ib ? x.year === last : true)) add(ub, x.account, x.amount);
  const net = sum([...ub].filter(([a]) => !isEquity(a)).map(([, v]) => v));
  const open = resultOpen ? -sum(booked.filter((x) => !x.ib && x.year >= last && isResult(x.account) && !isClosing(x.account)).map((x) => x.amount)) : 0;
  const equity = -sum([...ub].filter(([a]) => isEquity(a)).map(([, v]) => v)) + open;
  assert(net === FACTS.equity2024, `${name}: net assets end of 2024 ${net}`);
  assert(equity === FACTS.equity2024, `${name}: eget kapital end of 2024 ${equity}`);
  if (last === 2024) {
    const ib2010 = sum(booked.filter((x) => x.ib && x.year === 2024 && x.account === 2010).map((x) => x.amount));
    assert(ib2010 === FACTS.ib2024Equity, `${name}: IB 2024 of 2010 ${ib2010}`);
  }
}

function checkLedger(name: string, meta: Meta, booked: readonly Booked[], b: Books): void {
  const years = meta.years;
  for (const x of booked) assert(years.includes(x.year), `${name}: a row of ${x.year}`);
  const ibYears = [...new Set(booked.filter((x) => x.ib).map((x) => x.year))].sort();
  assert(ibYears.includes(years[0]!), `${name}: no IB for ${years[0]}`);
  for (const y of years) assert(sum(booked.filter((x) => !x.ib && x.year === y).map((x) => x.amount)) === 0, `${name}: ${y} movements do not sum to zero`);
  for (const y of ibYears) assert(sum(booked.filter((x) => x.ib && x.year === y).map((x) => x.amount)) === 0, `${name}: IB ${y} does not sum to zero`);

  const keyOf = (x: { year: number; ib: boolean; account: number }): string => `${x.year} ${x.ib ? 'IB' : 'rörelse'} ${x.account}`;
  const want = [...years.flatMap((y) => txOf(b, y)), ...ibYears.flatMap((y) => ibOf(b, y))];
  sameSums(name, byKey(booked.map((x) => ({ key: keyOf(x), amount: x.amount }))), byKey(want.map((e) => ({ key: keyOf(e), amount: e.amount }))));

  for (const y of years) {
    const result = -sum(booked.filter((x) => !x.ib && x.year === y && isResult(x.account)).map((x) => x.amount));
    assert(result === FACTS.result.get(y), `${name}: årets resultat ${y} ${result}`);
  }
  equityCheck(name, booked, true);

  const projekt = (rows: readonly { year: number; ib: boolean; account: number; amount: number; projekt: string | null }[]): Map<string, number> =>
    byKey(rows.filter((x) => !x.ib && isResult(x.account) && x.projekt !== null).map((x) => ({ key: `${x.year} projekt ${x.projekt}`, amount: x.amount })));
  if (meta.projekt) {
    const wanted = years.flatMap((y) => txOf(b, y)).map((e) => ({ ...e, projekt: e.projekt === null ? null : String(e.projekt) }));
    sameSums(name, projekt(booked), projekt(wanted));
  } else {
    assert(booked.every((x) => x.projekt === null), `${name}: projekt read where the layout has none`);
  }
}

function checkReports(name: string, meta: Meta, booked: readonly Booked[], b: Books): void {
  const kind = meta.kind!;
  assert(JSON.stringify(meta.years) === '[2024]', `${name}: report pairs carry 2024`);
  const ib = booked.filter((x) => x.ib);
  assert(ib.every((x) => x.year === 2024) && sum(ib.map((x) => x.amount)) === 0, `${name}: IB 2024 does not sum to zero`);
  const keyed = (rows: readonly { account: number; amount: number }[]): Map<string, number> => byKey(rows.map((x) => ({ key: String(x.account), amount: x.amount })));
  sameSums(`${name} IB`, keyed(ib), keyed(ibOf(b, 2024)));

  for (const y of BOTH_YEARS) {
    const got = booked.filter((x) => !x.ib && x.year === y && isResult(x.account) && !isClosing(x.account));
    sameSums(`${name} resultat ${y}`, keyed(got), keyed(txOf(b, y).filter((e) => isResult(e.account))));
    assert(-sum(got.map((x) => x.amount)) === FACTS.result.get(y), `${name}: årets resultat ${y}`);
    const closing = sum(booked.filter((x) => x.year === y && isClosing(x.account)).map((x) => x.amount));
    assert(closing === (kind === 'closing' ? FACTS.result.get(y)! : 0), `${name}: 89xx ${y} ${closing}`);
  }
  const result = FACTS.result.get(2024)!;
  const change = booked.filter((x) => !x.ib && x.year === 2024 && !isResult(x.account));
  const want = txOf(b, 2024).filter((e) => !isResult(e.account)).map((e) => ({ account: e.account, amount: e.amount }));
  if (kind === 'booked') want.push({ account: 2010, amount: -result });
  if (kind === 'closing') want.push({ account: 2099, amount: -result });
  sameSums(`${name} balans`, keyed(change), keyed(want));
  const ubSum = sum([...ib, ...change].map((x) => x.amount));
  assert(ubSum === (kind === 'open' ? result : 0), `${name}: balance UB sums to ${ubSum}`);
  equityCheck(name, booked, kind === 'open');
  assert(!meta.projekt && booked.every((x) => x.projekt === null), `${name}: reports carry no projekt`);
}

function plain(v: ExcelJS.CellValue, where: string): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  return fail(`${where}: unexpected cell ${JSON.stringify(v)}`);
}

/** The other sheets' values, row by row, for comparing with the source. */
function sheetValues(ws: ExcelJS.Worksheet): string {
  const rows: string[] = [];
  ws.eachRow((row, n) => rows.push(`${n}:${JSON.stringify(row.values)}`));
  return rows.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Writing the files


interface Listed {
  readonly file: string;
  readonly system: string;
  readonly describes: string;
  readonly projekt: boolean;
  readonly years: readonly number[];
  readonly ledgerSheets: readonly string[];
}

async function layoutWrite(stem: string, fn: LayoutFn, books: Books, source: ExcelJS.Workbook): Promise<Listed> {
  const file = `${stem}.xlsx`;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SOURCE);
  wb.removeWorksheet(wb.getWorksheet(LEDGER)!.id);
  const out = new Out(wb, books);
  const meta = fn(out);
  assert(out.sheets.length > 0 && out.marks.length > 0, `${file}: nothing written`);
  // The layout's sheets first, where the Huvudbok stood, then the others in their order.
  const others = wb.worksheets.filter((ws) => !out.sheets.includes(ws));
  [...out.sheets, ...others].forEach((ws, i) => {
    (ws as unknown as { orderNo: number }).orderNo = i;
  });
  wb.created = STAMP;
  wb.modified = STAMP;
  const target = path.join(DIR, file);
  fs.writeFileSync(target, zipStamp(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), STAMP));

  // Read the file back: the other sheets unchanged, the layout's rows adding up to the books.
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(target);
  const ledgerSheets = out.sheets.map((ws) => ws.name);
  const kept = source.worksheets.filter((ws) => ws.name !== LEDGER);
  assert(JSON.stringify(back.worksheets.map((ws) => ws.name)) === JSON.stringify([...ledgerSheets, ...kept.map((ws) => ws.name)]), `${file}: sheet order`);
  for (const ws of kept) assert(sheetValues(back.getWorksheet(ws.name)!) === sheetValues(ws), `${file}: sheet ${ws.name} changed`);
  const booked = out.marks.flatMap((m) => {
    const ws = back.getWorksheet(m.sheet)!;
    const g: Getter = (key, row = m.row) => plain(ws.getCell(row, m.cols.get(key) ?? fail(`no column ${key}`)).value, `${file} ${m.sheet}!${row}`);
    try {
      return m.decode(g);
    } catch (e) {
      throw new Error(`${file} ${m.sheet}!${m.row}: ${(e as Error).message}`);
    }
  });
  if ((meta.kind ?? 'ledger') === 'ledger') checkLedger(file, meta, booked, books);
  else checkReports(file, meta, booked, books);
  return { file, system: meta.system, describes: meta.describes, projekt: meta.projekt, years: meta.years, ledgerSheets };
}

function readme(entries: readonly Listed[]): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|');
  const lines = [
    '# Export layouts of the example books',
    '',
    'Each `.xlsx` here holds the books of `examples/solleftea-2024.xlsx` (its sheet `Huvudbok`, 2023 and 2024)',
    'in the layout of another accounting system’s export: verifikationslistor, huvudbok prints, exports with',
    'dimension codes, other date forms, ledgers without a date, and balance/result report pairs. The example’s',
    'other sheets (Budget, Inställningar, Insatser, Mål, Insatsstatistik) are copied unchanged after the',
    'layout’s own sheets, so every file should give the same reports: årets resultat 2024 = 236 500 kr,',
    '2023 = −117 094 kr, eget kapital at the end of 2024 = 820 526 kr. Where a layout states an IB for 2024 it',
    'is UB 2023 with the 2023 result carried into 2010 Eget kapital (credit 584 026); result accounts have no IB.',
    '',
    '`layouts.json` lists the files: `system`, `describes`, `projekt` (whether the layout carries the insats',
    'dimension, so a driftredovisning per insats must come out), `years` (the years whose RR/BR figures it',
    'carries) and `ledgerSheets` (the sheets holding the books).',
    '',
    'The files, layouts.json and this README are generated; rebuild them with',
    '',
    '```',
    'node -r ts-node/register/transpile-only scripts/make-layouts.ts',
    '```',
    '',
    'The script reads every file back and throws unless its rows add up: each year’s movements and each IB sum',
    'to zero, per-account sums, results, eget kapital and per-insats sums equal the example’s. The output is',
    'byte-for-byte the same on every run (fixed print stamps 2025-02-14 and zip times).',
    '',
    '| File | System | Sheets | Projekt | Years | Layout |',
    '| --- | --- | --- | --- | --- | --- |',
    ...entries.map((e) => `| ${e.file} | ${cell(e.system)} | ${e.ledgerSheets.join(', ')} | ${e.projekt ? 'yes' : 'no'} | ${e.years.join(', ')} | ${cell(e.describes)} |`),
    '',
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(SOURCE);
  const books = booksRead(source);
  fs.mkdirSync(DIR, { recursive: true });
  const stems = new Set(LAYOUTS.map(([stem]) => stem));
  assert(stems.size === LAYOUTS.length, 'two layouts with one name');
  for (const f of fs.readdirSync(DIR)) if (/^\d\d-.*\.xlsx$/.test(f) && !stems.has(f.slice(0, -5))) fs.unlinkSync(path.join(DIR, f));
  const entries: Listed[] = [];
  for (const [stem, fn] of LAYOUTS) {
    entries.push(await layoutWrite(stem, fn, books, source));
    process.stdout.write(`${stem}.xlsx\n`);
  }
  fs.writeFileSync(path.join(DIR, 'layouts.json'), `${JSON.stringify(entries, null, 2)}\n`);
  fs.writeFileSync(path.join(DIR, 'README.md'), readme(entries));
  process.stdout.write(`${entries.length} layouts in ${path.relative(ROOT, DIR)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
