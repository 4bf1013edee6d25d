// Plan reader: a budget sheet laid out as verksamhetsplaner print it, read through the tables
// Granska finds (a label column with or without a header, years in any printed form, a unit
// row or title word, group rows, Summa and result rows, several tables one under the other).
// The result table with the most budget and plan years is the driftbudget: its rows become
// budget lines in kr and bokföringstecken (top items only: a subtotal stands for its rows where
// they are printed, a group row for its children), its result row the plan's result per year.
// A balansräkning or eget-kapital table gives eget kapital per year (IB, årets resultat, UB);
// a row naming the members' money gives tilldelade medel. Members' contributions are told from
// other income by name (staten, region, kommun) unless the Insatser sheet says otherwise. What
// was inferred — the unit, the sign, the members — is stated as findings for the Kontroller.
import type Decimal from 'decimal.js';
import { type AccountLine, accountLineNature } from '../core/accounts';
import { type Budget, type BudgetLine, type PlanEquity, type PlanFigure } from '../core/budget';
import { cellRef, cellRefText } from '../core/cellref';
import { type Finding, finding } from '../core/findings';
import { type InsatsIndex } from '../core/insatser';
import { type Money, moneyFormatKr, moneyFromString, moneyNeg } from '../core/money';
import { type Reconciliation, reconcile } from '../core/reconciliation';
import { type SheetSnapshot } from '../workbook/port';
import { granska } from './granska';
import { equityChecks, type EquityReading } from './granska/equityChecks';
import { resultChecks, type ResultReading, resultRowOf } from './granska/resultChecks';
import { amountAt, itemNature, sumOf, type TableStructure, tableStructure, topItems } from './granska/structure';
import { sheetTables } from './granska/tables';
import { type GranskaColumn, type GranskaTable } from './granska/types';
import { unitFactor } from './granska/values';
import { isMemberLabel, isMembersTotalLabel, isStateLabel, natureOf, normal, sumSubject } from './granska/words';

/** Column kinds that hold a plan's figures for a year: budget, plan, or a bare year. */
const PLAN_KINDS = new Set<string | undefined>([undefined, 'budget', 'plan', 'period']);

const isPlanColumn = (c: GranskaColumn) => c.year !== undefined && PLAN_KINDS.has(c.kind);

interface Reading {
  readonly table: GranskaTable;
  readonly structure: TableStructure;
  readonly result?: ResultReading;
  readonly equity?: EquityReading;
}

export interface PlanReadOptions {
  readonly insatser: InsatsIndex;
  /** Places an account on its line (the Kontoplan first, then Kommun-Bas). */
  readonly lineOf?: (account: string) => AccountLine | undefined;
  /** Inställningar's Budgetår, when given: the plan's budget year. */
  readonly budgetYear?: number;
}

function readingsOf(snapshot: SheetSnapshot): Reading[] {
  return sheetTables(snapshot).map((table) => {
    const structure = tableStructure(table);
    const result = table.role === 'resultat' ? resultChecks(structure) : undefined;
    const equity = table.role === 'balans' || table.role === 'eget-kapital' ? equityChecks(structure) : undefined;
    return { table, structure, ...(result ? { result } : {}), ...(equity ? { equity } : {}) };
  });
}

/** The driftbudget: the result table with the most budget and plan years (then the most rows). */
function mainTable(readings: readonly Reading[]): Reading | undefined {
  const candidates = readings.filter((r) => r.result && r.table.columns.some(isPlanColumn));
  const years = (r: Reading) => new Set(r.table.columns.filter(isPlanColumn).map((c) => c.year)).size;
  const dataRows = (r: Reading) => r.table.rows.filter((x) => x.kind === 'data').length;
  return [...candidates].sort((a, b) => years(b) - years(a) || dataRows(b) - dataRows(a))[0];
}

/** Whether a sheet holds a plan's tables: a result table with budget or plan years. */
export function sheetIsPlan(snapshot: SheetSnapshot): boolean {
  if (snapshot.generated) return false;
  return sheetTables(snapshot).some((t) => t.role === 'resultat' && t.columns.some(isPlanColumn));
}

/** The rows standing for column c's figures in rows [from, to): a subtotal is opened where its rows are printed. */
function leafItems(s: TableStructure, from: number, to: number, c: number): number[] {
  const out: number[] = [];
  for (const k of topItems(s, from, to)) {
    const row = s.table.rows[k]!;
    if (row.kind === 'summa' || row.kind === 'resultat') {
      const start = s.spanStart.get(k) ?? k;
      if (sumOf(s.table, topItems(s, start, k), c).parts > 0) {
        out.push(...leafItems(s, start, k, c));
        continue;
      }
    }
    out.push(k);
  }
  return out;
}

/** Printed amount in a table's unit → Money in kr. */
function kronor(table: GranskaTable, value: Decimal): Money {
  return moneyFromString(value.times(unitFactor(table.unit)).toString());
}

/** The account a row carries, or the account of the heading row above it (an insats under 6591). */
function accountAbove(table: GranskaTable, i: number): string | undefined {
  const own = table.rows[i]!.code;
  if (own && /^\d{4}$/.test(own)) return own;
  for (let j = i - 1; j >= 0; j--) {
    const r = table.rows[j]!;
    if (r.kind !== 'rubrik') return undefined;
    if (r.code && /^\d{4}$/.test(r.code)) return r.code;
    return undefined;
  }
  return undefined;
}

/** The resultaträkning line a label names, for rows without an account. */
function lineOfLabel(label: string, income: boolean): AccountLine {
  const t = normal(label);
  if (/avskrivning/.test(t)) return 'Avskrivningar';
  if (/ränteintäkt|finansiell(a)? intäkt|utdelning/.test(t)) return 'Finansiella intäkter';
  if (/räntekostnad|finansiell(a)? kostnad/.test(t)) return 'Finansiella kostnader';
  if (/extraordinär/.test(t)) return 'Extraordinära poster';
  return income ? 'Verksamhetens intäkter' : 'Verksamhetens kostnader';
}

/** Other income than the members' money: ESF, projektmedel, räntor, övriga intäkter. */
function isOtherIncomeLabel(label: string): boolean {
  return /\besf\b|projektmedel|europeiska|socialfond|ränt|övrig|försäljning|finansiell/.test(normal(label));
}

/** A member's contribution by its words: staten (Försäkringskassan, Arbetsförmedlingen), region, landsting, kommun, medlemsbidrag. */
function isMemberByName(label: string): boolean {
  if (isOtherIncomeLabel(label)) return false;
  return isStateLabel(label) || isMemberLabel(label) || isMembersTotalLabel(label) || /driftbidrag|driftsbidrag|medlemsavgift/.test(normal(label));
}

/**
 * Intäkt or kostnad for a row: the innermost sum it stands under that says which (`Summa
 * intäkter`), else its own words or its heading's, else (for a member's row) intäkt.
 */
function leafNature(s: TableStructure, k: number): 'intäkt' | 'kostnad' | undefined {
  const rows = s.table.rows;
  let innermost: { size: number; nature: 'intäkt' | 'kostnad' } | undefined;
  for (const [i, start] of s.spanStart) {
    const r = rows[i]!;
    if (r.kind !== 'summa' || start > k || k >= i) continue;
    const n = natureOf(sumSubject(r.label));
    if ((n === 'intäkt' || n === 'kostnad') && (!innermost || i - start < innermost.size)) innermost = { size: i - start, nature: n };
  }
  if (innermost) return innermost.nature;
  const own = itemNature(s.table, k);
  if (own === 'intäkt' || own === 'kostnad') return own;
  return isMemberByName(rows[k]!.label) ? 'intäkt' : undefined;
}

export function planRead(snapshot: SheetSnapshot, options: PlanReadOptions): { budget: Budget | undefined; findings: Finding[] } {
  const sheet = snapshot.name;
  const readings = readingsOf(snapshot);
  const main = mainTable(readings);
  const findings: Finding[] = [];
  if (!main) return { budget: undefined, findings };
  const { table, structure, result } = main;
  const reading = result!;
  const columns = table.columns.map((column, c) => ({ column, c })).filter(({ column }) => isPlanColumn(column));
  const byYear = new Map<number, { column: GranskaColumn; c: number }>();
  for (const entry of columns) {
    const year = entry.column.year!;
    if (byYear.has(year)) {
      findings.push(finding('kolumn-tvetydig', `Bladet ${sheet} har två kolumner för ${year} i tabellen ${table.name} ("${byYear.get(year)!.column.header}" och "${entry.column.header}"). Ta bort eller byt namn på den ena.`, [cellRef(sheet, table.firstRow, entry.column.col)]));
      return { budget: undefined, findings };
    }
    byYear.set(year, entry);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const allPositive = reading.convention === 'intäkter-kostnader' || reading.convention === 'kostnader-intäkter';
  const resultIndex = resultRowOf(table);
  const end = resultIndex ?? table.rows.length;
  const lineOf = options.lineOf;

  // Members' contributions: Insatser first, then the row's words; a subtotal or group row by the rows it stands for.
  const memberOf = (i: number): boolean | undefined => {
    const row = table.rows[i]!;
    const insats = options.insatser.find({ name: row.label });
    if (insats) return insats.type === 'Medlemsbidrag';
    if (isMemberByName(row.label) && !(row.kind === 'summa' && !isMembersTotalLabel(row.label))) return true;
    const group = structure.groups.get(i);
    const start = row.kind === 'summa' ? structure.spanStart.get(i) : group !== undefined ? i + 1 : undefined;
    const last = row.kind === 'summa' ? i - 1 : group;
    if (start === undefined || last === undefined || last < start) return false;
    const children = table.rows.slice(start, last + 1).map((r, k) => ({ r, k: start + k })).filter(({ r }) => r.kind === 'data');
    return children.length > 0 && children.every(({ k }) => memberOf(k) === true);
  };

  const members = new Map<number, string>();
  const otherIncome = new Map<number, string>();
  const linesOf = (year: number, c: number): BudgetLine[] => {
    const lines: BudgetLine[] = [];
    for (const k of leafItems(structure, 0, end, c)) {
      const row = table.rows[k]!;
      const value = amountAt(table, k, c);
      if (value === undefined) continue;
      const nature = leafNature(structure, k);
      const printed = kronor(table, value);
      const ledgerAmount = allPositive ? (nature === 'intäkt' ? moneyNeg(printed) : printed) : reading.ledger ? printed : moneyNeg(printed);
      const account = accountAbove(table, k);
      const placed = account && lineOf ? lineOf(account) : undefined;
      const income = placed ? accountLineNature(placed) === 'intäkt' : nature === 'intäkt' || (nature === undefined && ledgerAmount.isNegative());
      const accountLine = placed ?? lineOfLabel(row.label, income);
      const member = accountLine === 'Verksamhetens intäkter' && memberOf(k) === true;
      if (accountLine === 'Verksamhetens intäkter') (member ? members : otherIncome).set(row.row, row.label);
      lines.push({
        year,
        amount: ledgerAmount,
        account,
        projekt: undefined,
        name: row.label,
        cell: cellRef(sheet, row.row, table.columns[c]!.col),
        isBalance: false,
        accountLine,
        ...(member ? { medlemsbidrag: true } : {}),
      });
    }
    return lines;
  };
  const lines = years.flatMap((year) => linesOf(year, byYear.get(year)!.c));
  // Utfall (or prognos) of an earlier year printed beside the budget: shown for comparison, never a budget year.
  const earlier = table.columns
    .map((column, c) => ({ column, c }))
    .filter(({ column }) => column.year !== undefined && !isPlanColumn(column) && column.kind !== 'avvikelse' && !years.includes(column.year))
    .map(({ column, c }) => ({ year: column.year!, header: column.header, lines: linesOf(column.year!, c) }));

  // The plan's result per year: the result row, surplus positive, in kr.
  const results = new Map<number, PlanFigure>();
  if (resultIndex !== undefined) {
    const row = table.rows[resultIndex]!;
    for (const year of years) {
      const { c } = byYear.get(year)!;
      const value = amountAt(table, resultIndex, c);
      if (value === undefined) continue;
      const cell = cellRef(sheet, row.row, table.columns[c]!.col);
      const amount = kronor(table, value.times(reading.surplusFactor));
      results.set(year, { amount, cell, source: `"${row.label}", ${cellRefText(cell)}` });
    }
  }

  // Eget kapital per year from the balance and eget-kapital tables (the first table that prints a figure wins).
  const equity = new Map<number, { kind: string; header: string; ib?: PlanFigure; result?: PlanFigure; ub?: PlanFigure }>();
  const membersMoney = new Map<number, PlanFigure>();
  for (const r of readings) {
    if (!r.equity) continue;
    const e = r.equity;
    const t = r.table;
    t.columns.forEach((column, c) => {
      if (column.year === undefined) return;
      const entry = equity.get(column.year) ?? { kind: column.kind ?? 'budget', header: column.header };
      const figure = (index: number | undefined, factor: number): PlanFigure | undefined => {
        if (index === undefined) return undefined;
        const v = amountAt(t, index, c);
        if (v === undefined) return undefined;
        const cell = cellRef(sheet, t.rows[index]!.row, column.col);
        return { amount: kronor(t, v.times(factor)), cell, source: `"${t.rows[index]!.label}", ${cellRefText(cell)}` };
      };
      entry.ib ??= figure(e.ib, e.factor);
      entry.result ??= figure(e.result, e.factor * e.resultSign);
      entry.ub ??= figure(e.ub, e.factor);
      equity.set(column.year, entry);
      const named = t.rows.findIndex((x) => x.kind === 'data' && isMembersTotalLabel(x.label));
      if (named >= 0 && !membersMoney.has(column.year)) {
        const v = amountAt(t, named, c);
        if (v !== undefined) {
          const cell = cellRef(sheet, t.rows[named]!.row, column.col);
          membersMoney.set(column.year, { amount: kronor(t, v.abs()), cell, source: `"${t.rows[named]!.label}", ${cellRefText(cell)}` });
        }
      }
    });
  }
  const equityOut = new Map<number, PlanEquity>([...equity].map(([year, e]) => [year, { year, ...e }]));

  // The budget year: Inställningar's, else the year the table's title names, else the first budget column.
  const titleYear = /(?:19|20)\d{2}/.exec(table.title ?? '')?.[0];
  const firstBudget = columns.find(({ column }) => column.kind === 'budget')?.column.year;
  const budgetYear = [options.budgetYear, titleYear ? Number(titleYear) : undefined, firstBudget, years[0]].find((y): y is number => y !== undefined && years.includes(y))!;

  // Every arithmetic check of the sheet's tables, as reconciliations in kr.
  const checked = granska([snapshot]);
  const checks: Reconciliation[] = [];
  for (const k of checked.checks) {
    if (k.unit === '%') {
      if (k.status === 'avvikelse') findings.push(finding('budget-summa-avviker', `${k.table}, ${k.row} (${k.column}): ${k.kontroll}. Tryckt ${k.actual.toString().replace('.', ',')} %, tabellens siffror ger ${k.expected.toString().replace('.', ',')} %.${k.note ? ` ${k.note}.` : ''}`, [k.cell]));
      continue;
    }
    const factor = unitFactor(k.unit);
    const expected = moneyFromString(k.expected.times(factor).toString());
    const actual = moneyFromString(k.actual.times(factor).toString());
    const rounding = k.status === 'avrundning';
    const name = `${k.table}: ${k.kontroll} (${k.column}, ${k.unit})${rounding ? ' — avrundning till tryckt enhet' : ''}`;
    const rec = reconcile(`plan-${k.kind}-${cellRefText(k.cell)}`, name, rounding ? actual : expected, actual, [k.cell]);
    checks.push(rounding ? { ...rec, expected, difference: moneyFromString(k.actual.minus(k.expected).times(factor).toString()), passed: true } : rec);
  }

  // What was inferred, stated where the revisor sees it.
  const unitText = table.unit === 'kr' ? 'kr' : `${table.unit}, räknade om till kr (1 ${table.unit} = ${unitFactor(table.unit).toString()} kr; beloppen är avrundade som planen trycker dem)`;
  findings.push(
    finding(
      'antagande',
      `Bladet ${sheet} lästes som en tryckt plan: tabellen "${table.name}" (rad ${table.firstRow}–${table.lastRow}) är driftbudgeten med åren ${years.join(', ')} (budgetår ${budgetYear}); belopp i ${unitText}; ${reading.sign ?? 'tecken enligt raderna'}.`,
      [cellRef(sheet, table.firstRow, table.labelColumn)],
    ),
  );
  const list = (m: Map<number, string>) => [...m].map(([row, label]) => `${label} (rad ${row})`).join(', ');
  if (members.size > 0 || otherIncome.size > 0) {
    findings.push(
      finding(
        'antagande',
        `Bladet ${sheet}: som medlemmarnas bidrag (tilldelade medel) räknades ${members.size > 0 ? list(members) : 'ingen rad'}${otherIncome.size > 0 ? `; som övriga intäkter ${list(otherIncome)}` : ''}. Ange tilldelade medel i bladet Inställningar, eller raderna med Typ Medlemsbidrag i bladet Insatser, om det ska vara annorlunda.`,
        [...members.keys(), ...otherIncome.keys()].slice(0, 5).map((row) => cellRef(sheet, row, table.labelColumn)),
      ),
    );
  }
  for (const [year, e] of equityOut) {
    if (!years.includes(year) || !e.ub || !results.has(year) || !e.result) continue;
    const planResult = results.get(year)!;
    if (!e.result.amount.equals(planResult.amount)) {
      findings.push(finding('antagande', `Eget kapital ${year} tas från ${e.ub.source} (${moneyFormatKr(e.ub.amount)}); den tabellen räknar med årets resultat ${moneyFormatKr(e.result.amount)}, driftbudgeten med ${moneyFormatKr(planResult.amount)} (${planResult.source}).`, [e.ub.cell, planResult.cell]));
    }
  }
  const headers = new Map(years.map((y) => [y, byYear.get(y)!.column.header]));
  return { budget: { sheet, years, lines, checks, plan: { budgetYear, headers, results, equity: equityOut, membersMoney, earlier, unitKronor: unitFactor(table.unit).toNumber() } }, findings };
}
