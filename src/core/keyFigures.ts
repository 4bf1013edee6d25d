// Key figures computed once here and used by every shell and measure: soliditet (eget kapital
// in percent of summa tillgångar).
import { type Bokslut } from './bokslut';
import { type Money, moneyRatio } from './money';
import { statementRow } from './statement';
import type Decimal from 'decimal.js';

export function balansrakningAmount(bokslut: Bokslut, line: string, column = 0): Money | undefined {
  return statementRow(bokslut.balansrakning, line)?.amounts[column];
}

/** Soliditet in percent (exact): eget kapital / summa tillgångar; undefined without assets. */
export function soliditetPercent(equity: Money, assets: Money): Decimal | undefined {
  return moneyRatio(equity, assets)?.times(100);
}

/** Soliditet of a bokslut's balansräkning column, in percent (exact). */
export function soliditet(bokslut: Bokslut, column = 0): Decimal | undefined {
  const equity = balansrakningAmount(bokslut, 'Summa eget kapital', column);
  const assets = balansrakningAmount(bokslut, 'Summa tillgångar', column);
  if (!equity || !assets) return undefined;
  return soliditetPercent(equity, assets);
}
