import fc from 'fast-check';
import {
  moneyAdd, moneyAllocate, moneyFormatKr, moneyFromKronor, moneyFromOre, moneyFromString, moneySum,
  moneyToFixed2, moneyToOre, moneyZero, moneyRoundTkr, type Money,
} from './money';

describe('money', () => {
  it('adds öre exactly where floats would not', () => {
    const a = moneyFromOre(10);
    const b = moneyFromOre(20);
    expect(moneyToFixed2(moneyAdd(a, b))).toBe('0.30');
    expect(0.1 + 0.2).not.toBe(0.3);
  });

  it('prints decimal strings with ASCII minus and no grouping', () => {
    expect(moneyToFixed2(moneyFromKronor(-775000))).toBe('-775000.00');
    expect(moneyToFixed2(moneyFromString('-0.001'))).toBe('0.00');
    expect(moneyFormatKr(moneyFromKronor(-2832000))).toBe('-2 832 000 kr');
  });

  it('rounds to tkr half up only when presenting', () => {
    expect(moneyRoundTkr(moneyFromKronor(236500)).toNumber()).toBe(237);
    expect(moneyRoundTkr(moneyFromKronor(-43614)).toNumber()).toBe(-44);
  });

  it('sums any list of öre amounts to the integer sum', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 })), (ores) => {
      const total = moneySum(ores.map((o) => moneyFromOre(o)));
      return moneyToOre(total) === ores.reduce((s, o) => s + o, 0);
    }));
  });

  it('allocates so that the parts always add up to the whole', () => {
    fc.assert(fc.property(
      fc.integer({ min: -1e10, max: 1e10 }),
      fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }).filter((w) => w.some((x) => x > 0)),
      (ore, weights) => {
        const total = moneyFromOre(ore);
        const parts = moneyAllocate(total, weights);
        return parts.length === weights.length && moneySum(parts).equals(total);
      },
    ));
  });

  it('does not let a plain number pass as Money', () => {
    // @ts-expect-error a number is not Money
    const bad: Money = 5;
    // @ts-expect-error Decimal arithmetic leaves the Money type
    const alsoBad: Money = moneyZero.plus(5);
    expect([bad, alsoBad]).toHaveLength(2);
  });
});
