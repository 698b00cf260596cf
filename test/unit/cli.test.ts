// The CLI as scripts call it (shared/spec/cli-contract.md), run in-process on real fixtures.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';

const FIXTURES = join(import.meta.dirname, '../fixtures');

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'oomscope-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('oomscope parse', () => {
  it('prints memory.stat as bytes with raw keys and a breakdown', async () => {
    const r = await cli('parse', join(FIXTURES, 'cgroup-v1-memory-stat/memory.stat.orphaned-shmem-during-pod.txt'));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { files: { format: string; data: { raw: Record<string, number>; breakdown: Record<string, number | null> } }[] };
    expect(out.files[0]?.format).toBe('cgroup-v1-memory-stat');
    expect(out.files[0]?.data.raw['total_shmem']).toBe(83886080);
    expect(out.files[0]?.data.breakdown['shmemBytes']).toBe(83886080);
  });
  it('prints a kernel log’s OOM events as the contract says', async () => {
    const r = await cli('parse', '--json', join(FIXTURES, 'kernel-log/lab-orphaned-shmem-after-dmesg.txt'));
    const out = JSON.parse(r.stdout) as { files: { format: string; data: { oomEvents: { kind: string; victim: { pid: number }; memcg: { limitBytes: number } }[] } }[] };
    const event = out.files[0]?.data.oomEvents[0];
    expect(event?.kind).toBe('memcg');
    expect(event?.victim.pid).toBe(21065);
    expect(event?.memcg.limitBytes).toBe(134217728);
  });
  it('--md in Chinese gives a readable verdict', async () => {
    const r = await cli('parse', '--md', '--lang', 'zh-CN', join(FIXTURES, 'kernel-log/lab-orphaned-shmem-after-dmesg.txt'));
    expect(r.stdout).toContain('api-server（pid 21065）');
    expect(r.stdout).toContain('128.0 MiB');
  });
  it('an unrecognised file is a warning, not a failure', async () => {
    const r = await cli('parse', join(FIXTURES, '_bad_/random-binary.bin'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].format).toBe('unknown');
  });
});

describe('oomscope analyze', () => {
  it('imports a lab archive and answers with findings and evidence', async () => {
    const r = await cli('analyze', join(FIXTURES, 'lab/orphaned-shmem.tar.gz'));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      snapshots: { label: string }[];
      findings: { id: string; evidence: { file: string; lineStart: number; excerpt: string }[] }[];
      headline: { text: string };
    };
    expect(out.snapshots.map((s) => s.label)).toEqual(['init-running', 'before', 'during', 'after']);
    const orphaned = out.findings.find((f) => f.id === 'shmem-orphaned');
    expect(orphaned?.evidence.length).toBeGreaterThan(0);
    expect(out.findings.every((f) => f.evidence.length > 0)).toBe(true);
    expect(out.findings.find((f) => f.id === 'oom-kill-memcg')?.evidence[0]?.excerpt).toContain('invoked oom-killer');
    expect(out.headline.text).toContain('80.0 MiB shmem charged to the pod itself');
  });
  it('--md prints the headline, the findings and the Rosetta stone', async () => {
    const r = await cli('analyze', '--md', join(FIXTURES, 'lab/anon-oom.tar.gz'));
    expect(r.stdout).toContain('order-service (pid 20800) was killed');
    expect(r.stdout).toContain('Anonymous memory near the limit');
    expect(r.stdout).toContain('container_memory_working_set_bytes');
  });
});

describe('oomscope diff', () => {
  it('explains before → during of orphaned-shmem by the app container’s anon growth', async () => {
    execFileSync('tar', ['-xzf', join(FIXTURES, 'lab/orphaned-shmem.tar.gz'), '-C', scratch]);
    const root = join(scratch, 'orphaned-shmem');
    const r = await cli('diff', join(root, 'before'), join(root, 'during'));
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as { explanation: { category: string; deltaBytes: number; key: string }[]; findings: { persisting: { id: string }[] } };
    expect(d.explanation[0]?.category).toBe('anon');
    expect(d.explanation[0]?.key).toContain('container:api');
    expect(d.findings.persisting.map((f) => f.id)).toContain('shmem-orphaned');
  });
});

describe('exit status 2 with one clear line', () => {
  it('for a missing input', async () => {
    const r = await cli('analyze', join(scratch, 'nope'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^oomscope: cannot read ".*nope": no such file or directory\n$/);
  });
  it('for unusable arguments', async () => {
    expect((await cli('diff', 'a')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('parse', '--lang', 'fr', 'x')).stderr).toContain('--lang');
  });
  it('--help describes every command', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    for (const c of ['parse', 'analyze', 'diff', 'report']) expect(r.stdout).toContain(`oomscope ${c}`);
  });
});
