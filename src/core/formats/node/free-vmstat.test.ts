import { describe, expect, it } from 'vitest';
import { fixtureText, ctxFor } from '../../../../test/helpers/fixture-text';
import { detectFormat } from '../registry';
import { parseFree } from './free';
import { parseVmstatCommand } from './vmstat-command';
import { parseHumanSize } from './human-size';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

describe('human sizes', () => {
  it('reads procps suffixes, binary units and decimal commas', () => {
    expect(parseHumanSize('3.6G', 1)).toEqual({ bytes: Math.round(3.6 * GiB), approximate: true });
    expect(parseHumanSize('31Gi', 1)?.bytes).toBe(31 * GiB);
    expect(parseHumanSize('0B', 1)).toEqual({ bytes: 0, approximate: false });
    expect(parseHumanSize('8,2M', 1)?.bytes).toBe(Math.round(8.2 * MiB));
    expect(parseHumanSize('2564', 1024)).toEqual({ bytes: 2564 * 1024, approximate: false });
    expect(parseHumanSize('1.2g', 1024)?.bytes).toBe(Math.round(1.2 * GiB));
    expect(parseHumanSize('99999999999999999999T', 1)).toBeNull();
    expect(parseHumanSize('abc', 1)).toBeNull();
  });
});

describe('free', () => {
  it('reads free -b exactly', () => {
    const r = parseFree(fixtureText('free', 'free-b.zabbix-lxc-7-bytes.txt'), ctxFor('free-b.txt'));
    expect(r.status).toBe('parsed');
    expect(r.value).toMatchObject({ unit: 'bytes', approximate: false });
    expect(r.value?.mem).toMatchObject({ totalBytes: 17179869184, sharedBytes: 1719324672, buffCacheBytes: 1831755776, availableBytes: 16282251264, line: 2 });
    expect(r.value?.swap).toMatchObject({ totalBytes: 4294963200, usedBytes: 0 });
  });

  it('reads free -m from its name, or from the size when nothing says', () => {
    const text = fixtureText('free', 'free-m.heapster-1356-2016.txt');
    const named = parseFree(text, ctxFor('free-m.heapster-1356-2016.txt'));
    expect(named.value).toMatchObject({ unit: 'MiB', unitSource: 'name', approximate: true, mem: { totalBytes: 31910 * MiB, availableBytes: 30485 * MiB } });
    const guessed = parseFree(text, ctxFor('output.txt'));
    expect(guessed.value).toMatchObject({ unit: 'MiB', unitSource: 'guess' });
    expect(guessed.warnings.map((w) => w.code)).toEqual(['free-unit-guessed']);
    const command = parseFree(`$ free -g\n${text.replace(/31910/, '31')}`, ctxFor('output.txt'));
    expect(command.value).toMatchObject({ unit: 'GiB', unitSource: 'command', mem: { totalBytes: 31 * GiB } });
  });

  it('reads -h, -w and -t forms: separate buffers/cache, a Total row', () => {
    const h = parseFree(fixtureText('free', 'free-h.cloudera-prereq-35-procps3.3-G-suffix.txt'), ctxFor('x'));
    expect(h.value).toMatchObject({ unit: 'human', mem: { usedBytes: 143 * MiB }, swap: { totalBytes: 0 } });
    const w = parseFree(fixtureText('free', 'free-hwt.cherish-today-64-wide-total.txt'), ctxFor('x'));
    expect(w.value?.mem).toMatchObject({ buffersBytes: 0, cacheBytes: Math.round(2.3 * GiB), buffCacheBytes: Math.round(2.3 * GiB) });
    expect(w.value?.total).toMatchObject({ totalBytes: Math.round(8.1 * GiB), line: 4 });
  });

  it('reads the seed 000 paste (prompt, trailing spaces, no Swap row)', () => {
    const r = parseFree(fixtureText('free', 'free-mh.seed000-prompt-trailing-spaces-no-swap.txt'), ctxFor('x'));
    expect(r.status).toBe('parsed');
    expect(r.value?.mem).toMatchObject({ totalBytes: 31 * GiB, freeBytes: 235 * MiB, sharedBytes: 194 * MiB, line: 3 });
    expect(r.value?.swap).toBeNull();
  });

  it('reads the old procps layout with its -/+ buffers/cache row', () => {
    const old = ['             total       used       free     shared    buffers     cached', 'Mem:       8009912    7471152     538760          0     157048    4893932', '-/+ buffers/cache:    2420172    5589740', 'Swap:      3145724       9372    3136352'].join('\n');
    expect(detectFormat(old, 'free.txt').formatId).toBe('free');
    const r = parseFree(old, ctxFor('free.txt'));
    expect(r.value?.mem).toMatchObject({ totalBytes: 8009912 * 1024, buffersBytes: 157048 * 1024, cacheBytes: 4893932 * 1024, buffCacheBytes: (157048 + 4893932) * 1024 });
    expect(r.value?.buffersCache).toEqual({ usedBytes: 2420172 * 1024, freeBytes: 5589740 * 1024, line: 3 });
  });

  it('reads old busybox free (KiB, "-/+ buffers:" row)', () => {
    const bb = ['             total         used         free       shared      buffers', 'Mem:       2037724      1080964       956760            0        92216', '-/+ buffers:            988748      1048976', 'Swap:            0            0            0'].join('\n');
    const r = parseFree(bb, ctxFor('busybox-free.txt'));
    expect(r.value).toMatchObject({ unit: 'KiB', unitSource: 'guess', mem: { totalBytes: 2037724 * 1024, buffersBytes: 92216 * 1024, cacheBytes: null } });
    expect(r.value?.buffersCache).toEqual({ usedBytes: 988748 * 1024, freeBytes: 1048976 * 1024, line: 3 });
  });
});

describe('vmstat (the command)', () => {
  it('reads one sample per row in KiB', () => {
    const r = parseVmstatCommand(fixtureText('vmstat', 'vmstat.marshki-7-one-sample.txt'), ctxFor('vmstat.txt'));
    expect(r.status).toBe('parsed');
    expect(r.value?.columns).toEqual(['r', 'b', 'swpd', 'free', 'buff', 'cache', 'si', 'so', 'bi', 'bo', 'in', 'cs', 'us', 'sy', 'id', 'wa', 'st']);
    expect(r.value?.samples[0]).toMatchObject({ line: 3, freeBytes: 3506912 * 1024, buffBytes: 107976 * 1024, cacheBytes: 2156980 * 1024, swpdBytes: 0, inactBytes: null, values: { r: 2, cs: 1366, id: 90 } });
  });

  it('reads -a (inact/active) and procps 4 gu columns', () => {
    const a = parseVmstatCommand(fixtureText('vmstat', 'vmstat-a.sensu-22-2012-inact-active-no-st.txt'), ctxFor('x'));
    expect(a.value?.samples[0]).toMatchObject({ inactBytes: 1187024 * 1024, activeBytes: 257972 * 1024, buffBytes: null });
    const gu = parseVmstatCommand(fixtureText('vmstat', 'vmstat.uutils-383-procps4-gu-column.txt'), ctxFor('x'));
    expect(gu.value?.samples[0]?.values['gu']).toBe(0);
    expect(gu.value?.samples[0]?.cacheBytes).toBe(3992124 * 1024);
  });

  it('reads the seed 002 series with its prompt as four samples', () => {
    const text = fixtureText('vmstat', 'vmstat-1.seed002-prompt-procps4-gu.txt');
    expect(detectFormat(text, 'x').formatId).toBe('vmstat');
    const r = parseVmstatCommand(text, ctxFor('x'));
    expect(r.status).toBe('parsed');
    expect(r.value?.samples.map((s) => s.freeBytes)).toEqual([3099200, 3100144, 3100708, 3096128].map((k) => k * 1024));
    expect(r.value?.samples[1]?.values['id']).toBe(100);
  });

  it('honours -S M and -t timestamps, and repeated headers', () => {
    const text = ['$ vmstat -S M -t 1 2', 'procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu----- -----timestamp-----', ' r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st                 UTC', ' 1  0      0   3000    100   2000    0    0     3    37  527    1  0  0 99  0  0 2024-11-11 06:55:00', 'procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu----- -----timestamp-----', ' r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st                 UTC', ' 0  0      0   2990    100   2000    0    0     0     0  580  501  0  0 100  0  0 2024-11-11 06:55:01'].join('\n');
    const r = parseVmstatCommand(text, ctxFor('x'));
    expect(r.status).toBe('parsed');
    expect(r.value?.memoryUnitBytes).toBe(MiB);
    expect(r.value?.samples.map((s) => [s.freeBytes, s.timestamp])).toEqual([
      [3000 * MiB, '2024-11-11 06:55:00'],
      [2990 * MiB, '2024-11-11 06:55:01'],
    ]);
  });
});
