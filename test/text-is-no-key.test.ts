// The ESLint rule that keeps text from cells out of object keys (eslint.config.js,
// finsam/text-is-no-key): a lookup by any string on a plain object or a Record, and an `in`
// test of a string, are errors; a Map, an array, and keys the code names as literal types are not.
import { ESLint } from 'eslint';
import * as path from 'path';
import { ROOT } from './helpers';

const RULE = 'finsam/text-is-no-key';

// The project's own configuration, loaded as a module (jest cannot import ESLint's config file itself).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../eslint.config.js') as ESLint.Options['overrideConfig'];

async function problems(code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });
  // A file of the project, linted with other text: the rule needs the project's types.
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, 'src/core/text.ts') });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => `${m.line}:${code.split('\n')[m.line - 1]?.trim()}`);
}

test('text as a key of a plain object is an error; a Map, an array and literal keys are not', async () => {
  const code = [
    "const ALIASES: Record<string, string> = { förråd: 'Förråd m.m.' };",
    "const LINES: Record<'a' | 'b', number> = { a: 1, b: 2 };",
    "const MAP = new Map<string, string>([['förråd', 'Förråd m.m.']]);",
    'const LIST = [1, 2, 3];',
    'export function lookups(text: string, key: \'a\' | \'b\', i: number): unknown[] {',
    '  const words: { [word: string]: number } = {};',
    '  return [',
    '    ALIASES[text],',
    '    words[text.toLowerCase()],',
    '    text in ALIASES,',
    '    LINES[key],',
    '    MAP.get(text),',
    '    LIST[i],',
    '    text[i],',
    "    'error' in ALIASES,",
    '  ];',
    '}',
    'export const generic = <K extends string>(k: K): string | undefined => ALIASES[k];',
  ].join('\n');
  expect(await problems(code)).toEqual(['8:ALIASES[text],', '9:words[text.toLowerCase()],', '10:text in ALIASES,', "18:export const generic = <K extends string>(k: K): string | undefined => ALIASES[k];"]);
}, 60_000);
