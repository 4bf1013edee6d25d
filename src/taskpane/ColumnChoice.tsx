// Kolumner: for each books sheet (huvudbok, balansrapport, resultatrapport), its columns with
// the role the add-in took for each and how it was decided (the header's words, the content,
// the user's choice), changeable in a dropdown. A sheet whose header row could not be found
// shows the row most like a header, so the user can place its columns there.
import { Button, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { type ColumnSheetKind, type SheetColumnLayout } from '../pipeline/columnLayout';
import { columnLetters } from '../core/cellref';
import { foldKey } from '../sheets/cells';
import { COLUMN_ROLE_TEXT } from '../sheets/columnChoices';
import { COLUMN_UNUSED, type ColumnChoice, type ColumnSource } from '../sheets/header';
import { type SheetSnapshot } from '../workbook/port';
import { Collapsible, Notice } from './ui';

const KIND_LABEL: Record<ColumnSheetKind, string> = { ledger: 'huvudbok', balanceReport: 'balansrapport', resultReport: 'resultatrapport' };
/** What a sheet of each kind needs before it can be read (as the run's finding words it). */
const KIND_NEEDS: Record<ColumnSheetKind, string> = {
  ledger: 'Konto och Belopp (eller Debet och Kredit)',
  balanceReport: 'Konto, IB och UB',
  resultReport: 'Konto och Utfall',
};
const SOURCE_TEXT: Record<ColumnSource, string> = { rubrik: 'enligt rubriken', innehåll: 'enligt innehållet', val: 'ditt val' };
/** Rows searched for a header, as the layout step does. */
const HEADER_SCAN = 30;

const useStyles = makeStyles({
  sheet: { display: 'flex', flexDirection: 'column', gap: '8px', marginBottom: '12px' },
  sheetHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: '4px 8px' },
  column: { display: 'grid', gridTemplateColumns: '2.2em minmax(0, 1fr)', gap: '2px 6px', alignItems: 'center', paddingBottom: '6px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  letter: { fontWeight: tokens.fontWeightSemibold, gridRow: 'span 3', alignSelf: 'start', paddingTop: '2px' },
  header: { overflowWrap: 'anywhere' },
  dropdown: { minWidth: '0', width: '100%' },
  source: { color: tokens.colorNeutralForeground3 },
});

/** One column as the pane shows it. */
export interface ShownColumn {
  readonly column: number;
  readonly letter: string;
  readonly header: string;
  /** The role taken; undefined: the column is not used. */
  readonly role: string | undefined;
  readonly source: ColumnSource | undefined;
  /** The user's own choice for this column in the pane, if any. */
  readonly chosen: boolean;
}

export interface ShownSheet {
  readonly layout: SheetColumnLayout;
  /** The row shown: the header row, or when none was accepted the row most like one. */
  readonly row: number | undefined;
  readonly columns: readonly ShownColumn[];
}

/** How a choice names a column: its header text when it has one, else its letter. */
export function choiceColumnName(column: { readonly header: string; readonly letter: string }): string {
  return column.header !== '' ? column.header : column.letter;
}

/** The user's choice (in the pane) for a column of a sheet: by header text or by letter. */
function choiceFor(choices: readonly ColumnChoice[], sheet: string, column: { readonly header: string; readonly letter: string }): ColumnChoice | undefined {
  const names = new Set([foldKey(column.letter), ...(column.header !== '' ? [foldKey(column.header)] : [])]);
  return [...choices].reverse().find((c) => c.sheet === sheet && names.has(foldKey(c.column)));
}

/** The choices with a new role for one column: an earlier choice for the same column is replaced. */
export function columnChoiceSet(choices: readonly ColumnChoice[], sheet: string, column: { readonly header: string; readonly letter: string }, role: string): ColumnChoice[] {
  const names = new Set([foldKey(column.letter), ...(column.header !== '' ? [foldKey(column.header)] : [])]);
  const others = choices.filter((c) => !(c.sheet === sheet && names.has(foldKey(c.column))));
  return [...others, { sheet, column: choiceColumnName(column), role }];
}

/** The row among the first ones with the most texts in it (the first on a tie): where a header most likely is. */
export function headerRowGuess(cells: SheetSnapshot['cells']): number | undefined {
  let best: number | undefined;
  let most = 0;
  for (let r = 1; r <= Math.min(cells.length, HEADER_SCAN); r++) {
    const texts = (cells[r - 1] ?? []).filter((v) => typeof v === 'string' && v.trim() !== '').length;
    if (texts > most) {
      most = texts;
      best = r;
    }
  }
  return best;
}

/** What the pane shows for a sheet: the layout's columns, or without a header the texts of the row most like one. */
export function sheetShown(layout: SheetColumnLayout, snapshot: SheetSnapshot | undefined, choices: readonly ColumnChoice[]): ShownSheet {
  if (layout.headerRow !== undefined) {
    return {
      layout,
      row: layout.headerRow,
      columns: layout.columns.map((c) => ({ ...c, chosen: choiceFor(choices, layout.sheet, c) !== undefined })),
    };
  }
  const row = snapshot ? headerRowGuess(snapshot.cells) : undefined;
  const cells = row !== undefined ? (snapshot?.cells[row - 1] ?? []) : [];
  const columns: ShownColumn[] = [];
  cells.forEach((v, i) => {
    if (typeof v !== 'string' || v.trim() === '') return;
    const column = { column: i + 1, letter: columnLetters(i + 1), header: v.trim() };
    const choice = choiceFor(choices, layout.sheet, column);
    const role = choice && choice.role !== COLUMN_UNUSED ? choice.role : undefined;
    columns.push({ ...column, role, source: choice ? 'val' : undefined, chosen: choice !== undefined });
  });
  return { layout, row, columns };
}

/** A role with its meaning: "Projekt – insats (projekt)". */
export function roleLabel(role: string): string {
  const text = COLUMN_ROLE_TEXT.get(role);
  return text ? `${role} – ${text}` : role;
}

function sourceText(c: ShownColumn): string {
  if (c.role === undefined) return c.chosen ? `används inte (${SOURCE_TEXT.val})` : 'används inte';
  return c.source ? SOURCE_TEXT[c.source] : '';
}

function SheetColumns(props: { shown: ShownSheet; choices: readonly ColumnChoice[]; onChange: (choices: ColumnChoice[]) => void }) {
  const styles = useStyles();
  const { layout, row, columns } = props.shown;
  const own = props.choices.filter((c) => c.sheet === layout.sheet);
  return (
    <section className={styles.sheet} aria-label={`Kolumner i ${layout.sheet}`}>
      <div className={styles.sheetHead}>
        <Text weight="semibold">
          {layout.sheet} <Text size={200}>({KIND_LABEL[layout.kind]})</Text>
        </Text>
        {own.length > 0 && (
          <Button size="small" appearance="subtle" onClick={() => props.onChange(props.choices.filter((c) => c.sheet !== layout.sheet))} aria-label={`Ta bort dina val för ${layout.sheet}`}>
            Återställ
          </Button>
        )}
      </div>
      {layout.headerRow !== undefined ? (
        <Text size={200}>Rubrikerna står på rad {layout.headerRow}.</Text>
      ) : (
        <Notice intent="warning">
          Ingen rubrikrad med {KIND_NEEDS[layout.kind]} hittades i {layout.sheet}.
          {row !== undefined ? ` Rad ${row} ser ut som rubriker: välj vad kolumnerna innehåller.` : ' Bladet har ingen text i de första raderna.'}
        </Notice>
      )}
      {columns.map((c) => {
        const value = c.role ?? COLUMN_UNUSED;
        const options = layout.options.includes(value) ? layout.options : [value, ...layout.options];
        const name = c.header !== '' ? `${c.letter} (${c.header})` : c.letter;
        return (
          <div key={c.column} className={styles.column} data-kolumn={c.letter}>
            <Text className={styles.letter} aria-hidden>
              {c.letter}
            </Text>
            <Text size={200} className={styles.header}>
              {c.header !== '' ? c.header : '(ingen rubrik)'}
            </Text>
            <Select
              size="small"
              className={styles.dropdown}
              value={value}
              aria-label={`Roll för kolumn ${name} i ${layout.sheet}`}
              onChange={(_, data) => {
                if (!data.value || data.value === value) return;
                props.onChange(columnChoiceSet(props.choices, layout.sheet, c, data.value));
              }}
            >
              {options.map((o) => (
                <option key={o} value={o}>
                  {roleLabel(o)}
                </option>
              ))}
            </Select>
            <Text size={100} className={styles.source} data-testid="kolumn-kalla">
              {sourceText(c)}
            </Text>
          </div>
        );
      })}
    </section>
  );
}

/**
 * The Kolumner panel: closed until opened, or opened by itself when `attention` turns true
 * (a books sheet without a header, or a run blocked on its columns).
 */
export function ColumnChoicePanel(props: {
  layouts: readonly SheetColumnLayout[];
  snapshots: readonly SheetSnapshot[];
  choices: readonly ColumnChoice[];
  attention: boolean;
  onChange: (choices: ColumnChoice[]) => void;
}) {
  const [open, setOpen] = useState(props.attention);
  useEffect(() => {
    if (props.attention) setOpen(true);
  }, [props.attention]);
  if (props.layouts.length === 0) return null;
  const byName = new Map(props.snapshots.map((s) => [s.name, s]));
  const own = props.choices.filter((c) => props.layouts.some((l) => l.sheet === c.sheet)).length;
  return (
    <Collapsible header={`Kolumner${own > 0 ? ` (${own} ${own === 1 ? 'eget val' : 'egna val'})` : ''}`} open={open} onToggle={setOpen}>
      {props.layouts.map((layout) => (
        <SheetColumns key={layout.sheet} shown={sheetShown(layout, byName.get(layout.sheet), props.choices)} choices={props.choices} onChange={props.onChange} />
      ))}
    </Collapsible>
  );
}
