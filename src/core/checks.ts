// Kontroller: every reconciliation of a bokslut as a small named function with one
// signature. Each returns reconciliations (kept when they pass) and the findings that
// failing ones raise. A new check is one function here and one failing test case.
import { type AccountMapping, accountLineIsBalance, CLOSING_LINE, EQUITY_LINE } from './accounts';
import { type Budget } from './budget';
import { cellRef, type CellRef } from './cellref';
import { type DriftModel } from './driftredovisning';
import { type Finding, finding } from './findings';
import { type InsatsIndex } from './insatser';
import { driftbidragPerMember, incomeIsDriftbidrag, memberKindOf } from './members';
import { type AccountYear, type Ledger, type LedgerSummary, ledgerYearTotals } from './ledger';
import { type Money, moneyFromOre, moneyFromString, moneyAdd, moneySub, moneyZero, moneyFormatKr } from './money';
import { type YearPosition } from './positions';
import { reconcile, type Reconciliation } from './reconciliation';
import { type Settings } from './settings';
import { type StatementModel, statementRow } from './statement';

export interface CheckContext {
  readonly year: number;
  readonly ledger: Ledger;
  readonly summary: LedgerSummary;
  readonly positions: ReadonlyMap<number, YearPosition>;
  readonly mapping: AccountMapping;
  readonly insatser: InsatsIndex;
  readonly settings: Settings;
  readonly budget: Budget | undefined;
  readonly resultatrakning: StatementModel;
  readonly balansrakning: StatementModel;
  readonly driftredovisning: DriftModel;
  readonly kassaflodesanalys: StatementModel;
}

export interface CheckOutcome {
  readonly reconciliations: readonly Reconciliation[];
  readonly findings: readonly Finding[];
}

export type Check = (ctx: CheckContext) => CheckOutcome;

const reportYears = (ctx: CheckContext): number[] => [ctx.year - 1, ctx.year].filter((y) => ctx.positions.has(y));

/** The ledger balances: IB rows and the year's rows each add up to zero. */
export const checkLedgerBalances: Check = (ctx) => {
  const reconciliations: Reconciliation[] = [];
  const findings: Finding[] = [];
  for (const year of ctx.summary.years) {
    const totals = ledgerYearTotals(ctx.summary, year);
    const cells = [...(ctx.summary.byYear.get(year)?.values() ?? [])].slice(0, 1).map((t) => t.firstCell);
    if (ctx.summary.ibYears.has(year)) {
      const r = reconcile(`huvudbok-ib-balanserar-${year}`, `Ingående balanser ${year} summerar till noll (debet = kredit)`, moneyZero, totals.ib, cells);
      reconciliations.push(r);
      if (!r.passed) findings.push(finding('huvudbok-obalans', `Ingående balanser ${year} i bladet ${ctx.ledger.sources.join(', ')} balanserar inte: debet och kredit skiljer ${moneyFormatKr(r.difference)}.`, cells));
    }
    const r = reconcile(`huvudbok-balanserar-${year}`, `Huvudbokens rader ${year} summerar till noll (debet = kredit)`, moneyZero, totals.movement, cells);
    reconciliations.push(r);
    if (!r.passed) findings.push(finding('huvudbok-obalans', `Huvudboken ${year} i bladet ${ctx.ledger.sources.join(', ')} balanserar inte: debet och kredit skiljer ${moneyFormatKr(r.difference)}.`, cells));
  }
  return { reconciliations, findings };
};

/** Each voucher balances, where the ledger has vouchers. */
export const checkVouchersBalance: Check = (ctx) => {
  if (!ctx.ledger.hasVouchers) return { reconciliations: [], findings: [] };
  const reconciliations: Reconciliation[] = [];
  const findings: Finding[] = [];
  for (const year of ctx.summary.years) {
    const off = ctx.summary.voucherImbalances.filter((v) => v.year === year);
    const total = off.reduce((s, v) => s + Math.abs(v.ore), 0);
    reconciliations.push(reconcile(`verifikationer-balanserar-${year}`, `Varje verifikation ${year} balanserar (summa av avvikelser)`, moneyZero, moneyFromOre(total)));
    for (const v of off.slice(0, 50)) {
      findings.push(finding('verifikation-obalans', `Verifikation ${v.voucher} (${year}) balanserar inte: debet och kredit skiljer ${moneyFormatKr(moneyFromOre(v.ore))}.`, v.cells));
    }
  }
  return { reconciliations, findings };
};

/** IB of a year equals UB of the year before, per balance account and for eget kapital. */
export const checkOpeningEqualsClosing: Check = (ctx) => {
  const reconciliations: Reconciliation[] = [];
  const findings: Finding[] = [];
  for (const year of ctx.summary.years) {
    const current = ctx.positions.get(year);
    const previous = ctx.positions.get(year - 1);
    if (!current?.hasOwnIB || !previous) continue;
    const accounts = new Set([...current.ib.keys(), ...previous.ub.keys()]);
    let offOre = 0;
    const offCells: CellRef[] = [];
    for (const account of [...accounts].sort()) {
      if (ctx.mapping.place(account)?.line === 'Eget kapital') continue;
      const ib = current.ib.get(account) ?? 0;
      const ub = previous.ub.get(account) ?? 0;
      if (ib === ub) continue;
      offOre += Math.abs(ib - ub);
      const cell = ctx.summary.byYear.get(year)?.get(account)?.firstCell ?? ctx.summary.byYear.get(year - 1)?.get(account)?.firstCell;
      if (cell) offCells.push(cell);
      reconciliations.push(reconcile(`ib-ub-${year}-${account}`, `IB ${year} = UB ${year - 1} för konto ${account}`, moneyFromOre(ub), moneyFromOre(ib), cell ? [cell] : []));
    }
    reconciliations.push(reconcile(`ib-ub-${year}`, `IB ${year} = UB ${year - 1} för alla balanskonton utom eget kapital (summa av avvikelser)`, moneyZero, moneyFromOre(offOre), offCells));
    const equity = reconcile(`ib-ub-eget-kapital-${year}`, `Eget kapital IB ${year} = UB ${year - 1} (med tidigare års resultat)`, previous.equity, current.equityIB);
    reconciliations.push(equity);
    if (offOre !== 0 || !equity.passed) {
      findings.push(finding('ib-avviker-fran-ub', `Ingående balanser ${year} stämmer inte med utgående balanser ${year - 1} (avvikelse ${moneyFormatKr(moneyAdd(moneyFromOre(offOre), equity.difference.abs() as Money))}).`, offCells));
    }
  }
  return { reconciliations, findings };
};

function amountOf(model: StatementModel, name: string, column: number): Money | undefined {
  return statementRow(model, name)?.amounts[column];
}

/** Summa tillgångar = Summa eget kapital, avsättningar och skulder; a balansräkning that does not balance blocks the run. */
export const checkBalanceSheetBalances: Check = (ctx) => {
  const reconciliations: Reconciliation[] = [];
  const findings: Finding[] = [];
  for (const year of reportYears(ctx)) {
    const col = year === ctx.year ? 0 : 1;
    const assets = amountOf(ctx.balansrakning, 'Summa tillgångar', col) ?? moneyZero;
    const claims = amountOf(ctx.balansrakning, 'Summa eget kapital, avsättningar och skulder', col) ?? moneyZero;
    const r = reconcile(`br-balanserar-${year}`, `Balansräkning ${year}: summa tillgångar = summa eget kapital, avsättningar och skulder`, assets, claims);
    reconciliations.push(r);
    if (!r.passed) {
      findings.push(
        finding(
          'balansrakning-obalans',
          `Balansräkningen ${year} balanserar inte: summa tillgångar ${moneyFormatKr(assets)}, summa eget kapital, avsättningar och skulder ${moneyFormatKr(claims)}, skillnad ${moneyFormatKr(r.difference)}. Kontrollera att huvudboken i bladet ${sourcesText(ctx)} balanserar ${year} (också de ingående balanserna) och att varje balanskonto har en rad i balansräkningen i bladet Kontoplan.`,
        ),
      );
    }
  }
  return { reconciliations, findings };
};

/** RR årets resultat = BR årets resultat; a difference blocks the run. */
export const checkResultMatches: Check = (ctx) => {
  const reconciliations: Reconciliation[] = [];
  const findings: Finding[] = [];
  for (const year of reportYears(ctx)) {
    const col = year === ctx.year ? 0 : 1;
    const rr = amountOf(ctx.resultatrakning, 'Årets resultat', col) ?? moneyZero;
    const br = amountOf(ctx.balansrakning, 'Årets resultat', col) ?? moneyZero;
    const r = reconcile(`rr-br-resultat-${year}`, `Årets resultat ${year}: resultaträkning = balansräkning`, rr, br);
    reconciliations.push(r);
    if (!r.passed) {
      findings.push(
        finding(
          'resultat-avviker',
          `Årets resultat ${year} är ${moneyFormatKr(rr)} i resultaträkningen men ${moneyFormatKr(br)} i balansräkningen (skillnad ${moneyFormatKr(r.difference)}). Kontrollera i bladet Kontoplan att varje konto i klass 3–8 har en rad i resultaträkningen och varje konto i klass 1–2 en rad i balansräkningen.`,
        ),
      );
    }
  }
  return { reconciliations, findings };
};

/** The cell of an account's first movement row in a year (its first row when it has none). */
function firstMovementCell(totals: AccountYear): CellRef {
  for (const p of totals.movementByProjekt.values()) return p.firstCell;
  return totals.firstCell;
}

/** "1930 Bank", or the number alone when the ledger has no name for it. */
function accountText(ctx: CheckContext, account: string): string {
  const name = ctx.ledger.accountNames.get(account);
  return name ? `${account} ${name}` : account;
}

/** The first IB row of each of `accounts` in `year`, in row order. */
function ibCells(ctx: CheckContext, year: number, accounts: ReadonlySet<string>): CellRef[] {
  const first = new Map<string, CellRef>();
  for (const r of ctx.ledger.rows) {
    if (r.isIB && r.year === year && accounts.has(r.account) && !first.has(r.account)) first.set(r.account, cellRef(r.sheet, r.row, r.col));
  }
  return [...first.values()];
}

function sourcesText(ctx: CheckContext): string {
  return ctx.ledger.sources.join(', ');
}

/** Eget kapital UB = IB + årets resultat, for the years whose IB the books tell; a difference blocks the run. */
export const checkEquityRollForward: Check = (ctx) => {
  const reconciliations: Reconciliation[] = [];
  const findings: Finding[] = [];
  for (const year of reportYears(ctx).filter((y) => ctx.positions.get(y)?.hasOwnIB || ctx.positions.has(y - 1))) {
    const p = ctx.positions.get(year) as YearPosition;
    const r = reconcile(`eget-kapital-${year}`, `Eget kapital ${year}: UB = IB + årets resultat`, moneyAdd(p.equityIB, p.result), p.equity);
    reconciliations.push(r);
    if (r.passed) continue;
    // What moves eget kapital besides årets resultat: bookings on the equity and closing accounts.
    const moved = [...(ctx.summary.byYear.get(year) ?? new Map<string, AccountYear>())]
      .filter(([account, totals]) => {
        const line = ctx.mapping.place(account)?.line;
        return (line === EQUITY_LINE || line === CLOSING_LINE) && totals.movementOre !== 0;
      })
      .sort(([a], [b]) => a.localeCompare(b));
    const change = moneySub(p.equity, p.equityIB);
    const head = `Eget kapital ${year} ändras med ${moneyFormatKr(change)} under året, men årets resultat är ${moneyFormatKr(p.result)} (skillnad ${moneyFormatKr(r.difference)}).`;
    const advice =
      moved.length > 0
        ? ` Bokningar på eget kapital och bokslutskonton ${year}: ${moved.map(([account]) => accountText(ctx, account)).join(', ')}. Boka om det som inte är årets resultat mot rätt konto, och boka bokslutstransaktionen (89xx mot eget kapital) med samma belopp på båda sidor.`
        : ` Kontrollera de ingående balanserna på eget kapital ${year} i bladet ${sourcesText(ctx)}.`;
    findings.push(finding('resultat-avviker', `${head}${advice}`, moved.map(([, totals]) => firstMovementCell(totals))));
  }
  return { reconciliations, findings };
};

/**
 * The first year of the books opens with ingående balanser. Without IB rows the balance
 * accounts would start at zero and eget kapital come out wrong, unless the förbund started
 * that year (Startår in Inställningar). A ledger made from balance reports carries its IB on
 * the report year and the year before as UB: it is not asked.
 */
export const checkOpeningBalancesPresent: Check = (ctx) => {
  const none = { reconciliations: [], findings: [] };
  const first = ctx.summary.years[0];
  if (first === undefined || ctx.summary.ibYears.has(first)) return none;
  if (!ctx.ledger.hasVouchers && ctx.summary.ibYears.size > 0) return none;
  const moved = [...(ctx.summary.byYear.get(first) ?? new Map<string, AccountYear>())]
    .filter(([account, totals]) => {
      const line = ctx.mapping.place(account)?.line;
      return line !== undefined && accountLineIsBalance(line) && [...totals.movementByProjekt.values()].some((m) => m.ore !== 0);
    })
    .sort(([a], [b]) => a.localeCompare(b));
  if (moved.length === 0) return none;
  const start = ctx.settings.startYear;
  const startCells = ctx.settings.startYearCell ? [ctx.settings.startYearCell] : [];
  if (start === first) {
    return {
      reconciliations: [reconcile(`ib-startar-${first}`, `Ingående balanser ${first}: inga, förbundet startade ${first} enligt Inställningar (balanskontona börjar på noll)`, moneyZero, moneyZero, startCells)],
      findings: [],
    };
  }
  // Named largest movement first (the bank, as a rule); the cells in row order.
  const largest = [...moved].sort(([, a], [, b]) => Math.abs(b.movementOre) - Math.abs(a.movementOre));
  const shown = largest.slice(0, 3).map(([account]) => accountText(ctx, account));
  const named = `${shown.join(', ')}${moved.length > shown.length ? ' m.fl.' : ''}`;
  const head = `Huvudboken i bladet ${sourcesText(ctx)} har inga ingående balanser för ${first}, men rörelser på balanskonton (${named})`;
  const addIB = `lägg in IB-raderna för ${first} (Ver.nr IB eller texten Ingående balans), eller lägg till en balansrapport med ingående balanser`;
  let message: string;
  if (start === undefined) {
    message = `${head}: lägg in IB-raderna (Ver.nr IB eller texten Ingående balans), lägg till en balansrapport med ingående balanser, eller skriv Startår ${first} i bladet Inställningar om förbundet startade det året.`;
  } else if (start < first) {
    message = `${head}, och enligt bladet Inställningar startade förbundet ${start}: ${addIB}.`;
  } else {
    message = `${head}, och bladet Inställningar anger Startår ${start}, efter huvudbokens första år: rätta Startår, ${addIB}.`;
  }
  const cells = moved.map(([, totals]) => firstMovementCell(totals)).sort((a, b) => a.row - b.row || a.col - b.col);
  return { reconciliations: [], findings: [finding('ib-saknas', message, [...cells, ...startCells])] };
};

/** The closing entry: either booked on the closing accounts and equal to årets resultat, or not booked. */
export const checkClosingEntry: Check = (ctx) => {
  const reconciliations: Reconciliation[] = [];
  const findings: Finding[] = [];
  for (const year of reportYears(ctx)) {
    const p = ctx.positions.get(year) as YearPosition;
    if (p.closingBooked.isZero() && !p.result.isZero()) {
      reconciliations.push(reconcile(`bokslut-${year}`, `Bokslutstransaktion ${year}: ej bokförd, årets resultat beräknat ur klass 3–8`, moneyZero, moneyZero));
      continue;
    }
    const r = reconcile(`bokslut-${year}`, `Bokslutstransaktion ${year}: bokförd på årets resultat (89xx) och lika med beräknat årets resultat`, p.result, p.closingBooked);
    reconciliations.push(r);
    if (!r.passed) findings.push(finding('bokslut-avviker', `Bokslutstransaktionen ${year} (${moneyFormatKr(p.closingBooked)}) är inte lika med årets resultat beräknat ur klass 3–8 (${moneyFormatKr(p.result)}).`));
  }
  return { reconciliations, findings };
};

/** Driftredovisningens resultat = resultaträkningens årets resultat. */
export const checkDriftMatchesResult: Check = (ctx) => {
  const total = ctx.driftredovisning.rows[ctx.driftredovisning.rows.length - 1];
  const reconciliations: Reconciliation[] = [];
  reconciliations.push(reconcile(`drift-rr-${ctx.year}`, `Driftredovisning ${ctx.year}: resultat = resultaträkningens årets resultat`, amountOf(ctx.resultatrakning, 'Årets resultat', 0) ?? moneyZero, total?.netto ?? moneyZero));
  if (total?.foregaendeAr && ctx.positions.has(ctx.year - 1)) {
    reconciliations.push(reconcile(`drift-rr-${ctx.year - 1}`, `Driftredovisning ${ctx.year - 1}: resultat = resultaträkningens årets resultat`, amountOf(ctx.resultatrakning, 'Årets resultat', 1) ?? moneyZero, total.foregaendeAr));
  }
  if (total?.budget) {
    reconciliations.push(reconcile(`drift-rr-budget-${ctx.year}`, `Driftredovisning ${ctx.year}: budgeterat resultat = resultaträkningens budget`, amountOf(ctx.resultatrakning, 'Årets resultat', 2) ?? moneyZero, total.budget));
  }
  return { reconciliations, findings: [] };
};

/** Amounts that found no Insatser line: warnings, shown on "Ej fördelat på insats". */
export const checkDriftAllocation: Check = (ctx) => {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const u of ctx.driftredovisning.unallocated) {
    const key = u.projekt !== '' ? `p${u.projekt}` : `k${u.account}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (u.projekt !== '') {
      findings.push(finding('projekt-utan-insats', `Projekt ${u.projekt} (konto ${u.account}, ${u.year}) finns inte i bladet Insatser; beloppet visas på "Ej fördelat på insats".`, [u.cell]));
    } else {
      findings.push(finding('konto-utan-insats', `Konto ${u.account} (${u.year}) saknar projekt och hör inte till någon rad i bladet Insatser; beloppet visas på "Ej fördelat på insats".`, [u.cell]));
    }
  }
  for (const b of ctx.driftredovisning.unallocatedBudget) {
    findings.push(finding('budget-oklar-rad', `Budgetraden "${b.name}" (${b.year}) hittar ingen rad i bladet Insatser; beloppet visas på "Ej fördelat på insats".`, [b.cell]));
  }
  return { reconciliations: [], findings };
};

/** Every sum and result row of the budget sheet verifies against its rows. */
export const checkBudgetSums: Check = (ctx) => {
  const checks = ctx.budget?.checks ?? [];
  return {
    reconciliations: checks,
    findings: checks
      .filter((r) => !r.passed)
      .map((r) => finding('budget-summa-avviker', `${r.name}: raden anger ${moneyFormatKr(r.actual)} men raderna ovanför ger ${moneyFormatKr(r.expected)} (skillnad ${moneyFormatKr(r.difference)}).`, r.cells)),
  };
};


/** Members' driftbidrag in the shares of Inställningar; by law staten pays half. */
export const checkMemberShares: Check = (ctx) => {
  const members = ctx.settings.members;
  const position = ctx.positions.get(ctx.year);
  if (members.length === 0 || !position) return { reconciliations: [], findings: [] };
  const reconciliations: Reconciliation[] = [];
  const findings: Finding[] = [];
  const driftbidrag = [...position.movement.entries()]
    .map(([account, ore]) => ({ account, name: ctx.ledger.accountNames.get(account) ?? '', amount: moneyFromOre(-ore) }))
    .filter((income) => incomeIsDriftbidrag(ctx.insatser.byAccount(income.account), ctx.mapping.place(income.account)?.line, income.name));
  const split = driftbidragPerMember(members, driftbidrag);
  const total = split.total;
  const unplaced = split.unplaced;
  const shareTotal = members.reduce((s, m) => s + m.share, 0);
  const shareReconcile = reconcile(`medlemsandelar-summa`, 'Medlemmarnas andelar i Inställningar summerar till 100 %', moneyFromString('100'), moneyFromString((Math.round(shareTotal * 1e6) / 1e4).toString()), members.map((m) => m.cell));
  reconciliations.push(shareReconcile);
  const stateShare = members.filter((m) => memberKindOf(m.name) === 'staten').reduce((s, m) => s + m.share, 0);
  const lawReconcile = reconcile('medlemsandelar-staten', 'Statens andel av driftbidraget är 50 % enligt lag (2003:1210)', moneyFromString('50'), moneyFromString((Math.round(stateShare * 1e6) / 1e4).toString()), members.filter((m) => memberKindOf(m.name) === 'staten').map((m) => m.cell));
  reconciliations.push(lawReconcile);
  if (!shareReconcile.passed || !lawReconcile.passed) {
    findings.push(finding('medlemsandelar-avviker', `Medlemmarnas andelar i bladet Inställningar summerar till ${shareReconcile.actual.toString()} % och statens andel är ${lawReconcile.actual.toString()} %; lagen anger staten 50 % och region och kommuner tillsammans 50 %.`, members.map((m) => m.cell)));
  }
  if (total.isZero()) return { reconciliations, findings };
  for (const m of members) {
    const expected = moneyFromString(total.times(m.share).toFixed(2));
    const actual = split.perMember.find((p) => p.member === m)?.amount ?? moneyZero;
    const r = reconcile(`driftbidrag-${m.name}`, `Driftbidrag ${ctx.year} från ${m.name} = ${(m.share * 100).toLocaleString('sv-SE')} % av ${moneyFormatKr(total)}`, expected, actual, [m.cell]);
    reconciliations.push(r);
    if (!r.passed) findings.push(finding('driftbidrag-avviker', `Driftbidraget ${ctx.year} från ${m.name} är ${moneyFormatKr(actual)}, men andelen ${(m.share * 100).toLocaleString('sv-SE')} % i Inställningar ger ${moneyFormatKr(expected)}.`, [m.cell]));
  }
  if (unplaced.length > 0) {
    findings.push(finding('driftbidrag-avviker', `Driftbidragskonto ${unplaced.join(', ')} kunde inte knytas till någon medlem i Inställningar: ange kontot i medlemstabellens kolumn Konto.`));
  }
  return { reconciliations, findings };
};

/**
 * Kassaflödesanalys: likvida medel at year end = BR's kassa och bank plus kortfristiga
 * placeringar, and årets kassaflöde = their change. A difference blocks the run.
 */
export const checkCashFlow: Check = (ctx) => {
  const reconciliations: Reconciliation[] = [];
  const findings: Finding[] = [];
  for (const year of reportYears(ctx)) {
    const col = year === ctx.year ? 0 : 1;
    const kfa = (name: string) => amountOf(ctx.kassaflodesanalys, name, col);
    const end = kfa('Likvida medel vid årets slut');
    const start = kfa('Likvida medel vid årets början');
    const flow = kfa('Årets kassaflöde');
    if (!end || !start || !flow) continue;
    const br = moneyAdd(amountOf(ctx.balansrakning, 'Kassa och bank', col) ?? moneyZero, amountOf(ctx.balansrakning, 'Kortfristiga placeringar', col) ?? moneyZero);
    const checks = [
      reconcile(`kfa-likvida-medel-${year}`, `Kassaflödesanalys ${year}: likvida medel vid årets slut = balansräkningens kassa och bank och kortfristiga placeringar`, br, end),
      reconcile(`kfa-kassaflode-${year}`, `Kassaflödesanalys ${year}: årets kassaflöde = likvida medel vid årets slut − vid årets början`, moneyAdd(end, start.negated() as Money), flow),
    ];
    reconciliations.push(...checks);
    const failed = checks.filter((r) => !r.passed);
    if (failed.length === 0) continue;
    // The usual cause: ingående balanser on result accounts, which the balansräkning's IB lacks.
    const resultIB = [...(ctx.summary.byYear.get(year) ?? new Map<string, AccountYear>())]
      .filter(([account, totals]) => {
        const line = ctx.mapping.place(account)?.line;
        return line !== undefined && !accountLineIsBalance(line) && totals.ibOre !== 0;
      })
      .sort(([a], [b]) => a.localeCompare(b));
    const advice =
      resultIB.length > 0
        ? ` Resultatkonton har ingående balanser ${year}: ${resultIB.map(([account]) => accountText(ctx, account)).join(', ')}. Ingående balanser hör bara till balanskonton (klass 1–2): ta bort IB-raderna på resultatkontona och för beloppet till eget kapital.`
        : ` Kontrollera de ingående balanserna ${year} i bladet ${sourcesText(ctx)} mot föregående års utgående balanser.`;
    const cells = ibCells(ctx, year, new Set(resultIB.map(([account]) => account)));
    for (const r of failed) {
      findings.push(finding('kassaflode-avviker', `${r.name}: väntat ${moneyFormatKr(r.expected)}, fick ${moneyFormatKr(r.actual)} (skillnad ${moneyFormatKr(r.difference)}).${advice}`, cells));
    }
  }
  return { reconciliations, findings };
};

/** The checks in the order the Kontroller sheet lists them. */
export const BOKSLUT_CHECKS: readonly Check[] = Object.freeze([
  checkLedgerBalances,
  checkVouchersBalance,
  checkOpeningBalancesPresent,
  checkOpeningEqualsClosing,
  checkBalanceSheetBalances,
  checkResultMatches,
  checkEquityRollForward,
  checkClosingEntry,
  checkDriftMatchesResult,
  checkDriftAllocation,
  checkBudgetSums,
  checkMemberShares,
  checkCashFlow,
]);
