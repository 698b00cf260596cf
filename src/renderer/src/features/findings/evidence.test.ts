import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../app/router';
import { abbreviatePath, evidenceHref, lineSpan, metricDisplay } from './evidence';

const POD_STAT = 'orphaned-shmem/after/cgroup/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48/memory.stat';

describe('evidence links', () => {
  it('open the file in the Files tab at the cited line', () => {
    const href = evidenceHref('b1', { file: POD_STAT, lineStart: 26, lineEnd: 26 });
    expect(href).toBe('#/bundle/b1/files/orphaned-shmem/after/cgroup/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48/memory.stat?line=26');
    expect(parseRoute(href)).toEqual({ name: 'bundle', bundleId: 'b1', tab: 'files', subPath: POD_STAT, line: 26 });
  });

  it('carry the end of a range, so every cited line is highlighted', () => {
    const href = evidenceHref('b1', { file: 'orphaned-shmem/after/dmesg-T.txt', lineStart: 77, lineEnd: 78 });
    expect(href).toBe('#/bundle/b1/files/orphaned-shmem/after/dmesg-T.txt?line=77&lineEnd=78');
    expect(parseRoute(href)).toMatchObject({ subPath: 'orphaned-shmem/after/dmesg-T.txt', line: 77, lineEnd: 78 });
  });

  it('survive paths with spaces, #, ? and Chinese', () => {
    const file = '现场 #1/dmesg?.txt';
    expect(parseRoute(evidenceHref('b 1', { file, lineStart: 3, lineEnd: 5 }))).toMatchObject({ bundleId: 'b 1', subPath: file, line: 3, lineEnd: 5 });
  });

  it('a range that ends before it starts, or a lineEnd without a line, is a single line', () => {
    expect(parseRoute('#/bundle/b1/files/x?line=9&lineEnd=4')).not.toHaveProperty('lineEnd');
    expect(parseRoute('#/bundle/b1/files/x?lineEnd=4')).toMatchObject({ line: null });
    expect(parseRoute('#/bundle/b1/files/x?lineEnd=4')).not.toHaveProperty('lineEnd');
  });

  it('are labelled file:line or file:start–end', () => {
    expect(lineSpan({ lineStart: 26, lineEnd: 26 })).toBe('26');
    expect(lineSpan({ lineStart: 77, lineEnd: 78 })).toBe('77–78');
  });

  it('cut long folder names (pod UIDs, container ids) in the middle', () => {
    expect(abbreviatePath('orphaned-shmem/after/cgroup/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48/5e5f644350da9b39c04c9d4614dfada1f660eb262e3f056c18bd6cf4834ed868/memory.usage_in_bytes')).toBe(
      'orphaned-shmem/after/cgroup/kubepods/burstable/pod8053180c-…f49d48/5e5f644350da…4ed868/memory.usage_in_bytes',
    );
    expect(abbreviatePath('after/dmesg-T.txt')).toBe('after/dmesg-T.txt');
  });
});

describe('metricDisplay', () => {
  it('shows byte figures as sizes, shares as percentages, the rest as written', () => {
    expect(metricDisplay('remainderBytes', 84103168)).toEqual({ kind: 'bytes', bytes: 84103168 });
    expect(metricDisplay('shmemShareOfUsage', 0.933)).toEqual({ kind: 'share', share: 0.933 });
    expect(metricDisplay('failcnt', 35)).toEqual({ kind: 'text', text: '35' });
    expect(metricDisplay('oomMemcg', '/kubepods/pod1')).toEqual({ kind: 'text', text: '/kubepods/pod1' });
    expect(metricDisplay('victimPid', null)).toEqual({ kind: 'text', text: '—' });
    expect(metricDisplay('oomGroup', true)).toEqual({ kind: 'text', text: 'true' });
  });
});
