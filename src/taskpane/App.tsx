// The task pane: three steps (Generera rapporter, Kontrollera mål, Granska tabeller), opened
// at the step the ribbon button named. In the browser it first offers Öppna arbetsbok… and, after a run,
// Ladda ned.
import { Button, FluentProvider, makeStyles, Text, typographyStyles, webLightTheme } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { type TaskpaneStep } from '../commands/steps';
import { GenerateStep } from './GenerateStep';
import { GoalsStep } from './GoalsStep';
import { GranskaStep } from './GranskaStep';
import { type BrowserHost, type TaskpaneHost } from './host';
import { Tabs } from './ui';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px', padding: '12px', minWidth: '280px', maxWidth: '720px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  // Fluent's Title3 as a heading (the heading's margins kept, as Title3 keeps them).
  title: { ...typographyStyles.title3 },
});


const STEPS: readonly (readonly [TaskpaneStep, string])[] = [
  ['rapporter', 'Generera rapporter'],
  ['mal', 'Kontrollera mål'],
  ['granska', 'Granska tabeller'],
];

function BrowserFile(props: { host: BrowserHost; onOpened: () => void; canDownload: boolean }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>();
  return (
    <div className={styles.row}>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        aria-label="Välj arbetsbok"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          props.host
            .open(file)
            .then(() => {
              setError(undefined);
              props.onOpened();
            })
            .catch((err: Error) => setError(err.message));
        }}
      />
      <Button onClick={() => input.current?.click()}>Öppna arbetsbok…</Button>
      {props.host.fileName() && <Text size={200}>{props.host.fileName()}</Text>}
      {props.canDownload && (
        <Button appearance="secondary" onClick={() => void props.host.download()}>
          Ladda ned
        </Button>
      )}
      {error && <Text role="alert">{error}</Text>}
      <Text size={200}>Arbetsboken läses här i webbläsaren; inget skickas någonstans.</Text>
    </div>
  );
}

export function App(props: { host: TaskpaneHost; step: TaskpaneStep }) {
  const styles = useStyles();
  const [step, setStep] = useState<TaskpaneStep>(props.step);
  const [workbookKey, setWorkbookKey] = useState(0);
  const [written, setWritten] = useState(false);
  const host = props.host;
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <h1 className={styles.title}>Finsam Ekonomi</h1>
        {host.mode === 'browser' && (
          <BrowserFile
            host={host as BrowserHost}
            canDownload={written}
            onOpened={() => {
              setWritten(false);
              setWorkbookKey((k) => k + 1);
            }}
          />
        )}
        <Tabs tabs={STEPS} selected={step} onSelect={setStep} />
        {step === 'rapporter' && <GenerateStep host={host} workbookKey={workbookKey} onWritten={() => setWritten(true)} />}
        {step === 'mal' && <GoalsStep host={host} workbookKey={workbookKey} autoRun={props.step === 'mal' || workbookKey > 0} onWritten={() => setWritten(true)} />}
        {step === 'granska' && <GranskaStep host={host} workbookKey={workbookKey} onWritten={() => setWritten(true)} />}
      </main>
    </FluentProvider>
  );
}
