// The Electron app itself (needs an Electron binary and `npm run build`): one window titled
// OOMScope, the preload's window.oomscope present, no Node in the page, and navigation away blocked.
// Skipped, with the reason printed, where node_modules/electron has no binary (it is downloaded on
// first use, which this never triggers).
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './find-electron';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const binary = findElectronBinary();
if (binary.path === null) console.log(`[electron.spec] skipped: ${binary.reason}`);

test.describe('Electron shell', () => {
  test.skip(binary.path === null, binary.reason ?? '');

  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    const env = { ...process.env };
    // The built page, never a dev server.
    delete env['ELECTRON_RENDERER_URL'];
    app = await electron.launch({
      executablePath: binary.path!,
      cwd: repoRoot,
      // Chromium refuses to start as root without --no-sandbox (CI containers); the app's renderer
      // keeps contextIsolation and its sandboxed preload environment either way.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '.'],
      env: env as Record<string, string>,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('opens one window titled OOMScope', async () => {
    await expect(page).toHaveTitle(/OOMScope/);
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toMatch(/^file:.*\/out\/renderer\/index\.html/);
  });

  test('exposes window.oomscope and no Node to the page', async () => {
    const shape = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      const bridge = scope['oomscope'] as Record<string, unknown> | undefined;
      return {
        bridge: typeof bridge,
        kind: bridge?.['kind'],
        methods: bridge ? Object.keys(bridge).sort() : [],
        require: typeof scope['require'],
        process: typeof scope['process'],
        module: typeof scope['module'],
      };
    });
    expect(shape).toEqual({
      bridge: 'object',
      kind: 'electron',
      methods: ['exportPdf', 'getSystemInfo', 'kind', 'onImportSources', 'onMenuCommand', 'pickImportSources', 'readImportSource', 'releaseImportSources'],
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
    });
  });

  test('answers through the bridge and refuses bad input', async () => {
    const info = await page.evaluate(() => (globalThis as unknown as { oomscope: { getSystemInfo(): Promise<{ appVersion: string }> } }).oomscope.getSystemInfo());
    expect(info.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    const refused = await page.evaluate(() =>
      (globalThis as unknown as { oomscope: { readImportSource(t: string, o: number, l: number): Promise<unknown> } }).oomscope
        .readImportSource('not-a-token', -1, 10)
        .then(() => 'accepted', (error: Error) => error.message),
    );
    expect(refused).toContain('must not be negative');
  });

  test('does not navigate away from the app', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  });
});
