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
      '@typescript-eslint/no-explicit-any': 'off',
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
