// The bokslut of one year in named steps: summarise the ledger, check the mapping, compute
// the year positions, build resultaträkning, balansräkning and driftredovisning, then run
// every check. Pure: typed inputs in, report models, reconciliations and findings out.
import { type AccountMapping, accountMappingCreate, type KontoplanEntry } from './accounts';
import { type Budget, budgetLinesForYear } from './budget';
import { balansrakningBuild } from './balansrakning';
import { kassaflodeBuild } from './kassaflode';
import { yearBasisFromBokslut } from './goalBasis';
import { type YearBasis } from './measures';
import { nyckeltalBuild, type NyckeltalRow } from './nyckeltal';
import { type StatisticsRow } from './participants';
import { balanskravBuild } from './balanskrav';
import { accountsUncertain, kontoplanProposal, type KontoplanProposalRow, type UncertainAccount } from './accountProposal';
import { type Note, noterBuild, noterCheck } from './noter';
import { flerarsBuild, type Flerarsoversikt, type History } from './flerars';
import { BOKSLUT_CHECKS, type CheckContext } from './checks';
import { columnFromBudget, columnFromPosition } from './columns';
import { type DriftModel, driftredovisningBuild } from './driftredovisning';
import { type Finding, finding } from './findings';
import { type InsatsLine, insatsIndexCreate } from './insatser';
import { type Ledger, type LedgerSummary, ledgerSummarise } from './ledger';
import { moneyFromOre } from './money';
import { positionsCompute, type YearPosition } from './positions';
import { type Reconciliation, reconcile } from './reconciliation';
import { resultatrakningBuild } from './resultatrakning';
import { type Settings } from './settings';
import { type StatementModel } from './statement';

export interface BokslutInput {
  readonly settings: Settings;
  readonly ledger: Ledger;
  readonly budget: Budget | undefined;
  readonly insatser: readonly InsatsLine[];
  readonly kontoplan: readonly KontoplanEntry[];
  /** Older years from a Historik sheet, for the Flerårsöversikt. */
  readonly history?: History;
  /** Insatsstatistik, for the cost per ärende in Nyckeltal. */
  readonly statistics?: readonly StatisticsRow[];
}

export interface Bokslut {
  readonly year: number;
  readonly forbund: string;
  readonly summary: LedgerSummary;
  readonly positions: ReadonlyMap<number, YearPosition>;
  readonly resultatrakning: StatementModel;
  readonly balansrakning: StatementModel;
  readonly driftredovisning: DriftModel;
  readonly kassaflodesanalys: StatementModel;
  readonly balanskrav: StatementModel;
  readonly flerarsoversikt: Flerarsoversikt;
  readonly noter: readonly Note[];
  /** The measures' basis of the report year and the year before (undefined where the books lack it). */
  readonly bases: readonly (YearBasis | undefined)[];
  readonly nyckeltal: readonly NyckeltalRow[];
  readonly reconciliations: readonly Reconciliation[];
}

export interface BokslutResult {
  /** Undefined when the input does not allow a bokslut at all (no data for the year). */
  readonly bokslut: Bokslut | undefined;
  readonly findings: readonly Finding[];
  /** When accounts have no certain line: every account of the ledger with the line proposed for it. */
  readonly kontoplanProposal: { readonly rows: readonly KontoplanProposalRow[]; readonly uncertain: readonly UncertainAccount[] } | undefined;
}

/**
 * Accounts the mapping does not place with certainty: no line at all (konto-utan-rad), or a
 * Kommun-Bas line its name contradicts (konto-osakert). Both block the run.
 */
function mappingCheck(summary: LedgerSummary, mapping: AccountMapping, ledger: Ledger): { findings: Finding[]; reconciliation: Reconciliation; uncertain: UncertainAccount[] } {
  let mappedOre = 0;
  let totalOre = 0;
  for (const accounts of summary.byYear.values()) {
    for (const [account, totals] of accounts) {
      const abs = Math.abs(totals.ibOre) + Math.abs(totals.movementOre);
      totalOre += abs;
      if (mapping.place(account)) mappedOre += abs;
    }
  }
  const uncertain = accountsUncertain(summary, mapping, ledger.accountNames);
  const findings = uncertain.map((u) => {
    const named = `Konto ${u.account}${u.name ? ` (${u.name})` : ''}`;
    const proposal = u.proposed ? ` Förslag: ${u.proposed}.` : '';
    return u.reason === 'utanför'
      ? finding('konto-utan-rad', `${named} hör inte till någon rad i resultat- eller balansräkningen: lägg till det i bladet Kontoplan med den rad det ska redovisas på.${proposal}`, u.cells)
      : finding('konto-osakert', `${named} ligger i Kommun-Bas intervall för ${u.rangeLine}, men namnet säger något annat: ange raden i bladet Kontoplan.${proposal}`, u.cells);
  });
  const reconciliation = reconcile('konton-mappade', 'Alla konton med belopp hör till en rad i resultat- eller balansräkningen (summa belopp)', moneyFromOre(totalOre), moneyFromOre(mappedOre));
  return { findings, reconciliation, uncertain };
}

/** Which year to report: Inställningar's räkenskapsår, else the latest year of the ledger. */
function bokslutYear(settings: Settings, summary: LedgerSummary, ledger: Ledger): { year: number | undefined; findings: Finding[] } {
  if (settings.year !== undefined) {
    if (!summary.years.includes(settings.year)) {
      const where = settings.yearCell ? [settings.yearCell] : [];
      const held = summary.years.length > 0 ? `huvudboken innehåller ${summary.years.join(', ')}` : 'huvudboken är tom';
      return { year: undefined, findings: [finding('ar-saknar-data', `Räkenskapsåret ${settings.year} har inga rader i ${ledger.sources.join(', ')}: ${held}.`, where)] };
    }
    return { year: settings.year, findings: [] };
  }
  const latest = summary.years[summary.years.length - 1];
  if (latest === undefined) return { year: undefined, findings: [finding('huvudbok-tom', `Bladet ${ledger.sources.join(', ')} har inga bokförda rader.`)] };
  return { year: latest, findings: [] };
}

export function bokslutCompute(input: BokslutInput): BokslutResult {
  // summarise: one pass over the rows, whole öre per year, account and projekt
  const summary = ledgerSummarise(input.ledger);
  const findings: Finding[] = [];
  if (summary.overflow) findings.push(finding('summa-for-stor', 'Summorna i huvudboken är för stora för att räknas exakt.'));
  // year: Inställningar or the ledger
  const yearChoice = bokslutYear(input.settings, summary, input.ledger);
  findings.push(...yearChoice.findings);
  const year = yearChoice.year;
  if (year === undefined) return { bokslut: undefined, findings, kontoplanProposal: undefined };
  // map: every account with an amount must have a line
  const mapping = accountMappingCreate(input.kontoplan);
  const mapped = mappingCheck(summary, mapping, input.ledger);
  findings.push(...mapped.findings);
  // realise: balances per year, årets resultat and eget kapital
  const positions = positionsCompute(summary, mapping);
  const insatser = insatsIndexCreate(input.insatser);
  // report: the statements
  const budgetYear = budgetLinesForYear(input.budget, year);
  const resultatrakning = resultatrakningBuild(
    columnFromPosition(`Utfall ${year}`, positions.get(year), mapping),
    columnFromPosition(`Utfall ${year - 1}`, positions.get(year - 1), mapping),
    columnFromBudget(`Budget ${year}`, budgetYear, mapping, insatser),
  );
  const balansrakning = balansrakningBuild(year, positions, mapping);
  const kassaflodesanalys = kassaflodeBuild(year, positions, mapping);
  const balanskrav = balanskravBuild(year, positions, input.ledger.accountNames);
  const driftredovisning = driftredovisningBuild({ year, summary, mapping, insatser, budget: input.budget?.years.includes(year) ? budgetYear : undefined });
  if (input.budget && !input.budget.years.includes(year)) {
    findings.push(finding('budget-saknas', `Bladet ${input.budget.sheet} har ingen budget för ${year} (det har ${input.budget.years.join(', ') || 'inga år'}).`));
  }
  // check: every reconciliation, kept whether it passes or not
  const ctx: CheckContext = { year, ledger: input.ledger, summary, positions, mapping, insatser, settings: input.settings, budget: input.budget, resultatrakning, balansrakning, driftredovisning, kassaflodesanalys };
  const reconciliations: Reconciliation[] = [];
  for (const check of BOKSLUT_CHECKS) {
    const outcome = check(ctx);
    reconciliations.push(...outcome.reconciliations);
    findings.push(...outcome.findings);
  }
  reconciliations.push(mapped.reconciliation);
  // The ledger sheets' own summary rows (UB, omslutning, running saldo), checked while reading.
  reconciliations.push(...(input.ledger.checks ?? []));
  const noter = noterBuild({ year, summary, positions, mapping, insatser, settings: input.settings, accountNames: input.ledger.accountNames });
  const noterChecked = noterCheck(noter, year, resultatrakning, balansrakning);
  reconciliations.push(...noterChecked.reconciliations);
  findings.push(...noterChecked.findings);
  const flerarsoversikt = flerarsBuild({ year, positions, mapping, insatser, settings: input.settings, history: input.history });
  reconciliations.push(...flerarsoversikt.reconciliations);
  findings.push(...flerarsoversikt.findings);
  const forbund = input.settings.forbund ?? 'Samordningsförbundet';
  const statements = { year, forbund, summary, positions, resultatrakning, balansrakning, driftredovisning, kassaflodesanalys, balanskrav };
  const bases = ([0, 1] as const).map((column) => yearBasisFromBokslut(statements, { settings: input.settings, accountNames: input.ledger.accountNames, mapping, insatser }, column));
  const nyckeltal = nyckeltalBuild(bases, driftredovisning, input.statistics);
  return {
    bokslut: { ...statements, flerarsoversikt, noter, bases, nyckeltal, reconciliations },
    findings,
    kontoplanProposal: mapped.uncertain.length > 0 ? { rows: kontoplanProposal(summary, year, mapping, input.ledger.accountNames, mapped.uncertain), uncertain: mapped.uncertain } : undefined,
  };
}
