// Kontrollera mål, the one run every shell calls: read the sheets, judge every goal of the Mål
// sheet — on the books of the report year when there is a ledger, else on the budget year and
// each plan year — and write the Målkontroll sheet. A workbook without a Mål sheet gets one
// with the common goals, which this run then checks. Blocking findings: nothing is written.
import { type Bokslut, bokslutCompute } from '../core/bokslut';
import { type Finding, finding, findingsBlocking } from '../core/findings';
import { type GoalCheck, goalsCheck } from '../core/goalCheck';
import { yearBasesFromBudget } from '../core/goalBasis';
import { budgetFirstYear } from '../core/budget';
import { type Goal } from '../core/goals';
import { type YearBasis } from '../core/measures';
import { type SheetRoles } from '../sheets/detect';
import { goalsRead } from '../sheets/goalsReader';
import { goalsProposalSheet, goalsRender } from '../sheets/goalsRender';
import { type CellValue, type SheetSnapshot, type SheetSpec, type WorkbookPort, type WriteOutcome } from '../workbook/port';
import { nameClashFindings, renderMeta, type RunOptions, type RunStatus, sheetsParse } from './run';

export interface GoalsRunResult {
  readonly status: RunStatus;
  readonly forbund: string | undefined;
  /** The first year checked (the report year, or the budget year). */
  readonly year: number | undefined;
  readonly kind: 'utfall' | 'budget' | undefined;
  readonly check: GoalCheck | undefined;
  readonly bokslut: Bokslut | undefined;
  readonly findings: readonly Finding[];
  /** True when the run proposed a Mål sheet (the workbook had none). */
  readonly proposedGoals: boolean;
  readonly written: WriteOutcome | undefined;
}

/** A proposed sheet as the snapshot it will be once written. */
function snapshotOf(spec: SheetSpec): SheetSnapshot {
  return { name: spec.name, generated: false, cells: spec.rows.map((r) => r.map((c): CellValue => (c ? c.value : null))) };
}

export async function goalsRun(port: WorkbookPort, options: RunOptions): Promise<GoalsRunResult> {
  const step = options.onStep ?? (() => undefined);
  step('läser blad');
  const used = (r: SheetRoles) => [r.ledger, r.balanceReport, r.resultReport, r.budget, r.settings, r.insatser, r.kontoplan, r.goals, r.statistics];
  const { inputs, read, kept } = await sheetsParse(port, options, used, (r) => [r.goals]);
  const { roles, ledger, budget, parsed } = inputs;
  const findings: Finding[] = [...inputs.findings];
  const settings = parsed.settings;
  const base = { forbund: settings.forbund, bokslut: undefined as Bokslut | undefined, written: undefined };

  // Goals: the Mål sheet, or the common goals proposed as one.
  const goalsSnapshot = kept.find((s) => s.name === roles.goals);
  const proposal = goalsSnapshot ? undefined : goalsProposalSheet();
  const goalsRead_ = goalsRead(goalsSnapshot ?? snapshotOf(proposal!));
  const goals: Goal[] = goalsRead_.goals;
  findings.push(...goalsRead_.findings);
  if (proposal) findings.push(finding('mal-saknas', `Arbetsboken har inget blad Mål. Bladet Mål skapas med de vanligaste målen; justera mått, villkor och gränsvärden efter förbundets verksamhetsplan och kör Kontrollera mål igen.`));
  const statistics = inputs.statistics;

  step('beräknar');
  let bases: YearBasis[] = [];
  let checkYears: number[] = [];
  let kind: GoalsRunResult['kind'];
  let bokslut: Bokslut | undefined;
  if (ledger) {
    const computed = bokslutCompute({ settings, ledger, budget, insatser: parsed.insatser, kontoplan: parsed.kontoplan, statistics });
    findings.push(...computed.findings);
    bokslut = computed.bokslut;
    if (bokslut) {
      kind = 'utfall';
      bases = bokslut.bases.filter((b): b is YearBasis => b !== undefined);
      checkYears = [bokslut.year];
    }
  } else if (budget) {
    kind = 'budget';
    const firstYear = budgetFirstYear(budget, settings.year);
    bases = yearBasesFromBudget(budget, settings, inputs.insatser, inputs.mapping, firstYear);
    checkYears = budget.years.filter((y) => y >= firstYear).sort((a, b) => a - b);
  } else if (!roles.ledger && !roles.balanceReport) {
    findings.push(finding('underlag-saknas', 'Arbetsboken har varken huvudbok, balans- och resultatrapport eller budget att kontrollera målen mot.'));
  }

  step('kontrollerar');
  const year = checkYears[0] ?? settings.year;
  if (checkYears.length === 0 || findingsBlocking(findings).length > 0) {
    return { ...base, status: 'blockerat', year, kind, check: undefined, bokslut, findings, proposedGoals: proposal !== undefined };
  }
  const check = goalsCheck(goals, bases, checkYears, statistics);

  step('skriver');
  const meta = renderMeta(read, { forbund: bokslut?.forbund ?? settings.forbund ?? 'Samordningsförbundet', year: year as number, unit: settings.unit }, options);
  const rendered = goalsRender(check, meta, kind ?? 'utfall');
  findings.push(...rendered.findings);
  const sheets = [...(proposal ? [proposal] : []), rendered.sheet];
  const written = await port.writeSheets(sheets);
  findings.push(...nameClashFindings(written, 'målkontrollen'));
  return { ...base, status: 'skrivet', year, kind, check, bokslut, findings, proposedGoals: proposal !== undefined, written };
}
