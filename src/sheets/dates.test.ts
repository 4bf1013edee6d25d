import { dateColumnRead, parseDate, periodYearInText, yearInText } from './dates';

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

describe('dates in the forms exports write them', () => {
  const year = (values: string[], i = 0) => dateColumnRead(values).parse(values[i] ?? null);
  test.each([
    [['2023/01/15'], '2023-1-15'],
    [['15 jan 2023'], '2023-1-15'],
    [['1 maj 2024'], '2024-5-1'],
    [['15.01.2023'], '2023-1-15'],
  ])('%p', (values, want) => {
    const d = year(values);
    expect(d ? `${d.year}-${d.month}-${d.day}` : undefined).toBe(want);
  });

  test('YY-MM-DD: the reading that keeps a ledger within a few years', () => {
    const col = ['23-01-15', '23-03-31', '24-02-12', '24-12-31', '23-06-07'];
    const r = dateColumnRead(col);
    expect(r.ambiguousYear).toBeUndefined();
    expect(col.map((v) => r.parse(v)?.year)).toEqual([2023, 2023, 2024, 2024, 2023]);
  });

  test('dd.mm.yy the same', () => {
    const col = ['15.01.23', '31.03.23', '12.02.24', '31.12.24'];
    const r = dateColumnRead(col);
    expect(col.map((v) => r.parse(v)?.year)).toEqual([2023, 2023, 2024, 2024]);
  });

  test('mm/dd/yyyy where a day above 12 tells', () => {
    const col = ['01/15/2023', '03/31/2023', '12/01/2024'];
    const r = dateColumnRead(col);
    expect(col.map((v) => { const d = r.parse(v); return d ? `${d.year}-${d.month}-${d.day}` : undefined; })).toEqual(['2023-1-15', '2023-3-31', '2024-12-1']);
    expect(r.assumedDayMonth).toBeUndefined();
  });

  test('day and month that cannot be told apart: day first, stated', () => {
    const r = dateColumnRead(['01/02/2024', '03/04/2024']);
    expect(r.parse('01/02/2024')).toEqual({ year: 2024, month: 2, day: 1 });
    expect(r.assumedDayMonth?.reading).toBe('dag/månad/år');
  });

  test('two-digit groups that give other years either way: ambiguous', () => {
    expect(dateColumnRead(['01-02-03', '02-03-01']).ambiguousYear).toBeDefined();
  });

  test('periods in titles, never a print date', () => {
    expect(periodYearInText('Huvudbok, utskriven 2025-02-14')).toBeUndefined();
    expect(periodYearInText('Utskrivet: 2025-02-14 10:31')).toBeUndefined();
    expect(periodYearInText('Period: 2023-01-01 – 2024-12-31')).toBe(2023);
    expect(periodYearInText('Huvudbok 2024')).toBe(2024);
  });
});
