import { describe, expect, it } from 'vitest';
import { diffProcesses } from './match-processes';
import { processInfo } from './lab-snapshots.fixture';

describe('diffProcesses', () => {
  it('pairs a restarted process by name although its PID changed', () => {
    const [d] = diffProcesses([processInfo(21065, 'api-server', { anon: 9288, file: 5992, shmem: 0 })], [processInfo(30001, 'api-server', { anon: 100, file: 5992, shmem: 0 })]);
    expect(d).toMatchObject({ name: 'api-server', status: 'matched', pidChanged: true, renamedFrom: null });
    expect(d?.delta.rssAnonBytes).toBe((100 - 9288) * 1024);
  });

  it('prefers the same PID among processes of one name, then the larger RSS', () => {
    const before = [processInfo(1, 'worker', { anon: 10, file: 0, shmem: 0 }), processInfo(2, 'worker', { anon: 50, file: 0, shmem: 0 })];
    const after = [processInfo(2, 'worker', { anon: 60, file: 0, shmem: 0 }), processInfo(3, 'worker', { anon: 5, file: 0, shmem: 0 })];
    const out = diffProcesses(before, after);
    expect(out.map((p) => [p.before?.pid, p.after?.pid])).toEqual([
      [2, 2],
      [1, 3],
    ]);
  });

  it('pairs an exec (same PID, new name) and keeps the old name (dirty-writeback lab: image-importer → dd)', () => {
    const [d] = diffProcesses([processInfo(21465, 'image-importer', { anon: 5192, file: 5832, shmem: 0 })], [processInfo(21465, 'dd', { anon: 1140, file: 1684, shmem: 0 })]);
    expect(d).toMatchObject({ name: 'dd', status: 'matched', renamedFrom: 'image-importer', pidChanged: false });
  });

  it('lists processes that came and went', () => {
    const out = diffProcesses([processInfo(21009, 'cache-warmer', { anon: 1, file: 1, shmem: 0 })], [processInfo(21065, 'api-server', { anon: 1, file: 1, shmem: 0 })]);
    expect(out.map((p) => `${p.name}:${p.status}`)).toEqual(['api-server:appeared', 'cache-warmer:vanished']);
    expect(out[1]?.delta.rssBytes).toBe(-2048);
    expect(diffProcesses([], [])).toEqual([]);
  });
});
