// Generera rapporter: the sheets found (changeable), a first-run offer to create Inställningar
// and Insatser, the run with a progress bar through its steps, then a short summary and the
// findings grouped by severity.
import { Button, Divider, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type Finding } from '../core/findings';
import { soliditet } from '../core/keyFigures';
import { moneyFormatKr } from '../core/money';
import { statementRow } from '../core/statement';
import { settingsProposal, type SettingsProposal } from '../pipeline/firstRun';
import { reportsRun, type RunResult, type RunStep } from '../pipeline/run';
import { type SheetRoles, sheetRolesDetect } from '../sheets/detect';
import { FindingsList } from './Findings';
import { type TaskpaneHost } from './host';
import { RunProgress, VERSION } from './RunProgress';
import { SheetChoice } from './SheetChoice';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: '8px' },
  summary: { display: 'grid', gridTemplateColumns: 'auto auto', gap: '2px 12px' },
});

interface Loaded {
  sheets: string[];
  roles: SheetRoles;
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
      const valid = Object.fromEntries(Object.entries(saved).filter(([, v]) => typeof v === 'string' && names.includes(v))) as SheetRoles;
      setLoaded({ sheets: snapshots.filter((s) => !s.generated).map((s) => s.name), roles: { ...sheetRolesDetect(snapshots), ...valid }, proposal: settingsProposal(snapshots) });
    } catch (e) {
      setError(`Arbetsboken gick inte att läsa: ${(e as Error).message}`);
    }
  }, [props.host]);

  useEffect(() => {
    setResult(undefined);
    void load();
  }, [load, props.workbookKey]);

  const chooseRoles = (roles: SheetRoles) => {
    setLoaded((l) => (l ? { ...l, roles } : l));
    void props.host.saveChoice(roles);
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
      const r = await reportsRun(port, { version: VERSION, roles: loaded.roles, onStep });
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
  if (!loaded) return error ? <Text role="alert">{error}</Text> : <ProgressBar aria-label="Läser arbetsboken" />;
  const b = result?.bokslut;
  const passed = b?.reconciliations.filter((r) => r.passed).length ?? 0;
  const failed = (b?.reconciliations.length ?? 0) - passed;
  const sol = b ? soliditet(b) : undefined;
  const findings: readonly Finding[] = result?.findings ?? [];

  return (
    <div className={styles.column}>
      {loaded.proposal.sheets.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Arbetsboken saknar {loaded.proposal.missing.join(' och ')}</MessageBarTitle>
            Finsam Ekonomi kan skapa {loaded.proposal.missing.length > 1 ? 'dem' : 'det'} med förslag ur huvudboken som du sedan bekräftar.{' '}
            <Button size="small" onClick={() => void createSettings()}>
              Skapa förslag
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <SheetChoice sheets={loaded.sheets} roles={loaded.roles} onChange={chooseRoles} />
      <Button appearance="primary" onClick={() => void generate()} disabled={step !== undefined}>
        Generera rapporter
      </Button>
      <RunProgress step={step} />
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <>
          <Divider />
          <MessageBar intent={result.status === 'blockerat' ? 'error' : result.status === 'skrivet' ? 'success' : 'info'} role="status">
            <MessageBarBody>
              {result.status === 'skrivet' && `Rapporterna för ${result.year} är skrivna: ${result.written?.written.map((w) => w.name).join(', ')}.`}
              {result.status === 'blockerat' &&
                (result.written
                  ? `Inga rapporter skrevs. Bladet ${result.written.written.map((w) => w.name).join(', ')} skapades med ett förslag: bekräfta det och kör igen.`
                  : 'Inget skrevs: rätta de blockerande fynden nedan och kör igen.')}
              {result.status === 'inget-att-rapportera' && 'Inget att rapportera: arbetsboken har ingen huvudbok.'}
            </MessageBarBody>
          </MessageBar>
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

