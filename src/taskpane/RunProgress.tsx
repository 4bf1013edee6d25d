// The progress of a run, shared by the steps: a bar through läser blad → beräknar →
// kontrollerar → skriver, the seconds after 5 s, and after 60 s a warning that Excel has not
// answered (Excel on the web can hang on a sync). Also the version stamped on generated sheets.
import { Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { type RunStep } from '../pipeline/run';
import { Notice, Progress } from './ui';

declare const FINSAM_VERSION: string;
/** The add-in's version (package.json, set by webpack), written in every generated sheet's marker. */
export const VERSION = typeof FINSAM_VERSION === 'string' ? FINSAM_VERSION : 'dev';

const STEPS: RunStep[] = ['läser blad', 'beräknar', 'kontrollerar', 'skriver'];
const SLOW_SECONDS = 60;

/** Seconds since `running` turned true, counted while it stays true. */
function useElapsedSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}

export function RunProgress(props: { step: RunStep | undefined }) {
  const { step } = props;
  const elapsed = useElapsedSeconds(step !== undefined);
  if (!step) return null;
  return (
    <>
      <Progress value={(STEPS.indexOf(step) + 1) / STEPS.length} aria-label={`Steg: ${step}`} />
      <Text size={200}>
        {step}…{elapsed >= 5 && ` ${elapsed} s`}
      </Text>
      {elapsed >= SLOW_SECONDS && (
        <Notice intent="warning">
          Excel har inte svarat på {elapsed} sekunder. Stora arbetsböcker tar tid, men Excel på webben kan också ha fastnat: vänta en stund till, eller stäng arbetsboken och öppna den igen. Källbladen ändras aldrig.
        </Notice>
      )}
    </>
  );
}
