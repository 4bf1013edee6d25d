// Kassaflödesanalys by the indirect method in the LKBR/RKR layout: årets resultat adjusted for
// items that did not move cash, the change in rörelsekapital, investeringar and finansiering,
// and likvida medel (kassa och bank plus kortfristiga placeringar) at the start and end of
// the year. Every line comes from the year's position: its IB and UB per balance account.
import { type AccountLine, type AccountMapping } from './accounts';
import { type Money, moneyFromOre } from './money';
import { positionOreOnLines, type YearPosition } from './positions';
import { type StatementModel, type StatementSpec, statementBuild, statementValueColumn } from './statement';

export const LIQUID_LINES: readonly AccountLine[] = ['Kassa och bank', 'Kortfristiga placeringar'];
const FIXED_ASSETS: readonly AccountLine[] = ['Immateriella anläggningstillgångar', 'Materiella anläggningstillgångar', 'Finansiella anläggningstillgångar'];

export const KASSAFLODE_SPEC: StatementSpec = {
  title: 'Kassaflödesanalys',
  lines: [
    { kind: 'heading', name: 'Den löpande verksamheten' },
    { kind: 'value', name: 'Årets resultat', key: 'resultat' },
    { kind: 'value', name: 'Justering för av- och nedskrivningar', key: 'avskrivningar', optional: true },
    { kind: 'value', name: 'Justering för gjorda avsättningar', key: 'avsattningar', optional: true },
    { kind: 'value', name: 'Justering för övriga ej likviditetspåverkande poster', key: 'ovriga', optional: true },
    { kind: 'sum', name: 'Medel från verksamheten före förändring av rörelsekapital', of: ['Årets resultat', 'Justering för av- och nedskrivningar', 'Justering för gjorda avsättningar', 'Justering för övriga ej likviditetspåverkande poster'] },
    { kind: 'value', name: 'Ökning/minskning kortfristiga fordringar', key: 'fordringar' },
    { kind: 'value', name: 'Ökning/minskning förråd', key: 'forrad', optional: true },
    { kind: 'value', name: 'Ökning/minskning kortfristiga skulder', key: 'skulder' },
    { kind: 'sum', name: 'Kassaflöde från den löpande verksamheten', of: ['Medel från verksamheten före förändring av rörelsekapital', 'Ökning/minskning kortfristiga fordringar', 'Ökning/minskning förråd', 'Ökning/minskning kortfristiga skulder'] },
    { kind: 'heading', name: 'Investeringsverksamheten' },
    { kind: 'value', name: 'Investering i anläggningstillgångar', key: 'investeringar' },
    { kind: 'sum', name: 'Kassaflöde från investeringsverksamheten', of: ['Investering i anläggningstillgångar'] },
    { kind: 'heading', name: 'Finansieringsverksamheten' },
    { kind: 'value', name: 'Ökning/minskning långfristiga skulder', key: 'langfristiga' },
    { kind: 'sum', name: 'Kassaflöde från finansieringsverksamheten', of: ['Ökning/minskning långfristiga skulder'] },
    { kind: 'sum', name: 'Årets kassaflöde', of: ['Kassaflöde från den löpande verksamheten', 'Kassaflöde från investeringsverksamheten', 'Kassaflöde från finansieringsverksamheten'] },
    { kind: 'value', name: 'Likvida medel vid årets början', key: 'likvida-ib' },
    { kind: 'value', name: 'Likvida medel vid årets slut', key: 'likvida-ub' },
  ],
};

/** The change of a balance line over the year, in ledger sign (UB − IB), öre. */
function change(p: YearPosition, mapping: AccountMapping, lines: readonly AccountLine[]): number {
  return positionOreOnLines(p.ub, mapping, lines) - positionOreOnLines(p.ib, mapping, lines);
}

/** The figures of one year, in report sign (cash in positive). */
export function kassaflodeFigures(p: YearPosition, mapping: AccountMapping): ReadonlyMap<string, Money> {
  const depreciation = positionOreOnLines(p.movement, mapping, ['Avskrivningar']);
  const avsattningar = -change(p, mapping, ['Avsättningar']);
  const equityChange = p.equity.minus(p.equityIB);
  const ovriga = equityChange.minus(p.result);
  return new Map<string, Money>([
    ['resultat', p.result],
    ['avskrivningar', moneyFromOre(depreciation)],
    ['avsattningar', moneyFromOre(avsattningar)],
    ['ovriga', ovriga as Money],
    ['fordringar', moneyFromOre(-change(p, mapping, ['Fordringar']))],
    ['forrad', moneyFromOre(-change(p, mapping, ['Förråd m.m.']))],
    ['skulder', moneyFromOre(-change(p, mapping, ['Kortfristiga skulder']))],
    ['investeringar', moneyFromOre(-(change(p, mapping, FIXED_ASSETS) + depreciation))],
    ['langfristiga', moneyFromOre(-change(p, mapping, ['Långfristiga skulder']))],
    ['likvida-ib', moneyFromOre(positionOreOnLines(p.ib, mapping, LIQUID_LINES))],
    ['likvida-ub', moneyFromOre(positionOreOnLines(p.ub, mapping, LIQUID_LINES))],
  ]);
}

/** The kassaflödesanalys of `year` with the year before beside it. */
export function kassaflodeBuild(year: number, positions: ReadonlyMap<number, YearPosition>, mapping: AccountMapping): StatementModel {
  const figures = (y: number) => {
    const p = positions.get(y);
    return p ? kassaflodeFigures(p, mapping) : undefined;
  };
  return statementBuild(KASSAFLODE_SPEC, [statementValueColumn(`${year}`, figures(year)), statementValueColumn(`${year - 1}`, figures(year - 1))]);
}
