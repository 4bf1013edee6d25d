// The README's table of runtime dependencies is what is installed: versions and licences as
// the installed packages give them, every package they pull in found.
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const deps = require('../scripts/runtime-deps.js') as {
  runtimeDependencies(root?: string): { missing: string[]; all: { name: string }[] };
  runtimeDependenciesTables(root?: string): string;
};

test('every runtime dependency is installed, with everything it pulls in', () => {
  const r = deps.runtimeDependencies(ROOT);
  expect(r.missing).toEqual([]);
  expect(r.all.map((p) => p.name)).toEqual(expect.arrayContaining(['decimal.js', 'exceljs', 'react', '@fluentui/react-components']));
});

test("the README's tables are the installed packages' own versions and licences", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  expect(readme).toContain(deps.runtimeDependenciesTables(ROOT));
});
