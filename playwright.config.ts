// e2e: the built renderer in Chromium, served by scripts/serve-web.mjs. Electron-only specs
// (test/e2e/electron.spec.ts) skip themselves with a printed reason where no Electron binary exists.
import { defineConfig } from '@playwright/test';
import { findChromium } from './test/e2e/find-chromium';

const chromium = findChromium();
const PORT = 4173;

export default defineConfig({
  testDir: 'test/e2e',
  // The app benchmark (test/e2e/bench/) needs inputs `npm run bench` generates: only its own config runs it.
  testIgnore: ['bench/**'],
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      ...(chromium.executablePath ? { executablePath: chromium.executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'off',
  },
  webServer: {
    command: `node scripts/serve-web.mjs --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
