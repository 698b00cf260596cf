// `oomscope report` on the lab bundle orphaned-shmem (test/fixtures/lab): a self-contained HTML file
// with the headline numbers; a PDF (English and Chinese) where a Chromium is installed, read back
// with pdftotext; a clear exit 2 when no browser is there to print.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { findChromium } from '../../src/cli/find-chromium';

const LAB = join(import.meta.dirname, '../fixtures/lab');
const scratch = mkdtempSync(join(tmpdir(), 'oomscope-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('oomscope report --out report.html', () => {
  it('writes one self-contained file with the answer, findings, OOM event and appendix', async () => {
    const out = join(scratch, 'report.html');
    const r = await cli('report', join(LAB, 'orphaned-shmem.tar.gz'), '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    for (const text of ['80.0 MiB shmem charged to the pod itself', '128.0 MiB', 'api-server (pid 21065)', 'Memory-cgroup OOM kill', 'total_shmem 83886080', 'orphaned-shmem/after/dmesg.txt']) {
      expect(html).toContain(text);
    }
    // Nothing loaded from anywhere: no script, no stylesheet link, no remote src/href; a CSP that forbids it.
    expect(html).not.toMatch(/<script|<link|<iframe|<img/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).toContain("default-src &#x27;none&#x27;");
    expect(html).toContain('@page');
  });

  it('writes Chinese with --lang zh-CN', async () => {
    const out = join(scratch, 'report-zh.html');
    const r = await cli('report', join(LAB, 'orphaned-shmem.tar.gz'), '--lang', 'zh-CN', '--out', out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('事故报告');
    expect(html).toContain('记在 Pod 自身');
    expect(html).toContain('Noto Sans CJK SC');
  });

  it('adds the before/after section with --compare', async () => {
    const out = join(scratch, 'report-compare.html');
    const r = await cli('report', join(LAB, 'orphaned-shmem.tar.gz'), '--compare', join(LAB, 'anon-oom.tar.gz'), '--out', out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('data-testid="report-comparison"');
    expect(html).toContain('anon-oom.tar.gz');
  });

  it('says which file it cannot write, with exit 2', async () => {
    const out = join(scratch, 'no-such-dir', 'report.html');
    const r = await cli('report', join(LAB, 'orphaned-shmem.tar.gz'), '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`oomscope: cannot write "${out}" (ENOENT)\n`);
  });

  it('refuses another file type with exit 2 and one line', async () => {
    const r = await cli('report', join(LAB, 'orphaned-shmem.tar.gz'), '--out', join(scratch, 'report.docx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`oomscope: --out "${join(scratch, 'report.docx')}": the report is written as .html or .pdf\n`);
  });
});

describe('oomscope report --out report.pdf', () => {
  it('exits 2 with one line saying what to install when no browser is found', async () => {
    const before = process.env['CHROME_PATH'];
    process.env['CHROME_PATH'] = join(scratch, 'no-such-chrome');
    try {
      const out = join(scratch, 'none.pdf');
      const r = await cli('report', join(LAB, 'orphaned-shmem.tar.gz'), '--out', out);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.stderr).toContain('cannot write a PDF');
      expect(r.stderr).toContain('install Chromium');
      expect(existsSync(out)).toBe(false);
    } finally {
      if (before === undefined) delete process.env['CHROME_PATH'];
      else process.env['CHROME_PATH'] = before;
    }
  });

  const chromium = findChromium();
  it.skipIf(!chromium.found || !hasPdftotext())('prints with the Chromium found, in English and Chinese', async () => {
    for (const [lang, expected] of [
      ['en', ['Incident report', '80.0 MiB', '128.0 MiB', 'api-server', '1 / ']],
      ['zh-CN', ['事故报告', '80.0 MiB', '记在 Pod 自身', '共享内存']],
    ] as const) {
      const out = join(scratch, `report-${lang}.pdf`);
      const r = await cli('report', join(LAB, 'orphaned-shmem.tar.gz'), '--lang', lang, '--out', out);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const s of expected) expect(text, `${lang}: ${s}`).toContain(s);
    }
  });
});
