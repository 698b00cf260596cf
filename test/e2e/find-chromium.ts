// Finds a Chromium for the e2e tests: CHROME_PATH, Debian's /usr/bin/chromium and the other usual
// paths (the CLI's own lookup, src/cli/find-chromium.ts), or Playwright's own browser where
// `npx playwright install chromium` could download it.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium as findSystemChromium } from '../../src/cli/find-chromium';

export interface ChromiumChoice {
  executablePath: string | null;
  source: 'CHROME_PATH' | 'system' | 'playwright';
}

export function findChromium(): ChromiumChoice {
  const system = findSystemChromium();
  if (system.found) return { executablePath: system.path, source: system.source };
  if (process.env['CHROME_PATH']) throw new Error(`${system.reason}.`);
  let bundled: string;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = '';
  }
  if (bundled && existsSync(bundled)) return { executablePath: null, source: 'playwright' };
  throw new Error(
    'No Chromium found for the e2e tests. Install one of: Debian/Ubuntu `sudo apt-get install -y chromium`; ' +
      'or `npx playwright install chromium` where downloads are possible; or set CHROME_PATH to a Chromium/Chrome binary.',
  );
}
