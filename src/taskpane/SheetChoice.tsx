// Which sheet plays which part: detected, shown and changeable in dropdowns.
import { Dropdown, Option } from '@fluentui/react-components';
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
            <Dropdown
              id={`finsam-blad-${role}`}
              size="small"
              value={value}
              selectedOptions={[value]}
              aria-label={`Blad för ${label}`}
              onOptionSelect={(_, data) => {
                const next: SheetRoles = { ...props.roles };
                if (data.optionValue === NONE || !data.optionValue) delete next[role];
                else next[role] = data.optionValue;
                props.onChange(next);
              }}
            >
              <Option value={NONE}>{NONE}</Option>
              {props.sheets.map((s) => (
                <Option key={s} value={s}>
                  {s}
                </Option>
              ))}
            </Dropdown>
          </LabeledControl>
        );
      })}
    </>
  );
}
