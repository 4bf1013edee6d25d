// Huvudbok reader for the layouts accounting systems export: verifikationslistor, flat
// general-ledger exports with several dimension columns, per-account prints whose account
// stands only on the block's first row. Columns come from the layout step (header words,
// then content, then the user's choice); IB rows are opening balances; UB, omslutning and
// summa rows are checks (ledgerSummaryRows.ts); the year comes from the date, else a
// Period/År column, a period in a heading, the sheet's name, or Inställningar — never from
// a print date. Every row keeps its cell.
import { cellRef, type CellRef, columnLetters } from '../core/cellref';
import { type Finding, finding } from '../core/findings';
import { type Ledger, type LedgerRow } from '../core/ledger';
import { type CellValue, type SheetSnapshot } from '../workbook/port';
import { amountFinding } from './amountFinding';
import { cellIsEmpty, cellIsError, cellText, foldKey } from './cells';
import { dateColumnRead, periodYearInText } from './dates';
import { FindingList } from './findingLimit';
import { type ColumnChoice, type ColumnRole, type HeaderMatch, headerColumn, headerFind } from './header';
import { headerWithCodeColumns, insatsDimensionChoose } from './insatsDimension';
import { LedgerSummaryChecks, rowShape, summaryKindOf } from './ledgerSummaryRows';
import { type AmountParse, parseAmount } from './numbers';
import { sheetUncalculatedFinding } from './amountFinding';

const DIMENSION_WORDS = [
  'projekt', 'projektnr', 'projektnummer', 'projektkod', 'projnr', 'proj', 'project', 'delprojekt',
  'ks', 'kst', 'kostnadsställe', 'kostnadsst', 'costcenter', 'resultatenhet', 'kostnadsbärare', 'kb',
  'ansvar', 'ansvarskod', 'ansvarsområde', 'verksamhet', 'vht', 'verksamhetskod',
  'aktivitet', 'aktivitetskod', 'akt', 'objekt', 'objektkod', 'obj', 'motpart', 'dim', 'dimension', 'insats', 'insatskod',
];

export const LEDGER_ROLES: readonly ColumnRole[] = [
  { role: 'Registreringsdatum', names: ['registreringsdatum', 'regdatum', 'registrerad', 'skapad', 'inmatningsdatum'], words: ['registreringsdatum', 'regdatum'] },
  { role: 'Kontonamn', names: ['kontonamn', 'benämning', 'kontobenämning', 'kontotext', 'namn', 'kontot', 'accountname', 'kontonamnet'], words: ['kontonamn', 'kontotext', 'benämning', 'kontobenämning'], test: (f) => /^(konto|account|kto)(namn|name|text|t|benämning)$/.test(f) },
  { role: 'Debet', names: ['debet', 'debit'], words: ['debet', 'debit'], unique: true },
  { role: 'Kredit', names: ['kredit', 'credit'], words: ['kredit', 'credit'], unique: true },
  { role: 'Saldo', names: ['saldo', 'balance', 'löpandesaldo', 'ackumuleratsaldo'], words: ['saldo', 'balance'], unique: true },
  { role: 'Datum', names: ['datum', 'bokföringsdatum', 'bokfdatum', 'verifikationsdatum', 'transaktionsdatum', 'verdatum', 'date'], words: ['datum', 'date', 'bokföringsdatum', 'verifikationsdatum', 'transaktionsdatum', 'bokfdatum', 'verdatum', 'bokföringsdag'], content: 'datum' },
  { role: 'Period', names: ['period', 'bokföringsperiod', 'per', 'redovisningsperiod', 'månad'], words: ['period'], unique: true },
  { role: 'År', names: ['år', 'year', 'räkenskapsår', 'bokföringsår', 'redovisningsår', 'fiscalyear'], unique: true },
  { role: 'Konto', names: ['konto', 'kontonr', 'kontonummer', 'account', 'kto', 'accountno', 'accountnumber'], words: ['konto', 'kontonr', 'kontonummer', 'account', 'kto'], unique: true, content: 'konto' },
  { role: 'Ver.nr', names: ['vernr', 'ver', 'verifikation', 'verifikationsnummer', 'vernummer', 'verifikationsnr', 'vnr', 'verifikat'], words: ['vernr', 'ver', 'verifikation', 'verifikationsnummer', 'verifikationsnr', 'vernummer', 'vnr', 'verifikat', 'bilagsnr', 'bilaga', 'bilagenr', 'bilagsnummer', 'voucher', 'verification', 'löpnr'] },
  { role: 'Dimension', names: [], words: DIMENSION_WORDS, test: (f) => /^(dim|dimension)\d*$/.test(f) },
  { role: 'Text', names: ['text', 'verifikationstext', 'beskrivning', 'transaktionstext', 'radtext'], words: ['text', 'verifikationstext', 'beskrivning', 'transaktionstext', 'radtext', 'transaktionsinfo', 'specifikation', 'description', 'info', 'kommentar', 'fritext', 'vertext', 'händelse'] },
  { role: 'Belopp', names: ['belopp', 'summa', 'beloppkr', 'beloppsek', 'sek', 'kronor', 'belopp(kr)'], words: ['belopp', 'amount', 'sek', 'kronor', 'beloppkr'], unique: true, content: 'belopp', contentUnless: ['Debet', 'Kredit'] },
  { role: 'Typ', names: ['typ', 'radtyp', 'transaktionstyp', 'type'] },
  // Only by the user's word: the dimension that holds the insatser.
  { role: 'Projekt', names: [] },
];

/** A sheet whose columns make a ledger: an account and a signed amount or debet and kredit. */
export function ledgerHeaderAccept(m: HeaderMatch): boolean {
  return m.columns.has('Konto') && (m.columns.has('Belopp') || (m.columns.has('Debet') && m.columns.has('Kredit')));
}

export interface LedgerReadOptions {
  /** The year to use when nothing in the sheet tells it (Inställningar's räkenskapsår). */
  readonly fallbackYear?: number;
  /** The Insatser sheet's projekt codes: they tell which dimension column holds the insatser. */
  readonly insatsCodes?: ReadonlySet<string>;
  /** Inställningar's Insatsdimension. */
  readonly insatsDimension?: { readonly column: string; readonly cell: CellRef };
  /** The user's word on columns (Inställningar's "Kolumn …" rows, the task pane). */
  readonly choices?: readonly ColumnChoice[];
  /**
   * The caller gives the sheet's cells over: each row is let go once it is read, so that a
   * huvudbok of a million rows is not held as cells and as ledger rows at once. The sheet reads
   * as empty afterwards.
   */
  readonly releaseRows?: boolean;
}

const RELEASED_ROW: readonly CellValue[] = Object.freeze([]);

export interface LedgerRead {
  readonly ledger: Ledger | undefined;
  readonly findings: readonly Finding[];
  /** The columns as the reader took them, for the task pane. */
  readonly header?: HeaderMatch;
}

/** The account number in a cell: 1930, "1930", "1930 Bank". */
export function accountFromCell(v: CellValue): string | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v);
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d{2,8})(?:\s|$|[^\d])/.exec(v);
  return m?.[1];
}

const ibLabelsSeen = new Map<string, boolean>();

function isIbLabel(label: string): boolean {
  let ib = ibLabelsSeen.get(label);
  if (ib === undefined) {
    ib = ibLabelRead(label);
    if (ibLabelsSeen.size >= 4096) ibLabelsSeen.clear();
    ibLabelsSeen.set(label, ib);
  }
  return ib;
}

function ibLabelRead(label: string): boolean {
  return /^(ingående|ing\.?) ?(balans|saldo)|^ib\b|^opening balance/.test(label.trim().toLowerCase());
}

function isIbVoucher(voucher: string, typ: string): boolean {
  // Most vouchers hold no i at all, and most rows no type.
  if (typ === '' && voucher.indexOf('i') < 0 && voucher.indexOf('I') < 0) return false;
  const v = foldKey(voucher);
  const ty = foldKey(typ);
  return /^ib\d*$/.test(v) || ty === 'ib' || ty === 'ingåendebalans';
}

/** Period YYYYMM (YYYY00 the opening balance) or 1–12 (0 the opening balance) with the year beside it. */
function periodOf(v: CellValue, yearCell: CellValue): { year: number | undefined; opening: boolean } | undefined {
  const text = cellText(v);
  if (!/^\d{1,6}$/.test(text)) return undefined;
  const n = Number(text);
  if (n >= 190000 && n <= 220013) return { year: Math.floor(n / 100), opening: n % 100 === 0 };
  if (n >= 0 && n <= 13) return { year: yearOf(yearCell), opening: n === 0 };
  return undefined;
}

function yearOf(v: CellValue): number | undefined {
  const text = cellText(v);
  return /^\d{4}$/.test(text) ? Number(text) : undefined;
}

const get = (row: readonly CellValue[], c: number | undefined): CellValue => (c === undefined ? null : row[c - 1] ?? null);

/** The account, amount and label columns a ledger row is read by. */
interface Columns {
  readonly konto: number;
  readonly namn: number | undefined;
  readonly datum: number | undefined;
  readonly period: number | undefined;
  readonly ar: number | undefined;
  readonly ver: number | undefined;
  readonly texts: readonly number[];
  readonly belopp: number | undefined;
  readonly debet: number | undefined;
  readonly kredit: number | undefined;
  readonly saldo: number | undefined;
  readonly typ: number | undefined;
}

function columnsOf(header: HeaderMatch): Columns {
  const col = (role: string) => headerColumn(header, role);
  const useBelopp = col('Belopp') !== undefined && !(col('Debet') !== undefined && col('Kredit') !== undefined);
  return {
    konto: col('Konto') as number,
    namn: col('Kontonamn'),
    datum: col('Datum'),
    period: col('Period'),
    ar: col('År'),
    ver: col('Ver.nr'),
    texts: header.columns.get('Text') ?? [],
    belopp: useBelopp ? col('Belopp') : undefined,
    debet: useBelopp ? undefined : col('Debet'),
    kredit: useBelopp ? undefined : col('Kredit'),
    saldo: col('Saldo'),
    typ: col('Typ'),
  };
}

/**
 * The row's label texts: those outside the name, date, dimension and amount columns
 * ("Ingående balans", "Summa"). The name column is the account's name on an account's row,
 * and free for a label on others.
 */
function labelReader(header: HeaderMatch, cols: Columns): (row: readonly CellValue[]) => string[] {
  const skipped = (named: boolean) => {
    const skip = new Set([named ? cols.namn : undefined, cols.datum, cols.period, cols.ar, cols.debet, cols.kredit, cols.belopp, cols.saldo, ...(header.columns.get('Dimension') ?? []), ...(header.columns.get('Projekt') ?? [])]);
    const width = Math.max(0, ...[...skip].filter((c): c is number => c !== undefined));
    return Array.from({ length: width + 1 }, (_, c) => skip.has(c));
  };
  const skipNamed = skipped(true);
  const skipOther = skipped(false);
  return (row) => {
    const skip = accountFromCell(get(row, cols.konto)) !== undefined ? skipNamed : skipOther;
    const parts: string[] = [];
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (typeof v !== 'string' || skip[i + 1] === true) continue;
      const t = cellText(v);
      if (t === '') continue;
      if (i + 1 === cols.konto && accountFromCell(v) !== undefined) continue;
      parts.push(t);
    }
    return parts;
  };
}

/** The summary kind any of the label's texts names. */
function labelKind(parts: readonly string[]): ReturnType<typeof summaryKindOf> {
  for (const p of parts) {
    const kind = summaryKindOf(p);
    if (kind) return kind;
  }
  return undefined;
}

type Amounts = { ok: true; ore: number; debet: number | undefined; kredit: number | undefined; any: boolean; col: number } | { ok: false };

/** A Kredit column with negative amounts and no positive one holds signed credits. */
function kreditColumnIsSigned(cells: SheetSnapshot['cells'], headerRow: number, col: number): boolean {
  let negative = 0;
  for (let r = headerRow + 1; r <= cells.length; r++) {
    const p = parseAmount(cells[r - 1]?.[col - 1] ?? null);
    if (!p.ok || p.ore === 0) continue;
    if (p.ore > 0) return false;
    negative++;
  }
  return negative > 0;
}

function amountsOf(sheet: string, r: number, row: readonly CellValue[], cols: Columns, findings: FindingList, kreditNegative: boolean): Amounts {
  const bad = (c: number, p: Extract<AmountParse, { ok: false }>) => {
    findings.add(amountFinding(sheet, r, c, p));
    return { ok: false } as const;
  };
  if (cols.belopp !== undefined) {
    const v = get(row, cols.belopp);
    const p = parseAmount(v);
    if (!p.ok) return bad(cols.belopp, p);
    return { ok: true, ore: p.ore, debet: undefined, kredit: undefined, any: !cellIsEmpty(v), col: cols.belopp };
  }
  const dv = get(row, cols.debet);
  const kv = get(row, cols.kredit);
  const d = parseAmount(dv);
  const k = parseAmount(kv);
  if (!d.ok) return bad(cols.debet as number, d);
  if (!k.ok) return bad(cols.kredit as number, k);
  const col = d.ore === 0 && k.ore !== 0 ? (cols.kredit as number) : (cols.debet as number);
  const kredit = kreditNegative ? -k.ore : k.ore;
  return { ok: true, ore: d.ore - kredit, debet: d.ore, kredit, any: !cellIsEmpty(dv) || !cellIsEmpty(kv), col };
}

/** The year the sheet's name gives ("Huvudbok 2024"). */
function sheetNameYear(name: string): number | undefined {
  return periodYearInText(name);
}

/** More rows with amounts lack an account than carry one: a print with the account on each block's first row. */
function sheetIsBlockPrint(cells: SheetSnapshot['cells'], header: HeaderMatch, cols: Columns, labelOf: (row: readonly CellValue[]) => string[]): boolean {
  let withAccount = 0;
  let without = 0;
  for (let r = header.row + 1; r <= cells.length; r++) {
    const row = cells[r - 1] ?? [];
    const hasAmount = [cols.belopp, cols.debet, cols.kredit].some((c) => c !== undefined && !cellIsEmpty(get(row, c)));
    if (!hasAmount || labelKind(labelOf(row)) !== undefined) continue;
    if (accountFromCell(get(row, cols.konto)) !== undefined) withAccount++;
    else if (cellIsEmpty(get(row, cols.konto))) without++;
  }
  return without > withAccount;
}

export function ledgerRead(snapshot: SheetSnapshot, options: LedgerReadOptions = {}): LedgerRead {
  const uncalculated = sheetUncalculatedFinding(snapshot);
  if (uncalculated) return { ledger: undefined, findings: [uncalculated] };
  const sheet = snapshot.name;
  const cells = snapshot.cells;
  const found = headerFind(sheet, cells, LEDGER_ROLES, ledgerHeaderAccept, 'Konto och Belopp (eller Debet och Kredit)', { choices: options.choices });
  const findings = new FindingList();
  findings.addAll(found.findings);
  if (!found.header || found.findings.some((f) => f.severity === 'blockerande')) return { ledger: undefined, findings: findings.done(), header: found.header };
  const header = headerWithCodeColumns(cells, found.header, options.insatsCodes ?? new Set());
  const cols = columnsOf(header);
  // A column placed by its content, not its header, is a guess the revisor should see.
  const guessed = [...header.columns].flatMap(([role, list]) => list.filter((c) => header.sources.get(c) === 'innehåll').map((c) => ({ role, c })));
  if (guessed.length > 0) {
    findings.add(finding('antagande', `Bladet ${sheet}: ${guessed.map((g) => `kolumn ${columnLetters(g.c)}${header.texts.get(g.c) ? ` ("${header.texts.get(g.c)}")` : ''} har lästs som ${g.role}`).join(', ')}, efter innehållet eftersom rubriken inte säger det. Stämmer det inte, ange kolumnen i bladet Inställningar ("Kolumn …") eller i aktivitetsfönstret.`, guessed.map((g) => cellRef(sheet, header.row, g.c))));
  }
  // An amount in merged cells is read once, from its top-left cell: said at the range.
  const amountCols = new Set([cols.belopp, cols.debet, cols.kredit, cols.saldo].filter((c) => c !== undefined));
  for (const m of snapshot.merges ?? []) {
    if (m.rows * m.cols < 2 || m.row <= header.row || !amountCols.has(m.col)) continue;
    findings.add(finding('cell-sammanfogad', `Beloppet står i sammanfogade celler; det har lästs en gång, från den övre vänstra cellen. Dela upp cellerna om beloppet gäller flera rader.`, [cellRef(sheet, m.row, m.col), cellRef(sheet, m.row + m.rows - 1, m.col + m.cols - 1)]));
  }

  // Which dimension holds the insatser.
  const dimension = insatsDimensionChoose({
    sheet,
    cells,
    header,
    candidates: header.columns.get('Dimension') ?? [],
    chosen: headerColumn(header, 'Projekt'),
    said: options.insatsDimension,
    codes: options.insatsCodes ?? new Set(),
  });
  findings.addAll(dimension.findings);
  if (dimension.findings.some((f) => f.severity === 'blockerande')) return { ledger: undefined, findings: findings.done(), header };

  // Years from headings: a period in the title rows or a section heading, the sheet's name.
  let sectionYear: number | undefined;
  const headingYears: number[] = [];
  for (let r = 1; r < header.firstRow; r++) {
    for (const v of cells[r - 1] ?? []) {
      const y = typeof v === 'string' ? periodYearInText(v) : undefined;
      if (y !== undefined) headingYears.push(y);
      if (y !== undefined && sectionYear === undefined) sectionYear = y;
    }
  }
  const nameYear = sheetNameYear(sheet);

  // How the date column is written, decided once for the column.
  const hints = [...headingYears, ...(nameYear !== undefined ? [nameYear] : []), ...(options.fallbackYear !== undefined ? [options.fallbackYear] : [])];
  const dates = cols.datum !== undefined ? dateColumnRead(cells.slice(header.row).map((row) => get(row, cols.datum)), hints) : undefined;
  if (dates?.ambiguousYear) {
    findings.add(finding('datum-tvetydigt', `Datumen i bladet ${sheet} (till exempel "${dates.ambiguousYear.example}") kan läsas så att de hamnar på olika år. Skriv dem som ÅÅÅÅ-MM-DD, till exempel 2024-03-15.`, [cellRef(sheet, header.row, cols.datum as number)]));
    return { ledger: undefined, findings: findings.done(), header };
  }
  const assumptions: Finding[] = [];
  if (dates?.assumedDayMonth) {
    assumptions.push(finding('antagande', `Datumen i bladet ${sheet} (till exempel "${dates.assumedDayMonth.example}") har lästs som ${dates.assumedDayMonth.reading}; året är detsamma hur de än läses.`, [cellRef(sheet, header.row, cols.datum as number)]));
  }

  const labelOf = labelReader(header, cols);
  const blockPrint = sheetIsBlockPrint(cells, header, cols, labelOf);

  if (cols.datum === undefined && cols.period === undefined && cols.ar === undefined && (sectionYear ?? nameYear ?? options.fallbackYear) === undefined) {
    findings.add(finding('ar-saknas', `Bladet ${sheet} har ingen datumkolumn och inget år i en period eller rubrik, och Inställningar anger inget räkenskapsår: skriv räkenskapsåret i bladet Inställningar.`, [cellRef(sheet, header.row, 1)]));
    return { ledger: undefined, findings: findings.done(), header };
  }
  const checks = new LedgerSummaryChecks(sheet, findings);
  const rows: LedgerRow[] = [];
  /** Rows whose year only a later dated row tells (undated IB rows). */
  const pending: number[] = [];
  const accountNames = new Map<string, string>();
  /** year → account → öre booked so far. */
  const yearBalances = new Map<number, Map<string, number>>();
  let hasVouchers = false;
  let blockAccount: string | undefined;
  let voucherHeading: { voucher: string; date: CellValue; label: string } | undefined;
  // Credits written as negative numbers in the Kredit column: the column is signed, said so.
  const kreditNegative = cols.kredit !== undefined && kreditColumnIsSigned(cells, header.row, cols.kredit);
  if (kreditNegative) assumptions.push(finding('antagande', `Kolumnen Kredit i bladet ${sheet} har bara negativa belopp: kreditbeloppen har lästs med sitt minustecken (debet + kredit).`, [cellRef(sheet, header.row, cols.kredit as number)]));
  let lastYear: number | undefined;

  const rowsOwned = options.releaseRows === true ? (cells as CellValue[][]) : undefined;
  for (let r = header.row + 1; r <= cells.length; r++) {
    const row = cells[r - 1];
    if (rowsOwned) rowsOwned[r - 1] = RELEASED_ROW as CellValue[];
    const shape = rowShape(row);
    if (shape === 'tom' || !row) continue;
    if (shape === 'avdelare') {
      checks.endBlock(blockAccount);
      blockAccount = undefined;
      continue;
    }
    const kontoCell = get(row, cols.konto);
    if (cellIsError(kontoCell)) {
      findings.add(finding('cell-fel', `Kontocellen innehåller felvärdet ${cellText(kontoCell)}.`, [cellRef(sheet, r, cols.konto)]));
      continue;
    }
    const rowAccount = accountFromCell(kontoCell);
    const labelParts = labelOf(row);
    const label = labelParts.join(' ');
    // A dated row with a verifikation is a transaction, whatever its text says ("Summa bidrag").
    const voucherText = cellText(get(row, cols.ver));
    const transaction = voucherText !== '' && !isIbVoucher(voucherText, '') && cols.datum !== undefined && !cellIsEmpty(get(row, cols.datum));
    const kind = transaction ? undefined : labelKind(labelParts);
    const amounts = amountsOf(sheet, r, row, cols, findings, kreditNegative);
    if (!amounts.ok) continue;
    const saldoCell = get(row, cols.saldo);
    let saldoOre: number | undefined;
    if (cols.saldo !== undefined && !cellIsEmpty(saldoCell)) {
      const p = parseAmount(saldoCell);
      if (!p.ok) {
        findings.add(amountFinding(sheet, r, cols.saldo, p));
        continue;
      }
      saldoOre = p.ore;
    }
    if (rowAccount !== undefined && typeof kontoCell === 'string') {
      const rest = kontoCell.replace(/^\s*\d+\s*/, '').trim();
      if (rest !== '' && !accountNames.has(rowAccount)) accountNames.set(rowAccount, rest);
    }
    const name = cellText(get(row, cols.namn));
    if (rowAccount !== undefined && name !== '' && !accountNames.has(rowAccount)) accountNames.set(rowAccount, name);

    // A heading: no amounts at all. With an account it opens a block; with a verifikation or a
    // date, a verifikation whose rows below carry neither; with a period, a section.
    if (!amounts.any && saldoOre === undefined) {
      if (rowAccount !== undefined) {
        checks.endBlock(blockAccount);
        blockAccount = rowAccount;
      } else if (voucherText !== '' || (cols.datum !== undefined && !cellIsEmpty(get(row, cols.datum)))) {
        voucherHeading = { voucher: voucherText, date: get(row, cols.datum), label };
      } else {
        const y = periodYearInText(label);
        if (y !== undefined && kind === undefined) sectionYear = y;
      }
      continue;
    }
    // Rows of a verifikation whose number and date stand on its heading row only.
    const inherits = voucherHeading !== undefined && voucherText === '' && (cols.datum === undefined || cellIsEmpty(get(row, cols.datum))) && kind === undefined;
    if (!inherits && rowAccount === undefined && kind === undefined) voucherHeading = undefined;
    if (rowAccount !== undefined && rowAccount !== blockAccount && kind === undefined) {
      if (blockPrint) checks.endBlock(blockAccount);
      blockAccount = rowAccount;
    }
    const account = rowAccount ?? (blockPrint || kind !== undefined ? blockAccount : undefined);

    if (kind === 'total') {
      checks.total(r, amounts.col, amounts.debet, amounts.kredit, amounts.any ? amounts.ore : saldoOre);
      blockAccount = undefined;
      continue;
    }
    if (kind === 'omslutning') {
      checks.turnover(r, amounts.col, amounts.debet, amounts.kredit, amounts.any ? amounts.ore : saldoOre);
      continue;
    }
    if (kind === 'ub') {
      const ore = amounts.any ? amounts.ore : (saldoOre ?? 0);
      if (account !== undefined) checks.closing(account, ore, r, amounts.any ? amounts.col : (cols.saldo as number), lastYear !== undefined ? yearBalances.get(lastYear)?.get(account) : undefined);
      if (blockPrint || rowAccount === undefined) blockAccount = undefined;
      continue;
    }
    if (account === undefined) {
      if (!cellIsEmpty(kontoCell)) findings.add(finding('konto-ogiltigt', `Kontocellen innehåller "${cellText(kontoCell)}", som inte är ett kontonummer.`, [cellRef(sheet, r, cols.konto)]));
      else findings.add(finding('konto-saknas', `Raden har belopp men inget konto.`, [cellRef(sheet, r, cols.konto)]));
      continue;
    }

    // IB: by label, voucher, type or an opening period; its amount may stand only in Saldo.
    const voucher = inherits ? (voucherHeading?.voucher ?? '') : voucherText;
    const typ = cellText(get(row, cols.typ));
    const period = cols.period !== undefined ? periodOf(get(row, cols.period), get(row, cols.ar)) : undefined;
    const isIB = labelParts.some(isIbLabel) || (inherits && isIbLabel(voucherHeading?.label ?? '')) || isIbVoucher(voucher, typ) || period?.opening === true;
    const ore = amounts.any ? amounts.ore : isIB ? (saldoOre ?? 0) : 0;
    const amountCol = amounts.any || saldoOre === undefined ? amounts.col : (cols.saldo as number);

    // Year: the date, else the period or year column, a heading, the sheet's name, a later dated row, Inställningar.
    let year: number | undefined;
    let dated = false;
    const dateCell = inherits ? (voucherHeading?.date ?? null) : get(row, cols.datum);
    if (cols.datum !== undefined && !cellIsEmpty(dateCell)) {
      const dv = dateCell;
      const date = dates?.parse(dv);
      if (!date) {
        if (cellIsError(dv)) findings.add(finding('cell-fel', `Datumcellen innehåller felvärdet ${cellText(dv)}.`, [cellRef(sheet, r, cols.datum)]));
        else findings.add(finding('datum-ogiltigt', `Datumcellen innehåller "${cellText(dv)}", som inte är ett datum (skriv till exempel 2024-03-15).`, [cellRef(sheet, r, cols.datum)]));
        continue;
      }
      year = date.year;
      dated = true;
    } else if (cols.datum !== undefined && !isIB && period?.year === undefined && yearOf(get(row, cols.ar)) === undefined) {
      findings.add(finding('datum-ogiltigt', 'Raden har belopp men inget datum: skriv bokföringsdatumet.', [cellRef(sheet, r, cols.datum)]));
      continue;
    }
    year ??= period?.year ?? yearOf(get(row, cols.ar)) ?? sectionYear ?? nameYear;
    if (year === undefined && cols.datum === undefined && cols.period === undefined && cols.ar === undefined) year = options.fallbackYear;
    if (dated || period?.year !== undefined) lastYear = year;

    if (!isIB && voucher !== '') hasVouchers = true;
    if (saldoOre !== undefined) checks.saldo(account, year, ore, saldoOre, isIB, r, cols.saldo as number);
    checks.booked(account, ore, isIB);
    if (year !== undefined) {
      let balances = yearBalances.get(year);
      if (!balances) yearBalances.set(year, (balances = new Map()));
      balances.set(account, (balances.get(account) ?? 0) + ore);
    }
    else pending.push(rows.length);
    const projekt = dimension.column !== undefined ? dimension.codeOf(get(row, dimension.column)) : '';
    rows.push({ account, year: year ?? 0, ore, isIB, projekt, voucher: isIB ? '' : voucher, sheet, row: r, col: amountCol });
  }

  // Rows no heading dated: the year of the next dated row (the IB rows above a year's first transactions).
  if (pending.length > 0) {
    let next: number | undefined = options.fallbackYear;
    const resolved: LedgerRow[] = [...rows];
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i] as LedgerRow;
      if (row.year !== 0) next = row.year;
      else if (next !== undefined) resolved[i] = { ...row, year: next };
    }
    const still = resolved.filter((row) => row.year === 0);
    if (still.length > 0) {
      findings.add(finding('ar-saknas', `Bladet ${sheet} har rader utan datum, och varken en period, en rubrik eller bladet Inställningar anger vilket år de hör till: skriv räkenskapsåret i bladet Inställningar.`, [cellRef(sheet, still[0]?.row ?? header.row, cols.datum ?? cols.konto)]));
      return { ledger: undefined, findings: findings.done(), header };
    }
    const first = resolved[pending[0] as number] as LedgerRow;
    assumptions.push(finding('antagande', `${pending.length} rader i bladet ${sheet} saknar datum (${rows[pending[0] as number]?.isIB ? 'ingående balanser' : 'rader'}); de har lagts på ${first.year}, året för de daterade raderna närmast under dem.`, [cellRef(sheet, first.row, cols.datum ?? cols.konto)]));
    rows.splice(0, rows.length, ...resolved);
  }

  if (rows.length === 0 && findings.items.length === 0) {
    findings.add(finding('huvudbok-tom', `Bladet ${sheet} har en rubrikrad (rad ${header.row}) men inga bokförda rader under den.`, [cellRef(sheet, header.row, cols.konto)]));
  }
  findings.addAll(assumptions);
  return { ledger: { sources: [sheet], rows, accountNames, hasVouchers, checks: checks.reconciliations() }, findings: findings.done(), header };
}
