// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

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
          patterns: [
            {
              group: ['**/platform/database/transaction.service'],
              message: 'Modules write through UnitOfWork.run (src/platform/change), not a bare transaction.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bench/**/*.ts', 'src/cli/**/*.ts', '**/cli.ts', '**/simulator/main.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
