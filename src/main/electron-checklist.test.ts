// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security) as
// checks on the source itself, for what unit tests with fakes cannot see: the one BrowserWindow gets
// the hardened options, every renderer is sandboxed, no shell.openExternal, no insecure option or
// remote module anywhere, the page's CSP has no unsafe script source, and the renderer never turns
// file content into HTML. The electronegativity scan (npm run security:scan) points here for the
// findings it cannot resolve itself (scripts/electronegativity-reviewed.json).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from './logger';
import { CONTENT_SECURITY_POLICY } from './security';
import { createMainWindow, type LoadableWindow } from './window';

const ROOT = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Code without its comments (headers quote calls such as `new BrowserWindow(…)` as samples). */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^[ \t]*\/\/.*$/gm, '');
const files = sourceFiles(join(ROOT, 'src')).map((path) => ({ path: relative(ROOT, path).replace(/\\/g, '/'), text: withoutComments(readFileSync(path, 'utf8')) }));
const inFolders = (...folders: string[]) => files.filter((f) => folders.some((d) => f.path.startsWith(d)));
const occurrences = (pattern: RegExp, scope = files) => scope.flatMap((f) => (pattern.test(f.text) ? [f.path] : []));

function policy(text: string): Map<string, string[]> {
  return new Map(
    text
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map((d) => [d[0] ?? '', d.slice(1)]),
  );
}

describe('the window', () => {
  it('is created in one place, with the options createMainWindow passes', () => {
    expect(occurrences(/new BrowserWindow\(/)).toEqual(['src/main/index.ts']);
    const index = files.find((f) => f.path === 'src/main/index.ts')?.text ?? '';
    expect(index).toMatch(/createMainWindow\(\(options\) => new BrowserWindow\(options\),/);
    expect(index.match(/new BrowserWindow\(/g)).toHaveLength(1);
  });

  it('gets contextIsolation, sandbox, no Node and web security from createMainWindow', () => {
    let received: BrowserWindowConstructorOptions | undefined;
    const fake: LoadableWindow = { once: () => undefined, show: () => undefined, loadURL: async () => undefined, loadFile: async () => undefined };
    createMainWindow((options) => ((received = options), fake), '/p.cjs', { kind: 'file', indexPath: '/x/index.html' }, createMemoryLogger());
    expect(received?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(received?.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(received?.webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('every renderer is sandboxed, and every web contents guarded, from main', () => {
    const index = files.find((f) => f.path === 'src/main/index.ts')?.text ?? '';
    expect(index).toContain('app.enableSandbox();');
    expect(index).toMatch(/app\.on\('web-contents-created', \(_event, contents\) => guardWebContents\(contents, page, log\)\)/);
    expect(index).toMatch(/hardenSession\(session\.defaultSession, page, log\)/);
    expect(index).toMatch(/isTrustedSenderUrl: \(url\) => isAppPageUrl\(page, url\)/);
  });
});

describe('failures of main are visible to support', () => {
  it('main logs to <userData>/logs/main.log, uncaught exceptions and rejections included', () => {
    const index = files.find((f) => f.path === 'src/main/index.ts')?.text ?? '';
    expect(index).toMatch(/const logDirectory = join\(app\.getPath\('userData'\), 'logs'\);/);
    expect(index).toMatch(/filePath: join\(logDirectory, 'main\.log'\)/);
    expect(index).toMatch(/process\.on\('uncaughtException', \(error\) => log\.error\(/);
    expect(index).toMatch(/process\.on\('unhandledRejection', \(reason\) => log\.error\(/);
    expect(index).toMatch(/'render-process-gone'/);
  });
});

describe('nothing insecure anywhere in main or preload', () => {
  const shell = inFolders('src/main/', 'src/preload/');
  it('no insecure webPreferences, no remote module, no blink features', () => {
    for (const pattern of [
      /nodeIntegration\w*:\s*true/,
      /contextIsolation:\s*false/,
      /sandbox:\s*false/,
      /webSecurity:\s*false/,
      /allowRunningInsecureContent:\s*true/,
      /webviewTag:\s*true/,
      /experimentalFeatures:\s*true/,
      /enableBlinkFeatures/,
      /enableRemoteModule/,
      /@electron\/remote/,
      /setCertificateVerifyProc|'certificate-error'/,
    ]) {
      expect(occurrences(pattern, shell), String(pattern)).toEqual([]);
    }
  });

  it('never opens a URL in the system browser: no shell.openExternal anywhere', () => {
    expect(occurrences(/openExternal/)).toEqual([]);
    // The only shell call opens main's own log folder (Help → Show Log Folder).
    const shellCalls = shell.flatMap((f) => [...f.text.matchAll(/\bshell\.(\w+)\(([^)]*)\)/g)].map((m) => `${f.path}: shell.${m[1]}(${m[2]})`));
    expect(shellCalls).toEqual(['src/main/index.ts: shell.openPath(logDirectory)']);
  });

  it('loads no remote content: one loadURL, for the dev server only', () => {
    const loads = shell.flatMap((f) => [...f.text.matchAll(/\.loadURL\(([^)]*)\)/g)].map((m) => `${f.path}: ${m[1]}`));
    expect(loads).toEqual(['src/main/window.ts: page.url']);
  });
});

describe('Content-Security-Policy', () => {
  const html = readFileSync(join(ROOT, 'src/renderer/index.html'), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';

  it('the page carries one in a meta tag', () => {
    expect(meta).not.toBe('');
  });

  for (const [name, text] of [
    ['the page (meta)', meta],
    ['main (header)', CONTENT_SECURITY_POLICY],
  ] as const) {
    it(`${name}: scripts and workers only from the app, no eval, no inline script`, () => {
      const p = policy(text);
      expect(p.get('default-src')).toEqual(["'self'"]);
      expect(p.get('script-src')).toEqual(["'self'"]);
      for (const directive of ['default-src', 'script-src', 'worker-src']) {
        for (const unsafe of ["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'http:', 'https:']) {
          expect(p.get(directive) ?? [], `${directive} ${unsafe}`).not.toContain(unsafe);
        }
      }
      // Monaco's editor worker and the import worker are files of the app ('self'), never eval'd code.
      expect(p.get('worker-src')?.[0]).toBe("'self'");
      expect(p.get('object-src')).toEqual(["'none'"]);
      expect(p.get('connect-src')).toEqual(["'self'"]);
    });
  }

  it('the header is the page policy plus frame-ancestors (which only works as a header)', () => {
    const header = policy(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(header).toEqual(policy(meta));
  });

  it('the page loads its one script as a module file, no inline script', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.[1]).toMatch(/type="module" src="\.\/src\/main\.tsx"/);
    expect(scripts[0]?.[2]?.trim()).toBe('');
  });
});

describe('the renderer never turns content into HTML', () => {
  const renderer = inFolders('src/renderer/');
  it('no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval or new Function', () => {
    expect(occurrences(/\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/, renderer)).toEqual([]);
  });
  it('dangerouslySetInnerHTML only for the report’s own constant stylesheet', () => {
    const uses = renderer.flatMap((f) => [...f.text.matchAll(/dangerouslySetInnerHTML=\{\{\s*__html:\s*([^}]*)\}\}/g)].map((m) => `${f.path}: ${m[1]?.trim()}`));
    const all = renderer.flatMap((f) => [...f.text.matchAll(/dangerouslySetInnerHTML/g)]).length;
    expect(uses.length).toBe(all);
    for (const use of uses) expect(use).toMatch(/: [A-Z][A-Z0-9_]*$/);
  });
});
