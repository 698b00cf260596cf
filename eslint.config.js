// Lint, with the layer table written once: src/core imports nothing from Node, the DOM, React or
// Electron (tsconfig.core.json refuses their types too); the renderer never imports Node or Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import regexp from 'eslint-plugin-regexp';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'stream', 'zlib', 'http', 'https', 'net', 'url', 'util', 'worker_threads', 'events', 'buffer', 'readline', 'process'];
const nodeModules = NODE_BUILTINS.flatMap((m) => [m, `${m}/*`, `node:${m}`, `node:${m}/*`]);

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/work/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: nodeModules.map((name) => ({ name, message: 'src/core is platform-free: no Node modules.' })),
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/core is platform-free: no React.' },
            { group: ['electron', 'electron/*'], message: 'src/core is platform-free: no Electron.' },
            { group: ['dexie', 'dexie-react-hooks', 'monaco-editor', 'monaco-editor/*', '@monaco-editor/*'], message: 'src/core is platform-free.' },
            { group: ['**/renderer/**', '**/main/**', '**/preload/**', '**/cli/**'], message: 'src/core imports nothing outside src/core.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['src/core/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
  // ReDoS: parsers read untrusted files, so no regular expression in core may backtrack or scan
  // super-linearly (see src/core/formats/redos-fixes.test.ts for the ones rewritten).
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-misleading-capturing-group': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeModules.map((name) => ({ name, message: 'The renderer has no Node: go through the preload bridge.' })),
          patterns: [{ group: ['electron', 'electron/*'], message: 'The renderer talks to main only through the preload bridge.' }],
        },
      ],
    },
  },
);
