// ESLint flat config: @eslint/js, typescript-eslint (strict, type-checked), and for the
// element and the app: Lit templates, their accessibility and web-component best practices.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import litPlugin from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.ts', '**/*.mts', '**/*.cts'];
const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs'];
const UI_FILES = ['src/element/**/*.ts', 'src/app/**/*.ts'];

export default defineConfig(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'test-results/',
      '.cache/',
      'custom-elements.json',
      // The npm package's compiled modules (npm run build:lib).
      'lib/',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,

  // TypeScript: every .ts file belongs to a tsconfig (the root one, src/core's, src/sw's),
  // which the project service finds by itself.
  {
    files: TS_FILES,
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Numbers in template literals are fine (`${count} passed`).
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // `() => resolve()` is clear enough.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // With noUncheckedIndexedAccess, `array[i]!` right after a bounds check is the clear form.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Action interfaces are implemented with arrow functions, which do not lose `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  // Plain JavaScript (scripts, configs): not part of a tsconfig, so no type-aware rules.
  {
    files: JS_FILES,
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { ...globals.node },
    },
  },

  // The element and the app: Lit templates, their accessibility, web-component practice.
  {
    files: UI_FILES,
    extends: [
      litPlugin.configs['flat/recommended'],
      litA11y.configs.recommended,
      wc.configs['flat/best-practice'],
    ],
    languageOptions: {
      globals: { ...globals.browser },
    },
    settings: {
      wc: { elementBaseClasses: ['LitElement'] },
    },
    rules: {
      // LitElement defines connectedCallback & co., so `super.connectedCallback()` needs no guard
      // (the rule is for direct HTMLElement subclasses, where they may be undefined).
      'wc/guard-super-call': 'off',
    },
  },

  // The service worker.
  {
    files: ['src/sw/**/*.ts'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },

  // Tests: browser globals and mocha in component tests, node in the rest.
  {
    files: ['tests/component/**/*.ts', 'tests/support/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // `element.shadowRoot!` after a fixture is the idiom; a wrong one fails the test anyway.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // chai's `expect(x).to.be.true` is an expression statement.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);
