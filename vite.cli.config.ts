// Builds the headless CLI (src/cli) into one Node ESM file: out/cli/main.js, loaded by bin/oomscope.mjs.
// The report's React document (src/renderer/src/features/report) is bundled in for `oomscope report`;
// playwright-core stays outside (a runtime dependency, loaded only to print a PDF).
import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // React's production build: no development checks or warnings in the CLI.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node22',
    ssr: resolve(import.meta.dirname, 'src/cli/main.ts'),
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'playwright-core'],
      output: { entryFileNames: 'main.js', format: 'es' },
    },
  },
  ssr: { noExternal: true, external: ['playwright-core'] },
});
