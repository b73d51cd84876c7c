// Lint zones enforce the import rules of DESIGN.md: the engine stays pure, the renderer never
// reaches Electron or Node, and only the wrappers touch ipcMain, ipcRenderer and the keychain.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'http',
  'https',
  'crypto',
  'child_process',
  'util',
  'stream',
  'events',
  'url',
];
const keychainOnly = {
  group: ['@napi-rs/keyring', '@napi-rs/keyring/*'],
  message: 'Only app/main/secret-store.ts touches the keychain.',
};
const noIpcMain = { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'Only app/main/ipc* touches ipcMain.' };
const noIpcRenderer = {
  selector: "ImportSpecifier[imported.name='ipcRenderer']",
  message: 'Only the preload touches ipcRenderer.',
};
const noClock = {
  selector: "NewExpression[callee.name='Date'][arguments.length=0]",
  message: 'The engine has no clock: pass time in.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'ci-out/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [keychainOnly] }],
    },
  },
  {
    files: ['build-scripts/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['app/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The engine is pure: no Node.' },
            { group: ['electron', 'electron/*'], message: 'The engine is pure: no Electron.' },
            {
              group: ['**/sources/**', '**/main/**', '**/shared/**', '**/cli/**', '**/preload/**', '**/renderer/**'],
              message: 'The engine imports nothing outside itself.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The engine has no clock: pass time in.' },
      ],
      'no-restricted-syntax': ['error', noClock, noIpcMain, noIpcRenderer],
    },
  },
  {
    files: ['app/sources/**/*.ts', 'app/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            keychainOnly,
            { group: ['electron', 'electron/*'], message: 'Sources and the CLI run in plain Node: no Electron.' },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'Sources import the engine, shared and Node only.',
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', noIpcMain, noIpcRenderer],
    },
  },
  {
    // The CLI reads keys from the same keychain as the app: through the secret store, nothing else of main.
    files: ['app/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            keychainOnly,
            { group: ['electron', 'electron/*'], message: 'The CLI runs in plain Node: no Electron.' },
            {
              group: ['**/main/**', '!**/main/secret-store.ts', '**/renderer/**', '**/preload/**'],
              message: 'The CLI imports engine, sources, shared and the secret store only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['app/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', 'electron/*'],
              message: 'Shared code runs in main, preload and renderer: no Node, no Electron.',
            },
            { group: ['**/sources/**', '**/main/**', '**/cli/**'], message: 'Shared imports the engine only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs sandboxed: no Node.' },
            { group: ['electron', 'electron/*'], message: 'The renderer never imports Electron; use window.spendbar.' },
            {
              group: ['**/app/main/**', '**/app/sources/**', '**/app/cli/**'],
              message: 'The renderer imports engine and shared only (and types from preload).',
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', noIpcMain, noIpcRenderer],
    },
  },
  {
    files: ['app/main/**/*.ts'],
    ignores: ['app/main/ipc*.ts', 'app/main/ipc/**'],
    rules: { 'no-restricted-syntax': ['error', noIpcMain, noIpcRenderer] },
  },
  {
    files: ['app/main/secret-store.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['app/preload/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', noIpcMain] },
  },
);
