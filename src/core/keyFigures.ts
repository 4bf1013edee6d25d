// Key figures computed once here and used by every shell: soliditet (eget kapital in percent
// of summa tillgångar) from the balansräkning of the report year.
import { type Bokslut } from './bokslut';
import { type Money, moneyRatio } from './money';
import { statementRow } from './statement';
import type Decimal from 'decimal.js';

export function balansrakningAmount(bokslut: Bokslut, line: string, column = 0): Money | undefined {
  return statementRow(bokslut.balansrakning, line)?.amounts[column];
}

/** Soliditet in percent (exact), or undefined when there are no assets. */
export function soliditet(bokslut: Bokslut, column = 0): Decimal | undefined {
  const equity = balansrakningAmount(bokslut, 'Summa eget kapital', column);
  const assets = balansrakningAmount(bokslut, 'Summa tillgångar', column);
  if (!equity || !assets || assets.isZero()) return undefined;
  return moneyRatio(equity, assets)?.times(100);
}
