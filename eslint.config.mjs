import js from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'coverage/', '.data/']),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['*.{js,cjs,mjs}'],
    extends: [js.configs.recommended],
  },
  {
    files: ['*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: { process: 'readonly' } },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Test helpers default response bodies to `any` so assertions can reach into JSON without casts.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Last, so formatting is Prettier's alone.
  prettier,
);
