// Finds a Chromium for the e2e tests: CHROME_PATH, Debian's /usr/bin/chromium, other usual paths,
// or Playwright's own browser where `npx playwright install chromium` could download it.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

export interface ChromiumChoice {
  executablePath: string | null;
  source: 'CHROME_PATH' | 'system' | 'playwright';
}

export function findChromium(): ChromiumChoice {
  const fromEnv = process.env['CHROME_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to "${fromEnv}", which does not exist.`);
    return { executablePath: fromEnv, source: 'CHROME_PATH' };
  }
  for (const path of CANDIDATES) if (existsSync(path)) return { executablePath: path, source: 'system' };
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
