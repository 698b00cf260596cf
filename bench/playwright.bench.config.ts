// The app benchmark (test/e2e/bench/*.spec.ts), run by `npm run bench` with the inputs it generated
// (BENCH_BUNDLE, BENCH_GROUPS_BUNDLE; results to BENCH_APP_RESULTS). The normal e2e config ignores
// that folder. Same browser and window as the e2e tests, its own port, long timeouts.
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

const ROOT = resolve(import.meta.dirname, '..');
const PORT = 4175;

export default defineConfig({
  ...base,
  testDir: resolve(ROOT, 'test/e2e/bench'),
  testIgnore: [],
  outputDir: resolve(ROOT, 'bench/work/playwright'),
  timeout: 20 * 60_000,
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: {
    command: `node scripts/serve-web.mjs --port ${PORT}`,
    cwd: ROOT,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
