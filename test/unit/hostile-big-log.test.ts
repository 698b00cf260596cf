// A kernel log of 5 million lines (about 260 MB, generated here, never committed) through the CLI,
// in this test file's own process so its peak memory can be read: `parse` streams it through the
// kernel-log line parser (skimming the lines far from any OOM message) in memory that does not grow with the file; `analyze` keeps the raw bytes
// for evidence excerpts (by design, up to 512 MiB of input) and nothing in proportion beyond them.
// The one OOM report in the middle is found at its line, with its victim.
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';

const LINES = 5_000_000;
const MiB = 1024 ** 2;
const scratch = mkdtempSync(join(tmpdir(), 'oomscope-big-log-'));
const logPath = join(scratch, 'kern.log');
let logBytes = 0;
// The lab's OOM report (78 lines), placed after line 2 500 000.
const OOM_FIRST_LINE = LINES / 2 + 1;

beforeAll(async () => {
  const report = readFileSync(join(import.meta.dirname, '../fixtures/kernel-log/lab-orphaned-shmem-after-dmesg.txt'), 'utf8').trimEnd();
  const out = createWriteStream(logPath);
  let buffer = '';
  for (let i = 0; i < LINES; i++) {
    if (i === LINES / 2) buffer += `${report}\n`;
    buffer += `[${(i / 1000).toFixed(6).padStart(12, ' ')}] eth0: link flap ${i % 97} rx_errors ${i}\n`;
    if (buffer.length > MiB) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  logBytes = statSync(logPath).size;
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI in this process and returns its output and how much the peak resident memory grew. */
async function cliWithPeak(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string; peakGrowthBytes: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  const peak = process.resourceUsage().maxRSS * 1024;
  return { code, stdout, stderr, peakGrowthBytes: Math.max(0, peak - before) };
}

describe('a 5-million-line kernel log', () => {
  it('is streamed by `parse` in memory that does not grow with it, and its OOM report is found', async () => {
    expect(logBytes).toBeGreaterThan(200 * MiB);
    const r = await cliWithPeak('parse', logPath);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      files: { format: string; status: string; data: { lineCount: number; skimmedLineCount?: number; oomEvents: { victim: { pid: number; comm: string }; lines: { start: number; end: number } }[] } }[];
    };
    const file = out.files[0];
    expect(file?.format).toBe('kernel-log');
    expect(file?.status).toBe('parsed');
    expect(file?.data.lineCount).toBe(LINES + 78);
    // The link-flap lines name no OOM or memory message: most are skimmed, not read (block-line-feeder.ts).
    expect(file?.data.skimmedLineCount).toBeGreaterThan(LINES * 0.9);
    expect(file?.data.oomEvents).toHaveLength(1);
    expect(file?.data.oomEvents[0]?.victim).toMatchObject({ pid: 21065, comm: 'api-server' });
    expect(file?.data.oomEvents[0]?.lines).toEqual({ start: OOM_FIRST_LINE, end: OOM_FIRST_LINE + 77 });
    console.log(`parse: ${Math.round(logBytes / MiB)} MiB, ${LINES + 78} lines; peak memory grew ${Math.round(r.peakGrowthBytes / MiB)} MiB`);
    expect(r.peakGrowthBytes).toBeLessThan(256 * MiB);
  }, 180_000);

  it('is analysed by `analyze` with its raw bytes kept and nothing more in proportion, with a clear answer', async () => {
    const r = await cliWithPeak('analyze', logPath);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { headline: { text: string }; findings: { id: string; evidence: { file: string; lineStart: number; excerpt: string }[] }[] };
    expect(out.headline.text).toContain('api-server (pid 21065) was killed');
    const kill = out.findings.find((f) => f.id === 'oom-kill-memcg');
    expect(kill?.evidence[0]).toMatchObject({ file: 'kern.log', lineStart: OOM_FIRST_LINE });
    expect(kill?.evidence[0]?.excerpt).toContain('invoked oom-killer');
    console.log(`analyze: ${Math.round(logBytes / MiB)} MiB; peak memory grew ${Math.round(r.peakGrowthBytes / MiB)} MiB`);
    expect(r.peakGrowthBytes).toBeLessThan(logBytes + 256 * MiB);
  }, 180_000);
});
