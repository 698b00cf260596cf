import { describe, expect, it } from 'vitest';
import { fixtureText, ctxFor } from '../../../../test/helpers/fixture-text';
import { detectFormat } from '../registry';
import { parseOomControl } from './oom-control';
import { parseMemoryEvents } from './memory-events';
import { parsePsi } from './psi';

describe('cgroup-v1-oom-control', () => {
  it('reads kernels without oom_kill (docker 1.7 era) as oomKill null, not 0', () => {
    const r = parseOomControl(fixtureText('cgroup-v1-oom-control', 'memory.oom_control.moby-14440-docker1.7-no-oom_kill-line.txt'), ctxFor('memory.oom_control'));
    expect(r.status).toBe('parsed');
    expect(r.value).toMatchObject({ oomKillDisable: false, underOom: false, oomKill: null });
  });

  it('counts the kill in the victim container after the lab OOM', () => {
    const r = parseOomControl(fixtureText('cgroup-v1-oom-control', 'memory.oom_control.anon-oom-after-container.txt'), ctxFor('memory.oom_control'));
    expect(r.value).toMatchObject({ oomKill: 1, underOom: false });
    expect(r.value?.lines['oom_kill']).toBe(3);
  });

  it('tolerates a heading naming the file, and is not confused with memory.stat', () => {
    const text = '$ cat /sys/fs/cgroup/memory/memory.oom_control\noom_kill_disable 1\nunder_oom 1\noom_kill 0\n';
    expect(detectFormat(text, 'paste.txt').formatId).toBe('cgroup-v1-oom-control');
    const r = parseOomControl(text, ctxFor('paste.txt'));
    expect(r.status).toBe('parsed');
    expect(r.value).toMatchObject({ oomKillDisable: true, underOom: true, oomKill: 0 });
  });
});

describe('cgroup-v2-memory-events', () => {
  it('reads memory.events without oom_group_kill (no final newline): oom 3 but oom_kill 0', () => {
    const r = parseMemoryEvents(fixtureText('cgroup-v2-memory-events', 'memory.events.datadog-no-oom_group_kill.txt'), ctxFor('memory.events.datadog-no-oom_group_kill.txt'));
    expect(r.status).toBe('parsed');
    expect(r.value).toMatchObject({ local: false, low: 0, high: 1, max: 2, oom: 3, oomKill: 0, oomGroupKill: null });
  });

  it('knows memory.events.local from its name', () => {
    const r = parseMemoryEvents(fixtureText('cgroup-v2-memory-events', 'memory.events.local.telegraf-oom_group_kill.txt'), ctxFor('memory.events.local.telegraf-oom_group_kill.txt'));
    expect(r.value).toMatchObject({ local: true, oomGroupKill: 0 });
    expect(parseMemoryEvents('oom 1\noom_kill 1\n', ctxFor('x.txt')).value?.local).toBeNull();
  });

  it('reads the two-key paste of seed 003 under its heading', () => {
    const text = fixtureText('cgroup-v2-memory-events', 'memory.events.seed003-header-oom-only.txt');
    expect(detectFormat(text, 'notes.txt').formatId).toBe('cgroup-v2-memory-events');
    const r = parseMemoryEvents(text, ctxFor('notes.txt'));
    expect(r.status).toBe('parsed');
    expect(r.value).toMatchObject({ local: false, oom: 1, oomKill: 1, high: null, lines: { oom: 2, oom_kill: 3 } });
  });
});

describe('psi', () => {
  it('reads a cgroup memory.pressure with a stall total beyond 2^32', () => {
    const r = parsePsi(fixtureText('psi', 'memory.pressure.coroot-kubepods-besteffort-docker-scope.txt'), ctxFor('kubepods.slice/memory.pressure'));
    expect(r.status).toBe('parsed');
    expect(r.value).toMatchObject({ resource: 'memory', scope: 'cgroup' });
    expect(r.value?.some).toMatchObject({ avg10: 0, avg300: 0, totalMicroseconds: 6937313991, line: 1 });
    expect(r.value?.full?.totalMicroseconds).toBe(6934649214);
  });

  it('reads an indented thrashing paste and the node file in a bundle', () => {
    const r = parsePsi(fixtureText('psi', 'pressure-memory.eminence-procfs-40-thrashing-indented.txt'), ctxFor('pressure-memory.txt'));
    expect(r.value?.some?.avg10).toBe(70.24);
    expect(r.value?.full?.avg60).toBe(58.06);
    const lab = parsePsi(fixtureText('psi', 'pressure-memory.memory-pressure-near-limit-during.txt'), ctxFor('during/proc/pressure/memory'));
    expect(lab.value).toMatchObject({ resource: 'memory', scope: 'node' });
  });

  it('strips grep -n prefixes and keeps a 64-bit total as text', () => {
    const text = '/proc/pressure/memory:1:some avg10=1.50 avg60=0.20 avg300=0.05 total=12345\n/proc/pressure/memory:2:full avg10=0.00 avg60=0.00 avg300=0.00 total=18446744073709551615\n';
    expect(detectFormat(text, 'grep.txt').formatId).toBe('psi');
    const r = parsePsi(text, ctxFor('grep.txt'));
    expect(r.value?.some).toMatchObject({ avg10: 1.5, totalMicroseconds: 12345 });
    expect(r.value?.full).toMatchObject({ totalMicroseconds: null, totalText: '18446744073709551615' });
    expect(r.status).toBe('partial');
  });
});
