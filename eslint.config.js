import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.playground/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'], location: 'start' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/emulator/**', 'hyperformula', 'node:*'],
              message: 'The add-on bundle runs in Apps Script.',
            },
          ],
        },
      ],
    },
  },
  {
    // One rule decides what a written cell is (text, or a formula the add-on built): cell-text.ts.
    files: ['src/**/*.ts'],
    ignores: ['src/sheets/cell-text.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['setValue', 'setValues', 'setFormula', 'setFormulas', 'appendRow'].map((property) => ({
          property,
          message:
            'Write cells with writeCells or writeCell (src/sheets/cell-text.ts): typed text is never evaluated.',
        })),
      ],
    },
  },
  // The add-on and its sidebar are checked with type information too.
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({
    ...config,
    files: ['src/**/*.ts', 'sidebar/**/*.{ts,tsx}', 'records-dialog/**/*.{ts,tsx}'],
  })),
  {
    files: ['src/**/*.ts', 'sidebar/**/*.{ts,tsx}', 'records-dialog/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['src/sheets/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../app/*',
                '../main*',
                '../services/*',
                '**/emulator/**',
                'hyperformula',
                'node:*',
              ],
              message:
                'src/sheets touches the spreadsheet only: no use case, service or entry point.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../app/*',
                '../main*',
                '../sheets/*',
                '**/emulator/**',
                'hyperformula',
                'node:*',
              ],
              message:
                'src/services wraps Apps Script services: no use case, sheet code or entry point.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../sheets/*',
                '../services/*',
                '../main*',
                '**/emulator/**',
                'hyperformula',
                'node:*',
              ],
              message: 'The domain imports nothing from the shell.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'SpreadsheetApp',
          'PropertiesService',
          'LockService',
          'ScriptApp',
          'MailApp',
          'DriveApp',
          'HtmlService',
          'Session',
          'Utilities',
        ].map((name) => ({ name, message: 'The domain touches no Apps Script service.' })),
      ],
    },
  },
  {
    files: ['emulator/**/*.ts'],
    rules: {
      // The emulator implements @types/google-apps-script, whose signatures say `any`.
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src/**'], message: 'The emulator knows nothing of the add-on.' },
          ],
        },
      ],
    },
  },
);
