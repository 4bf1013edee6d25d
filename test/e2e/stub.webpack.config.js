// Builds test/e2e/officeStub.ts, the office.js stand-in of the browser tests, into one file.
const path = require('path');

module.exports = (env) => ({
  mode: 'development',
  devtool: false,
  context: path.join(__dirname, '..', '..'),
  entry: path.join(__dirname, 'officeStub.ts'),
  output: { path: env.out, filename: 'office-stub.js' },
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { noEmit: false, module: 'esnext' } } } }] },
});
