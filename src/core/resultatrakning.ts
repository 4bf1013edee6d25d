// Resultaträkning (LKBR): the spec of its lines, and the build from the report year, the
// previous year and the year's budget. Report sign: intäkter positive, kostnader negative.
import { type StatementModel, type StatementSpec, statementBuild, type StatementColumnSource } from './statement';

export const RESULTATRAKNING_SPEC: StatementSpec = {
  title: 'Resultaträkning',
  lines: [
    { kind: 'accounts', name: 'Verksamhetens intäkter', lines: ['Verksamhetens intäkter'], sign: -1, always: true },
    { kind: 'accounts', name: 'Verksamhetens kostnader', lines: ['Verksamhetens kostnader'], sign: -1, always: true },
    { kind: 'accounts', name: 'Avskrivningar', lines: ['Avskrivningar'], sign: -1, always: true },
    { kind: 'sum', name: 'Verksamhetens nettokostnader', of: ['Verksamhetens intäkter', 'Verksamhetens kostnader', 'Avskrivningar'] },
    { kind: 'accounts', name: 'Skatteintäkter', lines: ['Skatteintäkter'], sign: -1 },
    { kind: 'accounts', name: 'Generella statsbidrag och utjämning', lines: ['Generella statsbidrag och utjämning'], sign: -1 },
    { kind: 'sum', name: 'Verksamhetens resultat', of: ['Verksamhetens nettokostnader', 'Skatteintäkter', 'Generella statsbidrag och utjämning'] },
    { kind: 'accounts', name: 'Finansiella intäkter', lines: ['Finansiella intäkter'], sign: -1, always: true },
    { kind: 'accounts', name: 'Finansiella kostnader', lines: ['Finansiella kostnader'], sign: -1, always: true },
    { kind: 'sum', name: 'Resultat efter finansiella poster', of: ['Verksamhetens resultat', 'Finansiella intäkter', 'Finansiella kostnader'] },
    { kind: 'accounts', name: 'Extraordinära poster', lines: ['Extraordinära poster'], sign: -1 },
    { kind: 'sum', name: 'Årets resultat', of: ['Resultat efter finansiella poster', 'Extraordinära poster'] },
  ],
};

/** Columns: utfall år, utfall föregående år, budget år. */
export function resultatrakningBuild(year: StatementColumnSource, previousYear: StatementColumnSource, budget: StatementColumnSource): StatementModel {
  return statementBuild(RESULTATRAKNING_SPEC, [year, previousYear, budget]);
}
