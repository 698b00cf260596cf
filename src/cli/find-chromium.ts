// Finds a Chromium-based browser on this machine to print the report to PDF: CHROME_PATH first,
// then the usual install paths of Chromium, Google Chrome and Microsoft Edge per platform, e.g.
//   CHROME_PATH=/opt/chrome/chrome        → { path: '/opt/chrome/chrome', source: 'CHROME_PATH' }
//   /usr/bin/chromium (Debian's chromium) → { path: '/usr/bin/chromium', source: 'system' }
// Also used by the e2e tests (test/e2e/find-chromium.ts), which fall back to Playwright's own browser.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type ChromiumSource = 'CHROME_PATH' | 'system';

export type ChromiumLookup = { found: true; path: string; source: ChromiumSource } | { found: false; reason: string };

export const LINUX_CHROMIUM_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
];

export const MAC_CHROMIUM_PATHS: readonly string[] = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];

function windowsPaths(env: NodeJS.ProcessEnv): string[] {
  const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((r): r is string => typeof r === 'string' && r !== '');
  return roots.flatMap((root) => [join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'), join(root, 'Chromium', 'Application', 'chrome.exe'), join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe')]);
}

export function chromiumCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') return [...MAC_CHROMIUM_PATHS];
  if (platform === 'win32') return windowsPaths(env);
  return [...LINUX_CHROMIUM_PATHS];
}

export const NO_CHROMIUM_HINT =
  'install Chromium (Debian/Ubuntu: sudo apt-get install chromium; Fedora: sudo dnf install chromium), Google Chrome or Microsoft Edge, or set CHROME_PATH to a Chromium-based browser';

export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync, platform: NodeJS.Platform = process.platform): ChromiumLookup {
  const fromEnv = env['CHROME_PATH'];
  if (fromEnv) {
    if (!exists(fromEnv)) return { found: false, reason: `CHROME_PATH is set to "${fromEnv}", which does not exist` };
    return { found: true, path: fromEnv, source: 'CHROME_PATH' };
  }
  for (const path of chromiumCandidates(platform, env)) if (exists(path)) return { found: true, path, source: 'system' };
  return { found: false, reason: 'no Chromium-based browser found' };
}
