import { describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium, LINUX_CHROMIUM_PATHS } from './find-chromium';

const only = (...paths: string[]) => (p: string) => paths.includes(p);

describe('findChromium', () => {
  it('takes CHROME_PATH first when it exists', () => {
    expect(findChromium({ CHROME_PATH: '/opt/c/chrome' }, only('/opt/c/chrome', '/usr/bin/chromium'), 'linux')).toEqual({ found: true, path: '/opt/c/chrome', source: 'CHROME_PATH' });
  });
  it('says so when CHROME_PATH points nowhere, rather than picking another browser', () => {
    const r = findChromium({ CHROME_PATH: '/nope' }, only('/usr/bin/chromium'), 'linux');
    expect(r).toEqual({ found: false, reason: 'CHROME_PATH is set to "/nope", which does not exist' });
  });
  it('finds Debian’s chromium, then Chrome, in that order', () => {
    expect(findChromium({}, only('/usr/bin/google-chrome', '/usr/bin/chromium'), 'linux')).toEqual({ found: true, path: '/usr/bin/chromium', source: 'system' });
    expect(findChromium({}, only('/usr/bin/google-chrome'), 'linux')).toMatchObject({ path: '/usr/bin/google-chrome' });
    expect(LINUX_CHROMIUM_PATHS[0]).toBe('/usr/bin/chromium');
  });
  it('knows the macOS and Windows install places', () => {
    expect(chromiumCandidates('darwin', {})).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    const win = chromiumCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' });
    expect(win.some((p) => p.includes('Chrome') && p.endsWith('chrome.exe'))).toBe(true);
    expect(win.some((p) => p.endsWith('msedge.exe'))).toBe(true);
  });
  it('reports nothing found', () => {
    expect(findChromium({}, () => false, 'linux')).toEqual({ found: false, reason: 'no Chromium-based browser found' });
  });
});
