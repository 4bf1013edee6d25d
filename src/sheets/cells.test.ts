import { CELL_ERROR_UNCALCULATED } from '../workbook/port';
import { cellIsEmpty, cellIsError, cellIsPercent, cellIsUncalculated, cellText, percentPoints } from './cells';

describe('a formula without a calculated value', () => {
  const v = { error: CELL_ERROR_UNCALCULATED };
  test('is never empty, is an error, and is told apart from Excel errors', () => {
    expect(cellIsEmpty(v)).toBe(false);
    expect(cellIsError(v)).toBe(true);
    expect(cellIsUncalculated(v)).toBe(true);
    expect(cellIsUncalculated({ error: '#N/A' })).toBe(false);
    expect(cellIsUncalculated(null)).toBe(false);
  });
});

describe('a percent-formatted cell', () => {
  test('reads as text the way Excel shows it', () => {
    expect(cellText({ percent: 1.5 })).toBe('150 %');
    expect(cellText({ percent: 0.1773 })).toBe('17,73 %');
    expect(cellText({ percent: 0.35000000000000003 })).toBe('35 %');
    expect(cellText({ percent: -0.05 })).toBe('-5 %');
  });

  test('is neither empty nor a number nor a date', () => {
    expect(cellIsPercent({ percent: 0 })).toBe(true);
    expect(cellIsEmpty({ percent: 0 })).toBe(false);
    expect(cellIsPercent(0.5)).toBe(false);
    expect(cellIsPercent({ date: 45000 })).toBe(false);
  });

  test('percent points without floating-point noise', () => {
    expect(percentPoints(0.1773)).toBe(17.73);
    expect(percentPoints(1.2)).toBe(120);
    expect(percentPoints(0.07)).toBe(7);
  });
});
