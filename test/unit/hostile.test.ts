// The hostile corpus (test/fixtures/hostile/): each file through the import pipeline, as the app's
// import worker runs it, and through `oomscope analyze`. The README's table is the contract: the
// outcome and, word for word, a message the user is shown. A refused import keeps nothing, the CLI
// says so in one line and exits 2; nothing crashes, nothing pollutes a prototype, no control
// character reaches the terminal.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { importBundle, type ImportOutcome } from '../../src/core/bundle/import-pipeline';
import { sourceFromBytes } from '../../src/core/bundle/sources';
import type { ParseWarning } from '../../src/core/formats/format';
import { hasMessage, translate } from '../../src/core/i18n/translate';

const DIR = join(import.meta.dirname, '../fixtures/hostile');
const files = readdirSync(DIR)
  .filter((n) => !n.startsWith('_') && !n.endsWith('.md'))
  .sort();

interface Row {
  file: string;
  outcome: string;
  /** What the app shows (its catalogue's wording of the warning code). */
  app: string;
  /** The parser's own message, as the CLI prints it. */
  message: string;
}

/** The first table of the README: | `file` | what | outcome | the app says | oomscope says |. */
function readmeRows(): Row[] {
  const text = readFileSync(join(DIR, 'README.md'), 'utf8');
  const table = text.slice(text.indexOf('| File |'), text.indexOf('\n\n', text.indexOf('| File |')));
  return table
    .split('\n')
    .slice(2)
    .map((line) => line.split(' | '))
    .map((cells) => ({ file: (cells[0] ?? '').replace(/^\| `|`$/g, ''), outcome: cells[2] ?? '', app: cells[3] ?? '', message: (cells[4] ?? '').replace(/ \|$/, '') }));
}

/** The app's English for a warning: its catalogue entry when there is one (as useI18n().warning does). */
function appText(w: ParseWarning): string {
  const key = `warning.${w.code}`;
  return hasMessage(key) ? translate('en', key, w.params) : w.message;
}

async function importFile(name: string): Promise<{ outcome: ImportOutcome }> {
  return { outcome: await importBundle([sourceFromBytes(name, new Uint8Array(readFileSync(join(DIR, name))))]) };
}

/** Every warning the user is shown for an import: the refusal, or the archives', skipped members' and files' warnings. */
function warningsOf(outcome: ImportOutcome): ParseWarning[] {
  if (outcome.kind === 'refused') return [outcome.reason];
  if (outcome.kind === 'cancelled') return [];
  const b = outcome.bundle;
  return [...b.warnings, ...b.archives.flatMap((a) => a.warnings), ...b.skipped.map((s) => s.reason), ...b.files.flatMap((f) => f.warnings)];
}

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const rows = readmeRows();

afterAll(() => {
  // Nothing any hostile file did reached a prototype.
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
});

describe('the README table is the corpus', () => {
  it('lists every committed file, and only those', () => {
    expect([...new Set(rows.map((r) => r.file))].sort()).toEqual(files);
  });
});

describe.each(files)('%s', (name) => {
  const expected = rows.filter((r) => r.file === name);

  it('imports with the outcome and the message the README gives', async () => {
    const { outcome } = await importFile(name);
    const warnings = warningsOf(outcome);
    for (const row of expected) {
      if (row.outcome === 'refused') {
        expect(outcome.kind).toBe('refused');
        // A refusal keeps nothing: no bundle comes back (the worker's per-file events are dropped by the app).
        expect(outcome).not.toHaveProperty('bundle');
      } else {
        expect(outcome.kind).toBe('imported');
        const count = Number(/imported: (\d+) files?/.exec(row.outcome)?.[1]);
        if (outcome.kind === 'imported') expect(outcome.bundle.files).toHaveLength(count);
      }
      if (row.message === '—') {
        expect(warnings).toEqual([]);
        expect(row.app).toBe('—');
        if (outcome.kind === 'imported') expect(outcome.bundle.files.every((f) => f.status === 'parsed' && f.formatId !== 'unknown')).toBe(true);
      } else {
        const w = warnings.find((x) => x.message === row.message);
        expect(w, `"${row.message}" among ${JSON.stringify(warnings.map((x) => x.message))}`).toBeDefined();
        // A refusal reaches the app as the error toast "Import failed: …" (import.failed).
        if (w) expect(outcome.kind === 'refused' ? translate('en', 'import.failed', { message: appText(w) }) : appText(w)).toBe(row.app);
      }
    }
  }, 60_000);

  it('oomscope analyze answers, or refuses in one line with exit status 2', async () => {
    const r = await cli('analyze', join(DIR, name));
    expect(r.stderr).not.toContain('internal error');
    if (expected[0]?.outcome === 'refused') {
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`oomscope: refused "${join(DIR, name)}": ${expected[0].message}\n`);
      expect(r.stdout).toBe('');
    } else {
      expect(r.code).toBe(0);
      expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    }
  }, 60_000);
});

describe('what the hostile files come out as', () => {
  it('names that climb out of the bundle are shown inside it, the original kept next to them', async () => {
    const { outcome } = await importFile('tar-path-traversal.tar');
    if (outcome.kind !== 'imported') throw new Error(outcome.kind);
    expect(outcome.bundle.files.map((f) => [f.path, f.originalName])).toEqual([
      ['etc/passwd', '../../../../etc/passwd'],
      ['etc/cron.d/evil', '/etc/cron.d/evil'],
      ['Windows/System32/evil.dll', 'C:\\Windows\\System32\\evil.dll'],
      ['memory.stat', 'snap/../../memory.stat'],
      ['snap/bell_and_escape.txt', 'snap/bell\u0007and\u001bescape.txt'],
    ]);
    // eslint-disable-next-line no-control-regex -- no control character may survive in a shown path
    for (const f of outcome.bundle.files) expect(f.path).not.toMatch(/(^|\/)\.\.(\/|$)|^\/|[\u0000-\u001f]/);
    expect(outcome.bundle.skipped.map((s) => s.reason.code)).toEqual(['archive-member-not-a-file', 'archive-member-not-a-file', 'archive-member-not-a-file']);
    // The memory.stat that tried to climb out is still read as one.
    expect(outcome.bundle.files[3]?.formatId).toBe('cgroup-v1-memory-stat');
  });

  it('an archive nested deeper than 6 levels is kept as a file, the 6 above it expanded', async () => {
    const { outcome } = await importFile('nested-10-levels.zip');
    if (outcome.kind !== 'imported') throw new Error(outcome.kind);
    expect(outcome.bundle.archives).toHaveLength(6);
    expect(outcome.bundle.files[0]?.path).toBe('level-1.zip/level-2.zip/level-3.zip/level-4.zip/level-5.zip/level-6.zip');
  });

  it('__proto__ keys are data: the pod named __proto__ is read, no prototype changes', async () => {
    const { outcome } = await importFile('kubelet-summary-proto-keys.json');
    if (outcome.kind !== 'imported') throw new Error(outcome.kind);
    const data = outcome.bundle.files[0]?.data as { node: { memory: { usageBytes: number } }; pods: { name: string; namespace: string; memory: { usageBytes: number } }[] };
    expect(data.node.memory.usageBytes).toBe(4096);
    expect(data.pods[0]).toMatchObject({ name: '__proto__', namespace: 'constructor', memory: { usageBytes: 8192 } });
    expect(Object.getPrototypeOf(data.pods[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const r = await cli('analyze', join(DIR, 'kubelet-summary-proto-keys.json'));
    expect(r.code).toBe(0);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
  });

  it('the bombs are refused after at most 128 MiB + 16 MiB of expansion, not at the 4 GiB ceiling', async () => {
    for (const name of ['zip-bomb-nested.zip', 'gzip-bomb-256mib.gz']) {
      const { outcome } = await importFile(name);
      if (outcome.kind !== 'refused') throw new Error(outcome.kind);
      expect(outcome.reason.code).toBe('archive-expansion-ratio');
      expect(Number(outcome.reason.params?.['bytes'])).toBeLessThan((128 + 17) * 1024 ** 2);
    }
  }, 60_000);

  it('escape sequences in a process name reach the terminal as visible text, and the JSON value intact', async () => {
    const path = join(DIR, 'oom-report-terminal-escapes.txt');
    for (const argv of [['parse', '--md', path], ['analyze', '--md', path], ['analyze', path], ['parse', path]]) {
      const r = await cli(...argv);
      expect(r.code).toBe(0);
      // eslint-disable-next-line no-control-regex -- what must not reach the terminal
      expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    const md = await cli('parse', '--md', path);
    expect(md.stdout).toContain('\\u001b[2J\\u001b]0;x\\u0007');
    const json = JSON.parse((await cli('parse', path)).stdout) as { files: { data: { oomEvents: { victim: { comm: string } }[] } }[] };
    expect(json.files[0]?.data.oomEvents[0]?.victim.comm).toBe('\u001b[2J\u001b]0;x\u0007');
  });
});

describe('inputs oomscope cannot read: exit status 2 and one clear line', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'oomscope-unreadable-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('a dangling symlink, a FIFO and a device', async () => {
    const cases: [string, string][] = [];
    symlinkSync(join(scratch, 'gone'), join(scratch, 'dangling'));
    cases.push([join(scratch, 'dangling'), 'no such file or directory']);
    try {
      execFileSync('mkfifo', [join(scratch, 'fifo')]);
      cases.push([join(scratch, 'fifo'), 'not a regular file or directory']);
    } catch {
      // No mkfifo on this system: the other cases still run.
    }
    if (existsSync('/dev/null')) cases.push(['/dev/null', 'not a regular file or directory']);
    for (const [path, reason] of cases) {
      for (const command of ['analyze', 'parse']) {
        const r = await cli(command, path);
        expect(r.code, `${command} ${path}`).toBe(2);
        expect(r.stderr).toBe(`oomscope: cannot read "${path}": ${reason}\n`);
        expect(r.stdout).toBe('');
      }
    }
  });
});
