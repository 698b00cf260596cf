// Runs one command and measures it the way `/usr/bin/time -v` does: wall time from spawn to exit,
// user and system CPU, and the peak resident set (maxrss of the process and what it waited for).
// Without /usr/bin/time only the wall time is known.
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';
export const HAS_TIME = existsSync(TIME);

export interface Measured {
  wallMs: number;
  userMs: number | null;
  sysMs: number | null;
  maxRssBytes: number | null;
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface MeasureOptions {
  /** Send stdout to /dev/null instead of keeping it (cat of a 1 GiB file). */
  discardStdout?: boolean;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

let counter = 0;

export async function measure(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measured> {
  const timeFile = join(tmpdir(), `oomscope-bench-time-${process.pid}-${counter++}.txt`);
  const argv = HAS_TIME ? [TIME, '-f', '%e %U %S %M', '-o', timeFile, command, ...args] : [command, ...args];
  const devNull = options.discardStdout ? openSync('/dev/null', 'w') : null;
  const started = performance.now();
  const child = spawn(argv[0] ?? command, argv.slice(1), {
    stdio: ['ignore', devNull ?? 'pipe', 'pipe'],
    env: options.env ?? process.env,
    cwd: options.cwd,
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on('data', (b: Buffer) => out.push(b));
  child.stderr?.on('data', (b: Buffer) => err.push(b));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  const wallMs = performance.now() - started;
  if (devNull !== null) closeSync(devNull);
  let userMs: number | null = null;
  let sysMs: number | null = null;
  let maxRssBytes: number | null = null;
  if (HAS_TIME && existsSync(timeFile)) {
    const fields = readFileSync(timeFile, 'utf8').trim().split('\n').pop()?.split(' ') ?? [];
    userMs = Number(fields[1]) * 1000;
    sysMs = Number(fields[2]) * 1000;
    maxRssBytes = Number(fields[3]) * 1024;
    rmSync(timeFile, { force: true });
  }
  return { wallMs, userMs, sysMs, maxRssBytes, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), exitCode };
}

/** Median of repeated runs by wall time (the middle run is returned whole). */
export async function measureRuns(runs: number, command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measured> {
  const results: Measured[] = [];
  for (let i = 0; i < runs; i++) results.push(await measure(command, args, options));
  results.sort((a, b) => a.wallMs - b.wallMs);
  const middle = results[Math.floor((results.length - 1) / 2)];
  if (!middle) throw new Error('no run');
  return middle;
}
