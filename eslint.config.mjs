// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import i18next from 'eslint-plugin-i18next';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Module boundaries: a file in src/modules/A may import another module B only through its
 * public face `../B` (B/index.ts), never `../B/some/file`; and a platform folder X only through
 * `platform/X`. A module's own files import each other freely. One block per folder depth, so
 * the number of `../` tells exactly where a relative import lands.
 */
const BARE_TRANSACTION = {
  group: ['**/platform/database/transaction.service'],
  message: 'Modules write through UnitOfWork.run (src/platform/change), not a bare transaction.',
};
// The blocks below replace the one for src/modules/** (a rule's options do not merge), so
// they repeat its pattern.
const MODULES = readdirSync(join(dirname(fileURLToPath(import.meta.url)), 'src', 'modules'), {
  withFileTypes: true,
})
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
function boundaryBlocks() {
  const blocks = [];
  for (const own of MODULES) {
    for (let depth = 0; depth <= 5; depth++) {
      const toModules = '(\\.\\./){' + (depth + 1) + '}';
      const toSrc = '(\\.\\./){' + (depth + 2) + '}';
      blocks.push({
        files: [`src/modules/${own}/${'*/'.repeat(depth)}*.ts`],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: [
                BARE_TRANSACTION,
                {
                  regex: `^${toModules}(?!${own}/)[^./][^/]*/.+`,
                  message: `Import another module only through its public face (index.ts): '${'../'.repeat(depth + 1)}<module>'.`,
                },
                {
                  regex: `^${toSrc}modules/[^/]+/.+`,
                  message: `Import another module only through its public face (index.ts): '${'../'.repeat(depth + 1)}<module>'.`,
                },
                {
                  // A platform folder's `testing/` helpers are for specs; everything else goes through its index.
                  regex: `^${toSrc}platform/[^/]+/(?!testing(/|$)).+`,
                  message: `Import the platform only through a folder's index.ts: '${'../'.repeat(depth + 2)}platform/<folder>'.`,
                },
              ],
            },
          ],
        },
      });
    }
  }
  return blocks;
}

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**', '**/*.js', '*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // One unit of work for every write: transactions are opened only by the database platform.
    files: ['src/**/*.ts'],
    ignores: ['src/platform/database/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='transaction']",
          message: 'Open transactions only in src/platform/database: modules write through UnitOfWork.run (src/platform/change).',
        },
      ],
    },
  },
  {
    files: ['src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [BARE_TRANSACTION],
        },
      ],
    },
  },
  {
    // The browser app: no user-visible literal in a component; every word comes from
    // web/src/i18n/{hi,en}.json (web/src/i18n/keys.spec.ts holds the two files together).
    files: ['web/src/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          // Field names and paths are the API's, not words on the screen.
          callees: { exclude: ['i18n(ext)?', 't', 'fieldMessage', 'fieldError', 'navigate', 'setField'] },
          'object-properties': { exclude: ['[A-Z_-]+', 'from', 'to'] },
          'jsx-attributes': {
            exclude: ['className', 'style', 'type', 'key', 'id', 'to', 'href', 'name', 'autoComplete', 'autoCapitalize', 'inputMode', 'role', 'lang', 'headingId', 'errorLang', 'data-.*', 'aria-hidden', 'kind', 'method', 'rel', 'target', 'accept'],
          },
        },
      ],
    },
  },
  {
    files: ['bench/**/*.ts', 'src/cli/**/*.ts', '**/cli.ts', '**/simulator/main.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  ...boundaryBlocks(),
);
