// Kontrollera mål: runs the goal check (at once when the ribbon button opened the pane), then
// lists every goal and year with a status badge and its utfall, filterable by status; a goal
// clicked selects its row in the Målkontroll sheet.
import { Button, Select, Text, makeStyles } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { type GoalResult } from '../core/goalCheck';
import { type GoalStatus } from '../core/goals';
import { unitValueText } from '../core/measures';
import { goalsRun, type GoalsRunResult } from '../pipeline/goals';
import { type RunStep } from '../pipeline/run';
import { GOALS_FIRST_ROW, GOALS_SHEET_NAME, conditionText, statusLabel } from '../sheets/goalsRender';
import { FindingsList } from './Findings';
import { RunProgress, VERSION } from './RunProgress';
import { type TaskpaneHost } from './host';
import { type BadgeColor, LabeledControl, ListEntry, Notice, StatusBadge } from './ui';

const STATUSES: GoalStatus[] = ['uppfyllt', 'ej uppfyllt', 'bedöms manuellt', 'kan ej bedömas'];
const BADGE: Record<GoalStatus, BadgeColor> = {
  uppfyllt: 'success',
  'ej uppfyllt': 'danger',
  'bedöms manuellt': 'warning',
  'kan ej bedömas': 'informative',
};
const ALL = 'Alla';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: '8px' },
  head: { display: 'flex', justifyContent: 'space-between', gap: '8px', alignItems: 'center' },
});

export function GoalsStep(props: { host: TaskpaneHost; workbookKey: number; autoRun: boolean; onWritten?: () => void }) {
  const styles = useStyles();
  const [step, setStep] = useState<RunStep | undefined>();
  const [result, setResult] = useState<GoalsRunResult | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [filter, setFilter] = useState<string>(ALL);
  const { host, onWritten } = props;

  const run = useCallback(async () => {
    const port = host.port();
    if (!port) return;
    setError(undefined);
    setResult(undefined);
    try {
      const saved = await host.loadChoice();
      const r = await goalsRun(port, { version: VERSION, roles: saved.roles, columns: saved.columns, onStep: setStep });
      setResult(r);
      if (r.status === 'skrivet') onWritten?.();
    } catch (e) {
      setError(`Målkontrollen avbröts: ${(e as Error).message}`);
    } finally {
      setStep(undefined);
    }
  }, [host, onWritten]);

  useEffect(() => {
    setResult(undefined);
    if (props.autoRun) void run();
    // Runs once per workbook (when the ribbon opened this step, and again for a new file), not on every render.
  }, [props.workbookKey]);

  if (!host.port()) return null;
  const sheetName = result?.written?.written.find((w) => w.wanted === GOALS_SHEET_NAME)?.name ?? GOALS_SHEET_NAME;
  const results = result?.check?.results ?? [];
  const shown = results.map((r, i) => ({ r, row: GOALS_FIRST_ROW + i })).filter(({ r }) => filter === ALL || statusLabel(r.status) === filter);
  const count = (s: GoalStatus) => results.filter((r) => r.status === s).length;
  const select = (row: number) => void host.selectCell({ sheet: sheetName, row, col: 1 }).catch((e: Error) => setError(`Cellen kunde inte markeras: ${e.message}`));
  const value = (r: GoalResult) => (r.value !== undefined && r.unit ? unitValueText(r.value, r.unit) : '–');

  return (
    <div className={styles.column}>
      <Button appearance="primary" onClick={() => void run()} disabled={step !== undefined}>
        Kontrollera mål
      </Button>
      <RunProgress step={step} />
      {error && <Notice intent="error">{error}</Notice>}
      {result && (
        <Notice intent={result.status === 'skrivet' ? (count('ej uppfyllt') > 0 ? 'warning' : 'success') : 'error'}>
          {result.status === 'skrivet'
            ? `Målkontroll ${result.check?.years.join(', ')}${result.kind === 'budget' ? ' (budget och plan)' : ''}: ${count('uppfyllt')} uppfyllda, ${count('ej uppfyllt')} ej uppfyllda, ${count('bedöms manuellt')} bedöms manuellt, ${count('kan ej bedömas')} kan ej bedömas.`
            : 'Inget skrevs: rätta de blockerande fynden nedan och kör igen.'}
          {result.proposedGoals && ' Bladet Mål skapades med vanliga mål: justera dem efter verksamhetsplanen.'}
        </Notice>
      )}
      {results.length > 0 && (
        <LabeledControl label="Visa" htmlFor="finsam-filter">
          <Select id="finsam-filter" size="small" value={filter} aria-label="Filtrera på status" onChange={(_, d) => setFilter(d.value || ALL)}>
            {[ALL, ...STATUSES.map(statusLabel)].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </LabeledControl>
      )}
      <div role="list" aria-label="Mål">
        {shown.map(({ r, row }) => (
          <div role="listitem" key={`${r.goal.id}-${r.year}`}>
            <ListEntry onSelect={() => select(row)} aria-label={`${r.goal.id} ${r.year}: ${r.status}, utfall ${value(r)}. Markera raden i ${sheetName}`} data-status={r.status}>
              <span className={styles.head}>
                <Text weight="semibold">
                  {r.goal.id} {r.year}
                </Text>
                <StatusBadge color={BADGE[r.status]}>{statusLabel(r.status)}</StatusBadge>
              </span>
              <Text size={200}>{r.goal.text}</Text>
              <Text size={200}>
                {r.goal.measure ? `${r.goal.measure}: ${value(r)} ${conditionText(r) ? `(mål ${conditionText(r)})` : ''}` : 'Bedöms av styrelsen'}
              </Text>
            </ListEntry>
          </div>
        ))}
      </div>
      {result && <FindingsList findings={result.findings} onSelect={(ref) => void host.selectCell(ref)} />}
    </div>
  );
}
