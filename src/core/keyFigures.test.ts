import { soliditet } from './keyFigures';
import { type Bokslut } from './bokslut';
import { moneyFromKronor } from './money';

const bokslutWith = (equity: number, assets: number) =>
  ({
    balansrakning: {
      title: 'Balansräkning',
      columns: ['2024'],
      rows: [
        { name: 'Summa tillgångar', kind: 'sum', amounts: [moneyFromKronor(assets)], accounts: [] },
        { name: 'Summa eget kapital', kind: 'sum', amounts: [moneyFromKronor(equity)], accounts: [] },
      ],
    },
  }) as unknown as Bokslut;

test('soliditet is eget kapital over summa tillgångar, in percent', () => {
  // Sollefteå 2024 as published: 820 526 / 997 756 = 82,24 %.
  expect(soliditet(bokslutWith(820526, 997756))!.toFixed(2)).toBe('82.24');
  expect(soliditet(bokslutWith(1, 0))).toBeUndefined();
});
