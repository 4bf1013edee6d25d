import type Decimal from 'decimal.js';
import { conditionHolds, goalLimitInUnit } from '../core/goals';
import { ExactDecimal } from '../core/money';
import { conditionParse, goalsRead, limitParse, statisticsRead } from './goalsReader';

describe('Villkor in every form', () => {
  test.each([
    ['≥', '>='],
    ['>=', '>='],
    ['minst', '>='],
    ['Minst', '>='],
    ['≤', '<='],
    ['<=', '<='],
    ['högst', '<='],
    ['>', '>'],
    ['över', '>'],
    ['<', '<'],
    ['under', '<'],
    ['=', '='],
  ])('%s → %s', (text, expected) => {
    expect(conditionParse(text)).toBe(expected);
  });
  test('unreadable', () => {
    expect(conditionParse('ungefär')).toBeUndefined();
  });
});

describe('Gränsvärde in every form', () => {
  test.each([
    [0, '0', 'tal'],
    [130000, '130000', 'tal'],
    ['20 %', '20', 'procent'],
    ['85%', '85', 'procent'],
    ['17,5 %', '17.5', 'procent'],
    ['130 000 kr', '130000', 'kr'],
    ['130\u00a0000 kr', '130000', 'kr'],
    ['130 tkr', '130000', 'kr'],
    ['1/3', '33.33333333333333333333333333333333333333', 'procent'],
    ['en tredjedel', '33.33333333333333333333333333333333333333', 'procent'],
    ['hälften', '50', 'procent'],
    ['−5 %', '-5', 'procent'],
  ])('%p → %s (%s)', (cell, value, kind) => {
    const limit = limitParse(cell);
    expect(limit?.kind).toBe(kind);
    expect(limit?.value.toString()).toBe(value);
  });
  test('unreadable', () => {
    expect(limitParse('många')).toBeUndefined();
    expect(limitParse(true)).toBeUndefined();
  });
  test('a percentage typed into a percent-formatted cell arrives as a fraction and is read as percent', () => {
    expect(goalLimitInUnit(limitParse(0.2)!, 'procent').toString()).toBe('20');
    expect(goalLimitInUnit(limitParse(0.2)!, 'kr').toString()).toBe('0.2');
  });
  test('a limit in percent cannot judge a measure in kronor', () => {
    expect(goalLimitInUnit(limitParse('20 %')!, 'kr')).toMatch(/en andel i procent/);
  });
  test('one third compared exactly: 10 of 30 meets ≥ 1/3, 9 of 30 does not', () => {
    const third = goalLimitInUnit(limitParse('en tredjedel')!, 'procent') as Decimal;
    expect(conditionHolds(new ExactDecimal(10).times(100).dividedBy(30), '>=', third)).toBe(true);
    expect(conditionHolds(new ExactDecimal(9).times(100).dividedBy(30), '>=', third)).toBe(false);
    expect(conditionHolds(new ExactDecimal(20), '<=', new ExactDecimal(20))).toBe(true);
    expect(conditionHolds(new ExactDecimal(20), '<', new ExactDecimal(20))).toBe(false);
    expect(conditionHolds(new ExactDecimal(20), '=', new ExactDecimal('20.00'))).toBe(true);
  });
});

const sheet = (name: string, cells: (string | number | null)[][]) => ({ name, cells, generated: false });

describe('the Mål sheet', () => {
  test('goals with and without mått; a header below a title', () => {
    const { goals, findings } = goalsRead(
      sheet('Mål', [
        ['Förbundets mål 2024'],
        [],
        ['Id', 'Mål', 'Insats', 'Mått', 'Villkor', 'Gränsvärde'],
        ['F1', 'EK högst 20 %', null, 'Eget kapital i % av tilldelade medel', 'högst', '20 %'],
        ['F4', 'Kapitalet används väl', null, null, null, null],
      ]),
    );
    expect(findings).toEqual([]);
    expect(goals.map((g) => [g.id, g.measure, g.condition, g.limit?.value.toString(), g.cell.row])).toEqual([
      ['F1', 'Eget kapital i % av tilldelade medel', '<=', '20', 4],
      ['F4', '', undefined, undefined, 5],
    ]);
  });
  test('an unreadable Villkor or Gränsvärde is a blocking finding naming the cell', () => {
    const { findings } = goalsRead(sheet('Mål', [['Id', 'Mål', 'Insats', 'Mått', 'Villkor', 'Gränsvärde'], ['F1', 'x', null, 'Eget kapital', 'ungefär', 'många']]));
    expect(findings.map((f) => [f.code, f.severity, f.cells.map((c) => `${c.sheet}!${c.row}:${c.col}`)])).toEqual([
      ['mal-ogiltigt', 'blockerande', ['Mål!2:5']],
      ['mal-ogiltigt', 'blockerande', ['Mål!2:6']],
    ]);
  });
});

describe('the Insatsstatistik sheet', () => {
  test('long form with Av empty for counts', () => {
    const { rows, findings } = statisticsRead(sheet('Insatsstatistik', [['Insats', 'Mått', 'Antal', 'Av'], ['A', 'Deltagare', 38, null], ['A', 'Nöjda', '28', 30]]));
    expect(findings).toEqual([]);
    expect(rows.map((r) => [r.insats, r.measure, r.antal, r.av])).toEqual([
      ['A', 'Deltagare', 38, undefined],
      ['A', 'Nöjda', 28, 30],
    ]);
  });
  test('text in Antal is a finding naming the cell', () => {
    const { findings } = statisticsRead(sheet('Insatsstatistik', [['Insats', 'Mått', 'Antal', 'Av'], ['A', 'Nöjda', 'tjugo', 30]]));
    expect(findings[0]?.code).toBe('belopp-ej-tal');
    expect(findings[0]?.cells[0]).toMatchObject({ sheet: 'Insatsstatistik', row: 2, col: 3 });
  });
});
