// The Overview of src/renderer (groups-from-files, breakdown-rows) on the lab's real pod memory.stat (orphaned-shmem, snapshot `during`): the numbers the Overview shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFileText } from '../../../src/core';
import { snapshotFromFiles, type ParsedFileLike } from '../../../src/renderer/src/features/bundle/overview/groups-from-files';
import { barModel, breakdownRows } from '../../../src/renderer/src/features/bundle/overview/breakdown-rows';

const FIXTURE = join(import.meta.dirname, '../../fixtures/cgroup-v1-memory-stat/memory.stat.orphaned-shmem-during-pod.txt');
const POD = 'during/cgroup/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48';
const CONTAINER = `${POD}/5e5f644350da9b39c04c9d4614dfada1f660eb262e3f056c18bd6cf4834ed868`;

function parsed(path: string): ParsedFileLike {
  const p = parseFileText(path, readFileSync(FIXTURE, 'utf8'));
  return { path, formatId: p.formatId, data: p.data };
}

/** What the cgroup-memory-value format reports for the lab's memory.usage_in_bytes (121344000). */
function usageFile(dir: string, valueBytes: number): ParsedFileLike {
  return { path: `${dir}/memory.usage_in_bytes`, formatId: 'cgroup-memory-value', data: { file: 'memory.usage_in_bytes', valueBytes, unlimited: false, line: 1, rawText: String(valueBytes) } };
}

describe('a group per memory.stat', () => {
  it('reads the breakdown with the key and line behind each number', () => {
    const snap = snapshotFromFiles('s', 'lab', [parsed(`${POD}/memory.stat`)]);
    expect(snap.cgroupVersion).toBe(1);
    const [pod] = snap.groups;
    expect(pod?.path).toBe(POD);
    expect(pod?.breakdown.anonBytes).toBe(36773888);
    expect(pod?.breakdown.shmemBytes).toBe(83886080);
    expect(pod?.sources['breakdown.anonBytes']).toEqual({ file: `${POD}/memory.stat`, line: 24, key: 'total_rss', rawText: '36773888' });
    expect(pod?.sources['breakdown.shmemBytes']).toMatchObject({ line: 26, key: 'total_shmem' });
    // No usage file: no usage, no working set; the limit comes from hierarchical_memory_limit.
    expect(pod?.usageBytes).toBeNull();
    expect(pod?.workingSetBytes).toBeNull();
    expect(pod?.limitBytes).toBe(134217728);
    expect(pod?.sources.limitBytes).toMatchObject({ key: 'hierarchical_memory_limit', line: 21 });
  });

  it('nests a container under its pod whatever the order of the files', () => {
    const snap = snapshotFromFiles('s', 'lab', [parsed(`${CONTAINER}/memory.stat`), parsed(`${POD}/memory.stat`)]);
    expect(snap.groups.map((g) => g.path)).toEqual([POD]);
    expect(snap.groups[0]?.children.map((g) => g.path)).toEqual([CONTAINER]);
  });

  it('takes the usage from memory.usage_in_bytes beside it and computes the working set', () => {
    const snap = snapshotFromFiles('s', 'lab', [parsed(`${POD}/memory.stat`), usageFile(POD, 121344000)]);
    const pod = snap.groups[0];
    expect(pod?.usageBytes).toBe(121344000);
    // working set = usage − total_inactive_file = 121344000 − 8192
    expect(pod?.workingSetBytes).toBe(121335808);
    expect(pod?.sources.usageBytes).toMatchObject({ key: 'memory.usage_in_bytes', line: 1 });
  });

  it('ignores files that are not memory.stat', () => {
    expect(snapshotFromFiles('s', 'x', [{ path: 'notes.txt', formatId: 'unknown', data: null }]).groups).toEqual([]);
  });
});

describe('bar and table', () => {
  it('stacks parts that do not overlap and add up to the usage', () => {
    const pod = snapshotFromFiles('s', 'lab', [parsed(`${POD}/memory.stat`), usageFile(POD, 121344000)]).groups[0];
    if (!pod) throw new Error('no group');
    const bar = barModel(pod);
    expect(bar.segments.map((s) => [s.id, s.bytes])).toEqual([
      ['anon', 36773888],
      ['shmem', 83886080],
      ['fileCache', 20480],
      // usage − (anon + cache): v1 usage also holds kernel memory that memory.stat does not break down.
      ['other', 121344000 - 36773888 - 83906560],
    ]);
    expect(bar.segments.reduce((s, x) => s + x.bytes, 0)).toBe(121344000);
    expect(bar.scaleBytes).toBe(134217728);
  });

  it('lists each category with its share of the usage; swap has no share', () => {
    const pod = snapshotFromFiles('s', 'lab', [parsed(`${POD}/memory.stat`), usageFile(POD, 121344000)]).groups[0];
    if (!pod) throw new Error('no group');
    const { rows, denominatorBytes } = breakdownRows(pod);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(denominatorBytes).toBe(121344000);
    expect(byId.get('fileCache')).toMatchObject({ bytes: 20480, derivedFrom: 'total_cache − total_shmem' });
    expect(byId.get('activeFile')).toMatchObject({ bytes: 12288, level: 1 });
    expect(byId.get('inactiveFile')).toMatchObject({ bytes: 8192, level: 1 });
    expect(byId.get('dirty')).toMatchObject({ bytes: 8192, level: 1 });
    expect(byId.get('kernel')?.bytes).toBeNull();
    expect(byId.get('swap')).toMatchObject({ bytes: 0, shareOf: null });
  });

  it('without usage the shares are of the counted sum', () => {
    const pod = snapshotFromFiles('s', 'lab', [parsed(`${POD}/memory.stat`)]).groups[0];
    if (!pod) throw new Error('no group');
    expect(breakdownRows(pod).denominatorBytes).toBe(36773888 + 83906560);
    expect(barModel(pod).segments.map((s) => s.id)).toEqual(['anon', 'shmem', 'fileCache']);
  });
});
