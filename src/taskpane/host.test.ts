// The saved choice of sheets and columns read back from the workbook's settings or the
// browser's storage: old saves with roles only, and anything malformed or unknown dropped.
import { choiceParse, choiceText } from './host';

describe('choiceParse', () => {
  test('a save from before column choices: roles only', () => {
    expect(choiceParse(JSON.stringify({ ledger: 'Huvudbok', kontoplan: 'Budget' }))).toEqual({ roles: { ledger: 'Huvudbok', kontoplan: 'Budget' }, columns: [] });
  });

  test('roles and column choices round-trip', () => {
    const choice = { roles: { ledger: 'Huvudbok' }, columns: [{ sheet: 'Huvudbok', column: 'Dim 7', role: 'Projekt' }] };
    expect(JSON.parse(choiceText(choice))).toEqual({ ledger: 'Huvudbok', kolumner: [{ sheet: 'Huvudbok', column: 'Dim 7', role: 'Projekt' }] });
    expect(choiceParse(choiceText(choice))).toEqual(choice);
  });

  test('nothing saved, or text that is not a JSON object', () => {
    for (const text of [undefined, null, '', 'inte json', '[]', '"Huvudbok"', '42', 'null']) expect(choiceParse(text)).toEqual({ roles: {}, columns: [] });
  });

  test('unknown keys, non-text roles and malformed column choices are dropped', () => {
    const text =
      '{"__proto__": {"ledger": "X"}, "constructor": "Huvudbok", "ledger": 7, "budget": "Budget", "okänd": "Blad", "kolumner": [' +
      '{"sheet": "Huvudbok", "column": "E", "role": "Projekt"},' +
      '{"sheet": "Huvudbok", "column": "F", "role": "toString"},' +
      '{"sheet": 1, "column": "E", "role": "Konto"},' +
      '{"column": "E", "role": "Konto"},' +
      '{"sheet": "Huvudbok", "column": "", "role": "Konto"},' +
      '{"sheet": "Huvudbok", "column": {"a": 1}, "role": "Konto"},' +
      '"Huvudbok", null, [1, 2],' +
      '{"sheet": "Huvudbok", "column": "E", "role": "Ingen"}]}';
    const parsed = choiceParse(text);
    expect(parsed.roles).toEqual({ budget: 'Budget' });
    expect(Object.getPrototypeOf(parsed.roles)).toBe(Object.prototype);
    // The last word on a column wins.
    expect(parsed.columns).toEqual([{ sheet: 'Huvudbok', column: 'E', role: 'Ingen' }]);
  });

  test('kolumner that is not a list', () => {
    expect(choiceParse('{"ledger": "Huvudbok", "kolumner": {"sheet": "Huvudbok", "column": "E", "role": "Projekt"}}')).toEqual({ roles: { ledger: 'Huvudbok' }, columns: [] });
  });
});
