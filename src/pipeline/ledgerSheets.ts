// A ledger made of several sheets: one sheet per räkenskapsår read together, and opening
// balances from a balance report beside a ledger (a verifikationslista) that has none for its
// first year. Both are stated on the Kontroller sheet, where the revisor reads them.
import { type AccountLine } from '../core/accounts';
import { cellRef } from '../core/cellref';
import { type Finding, finding } from '../core/findings';
import { type Ledger } from '../core/ledger';
import { reportsRead } from '../sheets/balanceReportReader';
import { type ColumnChoice } from '../sheets/header';
import { type SheetSnapshot } from '../workbook/port';

/** One ledger of the rows of every sheet, in sheet order. */
export function ledgerMerge(ledgers: readonly Ledger[]): Ledger {
  if (ledgers.length === 1) return ledgers[0] as Ledger;
  const accountNames = new Map<string, string>();
  for (const l of ledgers) for (const [account, name] of l.accountNames) if (!accountNames.has(account)) accountNames.set(account, name);
  return {
    sources: ledgers.flatMap((l) => l.sources),
    rows: ledgers.flatMap((l) => l.rows),
    accountNames,
    hasVouchers: ledgers.some((l) => l.hasVouchers),
    checks: ledgers.flatMap((l) => l.checks ?? []),
  };
}

/**
 * The ledger's first year without IB rows, and a balance report for that year: its opening
 * balances become the ledger's IB rows (with their cells in the report). A report for
 * another year, or one whose balances the ledger already has, is left out and said so.
 */
export function ledgerOpeningFromReport(ledger: Ledger, report: SheetSnapshot, fallbackYear: number | undefined, lineOf: (account: string) => AccountLine | undefined, choices: readonly ColumnChoice[] = []): { ledger: Ledger; findings: Finding[] } {
  const years = [...new Set(ledger.rows.map((r) => r.year))].sort((a, b) => a - b);
  const first = years[0];
  if (first === undefined || ledger.rows.some((r) => r.isIB && r.year === first)) return { ledger, findings: [] };
  const read = reportsRead(report, undefined, fallbackYear ?? first, lineOf, choices);
  if (!read.ledger) return { ledger, findings: [...read.findings] };
  const opening = read.ledger.rows.filter((r) => r.isIB);
  const reportYear = opening[0]?.year;
  if (reportYear !== first) {
    return { ledger, findings: [finding('antagande', `Bladet ${report.name} gäller ${reportYear ?? 'okänt år'}, inte huvudbokens första år ${first}; dess ingående balanser har inte använts.`, [cellRef(report.name, 1, 1)])] };
  }
  const accountNames = new Map(ledger.accountNames);
  for (const [account, name] of read.ledger.accountNames) if (!accountNames.has(account)) accountNames.set(account, name);
  return {
    ledger: { ...ledger, sources: [...ledger.sources, report.name], rows: [...opening, ...ledger.rows], accountNames },
    findings: [
      ...read.findings.filter((f) => f.severity !== 'antagande'),
      finding('antagande', `Huvudboken har inga ingående balanser för ${first}; de har hämtats ur bladet ${report.name} (${opening.length} konton).`, opening.slice(0, 1).map((r) => cellRef(r.sheet, r.row, r.col))),
    ],
  };
}
