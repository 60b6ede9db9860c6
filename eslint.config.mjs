/**
 * ESLint 9 flat config: typescript-eslint's recommended rules over the whole tree, and the
 * rules of hooks over the mini-program. No type-aware rules: they would type-check the tree a
 * second time on every run, and `npm run typecheck` already does. Formatting is Prettier's job.
 */
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // build output, generated data and installed packages are not ours to lint
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      'miniprogram/dist/',
      'cloudfunctions/*/index.js',
      'data/sample/',
      'test-output/',
      '.data/',
      '.swc/',
      'bench/.bare/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks an argument a signature needs but the body does not use
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['miniprogram/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // CommonJS configs and test support loaded by Node and jest
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // tests and benchmarks read JSON answers of the envelope's generic data; the app and the backend stay typed
    files: ['tests/**/*.ts', 'bench/**/*.ts', '**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
