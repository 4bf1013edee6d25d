import { parseDate, yearInText } from './dates';

test.each<[Parameters<typeof parseDate>[0], string | undefined]>([
  [{ date: 45366 }, '2024-3-15'],
  [45366, '2024-3-15'],
  ['2024-03-15', '2024-3-15'],
  ['202403', '2024-3-1'],
  [202403, '2024-3-1'],
  ['20240315', '2024-3-15'],
  ['2024-02-30', undefined],
  ['trettonde mars', undefined],
  [{ date: 44927 }, '2023-1-1'],
])('parseDate(%p) → %p', (input, expected) => {
  const d = parseDate(input);
  expect(d ? `${d.year}-${d.month}-${d.day}` : undefined).toBe(expected);
});

test('years in titles', () => {
  expect(yearInText('Huvudbok 2023-01-01 – 2024-12-31')).toBe(2023);
  expect(yearInText('Budget 2024')).toBe(2024);
  expect(yearInText('Konto 19301')).toBeUndefined();
});
