// Balance report and result report: what many systems export instead of a huvudbok.
// Balansrapport per account: IB ("Ing balans", "Ingående balans"), Period ("Förändring"),
// UB ("Utg balans", "Utgående balans"). Resultatrapport per account: Utfall år, Budget år,
// Utfall föregående år. The year comes from the column headers or the title rows. The two
// become ledger rows (IB and movement per account, cells kept for tracing) and a budget:
// the previous year's balances are the year's IB, with the previous year's result taken out
// of eget kapital so that the previous year balances as its own books would.
import { type AccountLine, accountDefaultLine, accountLineNature, EQUITY_LINE } from '../core/accounts';
import { type Budget, type BudgetLine } from '../core/budget';
import { cellRef } from '../core/cellref';
import { type Finding, finding } from '../core/findings';
import { type Ledger, type LedgerRow } from '../core/ledger';
import { moneyFormatKr, moneyFromOre } from '../core/money';
import { type CellValue, type SheetSnapshot } from '../workbook/port';
import { amountFinding } from './amountFinding';
import { cellIsEmpty, cellText, foldKey } from './cells';
import { periodYearInText, yearInText } from './dates';
import { FindingList } from './findingLimit';
import { type ColumnChoice, type ColumnRole, type HeaderMatch, headerColumn, headerFind } from './header';
import { accountFromCell } from './ledgerReader';
import { parseAmount } from './numbers';
import { sheetUncalculatedFinding } from './amountFinding';

const startsWithAny = (f: string, prefixes: readonly string[]) => prefixes.some((p) => f.startsWith(p));

const KONTO_ROLE: ColumnRole = { role: 'Konto', names: ['konto', 'kontonr', 'kontonummer', 'account'], words: ['konto', 'kontonr', 'kontonummer', 'account', 'kto'], unique: true, content: 'konto' };
const NAME_ROLE: ColumnRole = { role: 'Benämning', names: ['benämning', 'kontonamn', 'namn', 'kontobenämning', 'kontotext', 'kontot'], words: ['benämning', 'kontonamn', 'kontotext', 'namn', 'name'] };

export const BALANCE_REPORT_ROLES: readonly ColumnRole[] = [
  NAME_ROLE,
  { role: 'IB', names: ['ib'], words: ['ib', 'ingående', 'ing', 'opening'], test: (f) => startsWithAny(f, ['ib', 'ingbalans', 'ingåendebalans', 'ingående', 'ingsaldo']) && !f.startsWith('ingen'), unique: true },
  { role: 'UB', names: ['ub'], words: ['ub', 'utgående', 'utg', 'closing'], test: (f) => startsWithAny(f, ['ub', 'utgbalans', 'utgåendebalans', 'utgående', 'utgsaldo']), unique: true },
  { role: 'Period', names: ['period', 'förändring', 'perioden', 'periodensförändring', 'rörelse'], words: ['period', 'förändring', 'perioden', 'periodens', 'rörelse'], test: (f) => startsWithAny(f, ['period', 'förändring']), unique: true },
  KONTO_ROLE,
];

export const RESULT_REPORT_ROLES: readonly ColumnRole[] = [
  NAME_ROLE,
  { role: 'Föregående', names: [], words: ['föregående', 'fg', 'fjol', 'fjolår'], test: (f) => /föregående|fgår|förraår/.test(f), unique: true },
  { role: 'Budget', names: ['budget', 'budgetår', 'årsbudget'], test: (f) => /^(års)?budget(år)?((19|20)\d{2})?$/.test(f), unique: true },
  { role: 'Utfall', names: ['utfall', 'utfallår', 'utfallåret', 'utfallhittills', 'ackumulerat', 'ackumulerathittills', 'ackumuleratutfall'], words: ['ackumulerat', 'utfall'], test: (f) => /^utfall(år)?(19|20)\d{2}/.test(f) || /^utfall(år|ackumulerat)/.test(f) },
  { role: 'Period', names: ['period', 'perioden', 'periodensutfall'], words: ['period', 'perioden'], unique: true },
  KONTO_ROLE,
];
/** "Utfall 2024" and "Utfall 2023" side by side: the earlier year is the previous year's. */
function resultHeaderByYears(h: HeaderMatch): HeaderMatch {
  const utfall = h.columns.get('Utfall') ?? [];
  if (utfall.length < 2 || h.columns.has('Föregående')) return h;
  const byYear = utfall.map((c) => ({ c, y: yearInText(h.texts.get(c) ?? '') ?? 0 })).sort((a, b) => b.y - a.y);
  const columns = new Map(h.columns);
  columns.set('Utfall', [byYear[0]?.c as number]);
  columns.set('Föregående', [byYear[1]?.c as number]);
  return { ...h, columns };
}

export function balanceReportHeaderAccept(m: HeaderMatch): boolean {
  return m.columns.has('Konto') && m.columns.has('UB') && (m.columns.has('IB') || m.columns.has('Period'));
}

export function resultReportHeaderAccept(m: HeaderMatch): boolean {
  return m.columns.has('Konto') && (m.columns.has('Utfall') || m.columns.has('Period'));
}

/** The year's outcome column: Utfall or Ackumulerat, else Period (the whole year when nothing else is given). */
function resultHeaderOutcome(h: HeaderMatch): HeaderMatch {
  if (h.columns.has('Utfall') || !h.columns.has('Period')) return h;
  const columns = new Map(h.columns);
  columns.set('Utfall', h.columns.get('Period') ?? []);
  columns.delete('Period');
  return { ...h, columns };
}

function yearOfSheet(cells: readonly (readonly CellValue[])[], header: HeaderMatch, columns: readonly (number | undefined)[]): number | undefined {
  for (const c of columns) {
    const y = c ? yearInText(header.texts.get(c) ?? '') : undefined;
    if (y) return y;
  }
  for (let r = 1; r < header.firstRow; r++) {
    for (const v of cells[r - 1] ?? []) {
      const y = typeof v === 'string' ? periodYearInText(v) : undefined;
      if (y) return y;
    }
  }
  return undefined;
}

interface AccountAmounts {
  readonly account: string;
  readonly row: number;
  readonly ore: Map<string, { ore: number; col: number }>;
}

function readAccounts(snapshot: SheetSnapshot, header: HeaderMatch, roles: readonly string[], list: FindingList, names: Map<string, string>): AccountAmounts[] {
  const sheet = snapshot.name;
  const cKonto = headerColumn(header, 'Konto') as number;
  const cNamn = headerColumn(header, 'Benämning');
  const out: AccountAmounts[] = [];
  for (let r = header.row + 1; r <= snapshot.cells.length; r++) {
    const row = snapshot.cells[r - 1] ?? [];
    const account = accountFromCell(row[cKonto - 1] ?? null);
    if (!account) {
      const hasAmount = roles.some((role) => {
        const c = headerColumn(header, role);
        return c !== undefined && !cellIsEmpty(row[c - 1] ?? null);
      });
      const label = row.map((v) => cellText(v)).join(' ').trim().toLowerCase();
      if (hasAmount && !/summa|totalt|total|resultat|saldo/.test(label)) {
        list.add(finding('konto-saknas', 'Raden har belopp men inget konto.', [cellRef(sheet, r, cKonto)]));
      }
      continue;
    }
    if (cNamn) names.set(account, cellText(row[cNamn - 1] ?? null));
    const ore = new Map<string, { ore: number; col: number }>();
    for (const role of roles) {
      const c = headerColumn(header, role);
      if (c === undefined) continue;
      const v = row[c - 1] ?? null;
      if (cellIsEmpty(v)) continue;
      const p = parseAmount(v);
      if (!p.ok) list.add(amountFinding(sheet, r, c, p));
      else ore.set(role, { ore: p.ore, col: c });
    }
    out.push({ account, row: r, ore });
  }
  return out;
}

export interface ReportsRead {
  readonly ledger: Ledger | undefined;
  readonly budget: Budget | undefined;
  readonly findings: readonly Finding[];
}

/** Which sign a result report uses: ledger sign unless intäkter are positive and kostnader negative. */
function resultReportFlips(rows: readonly AccountAmounts[], lineOf: (account: string) => AccountLine | undefined): boolean {
  let votes = 0;
  for (const r of rows) {
    const line = lineOf(r.account);
    const ore = r.ore.get('Utfall')?.ore ?? 0;
    if (!line || ore === 0) continue;
    const nature = accountLineNature(line);
    if (nature === 'intäkt') votes += ore > 0 ? 1 : -1;
    if (nature === 'kostnad') votes += ore < 0 ? 1 : -1;
  }
  return votes > 0;
}

/** Report sign when the eget kapital and skulder rows are mostly positive. */
function balanceReportFlips(rows: readonly AccountAmounts[], lineOf: (account: string) => AccountLine | undefined): boolean {
  let votes = 0;
  for (const r of rows) {
    const line = lineOf(r.account);
    const nature = line ? accountLineNature(line) : undefined;
    if (nature !== 'skuld' && nature !== 'eget kapital') continue;
    const ore = r.ore.get('UB')?.ore ?? r.ore.get('IB')?.ore ?? 0;
    if (ore !== 0) votes += ore > 0 ? 1 : -1;
  }
  return votes > 0;
}

/**
 * Where the year's result stands, inferred from the two reports and stated for the revisor:
 * not booked (the balance report's UB and the result report add up to zero), booked with a
 * closing row (89xx in the result report), or booked straight to eget kapital without one —
 * then it is taken out of the equity account's movement so that it is not counted twice.
 */
function resultBookingInfer(rows: LedgerRow[], periodRow: Map<string, LedgerRow>, year: number, balanceSheet: string, resultSheet: string, lineOf: (account: string) => AccountLine | undefined): Finding[] {
  let balanceOre = 0;
  let resultOre = 0;
  let closingOre = 0;
  for (const r of rows) {
    if (r.year !== year) continue;
    const line = lineOf(r.account);
    if (!line) continue;
    const nature = accountLineNature(line);
    if (nature === 'intäkt' || nature === 'kostnad') resultOre += r.ore;
    else if (nature === 'bokslut') closingOre += r.ore;
    else balanceOre += r.ore;
  }
  const result = moneyFormatKr(moneyFromOre(-resultOre));
  if (balanceOre + resultOre + closingOre === 0) {
    return [
      closingOre !== 0
        ? finding('antagande', `Årets resultat ${year} (${result}) är bokfört med en bokslutsrad i bladet ${resultSheet} och finns i eget kapital i bladet ${balanceSheet}.`)
        : finding('antagande', `Årets resultat ${year} (${result}) är inte bokfört på eget kapital i bladet ${balanceSheet}; balansräkningen visar det som årets resultat.`),
    ];
  }
  if (balanceOre === 0 && closingOre === 0 && resultOre !== 0) {
    const equity = [...periodRow.values()].filter((r) => lineOf(r.account) === EQUITY_LINE).sort((a, b) => Math.abs(b.ore) - Math.abs(a.ore))[0];
    if (!equity) return [];
    const i = rows.indexOf(equity);
    rows[i] = { ...equity, ore: equity.ore - resultOre };
    return [finding('antagande', `Årets resultat ${year} (${result}) är redan bokfört på eget kapital (konto ${equity.account}) i bladet ${balanceSheet}, utan en bokslutsrad i bladet ${resultSheet}: det har räknats bort från kontots förändring så att det inte räknas två gånger.`, [cellRef(balanceSheet, equity.row, equity.col)])];
  }
  return [];
}

/**
 * Reads the two reports. `lineOf` places an account (the Kontoplan first, then Kommun-Bas):
 * it decides the sign of each report and which account holds eget kapital.
 */
export function reportsRead(balance: SheetSnapshot, result: SheetSnapshot | undefined, fallbackYear: number | undefined, lineOf: (account: string) => AccountLine | undefined = accountDefaultLine, choices: readonly ColumnChoice[] = []): ReportsRead {
  const uncalculated = [balance, result].map((s) => (s ? sheetUncalculatedFinding(s) : undefined)).filter((f) => f !== undefined);
  if (uncalculated.length > 0) return { ledger: undefined, budget: undefined, findings: uncalculated };
  const list = new FindingList();
  const names = new Map<string, string>();
  const foundB = headerFind(balance.name, balance.cells, BALANCE_REPORT_ROLES, balanceReportHeaderAccept, 'Konto, IB och UB (eller Ing balans och Utg balans)', { choices });
  list.addAll(foundB.findings);
  const foundR = result ? headerFind(result.name, result.cells, RESULT_REPORT_ROLES, resultReportHeaderAccept, 'Konto och Utfall', { choices }) : undefined;
  if (foundR) list.addAll(foundR.findings);
  const hb = foundB.header;
  const hr = foundR?.header ? resultHeaderByYears(resultHeaderOutcome(foundR.header)) : undefined;
  if (!hb || (result && !hr) || list.items.some((f) => f.severity === 'blockerande')) return { ledger: undefined, budget: undefined, findings: list.done() };

  const year =
    yearOfSheet(balance.cells, hb, [headerColumn(hb, 'UB'), headerColumn(hb, 'Period'), headerColumn(hb, 'IB')]) ??
    (result && hr ? yearOfSheet(result.cells, hr, [headerColumn(hr, 'Utfall'), headerColumn(hr, 'Budget')]) : undefined) ??
    fallbackYear;
  if (year === undefined) {
    list.add(finding('ar-saknas', `Varken kolumnrubrikerna eller rubriken i bladet ${balance.name} anger vilket år rapporten gäller, och Inställningar anger inget räkenskapsår.`, [cellRef(balance.name, hb.row, 1)]));
    return { ledger: undefined, budget: undefined, findings: list.done() };
  }

  const rows: LedgerRow[] = [];
  const assumptions: Finding[] = [];
  const balanceRows = readAccounts(balance, hb, ['IB', 'Period', 'UB'], list, names);
  // Balance report sign, voted by the eget kapital and skulder rows: negative in ledger sign, positive in report sign.
  const flipLiabilities = balanceReportFlips(balanceRows, lineOf);
  if (flipLiabilities) assumptions.push(finding('antagande', `Bladet ${balance.name} visar eget kapital och skulder som positiva belopp (rapporttecken); de har vänts till bokföringens tecken.`, [cellRef(balance.name, hb.row, headerColumn(hb, 'UB') ?? 1)]));
  const ibOf = new Map<string, number>();
  const periodRow = new Map<string, LedgerRow>();
  for (const r of balanceRows) {
    const line = lineOf(r.account);
    const flip = flipLiabilities && line !== undefined && accountLineNature(line) !== 'tillgång' ? -1 : 1;
    const ib = r.ore.get('IB');
    const period = r.ore.get('Period');
    const ub = r.ore.get('UB');
    const ibOre = (ib?.ore ?? 0) * flip;
    const ubOre = (ub?.ore ?? 0) * flip;
    const periodOre = period ? period.ore * flip : ubOre - ibOre;
    if (ib && ub && ibOre + periodOre !== ubOre) {
      list.add(finding('saldo-avviker', `Konto ${r.account}: IB ${moneyFormatKr(moneyFromOre(ibOre))} + period ${moneyFormatKr(moneyFromOre(periodOre))} är inte UB ${moneyFormatKr(moneyFromOre(ubOre))}.`, [cellRef(balance.name, r.row, ub.col)]));
    }
    ibOf.set(r.account, ibOre);
    const common = { account: r.account, projekt: '', voucher: '', sheet: balance.name, row: r.row };
    rows.push({ ...common, year, ore: ibOre, isIB: true, col: ib?.col ?? ub?.col ?? 1 });
    const movement: LedgerRow = { ...common, year, ore: periodOre, isIB: false, col: period?.col ?? ub?.col ?? 1 };
    periodRow.set(r.account, movement);
    rows.push(movement);
  }

  let budget: Budget | undefined;
  if (result && hr) {
    const resultRows = readAccounts(result, hr, ['Utfall', 'Budget', 'Föregående'], list, names);
    const flip = resultReportFlips(resultRows, lineOf) ? -1 : 1;
    const budgetLines: BudgetLine[] = [];
    // Every previous-year result row, closing rows included: what eget kapital held back.
    let previousResultOre = 0;
    let hasPrevious = false;
    for (const r of resultRows) {
      const common = { account: r.account, projekt: '', voucher: '', sheet: result.name, row: r.row, isIB: false };
      const utfall = r.ore.get('Utfall');
      const budgetCell = r.ore.get('Budget');
      const previous = r.ore.get('Föregående');
      // Balance accounts in the result report are ignored: the balance report holds them.
      const line = lineOf(r.account);
      if (line && accountLineNature(line) !== 'intäkt' && accountLineNature(line) !== 'kostnad' && accountLineNature(line) !== 'bokslut') continue;
      if (utfall) rows.push({ ...common, year, ore: utfall.ore * flip, col: utfall.col });
      if (previous) {
        hasPrevious = true;
        previousResultOre += previous.ore * flip;
        rows.push({ ...common, year: year - 1, ore: previous.ore * flip, col: previous.col });
      }
      if (budgetCell) budgetLines.push({ year, amount: moneyFromOre(budgetCell.ore * flip), account: r.account, projekt: undefined, name: names.get(r.account) ?? r.account, cell: cellRef(result.name, r.row, budgetCell.col), isBalance: false });
    }
    if (hasPrevious) {
      // The previous year's balances: the year's IB, with that year's result (closed into
      // eget kapital at the turn of the year, unless the report shows the closing entry)
      // taken back out of the largest equity account, so that the year balances.
      const equity = [...ibOf.keys()].filter((a) => lineOf(a) === EQUITY_LINE).sort((a, b) => Math.abs(ibOf.get(b) ?? 0) - Math.abs(ibOf.get(a) ?? 0))[0];
      for (const r of balanceRows) {
        const ib = ibOf.get(r.account) ?? 0;
        const ore = r.account === equity ? ib - previousResultOre : ib;
        rows.push({ account: r.account, projekt: '', voucher: '', sheet: balance.name, row: r.row, year: year - 1, ore, isIB: false, col: r.ore.get('IB')?.col ?? 1 });
      }
    }
    if (budgetLines.length > 0) budget = { sheet: result.name, years: [year], lines: budgetLines, checks: [] };
    if (flip === -1) assumptions.push(finding('antagande', `Bladet ${result.name} visar intäkter som positiva och kostnader som negativa belopp (rapporttecken); de har vänts till bokföringens tecken.`, [cellRef(result.name, hr.row, headerColumn(hr, 'Utfall') ?? 1)]));
    assumptions.push(...resultBookingInfer(rows, periodRow, year, balance.name, result.name, lineOf));
  }
  const sources = result ? [balance.name, result.name] : [balance.name];
  if (rows.length === 0) list.add(finding('huvudbok-tom', `Bladet ${balance.name} har inga konton med belopp.`, [cellRef(balance.name, hb.row + 1, 1)]));
  list.addAll(assumptions);
  return { ledger: { sources, rows, accountNames: names, hasVouchers: false }, budget, findings: list.done() };
}

/** Keeps foldKey reachable for callers matching report sheet names. */
export function reportSheetKind(name: string): 'balans' | 'resultat' | undefined {
  const f = foldKey(name);
  if (/balansrapport|balansräkning|saldobalans|balanslista/.test(f)) return 'balans';
  if (/resultatrapport|resultaträkningsrapport|resultatlista/.test(f)) return 'resultat';
  return undefined;
}
