// Findings grouped by severity (blocking, warnings, the assumptions the readers made); every
// cell reference is a link that selects the cell in Excel.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { type CellRef, cellRefText } from '../core/cellref';
import { type Finding, type Severity } from '../core/findings';
import { type BadgeColor, LinkButton, StatusBadge } from './ui';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: '6px', marginTop: '8px' },
  item: { display: 'flex', flexDirection: 'column', gap: '2px', paddingBottom: '6px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  cells: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
});

export function FindingsList(props: { findings: readonly Finding[]; onSelect: (ref: CellRef) => void }) {
  const styles = useStyles();
  const groups: [string, Severity, BadgeColor][] = [
    ['Blockerande – inget skrevs', 'blockerande', 'danger'],
    ['Varningar', 'varning', 'warning'],
    ['Antaganden – står på bladet Kontroller', 'antagande', 'informative'],
  ];
  return (
    <>
      {groups.map(([title, severity, color]) => {
        const items = props.findings.filter((f) => f.severity === severity);
        if (items.length === 0) return null;
        return (
          <section key={severity} className={styles.group} aria-label={title}>
            <Text weight="semibold">
              {title} <StatusBadge color={color}>{items.length}</StatusBadge>
            </Text>
            {items.map((f, i) => (
              <div key={i} className={styles.item} data-kod={f.code}>
                <Text size={200}>{f.message.replace(/ \[[^\]]*\]$/, '')}</Text>
                <div className={styles.cells}>
                  {f.cells.slice(0, 5).map((c, j) => (
                    <LinkButton key={j} onClick={() => props.onSelect(c)} aria-label={`Markera cellen ${cellRefText(c)}`}>
                      {cellRefText(c)}
                    </LinkButton>
                  ))}
                </div>
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}
