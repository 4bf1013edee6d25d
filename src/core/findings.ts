// Findings: every problem with the input as a value, never an exception. Each has a stable
// code (tests assert on it), a severity (blocking findings stop the run before anything is
// written), a Swedish message for people and the cells it concerns.
import { type CellRef, cellRefText } from './cellref';

/** 'antagande': what a reader inferred and the revisor should see (the Kontroller sheet lists it). */
export type Severity = 'blockerande' | 'varning' | 'antagande';

/** The stable codes and their severities. A new kind of finding is one line here. */
export const FINDING_CODES = {
  'belopp-ej-tal': 'blockerande',
  'belopp-oredelar': 'blockerande',
  'cell-fel': 'blockerande',
  'formel-utan-varde': 'blockerande',
  'datum-ogiltigt': 'blockerande',
  'rubrikrad-saknas': 'blockerande',
  'kolumn-tvetydig': 'blockerande',
  'konto-ogiltigt': 'blockerande',
  'konto-saknas': 'blockerande',
  'konto-utan-rad': 'blockerande',
  'huvudbok-obalans': 'blockerande',
  'verifikation-obalans': 'blockerande',
  'huvudbok-tom': 'blockerande',
  'ar-saknar-data': 'blockerande',
  'ar-saknas': 'blockerande',
  'kontoplan-okand-rad': 'blockerande',
  'andel-negativ': 'blockerande',
  'andel-ogiltig': 'blockerande',
  'installning-ogiltig': 'blockerande',
  'insats-ogiltig': 'blockerande',
  'saldo-avviker': 'blockerande',
  'summa-for-stor': 'blockerande',
  'budget-summa-avviker': 'varning',
  'budget-oklar-rad': 'varning',
  'projekt-utan-insats': 'varning',
  'konto-utan-insats': 'varning',
  'ib-avviker-fran-ub': 'varning',
  'medlemsandelar-avviker': 'varning',
  'driftbidrag-avviker': 'varning',
  'bokslut-avviker': 'varning',
  'blad-namnkrock': 'varning',
  'innehall-forloras': 'varning',
  'text-avkortad': 'varning',
  'budget-saknas': 'varning',
  'inget-att-rapportera': 'varning',
  'arbetsbok-olaslig': 'blockerande',
  'huvudbok-saknas': 'blockerande',
  'mal-ogiltigt': 'blockerande',
  'statistik-ogiltig': 'blockerande',
  'kassaflode-avviker': 'blockerande',
  'eget-kapital-serie-bruten': 'varning',
  'not-avviker': 'varning',
  'konto-osakert': 'blockerande',
  'kontoplan-foreslagen': 'varning',
  'mal-saknas': 'varning',
  'underlag-saknas': 'blockerande',
  'ib-saknas': 'blockerande',
  'balansrakning-obalans': 'blockerande',
  'resultat-avviker': 'blockerande',
  'summarad-avviker': 'blockerande',
  'blad-olasligt': 'blockerande',
  'dimension-oklar': 'blockerande',
  'datum-tvetydigt': 'blockerande',
  'kolumnval-ogiltigt': 'blockerande',
  'antagande': 'antagande',
  'cell-sammanfogad': 'varning',
  'tabeller-saknas': 'varning',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FINDING_CODES;

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** Swedish, names the sheet and cell where there is one. */
  readonly message: string;
  readonly cells: readonly CellRef[];
}

/** Builds a finding with its code's severity; the message gets the first cells appended. */
export function finding(code: FindingCode, message: string, cells: readonly CellRef[] = []): Finding {
  const shown = cells.slice(0, 5).map(cellRefText);
  const more = cells.length > 5 ? ` m.fl. (${cells.length} celler)` : '';
  const where = shown.length > 0 ? ` [${shown.join(', ')}${more}]` : '';
  return { code, severity: FINDING_CODES[code], message: `${message}${where}`, cells };
}

export function findingsBlocking(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'blockerande');
}

/** A value together with the findings made while producing it: the result of every stage. */
export interface Parsed<T> {
  readonly value: T;
  readonly findings: readonly Finding[];
}
