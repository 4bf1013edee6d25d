import fc from 'fast-check';
import { CELL_ERROR_UNCALCULATED } from '../workbook/port';
import { parseAmount, parsePercent } from './numbers';

const ore = (v: Parameters<typeof parseAmount>[0]) => {
  const p = parseAmount(v);
  return p.ok ? p.ore : p.reason;
};

describe('parseAmount: every form a person or system writes', () => {
  test.each<[Parameters<typeof parseAmount>[0], number | string]>([
    [1293000, 129300000],
    ['1 293 000 kr', 129300000],
    ['-646 500', -64650000],
    ['\u2212646 500', -64650000],
    ['-646\u00a0500 kr', -64650000],
    ['646\u202f500', 64650000],
    ['17,73', 1773],
    ['(75)', -7500],
    ['2 832 tkr', 283200000],
    ['2,5 tkr', 250000],
    ['1.293.000', 129300000],
    ['1 293 000:-', 129300000],
    ['575 000 kr', 57500000],
    ['500-', -50000],
    ['', 0],
    [null, 0],
    [12.34, 1234],
    [0.1 + 0.2, 30],
    [12.345, 'decimals'],
    ['12,345', 'decimals'],
    ['femtio', 'text'],
    [{ error: '#N/A' }, 'error'],
    [{ date: 45000 }, 'date'],
    [true, 'text'],
    [{ percent: 1.5 }, 'percent'],
    [{ error: CELL_ERROR_UNCALCULATED }, 'uncalculated'],
  ])('%p → %p', (input, expected) => {
    expect(ore(input)).toBe(expected);
  });

  test('whole öre written as Swedish text read back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (n) => {
        const kr = Math.trunc(Math.abs(n) / 100);
        const oreText = String(Math.abs(n) % 100).padStart(2, '0');
        const grouped = String(kr).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
        const text = `${n < 0 ? '\u2212' : ''}${grouped},${oreText} kr`;
        expect(ore(text)).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe('parsePercent', () => {
  test.each<[Parameters<typeof parsePercent>[0], number | undefined]>([
    ['20 %', 0.2],
    ['85%', 0.85],
    [0.5, 0.5],
    [50, 0.5],
    ['17,73', 0.1773],
    ['−50 %', -0.5],
    ['hälften', undefined],
    [1.5, 0.015],
    [{ percent: 1.5 }, 1.5],
    [{ percent: 1.2 }, 1.2],
    [{ percent: 0.5 }, 0.5],
    [{ percent: 0.35000000000000003 }, 0.35],
    [{ percent: -0.1 }, -0.1],
    [{ percent: -1.7976931348623151e308 }, undefined],
    [{ percent: Infinity }, undefined],
    [{ error: CELL_ERROR_UNCALCULATED }, undefined],
  ])('%p → %p', (input, expected) => {
    expect(parsePercent(input)).toBe(expected);
  });

  test('a percent-formatted cell is the fraction it holds, whatever its size; a bare number reads by its size', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
        const fraction = n / 1000;
        expect(parsePercent({ percent: fraction })).toBe(fraction);
      }),
    );
  });
});

describe('a percent-formatted cell is never an amount', () => {
  test('its reason names the percent as shown', () => {
    expect(parseAmount({ percent: 1.5 })).toEqual({ ok: false, reason: 'percent', shown: '150 %' });
    expect(parseAmount({ percent: 0.1773 })).toEqual({ ok: false, reason: 'percent', shown: '17,73 %' });
  });
});
