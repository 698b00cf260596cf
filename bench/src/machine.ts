// What the benchmark ran on, for the results file: CPU, cores, memory, OS, kernel, Node, tools.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { readFileSync } from 'node:fs';

function toolVersion(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0]?.trim() ?? '';
  } catch {
    return 'missing';
  }
}

function osName(): string {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(text)?.[1] ?? osType();
  } catch {
    return osType();
  }
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  kernel: string;
  node: string;
  grep: string;
  jq: string;
  sha256sum: string;
  loadBefore: string;
}

export function describeMachine(): Machine {
  const cpu = cpus()[0]?.model ?? 'unknown';
  return {
    cpu,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: osName(),
    kernel: release(),
    node: process.version,
    grep: toolVersion('grep', ['--version']),
    jq: toolVersion('jq', ['--version']),
    sha256sum: toolVersion('sha256sum', ['--version']),
    loadBefore: currentLoad(),
  };
}

export function currentLoad(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}
