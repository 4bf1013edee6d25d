// ESLint: typescript-eslint's recommended rules, and the import directions of the
// architecture — core imports only decimal.js; sheets imports core and the port's types;
// workbook imports neither; pipeline never imports an adapter; the shells pick one.
const tseslint = require('typescript-eslint');

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const adapter = (from) => [`${from}workbook/xlsx`, `${from}workbook/office`, `${from}workbook/memory`];
const ui = ['react', 'react-dom', 'react-dom/*', '@fluentui/*'];

module.exports = tseslint.config(
  { ignores: ['lib/**', 'dist/**', 'node_modules/**', 'coverage/**', '*.config.js', 'bin/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', Buffer: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: restrict([
      { group: ['../*', '!../core/*'], message: 'core importerar bara sig själv och decimal.js.' },
      { group: ['exceljs', 'react', 'react-dom', '@fluentui/*', '@microsoft/*', 'fs', 'path', 'node:*'], message: 'core är ren: inga adaptrar, ingen Node, ingen DOM.' },
    ]),
  },
  {
    files: ['src/sheets/**/*.ts'],
    rules: restrict([
      { group: ['../pipeline/*', '../cli/*', '../taskpane/*', '../commands/*', ...adapter('../')], message: 'sheets importerar core och portens typer, inga adaptrar.' },
      { group: ['exceljs', 'react', '@fluentui/*', 'fs', 'path'], message: 'sheets arbetar på celler, inte på filer eller UI.' },
    ]),
  },
  {
    files: ['src/workbook/**/*.ts'],
    rules: restrict([{ group: ['../core/*', '../sheets/*', '../pipeline/*', '../cli/*', '../taskpane/*'], message: 'workbook flyttar celler: den importerar varken core eller sheets.' }]),
  },
  {
    files: ['src/pipeline/**/*.ts'],
    rules: restrict([
      { group: [...adapter('../'), '../cli/*', '../taskpane/*', '../commands/*'], message: 'pipeline använder porten, aldrig en adapter.' },
      { group: ['exceljs', 'fs', 'path', ...ui], message: 'pipeline läser och skriver bara genom porten.' },
    ]),
  },
);
