// Which sheet plays which part: detected, shown and changeable in dropdowns.
import { Select } from '@fluentui/react-components';
import { type SheetRole, type SheetRoles } from '../sheets/detect';
import { LabeledControl } from './ui';

export const ROLE_LABELS: [SheetRole, string][] = [
  ['ledger', 'Huvudbok'],
  ['balanceReport', 'Balansrapport'],
  ['resultReport', 'Resultatrapport'],
  ['budget', 'Budget'],
  ['settings', 'Inställningar'],
  ['insatser', 'Insatser'],
  ['kontoplan', 'Kontoplan'],
];

const NONE = '(inget blad)';

export function SheetChoice(props: { sheets: readonly string[]; roles: SheetRoles; onChange: (roles: SheetRoles) => void }) {
  return (
    <>
      {ROLE_LABELS.map(([role, label]) => {
        const value = props.roles[role] ?? NONE;
        return (
          <LabeledControl key={role} label={label} htmlFor={`finsam-blad-${role}`}>
            <Select
              id={`finsam-blad-${role}`}
              size="small"
              value={value}
              aria-label={`Blad för ${label}`}
              onChange={(_, data) => {
                const next: SheetRoles = { ...props.roles };
                if (data.value === NONE || !data.value) delete next[role];
                else next[role] = data.value;
                props.onChange(next);
              }}
            >
              <option value={NONE}>{NONE}</option>
              {props.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </LabeledControl>
        );
      })}
    </>
  );
}
