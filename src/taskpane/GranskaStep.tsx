// Granska tabeller: checks the arithmetic of every table in the workbook (granskaRun, as
// `finsam granska` does) and writes the Granskning sheet, then shows a summary line and the
// slips (avvikelser) and the rounding differences, each with its cell, row, column, the
// printed and the expected figure and the difference. In Excel an entry clicked selects its
// cell; in the browser the entries are shown without a link (there is no Excel to select in).
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type Decimal from 'decimal.js';
import { useCallback, useEffect, useState } from 'react';
import { cellRefText } from '../core/cellref';
import { granskaRun, type GranskaRunResult } from '../pipeline/granska';
import { type RunStep } from '../pipeline/run';
import { type GranskaCheck, type GranskaStatus } from '../sheets/granska';
import { amountText } from '../sheets/granska/status';
import { granskaChecksOrdered } from '../sheets/granskaRender';
import { FindingsList } from './Findings';
import { RunProgress, VERSION } from './RunProgress';
import { type TaskpaneHost } from './host';
import { type BadgeColor, ListEntry, Notice, StatusBadge } from './ui';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: '8px' },
  group: { display: 'flex', flexDirection: 'column', gap: '2px', marginTop: '4px' },
  head: { display: 'flex', justifyContent: 'space-between', gap: '8px', alignItems: 'center' },
  cell: { color: tokens.colorBrandForegroundLink },
});

/** The groups listed, in the Granskning sheet's order: the slips, then the rounding differences. */
const GROUPS: readonly (readonly [Exclude<GranskaStatus, 'godkänd'>, string, BadgeColor])[] = [
  ['avvikelse', 'Avvikelser', 'danger'],
  ['avrundning', 'Avrundningsdifferenser', 'warning'],
];

/** An amount with its unit, Swedish: "995 547 kr", "2 579,54 tkr", "28,97 %". */
const withUnit = (d: Decimal, unit: string) => `${amountText(d)} ${unit}`;

/** A difference with its sign: "+1 000 kr", "-0,46 tkr". */
const signed = (d: Decimal, unit: string) => `${d.isPositive() && !d.isZero() ? '+' : ''}${withUnit(d, unit)}`;

/** The summary line: "3 tabeller, 39 kontroller: 2 avvikelser, 2 avrundningsdifferenser". */
export function granskaSummary(result: Pick<GranskaRunResult, 'tables' | 'checks'>): string {
  const count = (s: GranskaStatus) => result.checks.filter((c) => c.status === s).length;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return `${n(result.tables.length, 'tabell', 'tabeller')}, ${n(result.checks.length, 'kontroll', 'kontroller')}: ${n(count('avvikelse'), 'avvikelse', 'avvikelser')}, ${n(count('avrundning'), 'avrundningsdifferens', 'avrundningsdifferenser')}`;
}

function CheckEntry(props: { check: GranskaCheck; onSelect?: () => void }) {
  const styles = useStyles();
  const c = props.check;
  const where = cellRefText(c.cell);
  const label = `${where}: ${c.row}, ${c.column}. Tryckt ${withUnit(c.actual, c.unit)}, väntat ${withUnit(c.expected, c.unit)}, differens ${signed(c.difference, c.unit)}`;
  const content = (
    <>
      <span className={styles.head}>
        <Text weight="semibold" className={props.onSelect ? styles.cell : undefined}>
          {where}
        </Text>
        <Text size={200}>differens {signed(c.difference, c.unit)}</Text>
      </span>
      <Text size={200}>
        {c.row} · {c.column}
      </Text>
      <Text size={200}>
        Tryckt {withUnit(c.actual, c.unit)}, väntat {withUnit(c.expected, c.unit)}
      </Text>
      <Text size={200}>{c.kontroll}</Text>
    </>
  );
  return (
    <div role="listitem" data-status={c.status} data-cell={where}>
      <ListEntry onSelect={props.onSelect} aria-label={props.onSelect ? `${label}. Markera cellen` : label}>
        {content}
      </ListEntry>
    </div>
  );
}

export function GranskaStep(props: { host: TaskpaneHost; workbookKey: number; onWritten?: () => void }) {
  const styles = useStyles();
  const [step, setStep] = useState<RunStep | undefined>();
  const [result, setResult] = useState<GranskaRunResult | undefined>();
  const [error, setError] = useState<string | undefined>();
  const { host, onWritten } = props;

  const run = useCallback(async () => {
    const port = host.port();
    if (!port) return;
    setError(undefined);
    setResult(undefined);
    // The step the run was at: an error while writing may have left Granskning half written.
    const at: { step?: RunStep } = {};
    try {
      const saved = await host.loadChoice();
      const r = await granskaRun(port, {
        version: VERSION,
        roles: saved.roles,
        columns: saved.columns,
        onStep: (s) => {
          at.step = s;
          setStep(s);
        },
      });
      setResult(r);
      if (r.status === 'skrivet') onWritten?.();
    } catch (e) {
      const message = (e as Error).message;
      setError(
        at.step === 'skriver'
          ? `Excel avbröt skrivningen av Granskning: ${message}. Källbladen är orörda, men bladet Granskning kan vara ofullständigt: kör Granska tabeller igen.`
          : `Granskningen avbröts, inget skrevs: ${message}`,
      );
    } finally {
      setStep(undefined);
    }
  }, [host, onWritten]);

  useEffect(() => {
    setResult(undefined);
    setError(undefined);
  }, [props.workbookKey]);

  if (!host.port()) return null;
  const ordered = result ? granskaChecksOrdered(result.checks, result.sheets) : [];
  const slips = ordered.filter((c) => c.status === 'avvikelse').length;
  // Selecting a cell means something only in Excel: in the browser the entries are plain text.
  const select =
    host.mode === 'excel'
      ? (c: GranskaCheck) => () => void host.selectCell(c.cell).catch((e: Error) => setError(`Cellen kunde inte markeras: ${e.message}`))
      : undefined;
  const sheetName = result?.written?.written[0]?.name;

  return (
    <div className={styles.column}>
      <Button appearance="primary" onClick={() => void run()} disabled={step !== undefined}>
        Granska tabeller
      </Button>
      <RunProgress step={step} />
      {error && <Notice intent="error">{error}</Notice>}
      {result && result.status === 'skrivet' && (
        <Notice intent={slips > 0 ? 'warning' : 'success'}>
          <span data-testid="granska-sammanfattning">{granskaSummary(result)}</span>
          {sheetName && `. Alla kontroller står på bladet ${sheetName}.`}
        </Notice>
      )}
      {result && result.status === 'inget-att-granska' && (
        <Notice intent="info">{result.findings.map((f) => f.message.replace(/ \[[^\]]*\]$/, '')).join(' ')}</Notice>
      )}
      {GROUPS.map(([status, title, color]) => {
        const items = ordered.filter((c) => c.status === status);
        if (items.length === 0) return null;
        return (
          <section key={status} className={styles.group} aria-label={title}>
            <Text weight="semibold">
              {title} <StatusBadge color={color}>{items.length}</StatusBadge>
            </Text>
            <div role="list" aria-label={title}>
              {items.map((c, i) => (
                <CheckEntry key={i} check={c} onSelect={select?.(c)} />
              ))}
            </div>
          </section>
        );
      })}
      {result && result.status === 'skrivet' && result.findings.length > 0 && (
        <FindingsList findings={result.findings} onSelect={(ref) => void host.selectCell(ref).catch((e: Error) => setError(`Cellen kunde inte markeras: ${e.message}`))} />
      )}
    </div>
  );
}
