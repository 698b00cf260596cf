import { describe, expect, it } from 'vitest';
import { fixtureText, ctxFor } from '../../../../test/helpers/fixture-text';
import { detectFormat } from '../registry';
import { parseMemstatSeries } from './memstat-series';
import { readSampleTime } from './sample-time';

const SEED = 'shmem-leak-check.log.seed004.txt';

describe('memstat-series (seed 004 shmem-leak-check.log)', () => {
  const text = fixtureText('memstat-series', SEED);

  it('wins detection over a single memory.stat', () => {
    const d = detectFormat(text, SEED);
    expect(d.formatId).toBe('memstat-series');
    expect(d.alternatives.every((a) => a.score < d.score)).toBe(true);
  });

  it('splits the sample into the pod group (unprefixed) and one group per container file', () => {
    const r = parseMemstatSeries(text, ctxFor(SEED));
    expect(r.status).toBe('parsed');
    const sample = r.value?.samples[0];
    expect(r.value?.samples).toHaveLength(1);
    expect(sample?.time).toEqual({ raw: 'Thu Nov 18 13:37:49 CST 2021', iso: '2021-11-18T13:37:49', zone: 'CST' });
    expect(sample?.groups).toHaveLength(3);
    const [pod, app, pause] = sample?.groups ?? [];
    // The pod holds 9069502464 bytes of shmem that no live container accounts for.
    expect(pod).toMatchObject({ path: null, cgroupPathInferred: true, raw: { total_shmem: 9069502464, total_cache: 9075990528, total_rss: 6361980928 } });
    expect(pod?.cgroupPath).toBe('/sys/fs/cgroup/memory/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod96bc10f9.slice');
    expect(pod?.lines['total_shmem']).toBe(12);
    expect(app?.raw).toMatchObject({ total_shmem: 0, total_rss: 6373216256, total_rss_huge: 5605687296 });
    expect(app?.path?.endsWith('docker-3eb2fc3dbd3c99edf0937a362fb627.scope/memory.stat')).toBe(true);
    expect(app?.cgroupPathInferred).toBe(false);
    expect(pause?.raw['total_rss']).toBe(180224);
    expect(sample?.notes.map((n) => n.line)).toContain(6);
  });

  it('starts a new sample at each date line and a new group when a key repeats', () => {
    const log = [
      'Thu Nov 18 13:37:49 CST 2021',
      'total_shmem 100',
      'Thu Nov 18 13:38:49 CST 2021',
      'total_shmem 200',
      'total_shmem 300',
      '2021-11-18T13:39:49+08:00',
      'a/memory.stat:total_shmem 400',
    ].join('\n');
    const r = parseMemstatSeries(log, ctxFor('loop.log'));
    expect(r.value?.samples.map((s) => s.groups.map((g) => g.raw['total_shmem']))).toEqual([[100], [200, 300], [400]]);
    expect(r.value?.samples[2]?.time?.iso).toBe('2021-11-18T13:39:49+08:00');
    expect(r.value?.samples[2]?.groups[0]?.cgroupPath).toBe('a');
  });
});

describe('sample-time', () => {
  it('reads date(1) in C and zh_CN locales and ISO forms', () => {
    expect(readSampleTime('Mon Nov 11 06:55:00 UTC 2024')?.iso).toBe('2024-11-11T06:55:00Z');
    expect(readSampleTime('2021年 11月 18日 星期四 13:37:49 CST')).toEqual({ raw: '2021年 11月 18日 星期四 13:37:49 CST', iso: '2021-11-18T13:37:49', zone: 'CST' });
    expect(readSampleTime('2024-11-11 06:55:00')?.iso).toBe('2024-11-11T06:55:00');
    expect(readSampleTime('total_rss 1')).toBeNull();
    expect(readSampleTime('Thu Nov 38 13:37:49 CST 2021')?.iso).toBeNull();
  });
});
