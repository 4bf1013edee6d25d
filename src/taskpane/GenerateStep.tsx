// Generera rapporter: the sheets found and the books' columns (both changeable, both saved),
// a first-run offer to create Inställningar and Insatser, the run with a progress bar through
// its steps, then a short summary and the findings grouped by severity.
import { Button, Text, makeStyles } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Finding } from '../core/findings';
import { soliditet } from '../core/keyFigures';
import { moneyFormatKr } from '../core/money';
import { statementRow } from '../core/statement';
import { columnLayouts } from '../pipeline/columnLayout';
import { settingsProposal, type SettingsProposal } from '../pipeline/firstRun';
import { reportsRun, type RunResult, type RunStep } from '../pipeline/run';
import { type SheetRoles, sheetRolesDetect } from '../sheets/detect';
import { type ColumnChoice } from '../sheets/header';
import { type SheetSnapshot } from '../workbook/port';
import { ColumnChoicePanel } from './ColumnChoice';
import { FindingsList } from './Findings';
import { type TaskpaneHost } from './host';
import { RunProgress, VERSION } from './RunProgress';
import { SheetChoice } from './SheetChoice';
import { Notice, Progress, Separator } from './ui';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: '8px' },
  summary: { display: 'grid', gridTemplateColumns: 'auto auto', gap: '2px 12px' },
});

/** Blocking findings a column choice can settle: the Kolumner panel opens by itself on them. */
const COLUMN_FINDINGS: ReadonlySet<string> = new Set(['rubrikrad-saknas', 'dimension-oklar', 'kolumn-tvetydig', 'kolumnval-ogiltigt']);

interface Loaded {
  sheets: string[];
  /** The user's sheets as read (generated sheets left out), for the column layouts. */
  snapshots: SheetSnapshot[];
  roles: SheetRoles;
  /** The user's word on columns, as saved with the choice of sheets. */
  columns: ColumnChoice[];
  proposal: SettingsProposal;
}

export function GenerateStep(props: { host: TaskpaneHost; workbookKey: number; onWritten?: () => void }) {
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [step, setStep] = useState<RunStep | undefined>();
  const [result, setResult] = useState<RunResult | undefined>();
  const [error, setError] = useState<string | undefined>();
  const currentStep = useRef<RunStep | undefined>();

  const load = useCallback(async () => {
    const port = props.host.port();
    if (!port) return;
    try {
      const names = await port.sheetNames();
      const snapshots = await port.readSheets(names);
      const saved = await props.host.loadChoice();
      const valid = Object.fromEntries(Object.entries(saved.roles).filter(([, v]) => typeof v === 'string' && names.includes(v))) as SheetRoles;
      const columns = saved.columns.filter((c) => c.sheet !== undefined && names.includes(c.sheet));
      const own = snapshots.filter((s) => !s.generated);
      setLoaded({ sheets: own.map((s) => s.name), snapshots: own, roles: { ...sheetRolesDetect(snapshots, columns), ...valid }, columns, proposal: settingsProposal(snapshots) });
    } catch (e) {
      setError(`Arbetsboken gick inte att läsa: ${(e as Error).message}`);
    }
  }, [props.host]);

  useEffect(() => {
    setResult(undefined);
    void load();
  }, [load, props.workbookKey]);

  const layouts = useMemo(() => (loaded ? columnLayouts(loaded.snapshots, loaded.roles, loaded.columns) : []), [loaded]);

  const save = (roles: SheetRoles, columns: readonly ColumnChoice[]) =>
    void props.host.saveChoice({ roles, columns }).catch((e: Error) => setError(`Valet kunde inte sparas: ${e.message}`));

  const chooseRoles = (roles: SheetRoles) => {
    if (!loaded) return;
    setLoaded({ ...loaded, roles });
    save(roles, loaded.columns);
  };

  const chooseColumns = (columns: ColumnChoice[]) => {
    if (!loaded) return;
    setLoaded({ ...loaded, columns });
    save(loaded.roles, columns);
  };

  const generate = async () => {
    const port = props.host.port();
    if (!port || !loaded) return;
    setError(undefined);
    setResult(undefined);
    try {
      const onStep = (s: RunStep) => {
        currentStep.current = s;
        setStep(s);
      };
      const r = await reportsRun(port, { version: VERSION, roles: loaded.roles, columns: loaded.columns, onStep });
      setResult(r);
      if (r.status === 'skrivet' || r.written) props.onWritten?.();
    } catch (e) {
      const message = (e as Error).message;
      // Before the writing step nothing has been sent to the workbook; during it, Excel may
      // have taken part of the generated sheets (never the source sheets).
      setError(
        currentStep.current === 'skriver'
          ? `Excel avbröt skrivningen: ${message}. Källbladen är orörda, men de genererade bladen kan vara ofullständiga: kör Generera rapporter igen.`
          : `Körningen avbröts, inget skrevs: ${message}`,
      );
    } finally {
      currentStep.current = undefined;
      setStep(undefined);
    }
  };

  const createSettings = async () => {
    const port = props.host.port();
    if (!port || !loaded) return;
    try {
      await port.writeSheets(loaded.proposal.sheets);
      await load();
    } catch (e) {
      setError(`Bladen kunde inte skapas: ${(e as Error).message}`);
    }
  };

  if (!props.host.port()) return null;
  if (!loaded) return error ? <Text role="alert">{error}</Text> : <Progress aria-label="Läser arbetsboken" />;
  const b = result?.bokslut;
  const passed = b?.reconciliations.filter((r) => r.passed).length ?? 0;
  const failed = (b?.reconciliations.length ?? 0) - passed;
  const sol = b ? soliditet(b) : undefined;
  const findings: readonly Finding[] = result?.findings ?? [];
  const columnsNeeded = layouts.some((l) => l.headerRow === undefined) || findings.some((f) => f.severity === 'blockerande' && COLUMN_FINDINGS.has(f.code));

  return (
    <div className={styles.column}>
      {loaded.proposal.sheets.length > 0 && (
        <Notice intent="info" title={<>Arbetsboken saknar {loaded.proposal.missing.join(' och ')}</>}>
          Finsam Ekonomi kan skapa {loaded.proposal.missing.length > 1 ? 'dem' : 'det'} med förslag ur huvudboken som du sedan bekräftar.{' '}
          <Button size="small" onClick={() => void createSettings()}>
            Skapa förslag
          </Button>
        </Notice>
      )}
      <SheetChoice sheets={loaded.sheets} roles={loaded.roles} onChange={chooseRoles} />
      <ColumnChoicePanel layouts={layouts} snapshots={loaded.snapshots} choices={loaded.columns} attention={columnsNeeded} onChange={chooseColumns} />
      <Button appearance="primary" onClick={() => void generate()} disabled={step !== undefined}>
        Generera rapporter
      </Button>
      <RunProgress step={step} />
      {error && <Notice intent="error">{error}</Notice>}
      {result && (
        <>
          <Separator />
          <Notice intent={result.status === 'blockerat' ? 'error' : result.status === 'skrivet' ? 'success' : 'info'}>
            {result.status === 'skrivet' && `Rapporterna för ${result.year} är skrivna: ${result.written?.written.map((w) => w.name).join(', ')}.`}
            {result.status === 'blockerat' &&
              (result.written
                ? `Inga rapporter skrevs. Bladet ${result.written.written.map((w) => w.name).join(', ')} skapades med ett förslag: bekräfta det och kör igen.`
                : 'Inget skrevs: rätta de blockerande fynden nedan och kör igen.')}
            {result.status === 'inget-att-rapportera' && 'Inget att rapportera: arbetsboken har ingen huvudbok.'}
          </Notice>
          {b && (
            <div className={styles.summary} aria-label="Sammanfattning">
              <Text>Årets resultat</Text>
              <Text data-testid="arets-resultat">{moneyFormatKr(statementRow(b.resultatrakning, 'Årets resultat')!.amounts[0]!)}</Text>
              <Text>Eget kapital</Text>
              <Text>{moneyFormatKr(statementRow(b.balansrakning, 'Summa eget kapital')!.amounts[0]!)}</Text>
              {sol && (
                <>
                  <Text>Soliditet</Text>
                  <Text>{sol.toFixed(1).replace('.', ',')} %</Text>
                </>
              )}
              <Text>Kontroller</Text>
              <Text>
                {passed} godkända, {failed} avviker
              </Text>
            </div>
          )}
          <FindingsList findings={findings} onSelect={(ref) => void props.host.selectCell(ref).catch((e: Error) => setError(`Cellen kunde inte markeras: ${e.message}`))} />
        </>
      )}
    </div>
  );
}

