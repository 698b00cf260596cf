// Builds the benchmark harness (bench/src) into out/bench/{run,child}.js, the way the CLI is built
// (vite.cli.config.ts): one Node ESM bundle per entry, the real src/cli and src/core code inside.
// `npm run bench` runs `npm run build` first (the app bench needs out/renderer), then this.
import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: resolve(import.meta.dirname, '../out/bench'),
    emptyOutDir: true,
    target: 'node22',
    ssr: true,
    rollupOptions: {
      input: { run: resolve(import.meta.dirname, 'src/run.ts'), child: resolve(import.meta.dirname, 'src/child.ts') },
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { entryFileNames: '[name].js', format: 'es' },
    },
  },
  ssr: { noExternal: true },
});
