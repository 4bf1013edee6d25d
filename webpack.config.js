// webpack 5: the task pane (React + Fluent UI) as dist/taskpane.html with its bundle, the
// icons, and the manifests — manifest.xml as checked in (https://localhost:3000, for
// sideloading while developing) and dist/manifest.xml for production, whose host URL is set
// in one place: the FINSAM_HOST environment variable, else package.json "config.host".
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
      // exceljs's browser build carries its own polyfills.
      alias: { exceljs$: path.join(__dirname, 'node_modules/exceljs/dist/exceljs.min.js') },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { noEmit: false, module: 'esnext', moduleResolution: 'bundler', sourceMap: dev } } },
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
module.exports.DEV_HOST = DEV_HOST;
