// Builds the headless CLI (src/cli) into one Node ESM file: out/cli/main.js, loaded by bin/oomscope.mjs.
import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node22',
    ssr: resolve(import.meta.dirname, 'src/cli/main.ts'),
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { entryFileNames: 'main.js', format: 'es' },
    },
  },
  ssr: { noExternal: true },
});
