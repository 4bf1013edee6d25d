// webpack 5: the task pane (React + Fluent UI) as dist/taskpane.html with its bundle, the
// icons, and the manifests — manifest.xml as checked in (https://localhost:3000, for
// sideloading while developing) and dist/manifest.xml for production, whose host URL is set
// in one place: the FINSAM_HOST environment variable, else package.json "config.host".
// The pane's own styles are compiled here (griffelAheadOfTime), and a production build leaves
// its chunk graph for scripts/bundle-size.js, which holds Excel mode's script under 600 KiB.
const path = require('path');
const fs = require('fs');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const pkg = require('./package.json');

const DEV_HOST = 'https://localhost:3000';

function productionHost() {
  const host = (process.env.FINSAM_HOST || pkg.config.host).replace(/\/+$/, '');
  if (!/^https:\/\//.test(host)) throw new Error(`FINSAM_HOST måste börja med https:// (fick ${host})`);
  return host;
}

/** The production manifest: the development manifest with its host URL replaced. */
function manifestFor(host) {
  return fs.readFileSync(path.join(__dirname, 'manifest.xml'), 'utf8').split(DEV_HOST).join(host);
}

/**
 * The dev certificates: office-addin-dev-certs makes them and installs its CA in the system's
 * trust store (asking for permission). Where that install cannot run (no sudo, say), the
 * server still uses the certificates it made and says how to trust them.
 */
async function devHttpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (err) {
    const defaults = require('office-addin-dev-certs/lib/defaults');
    if (!fs.existsSync(defaults.localhostCertificatePath)) throw err;
    console.warn(`Utvecklingscertifikatets CA kunde inte installeras (${err.message.trim()}). Servern använder ${defaults.localhostCertificatePath}; lita på ${defaults.caCertificatePath} i webbläsaren eller systemet för att slippa varningen.`);
    return { ca: fs.readFileSync(defaults.caCertificatePath), cert: fs.readFileSync(defaults.localhostCertificatePath), key: fs.readFileSync(defaults.localhostKeyPath) };
  }
}

/**
 * Where a production build leaves its chunk graph for scripts/bundle-size.js: beside npm's
 * cache, not in dist/ (which is published), one file per output directory.
 */
function bundleStatsFile(outputPath) {
  const key = require('crypto').createHash('sha1').update(path.resolve(outputPath)).digest('hex').slice(0, 16);
  return path.join(__dirname, 'node_modules', '.cache', 'finsam-bundle', `${key}.json`);
}

/**
 * The chunk graph of a build: each chunk with its files and the import() calls that load it,
 * and the chunks each module is in (a module concatenated into another is in that one's).
 */
function bundleStats(stats) {
  const json = stats.toJson({ all: false, outputPath: true, entrypoints: true, chunks: true, chunkOrigins: true, ids: true, modules: true, nestedModules: true });
  const modules = [];
  const add = (m, chunks) => {
    modules.push({ identifier: m.identifier, name: m.name, chunks });
    for (const inner of m.modules ?? []) add(inner, chunks);
  };
  for (const m of json.modules) add(m, m.chunks);
  return {
    outputPath: json.outputPath,
    entrypoints: Object.fromEntries(Object.entries(json.entrypoints).map(([name, e]) => [name, { chunks: e.chunks, assets: e.assets.map((a) => a.name) }])),
    chunks: json.chunks.map((c) => ({
      id: c.id,
      names: c.names,
      files: c.files,
      initial: c.initial,
      origins: c.origins.map((o) => ({ moduleIdentifier: o.moduleIdentifier, moduleName: o.moduleName, loc: o.loc, request: o.request })),
    })),
    modules,
  };
}

/**
 * Griffel's ahead-of-time form for the task pane's own styles. Each `makeStyles({...})` whose
 * `makeStyles` comes from @fluentui/react-components is computed here, at build time, into the
 * class names and CSS rules Griffel would otherwise compute in the page, and the call becomes
 * `__styles(classes, rules)`: the form Fluent's own components are published in. The page then
 * carries no CSS-in-JS compiler (Griffel's style resolver, stylis, rtl-css-js). The styles may
 * use literals and what the file imports from @fluentui/react-components (tokens,
 * typographyStyles, createCustomFocusIndicatorStyle, …); anything else fails the build.
 */
function griffelAheadOfTime(ts) {
  const FLUENT = '@fluentui/react-components';
  let fluent;
  let resolveStyleRulesForSlots;
  const fail = (file, node, message) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    throw new Error(`${path.relative(__dirname, file.fileName)}:${line + 1}: makeStyles: ${message}`);
  };

  /** The style object of a makeStyles call, evaluated with the file's imports from Fluent. */
  function evaluate(file, arg, imported) {
    const names = new Set();
    const visit = (node) => {
      if (ts.isTypeNode(node)) return;
      if (ts.isIdentifier(node)) {
        const p = node.parent;
        const isKey = (ts.isPropertyAccessExpression(p) && p.name === node) || (ts.isPropertyAssignment(p) && p.name === node);
        if (!isKey) {
          if (!imported.has(node.text)) fail(file, node, `${node.text} är inte känt när webpack bygger: stilarna får bara använda värden ur ${FLUENT}`);
          names.add(node.text);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(arg);
    fluent ??= require(FLUENT);
    const params = [...names];
    const js = ts.transpile(`styles = (${arg.getText(file)});`, { target: ts.ScriptTarget.ES2022 });
    return new Function(...params, `let styles; ${js}; return styles;`)(...params.map((n) => fluent[imported.get(n)]));
  }

  const literal = (value) => ts.factory.createIdentifier(JSON.stringify(value));

  return (context) => (file) => {
    // Local name → exported name of each value imported from Fluent.
    const imported = new Map();
    let makeStylesLocal;
    for (const statement of file.statements) {
      if (!ts.isImportDeclaration(statement) || statement.moduleSpecifier.text !== FLUENT) continue;
      const bindings = statement.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) continue;
      for (const el of bindings.elements) {
        const name = (el.propertyName ?? el.name).text;
        if (name === 'makeStyles') makeStylesLocal = el.name.text;
        else imported.set(el.name.text, name);
      }
    }
    if (!makeStylesLocal) return file;
    resolveStyleRulesForSlots ??= require('@griffel/core').resolveStyleRulesForSlots;
    const visit = (node) => {
      if (ts.isImportSpecifier(node) && node.name.text === makeStylesLocal) {
        // The same local name, bound to Fluent's __styles.
        return ts.factory.updateImportSpecifier(node, node.isTypeOnly, ts.factory.createIdentifier('__styles'), node.name);
      }
      if (ts.isIdentifier(node) && node.text === makeStylesLocal && !(ts.isCallExpression(node.parent) && node.parent.expression === node) && !ts.isImportSpecifier(node.parent)) {
        fail(file, node, 'används på annat sätt än som anrop');
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === makeStylesLocal) {
        if (node.arguments.length !== 1) fail(file, node, 'väntade ett argument');
        const [classes, rules] = resolveStyleRulesForSlots(evaluate(file, node.arguments[0], imported), '');
        return ts.factory.updateCallExpression(node, node.expression, undefined, [literal(classes), literal(rules)]);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(file, visit);
  };
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const devServer = { port: 3000, headers: { 'Access-Control-Allow-Origin': '*' }, static: { directory: path.join(__dirname, 'dist') }, hot: false, liveReload: false };
  if (dev && !env.http) {
    // Office requires https: the dev certificates of office-addin-dev-certs (installed on first use).
    devServer.server = { type: 'https', options: await devHttpsOptions() };
  }
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: { path: path.join(__dirname, 'dist'), filename: '[name].[contenthash:8].js', clean: true },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      alias: {
        // exceljs's browser build carries its own polyfills.
        exceljs$: path.join(__dirname, 'node_modules/exceljs/dist/exceljs.min.js'),
        // One scheduler, react-dom's own: Fluent's context selector asks for "scheduler" too,
        // and npm installs a second, newer copy for it.
        scheduler$: require.resolve('scheduler', { paths: [path.dirname(require.resolve('react-dom/package.json'))] }),
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: { noEmit: false, module: 'esnext', moduleResolution: 'bundler', sourceMap: dev },
              getCustomTransformers: () => ({ before: [griffelAheadOfTime(require('typescript'))] }),
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ FINSAM_VERSION: JSON.stringify(pkg.version) }),
      new HtmlWebpackPlugin({ template: './src/taskpane/taskpane.html', filename: 'taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets', to: 'assets' }] }),
      {
        apply(compiler) {
          if (dev) return;
          compiler.hooks.done.tap('FinsamBundleStats', (stats) => {
            if (stats.hasErrors()) return;
            const file = bundleStatsFile(compiler.options.output.path);
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, JSON.stringify(bundleStats(stats)));
            // The graphs of builds whose directory is gone (a test's temporary build) go too.
            for (const other of fs.readdirSync(path.dirname(file))) {
              const at = path.join(path.dirname(file), other);
              try {
                if (at !== file && !fs.existsSync(JSON.parse(fs.readFileSync(at, 'utf8')).outputPath)) fs.rmSync(at);
              } catch {
                fs.rmSync(at, { force: true });
              }
            }
          });
        },
      },
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap('FinsamManifest', (compilation) => {
            compilation.hooks.processAssets.tap({ name: 'FinsamManifest', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
              const xml = dev ? manifestFor(DEV_HOST) : manifestFor(productionHost());
              compilation.emitAsset('manifest.xml', new webpack.sources.RawSource(xml));
            });
          });
        },
      },
    ],
    devServer,
  };
};
module.exports.manifestFor = manifestFor;
module.exports.bundleStatsFile = bundleStatsFile;
module.exports.griffelAheadOfTime = griffelAheadOfTime;
module.exports.DEV_HOST = DEV_HOST;
