// Budget reader: a budget sheet as the förbund lays it out. Year columns from the header
// ("Budget 2024", "Plan 2025", "2026"); rows by account and/or projekt/insats; insats rows
// without account take the account of the heading row above them; "Summa …" rows verify
// their block (since the heading they name, else the nearest heading above) and count as
// the amount only when the block has no rows of its own; result rows ("Resultat",
// "Årets resultat", an 89xx row, "UB …") verify everything above them in the same table.
// Tables are separated by empty rows; each table's sign (ledger or report) is inferred from
// its rows unless Inställningar says which.
import { type AccountLine, accountDefaultLine, accountLineNature, CLOSING_LINE } from '../core/accounts';
import { type Budget, type BudgetLine } from '../core/budget';
import { cellRef, cellRefText, type CellRef } from '../core/cellref';
import { type Finding, finding } from '../core/findings';
import { type InsatsIndex } from '../core/insatser';
import { moneyFromOre } from '../core/money';
import { type Reconciliation, reconcile } from '../core/reconciliation';
import { type BudgetSignOverride } from '../core/settings';
import { type SheetSnapshot } from '../workbook/port';
import { amountFinding } from './amountFinding';
import { cellIsEmpty, cellText, foldKey, rowIsEmpty } from './cells';
import { FindingList } from './findingLimit';
import { type ColumnRole, headerColumn, headerFind } from './header';
import { accountFromCell } from './ledgerReader';
import { parseAmount } from './numbers';
import { sheetUncalculatedFinding } from './amountFinding';

/** A header that names a budget year: "Budget 2024", "Plan 2025", "Budget 2026 (plan)", "2024". */
export function budgetYearOfHeader(folded: string): number | undefined {
  if (/utfall|bokslut|prognos|avvikelse|diff|föreg/.test(folded)) return undefined;
  const m = /^(?:budget|plan|budgetplan|prel|preliminär|förslag|beslutad)*(?:år)?(19\d{2}|20\d{2})(?:budget|plan|\(plan\)|\(budget\)|kr|tkr)*$/.exec(folded);
  if (!m?.[1]) return undefined;
  return Number(m[1]);
}

export const BUDGET_ROLES: readonly ColumnRole[] = [
  { role: 'Post', names: ['post', 'benämning', 'insats', 'text', 'namn', 'rad', 'kontonamn', 'beskrivning', 'budgetpost', 'kontobenämning'], words: ['post', 'benämning', 'insats', 'budgetpost', 'kontonamn', 'kontobenämning'] },
  { role: 'Konto', names: ['konto', 'kontonr', 'kontonummer', 'kto'], words: ['konto', 'kontonr', 'kontonummer', 'kto'], unique: true },
  { role: 'Projekt', names: ['projekt', 'aktivitet', 'objekt', 'projektnr', 'projektkod'], words: ['projekt', 'projektnr', 'projnr', 'projektkod', 'aktivitet', 'objekt'], unique: true },
  { role: 'År', names: [], test: (f) => budgetYearOfHeader(f) !== undefined },
];

type Sign = 'bokföring' | 'rapport';

type RowKind = 'heading' | 'account-heading' | 'data' | 'sum' | 'result' | 'closing' | 'ub';

interface BudgetRow {
  readonly row: number;
  readonly kind: RowKind;
  readonly name: string;
  readonly account: string | undefined;
  readonly projekt: string | undefined;
  /** Amount per year column in the sheet's own sign, whole öre; undefined where empty. */
  readonly ore: readonly (number | undefined)[];
  readonly isBalance: boolean;
  /** For sum rows that turned out to be the only figure of their block. */
  sumIsData?: boolean;
}

interface Table {
  readonly rows: BudgetRow[];
  readonly title: string;
}

const RESULT_NAMES = ['resultat', 'beräknatresultat', 'åretsresultat', 'budgeteratresultat', 'resultatefterfinansiellaposter', 'summaresultat', 'totaltresultat'];

function classify(name: string, account: string | undefined, hasAmount: boolean, lineOf: (account: string) => AccountLine | undefined): RowKind {
  const folded = foldKey(name);
  if (hasAmount && account && lineOf(account) === CLOSING_LINE) return 'closing';
  if (hasAmount && !account && RESULT_NAMES.includes(folded)) return 'result';
  if (hasAmount && !account && /^(ub|utg\.?|utgående)\s/.test(name.trim().toLowerCase())) return 'ub';
  if (hasAmount && !account && /^(summa|totalt|total|delsumma)/.test(folded)) return 'sum';
  if (!hasAmount) return account ? 'account-heading' : 'heading';
  return 'data';
}

/** Which way a data row points to the sheet's sign: +1 report sign, −1 ledger sign, 0 no vote. */
function signVote(row: BudgetRow, year: number, nature: 'intäkt' | 'kostnad' | 'eget kapital' | undefined): number {
  const ore = row.ore[year] ?? 0;
  if (ore === 0 || !nature) return 0;
  if (nature === 'intäkt' || nature === 'eget kapital') return ore > 0 ? 1 : -1;
  return ore < 0 ? 1 : -1;
}

function rowNature(row: BudgetRow, headingName: string, insatser: InsatsIndex, lineOf: (account: string) => AccountLine | undefined): 'intäkt' | 'kostnad' | 'eget kapital' | undefined {
  if (row.account) {
    const line: AccountLine | undefined = lineOf(row.account);
    if (line) {
      const n = accountLineNature(line);
      if (n === 'intäkt' || n === 'kostnad') return n;
      if (n === 'eget kapital' || n === 'skuld') return 'eget kapital';
      return undefined;
    }
  }
  const insats = insatser.find({ projekt: row.projekt, name: row.name });
  if (insats) {
    if (insats.type === 'Medlemsbidrag') return 'intäkt';
    if (insats.type === 'Finansiell post') return undefined;
    return 'kostnad';
  }
  const h = headingName.toLowerCase();
  if (/intäkt|bidrag från|driftbidrag|driftsbidrag/.test(h) && !/kostnad/.test(h)) return 'intäkt';
  if (/kostnad|utgift/.test(h)) return 'kostnad';
  return undefined;
}

export interface BudgetReadOptions {
  readonly insatser: InsatsIndex;
  /** Places an account on its line (the Kontoplan first, then Kommun-Bas). */
  readonly lineOf?: (account: string) => AccountLine | undefined;
  readonly signOverride?: BudgetSignOverride;
}

export function budgetRead(snapshot: SheetSnapshot, options: BudgetReadOptions): { budget: Budget | undefined; findings: Finding[] } {
  const uncalculated = sheetUncalculatedFinding(snapshot);
  if (uncalculated) return { budget: undefined, findings: [uncalculated] };
  const sheet = snapshot.name;
  const cells = snapshot.cells;
  const lineOf = options.lineOf ?? accountDefaultLine;
  const found = headerFind(sheet, cells, BUDGET_ROLES, (m) => m.columns.has('År') && (m.columns.has('Post') || m.columns.has('Konto')), 'Post (eller Konto) och minst en kolumn med ett budgetår, till exempel "Budget 2024"');
  const list = new FindingList();
  list.addAll(found.findings);
  const header = found.header;
  if (!header) return { budget: undefined, findings: list.done() };
  const cKonto = headerColumn(header, 'Konto');
  const cProjekt = headerColumn(header, 'Projekt');
  const cPost = headerColumn(header, 'Post') ?? (cKonto as number);
  const yearCols = (header.columns.get('År') ?? []).map((col) => ({ col, year: budgetYearOfHeader(foldKey(header.texts.get(col) ?? '')) as number }));
  const years = [...new Set(yearCols.map((y) => y.year))].sort((a, b) => a - b);
  const duplicateYear = yearCols.find((y, i) => yearCols.findIndex((o) => o.year === y.year) !== i);
  if (duplicateYear) {
    list.add(finding('kolumn-tvetydig', `Bladet ${sheet} har två kolumner för budgetåret ${duplicateYear.year}. Ta bort eller byt namn på den ena.`, [cellRef(sheet, header.row, duplicateYear.col)]));
    return { budget: undefined, findings: list.done() };
  }

  // Read: rows grouped into tables (separated by empty rows or a BALANSBUDGET-like title).
  const tables: Table[] = [];
  let table: Table | undefined;
  let balanceTable = false;
  for (let r = header.row + 1; r <= cells.length; r++) {
    const row = cells[r - 1];
    if (rowIsEmpty(row)) {
      table = undefined;
      continue;
    }
    const get = (c: number | undefined) => (c ? row?.[c - 1] ?? null : null);
    const name = cellText(get(cPost));
    const account = cKonto ? accountFromCell(get(cKonto)) : undefined;
    const projektText = cellText(get(cProjekt));
    const ore: (number | undefined)[] = [];
    let hasAmount = false;
    for (const { col } of yearCols) {
      const v = get(col);
      if (cellIsEmpty(v)) {
        ore.push(undefined);
        continue;
      }
      const parsed = parseAmount(v);
      if (!parsed.ok) {
        list.add(amountFinding(sheet, r, col, parsed));
        ore.push(undefined);
        continue;
      }
      ore.push(parsed.ore);
      hasAmount = true;
    }
    const folded = foldKey(name);
    if (!hasAmount && !account && /balansbudget|balansräkning/.test(folded)) {
      table = undefined;
      balanceTable = true;
    } else if (!hasAmount && !account && /resultatbudget|driftbudget|resultaträkning/.test(folded)) {
      table = undefined;
      balanceTable = false;
    }
    if (!table) {
      table = { rows: [], title: name };
      tables.push(table);
    }
    const kind = classify(name, account, hasAmount, lineOf);
    const line = account ? lineOf(account) : undefined;
    const isBalance = (line !== undefined && !['intäkt', 'kostnad', 'bokslut'].includes(accountLineNature(line))) || (balanceTable && !line && kind === 'data');
    table.rows.push({ row: r, kind, name, account, projekt: projektText === '' ? undefined : projektText, ore, isBalance });
  }

  // Structure: account headings give their account to the rows below; sum rows find blocks.
  const checks: Reconciliation[] = [];
  const lines: BudgetLine[] = [];
  const rowsOfData = new Map<BudgetRow, { account: string | undefined; heading: string }>();
  for (const t of tables) {
    let accountAbove: string | undefined;
    let headingAbove = t.title;
    const headings: { name: string; index: number }[] = [];
    t.rows.forEach((row, index) => {
      switch (row.kind) {
        case 'heading':
          accountAbove = undefined;
          headingAbove = row.name;
          headings.push({ name: row.name, index });
          break;
        case 'account-heading':
          accountAbove = row.account;
          break;
        case 'data':
          rowsOfData.set(row, { account: row.account ?? (row.projekt ? undefined : accountAbove), heading: headingAbove });
          if (row.account) accountAbove = undefined;
          break;
        case 'sum': {
          accountAbove = undefined;
          const named = foldKey(row.name.replace(/^\s*(summa|totalt|total|delsumma)\s*:?\s*/i, ''));
          const heading = [...headings].reverse().find((h) => foldKey(h.name) === named) ?? headings[headings.length - 1];
          const from = heading ? heading.index + 1 : 0;
          const block = t.rows.slice(from, index).filter((b) => b.kind === 'data' || b.sumIsData);
          if (block.length === 0) {
            row.sumIsData = true;
            rowsOfData.set(row, { account: undefined, heading: heading?.name ?? row.name });
            break;
          }
          yearCols.forEach(({ year, col }, y) => {
            const stated = row.ore[y];
            if (stated === undefined) return;
            const sum = block.reduce((s, b) => s + (b.ore[y] ?? 0), 0);
            const first = t.rows[from]?.row ?? row.row;
            checks.push(reconcile(`budget-summa-${row.row}-${year}`, `Budget ${year}: "${row.name}" (${cellRefText(cellRef(sheet, row.row, col))}) = summan av raderna ${first}–${row.row - 1}`, moneyFromOre(sum), moneyFromOre(stated), [cellRef(sheet, row.row, col)]));
          });
          break;
        }
        default:
          break;
      }
    });
  }

  // Sign: per table from its rows' votes, else the sheet's, else Inställningar's override.
  const tableSign = new Map<Table, Sign>();
  let sheetVotes = 0;
  const votesOf = new Map<Table, number>();
  for (const t of tables) {
    let votes = 0;
    for (const row of t.rows) {
      const data = rowsOfData.get(row);
      if (!data) continue;
      const probe = { ...row, account: row.account ?? data.account };
      const nature = rowNature(probe, data.heading, options.insatser, lineOf);
      for (let y = 0; y < yearCols.length; y++) votes += signVote(row, y, nature);
    }
    votesOf.set(t, votes);
    sheetVotes += votes;
  }
  for (const t of tables) {
    const votes = votesOf.get(t) ?? 0;
    const sign: Sign = options.signOverride ?? (votes !== 0 ? (votes > 0 ? 'rapport' : 'bokföring') : sheetVotes < 0 ? 'bokföring' : 'rapport');
    tableSign.set(t, sign);
  }

  // Result and UB rows verify all amounts above them in the table, in the table's sign.
  for (const t of tables) {
    const sign = tableSign.get(t) as Sign;
    t.rows.forEach((row, index) => {
      if (row.kind !== 'result' && row.kind !== 'closing' && row.kind !== 'ub') return;
      const above = t.rows.slice(0, index).filter((b) => rowsOfData.has(b) && (row.kind === 'ub' ? b.isBalance : !b.isBalance));
      yearCols.forEach(({ year, col }, y) => {
        const stated = row.ore[y];
        if (stated === undefined) return;
        const sum = above.reduce((s, b) => s + (b.ore[y] ?? 0), 0);
        // A closing row (89xx) in ledger sign balances the rows: it is their sum turned.
        const expected = row.kind === 'closing' && sign === 'bokföring' ? -sum : sum;
        const first = t.rows[0]?.row ?? row.row;
        checks.push(reconcile(`budget-resultat-${row.row}-${year}`, `Budget ${year}: "${row.account ? `${row.account} ` : ''}${row.name}" (${cellRefText(cellRef(sheet, row.row, col))}) = summan av beloppen på raderna ${first}–${row.row - 1}`, moneyFromOre(expected), moneyFromOre(stated), [cellRef(sheet, row.row, col)]));
      });
    });
  }

  // Lines: every data row (and sum row standing for its block) per year, in ledger sign.
  for (const t of tables) {
    const sign = tableSign.get(t) as Sign;
    for (const row of t.rows) {
      const data = rowsOfData.get(row);
      if (!data) continue;
      const account = row.account ?? data.account;
      const line = account ? lineOf(account) : undefined;
      const isBalance = row.isBalance || (line !== undefined && ['tillgång', 'eget kapital', 'skuld'].includes(accountLineNature(line)));
      const flips = sign === 'rapport' && !(isBalance && line !== undefined && accountLineNature(line) === 'tillgång');
      const name = row.sumIsData ? data.heading || row.name : row.name;
      yearCols.forEach(({ year, col }, y) => {
        const ore = row.ore[y];
        if (ore === undefined) return;
        const cell: CellRef = cellRef(sheet, row.row, col);
        lines.push({ year, amount: moneyFromOre(flips ? -ore : ore), account, projekt: row.projekt, name, cell, isBalance });
      });
    }
  }
  return { budget: { sheet, years, lines, checks }, findings: list.done() };
}
