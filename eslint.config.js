// ESLint: typescript-eslint's recommended rules, and the import directions of the
// architecture — core imports only decimal.js; sheets imports core and the port's types;
// workbook imports neither; pipeline never imports an adapter; the shells pick one. And text
// is never a key of a plain object: a lookup by a string on anything but a Map (or an array)
// is an error, so that a cell holding "__proto__" or "constructor" stays data.
const ts = require('typescript');
const tseslint = require('typescript-eslint');

/**
 * `object[text]` and `text in object` where `text` is any string (not a union of literals the
 * code names) and `object` is not an array or a string: such a lookup reaches the object's
 * prototype. Keyed lookups of text go through a Map.
 */
const textIsNoKey = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      lookup: 'Text används som nyckel i ett vanligt objekt ({{object}}): använd en Map, så att "__proto__" eller "constructor" i en cell förblir data.',
      in: 'Text prövas med "in" mot ett vanligt objekt: använd en Map eller en Set.',
    },
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    if (!services || !services.program) return {};
    const checker = services.program.getTypeChecker();
    const typeOf = (node) => checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));
    const textFlags = ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping;
    const anyText = (type) => {
      const t = checker.getBaseConstraintOfType(type) ?? type;
      return t.isUnion() ? t.types.some(anyText) : (t.flags & textFlags) !== 0;
    };
    const indexable = (type) => checker.isArrayType(type) || checker.isTupleType(type) || (type.flags & ts.TypeFlags.StringLike) !== 0 || (type.flags & ts.TypeFlags.Any) !== 0;
    const safe = (type) => (type.isUnion() ? type.types.every(indexable) : indexable(type));
    return {
      MemberExpression(node) {
        if (!node.computed || !anyText(typeOf(node.property))) return;
        const object = checker.getNonNullableType(typeOf(node.object));
        if (safe(object)) return;
        context.report({ node, messageId: 'lookup', data: { object: context.sourceCode.getText(node.object).slice(0, 40) } });
      },
      BinaryExpression(node) {
        if (node.operator === 'in' && anyText(typeOf(node.left))) context.report({ node, messageId: 'in' });
      },
    };
  },
};

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
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*.test.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: __dirname } },
    plugins: { finsam: { rules: { 'text-is-no-key': textIsNoKey } } },
    rules: { 'finsam/text-is-no-key': 'error' },
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
