// Balanskravsresultat: the kommunallag's table from årets resultat to the result the balance
// requirement is judged on. A förbund's ledger rarely holds the adjusting items; those it
// can tell (realisationsvinster by account name) are taken from the books, the rest are 0
// and shown as 0. A negative result must be restored within three years.
import { type Money, moneyFromOre, moneyZero } from './money';
import { type YearPosition } from './positions';
import { type StatementModel, type StatementSpec, statementBuild, statementRow, statementValueColumn } from './statement';

export const BALANSKRAV_SPEC: StatementSpec = {
  title: 'Balanskravsresultat',
  lines: [
    { kind: 'value', name: 'Årets resultat enligt resultaträkningen', key: 'resultat' },
    { kind: 'value', name: 'Samtliga realisationsvinster', key: 'realisationsvinster' },
    { kind: 'value', name: 'Vissa realisationsvinster enligt undantagsmöjlighet', key: 'undantag-vinster' },
    { kind: 'value', name: 'Vissa realisationsförluster enligt undantagsmöjlighet', key: 'undantag-forluster' },
    { kind: 'value', name: 'Orealiserade förluster i värdepapper', key: 'orealiserade' },
    { kind: 'value', name: 'Återföring av orealiserade förluster i värdepapper', key: 'aterforing' },
    { kind: 'sum', name: 'Årets resultat efter balanskravsjusteringar', of: ['Årets resultat enligt resultaträkningen', 'Samtliga realisationsvinster', 'Vissa realisationsvinster enligt undantagsmöjlighet', 'Vissa realisationsförluster enligt undantagsmöjlighet', 'Orealiserade förluster i värdepapper', 'Återföring av orealiserade förluster i värdepapper'] },
    { kind: 'value', name: 'Reservering till resultatutjämningsreserv', key: 'rur-reservering' },
    { kind: 'value', name: 'Användning av resultatutjämningsreserv', key: 'rur-anvandning' },
    { kind: 'sum', name: 'Balanskravsresultat', of: ['Årets resultat efter balanskravsjusteringar', 'Reservering till resultatutjämningsreserv', 'Användning av resultatutjämningsreserv'] },
  ],
};

export const BALANSKRAV_NEGATIVE_NOTE = 'Balanskravsresultatet är negativt: underskottet ska återställas inom tre år enligt kommunallagen (11 kap. 12 §).';

const REALISATION_GAIN = /realisationsvinst|reavinst|vinst vid (avyttring|försäljning)/i;

/** The table's figures of one year: årets resultat less the realisationsvinster its accounts are named for. */
function balanskravFigures(p: YearPosition, accountNames: ReadonlyMap<string, string>): ReadonlyMap<string, Money> {
  let gainsOre = 0;
  // A gain is a credit (negative in the ledger sign) and is deducted: the ledger amount as it stands.
  for (const [account, ore] of p.movement) if (REALISATION_GAIN.test(accountNames.get(account) ?? '')) gainsOre += ore;
  return new Map<string, Money>([
    ['resultat', p.result],
    ['realisationsvinster', moneyFromOre(gainsOre)],
    ...(['undantag-vinster', 'undantag-forluster', 'orealiserade', 'aterforing', 'rur-reservering', 'rur-anvandning'] as const).map((key): [string, Money] => [key, moneyZero]),
  ]);
}

export function balanskravBuild(year: number, positions: ReadonlyMap<number, YearPosition>, accountNames: ReadonlyMap<string, string>): StatementModel {
  const figures = (y: number) => {
    const p = positions.get(y);
    return p ? balanskravFigures(p, accountNames) : undefined;
  };
  return statementBuild(BALANSKRAV_SPEC, [statementValueColumn(`${year}`, figures(year)), statementValueColumn(`${year - 1}`, figures(year - 1))]);
}

/** The balanskravsresultat of a column, when there is one. */
export function balanskravResult(model: StatementModel, column: number): Money | undefined {
  return statementRow(model, 'Balanskravsresultat')?.amounts[column];
}
