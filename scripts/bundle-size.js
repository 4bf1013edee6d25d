// The JavaScript the task pane loads inside Excel, measured after a production build
// (npm run build): each file with its size, and the total, which must stay under 600 KiB
// (614 400 bytes) of minified JavaScript. Exits with 1 when it does not, 2 when the build
// cannot be read.
//
// Which files count (Excel mode):
// - the scripts taskpane.html loads: the entry chunks, which must be the files webpack lists
//   for the entry point "taskpane";
// - every chunk an import() loads, when that import() is in a module Excel mode loads, except
//   an import() inside browserHost() in src/taskpane/host.ts. index.tsx creates that host only
//   when office.js does not report an Excel host, so what it imports (the .xlsx code with
//   exceljs, opened when a file is chosen in the browser) is never fetched in Excel. An
//   import() of the same module anywhere else in host.ts makes it count again.
// What webpack built comes from the chunk graph webpack.config.js writes on a production build
// (bundleStatsFile); the script checks that it describes the files in the directory.
//
//   node scripts/bundle-size.js [dist]
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const ts = require('typescript');
const { bundleStatsFile } = require('../webpack.config.js');

const ROOT = path.join(__dirname, '..');
const LIMIT = 600 * 1024;
const ENTRY = 'taskpane';
/** The one place whose import() calls Excel mode never reaches: the browser's host. */
const BROWSER_ONLY = { file: 'src/taskpane/host.ts', fn: 'browserHost' };

function fail(message) {
  console.error(`bundle-size: ${message}`);
  process.exit(2);
}

/** Whether every import(request) in the file lies inside the function `fn` (at any depth). */
function importsOnlyInside(file, request, fn) {
  const text = fs.readFileSync(path.resolve(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  let found = 0;
  let outside = 0;
  const visit = (node, inside) => {
    const here = inside || (ts.isFunctionDeclaration(node) && node.name?.text === fn);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg) && arg.text === request) {
        found++;
        if (!here) outside++;
      }
    }
    ts.forEachChild(node, (child) => visit(child, here));
  };
  visit(source, false);
  return found > 0 && outside === 0;
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function main() {
  const dist = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
  const statsFile = bundleStatsFile(dist);
  if (!fs.existsSync(statsFile)) fail(`ingen byggrapport för ${dist}: kör npm run build först`);
  const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));

  // The report must describe the files that are there: same directory, same JavaScript files.
  const jsOnDisk = fs.readdirSync(dist).filter((f) => f.endsWith('.js'));
  const jsInStats = stats.chunks.flatMap((c) => c.files.filter((f) => f.endsWith('.js')));
  const missing = jsInStats.filter((f) => !jsOnDisk.includes(f));
  const unknown = jsOnDisk.filter((f) => !jsInStats.includes(f));
  if (path.resolve(stats.outputPath) !== dist || missing.length > 0 || unknown.length > 0) {
    fail(`byggrapporten stämmer inte med ${dist} (saknas: ${missing.join(', ') || '–'}; okända: ${unknown.join(', ') || '–'}): kör npm run build igen`);
  }

  // The scripts the page loads are the entry point's files.
  const entry = stats.entrypoints[ENTRY];
  if (!entry) fail(`ingångspunkten ${ENTRY} saknas i byggrapporten`);
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  const pageScripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]).filter((src) => !/^(https?:)?\/\//.test(src));
  const entryScripts = entry.assets.filter((f) => f.endsWith('.js'));
  if (pageScripts.length === 0 || pageScripts.some((s) => !entryScripts.includes(s)) || entryScripts.some((s) => !pageScripts.includes(s))) {
    fail(`taskpane.html laddar ${pageScripts.join(', ') || 'inga skript'}, ingångspunkten har ${entryScripts.join(', ')}`);
  }

  // The chunks Excel mode loads: the entry's, then each chunk an import() in one of those loads.
  const chunksOf = new Map(stats.modules.map((m) => [m.identifier, m.chunks]));
  const excel = new Set(entry.chunks);
  const browserOnly = new Map();
  const onlyInBrowser = (o) => {
    if ((o.moduleName ?? '').replace(/^\.\//, '') !== BROWSER_ONLY.file) return false;
    if (!browserOnly.has(o.request)) browserOnly.set(o.request, importsOnlyInside(BROWSER_ONLY.file, o.request, BROWSER_ONLY.fn));
    return browserOnly.get(o.request);
  };
  for (let grown = true; grown; ) {
    grown = false;
    for (const c of stats.chunks) {
      if (excel.has(c.id)) continue;
      const loaded = c.origins.some((o) => (chunksOf.get(o.moduleIdentifier) ?? []).some((id) => excel.has(id)) && !onlyInBrowser(o));
      if (loaded) {
        excel.add(c.id);
        grown = true;
      }
    }
  }

  const row = (file, what) => {
    const bytes = fs.readFileSync(path.join(dist, file));
    return { file, what, size: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  };
  const describe = (c) => (c.names.length > 0 ? c.names.join(', ') : `chunk ${c.id}`);
  const excelRows = [];
  const browserRows = [];
  for (const c of stats.chunks) {
    for (const f of c.files.filter((f) => f.endsWith('.js'))) {
      if (excel.has(c.id)) excelRows.push(row(f, c.initial ? `${describe(c)}, laddas av taskpane.html` : `${describe(c)}, import() i Excel-läge`));
      else browserRows.push(row(f, `${describe(c)}, bara i webbläsarläget`));
    }
  }
  const print = (rows) => {
    const width = Math.max(...rows.map((r) => r.file.length));
    for (const r of rows.sort((a, b) => b.size - a.size)) console.log(`  ${r.file.padEnd(width)}  ${String(r.size).padStart(9)} B  ${kib(r.size).padStart(10)}  gzip ${kib(r.gzip).padStart(9)}  (${r.what})`);
  };
  console.log('Excel-läge:');
  print(excelRows);
  if (browserRows.length > 0) {
    console.log(`Bara webbläsarläget (import() i ${BROWSER_ONLY.fn} i ${BROWSER_ONLY.file}, och vad de laddar):`);
    print(browserRows);
  }
  const total = excelRows.reduce((sum, r) => sum + r.size, 0);
  const gzip = excelRows.reduce((sum, r) => sum + r.gzip, 0);
  const ok = total < LIMIT;
  console.log(`Excel-läge totalt: ${total} B (${kib(total)}, gzip ${kib(gzip)}), gränsen ${LIMIT} B (${kib(LIMIT)}): ${ok ? `OK, ${kib(LIMIT - total)} kvar` : `${kib(total - LIMIT + 1)} för mycket`}`);
  if (!ok) process.exit(1);
}

if (require.main === module) main();
module.exports = { importsOnlyInside, LIMIT };
