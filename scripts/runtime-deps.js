// The runtime dependencies as installed: the direct ones (package.json "dependencies") with
// the version and licence their installed package.json files give, and every package they
// pull in, counted by licence. `node scripts/runtime-deps.js` prints the README's tables;
// test/dependencies.test.ts holds the README to them.
const fs = require('fs');
const path = require('path');

function readPackage(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

function licenseOf(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type).join(' OR ');
  return 'okänd';
}

/** Where Node would find `name` from a package in `dir`: its own node_modules, then each parent's. */
function resolvePackage(name, dir, root) {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (d === root || d === path.dirname(d)) return undefined;
  }
}

function runtimeDependencies(root = path.join(__dirname, '..')) {
  const pkg = readPackage(root);
  const direct = Object.keys(pkg.dependencies || {}).sort();
  const seen = new Map();
  const missing = [];
  const queue = direct.map((name) => [name, root, false]);
  while (queue.length > 0) {
    const [name, from, optional] = queue.shift();
    const dir = resolvePackage(name, from, root);
    if (!dir) {
      if (!optional) missing.push(name);
      continue;
    }
    if (seen.has(dir)) continue;
    const installed = readPackage(dir);
    seen.set(dir, { name, version: installed.version, license: licenseOf(installed) });
    for (const dep of Object.keys(installed.dependencies || {})) queue.push([dep, dir, false]);
    for (const dep of Object.keys(installed.optionalDependencies || {})) queue.push([dep, dir, true]);
  }
  const all = [...seen.values()];
  return { direct: direct.map((name) => all.find((p) => p.name === name)), all, missing };
}

function runtimeDependenciesTables(root) {
  const { direct, all } = runtimeDependencies(root);
  const byLicense = new Map();
  for (const p of all) byLicense.set(p.license, (byLicense.get(p.license) || 0) + 1);
  const counts = [...byLicense].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [
    '| package | version | licence |',
    '| --- | --- | --- |',
    ...direct.map((d) => `| ${d.name} | ${d.version} | ${d.license} |`),
    '',
    `With what they pull in, ${all.length} packages run in the add-in or the command line:`,
    '',
    '| licence | packages |',
    '| --- | --- |',
    ...counts.map(([license, n]) => `| ${license} | ${n} |`),
    '',
    'Those under another licence than MIT or ISC:',
    '',
    '| package | version | licence |',
    '| --- | --- | --- |',
    ...all
      .filter((p) => p.license !== 'MIT' && p.license !== 'ISC')
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => `| ${p.name} | ${p.version} | ${p.license === 'okänd' ? 'none given in its package.json' : p.license} |`),
  ].join('\n');
}

module.exports = { runtimeDependencies, runtimeDependenciesTables };

if (require.main === module) process.stdout.write(`${runtimeDependenciesTables()}\n`);
