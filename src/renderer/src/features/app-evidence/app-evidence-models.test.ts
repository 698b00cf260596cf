// The panels' figures on the real samples: the JDK 21 NMT summary, seed 004's fincore script and
// procdump dd output, pcstat and vmtouch outputs; hex lines as `hexdump -C` prints them.
import { describe, expect, it } from 'vitest';
import type { JvmNmtData, PageCacheData, ProcdumpListingData } from '../../../../core';
import { fixtureFiles } from '../../../../../test/helpers/fixture-bundle';
import { containerContext, javaHeap, jvmFlagsFound, nmtRows, nmtSegments } from './jvm-model';
import { cachedShare, pageCacheSummary } from './page-cache-model';
import { copiesBySize, hexLines, parseOffset, regionsBySize, sliceAt } from './procdump-model';
import { parseFileText } from '../../../../core/formats/parse-file';

function data<T>(fixture: string): T {
  return fixtureFiles([[fixture, fixture.slice(fixture.indexOf('/') + 1)]])[0]?.data as T;
}

describe('JVM NMT', () => {
  const nmt = data<JvmNmtData>('jvm-nmt/nmt-summary.prometheus-client_java-scale-bytes-jdk21.txt');
  it('categories by committed bytes, with their share of the total committed (642716389)', () => {
    const rows = nmtRows(nmt);
    expect(rows[0]).toMatchObject({ name: 'Java Heap', reservedBytes: 8531214336, committedBytes: 536870912, line: 7 });
    expect(rows[0]?.share).toBeCloseTo(536870912 / 642716389, 6);
    expect(rows[1]).toMatchObject({ name: 'GC', committedBytes: 76530708 });
    expect(rows).toHaveLength(21);
    expect(javaHeap(nmt)?.reservedBytes).toBe(8531214336);
  });
  it('the bar: six largest categories and the rest as one', () => {
    const segments = nmtSegments(nmt);
    expect(segments).toHaveLength(7);
    expect(segments.slice(0, 3).map((s) => s.name)).toEqual(['Java Heap', 'GC', 'Shared class space']);
    expect(segments[6]?.other).toBe(true);
    expect(segments.reduce((s, x) => s + x.bytes, 0)).toBe(nmt.categories.reduce((s, c) => s + (c.committedBytes ?? 0), 0));
  });
  it('flags and the container limit from a pod spec beside it', () => {
    const yaml = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: orders-0', 'spec:', '  containers:', '  - name: app', '    env:', '    - {name: JAVA_TOOL_OPTIONS, value: "-Xmx6g -XX:MaxDirectMemorySize=512m"}', '    resources:', '      limits:', '        memory: 8Gi', ''].join('\n');
    const pod = parseFileText('pod.yaml', yaml);
    const files = [{ path: 'pod.yaml', formatId: pod.formatId, data: pod.data }];
    expect(jvmFlagsFound(files)).toEqual([
      { flag: '-Xmx6g', setBy: 'JAVA_TOOL_OPTIONS', workload: 'orders-0 / app', file: 'pod.yaml', line: 7 },
      { flag: '-XX:MaxDirectMemorySize=512m', setBy: 'JAVA_TOOL_OPTIONS', workload: 'orders-0 / app', file: 'pod.yaml', line: 7 },
    ]);
    expect(containerContext(files, [])).toEqual({ limit: { bytes: 8 * 1024 ** 3, owner: 'orders-0 / app', file: 'pod.yaml', line: 12 }, usage: null });
  });
  it('no limit anywhere: nothing to compare with', () => {
    expect(containerContext([], [])).toEqual({ limit: null, usage: null });
  });
});

describe('page cache', () => {
  it('seed 004 fincore script: files by cached bytes, the listed sum and the tool’s own total', () => {
    const s = pageCacheSummary(data<PageCacheData>('fincore/seed-004-fincore-detection-script-summarize.txt'));
    expect(s.files[0]).toMatchObject({ path: '/var/log/nginx/access.log', cachedBytes: 7602176, line: 14 });
    expect(s.fileCount).toBe(6);
    expect(s.sumCachedBytes).toBe(7602176 + 1200128 + 2 * 1404928 + 4096 + 4096);
    expect(s.toolTotalBytes).toBe(20422656);
  });
  it('pcstat: files by cached bytes, the share from the tool’s percentage', () => {
    const s = pageCacheSummary(data<PageCacheData>('pcstat/pcstat.readme-default-box.txt'));
    // pcstat 749 of 749 pages (3067904 B) before testfile3's 60 of 25001 (0.24%).
    expect(s.files.map((f) => f.path)).toEqual(['pcstat', 'testfile3', 'pcstat.go', 'README.md', 'LICENSE']);
    expect(cachedShare(s.files.find((f) => f.path === 'testfile3')!)).toBeCloseTo(0.0024, 6);
    expect(cachedShare(s.files.find((f) => f.path === 'LICENSE')!)).toBe(0);
  });
  it('vmtouch: only a summary, its resident bytes as the total', () => {
    const s = pageCacheSummary(data<PageCacheData>('vmtouch/vmtouch.vmtouch-35-summary-unindented.txt'));
    expect(s.fileCount).toBe(0);
    expect(s.toolTotalBytes).toBe(1382408192);
  });
});

describe('procdump', () => {
  it('seed 004 dd output: copies by size, the 926601216-byte region first', () => {
    const d = data<ProcdumpListingData>('procdump-listing/seed-004-procdump-dd-output.txt');
    expect(copiesBySize(d).map((c) => c.bytesCopied)).toEqual([926601216, 57344, 8192, 0]);
    expect(d.totalCopiedBytes).toBe(926666752);
    expect(regionsBySize(d)).toEqual([]);
  });
  it('seed 004 ls: 14 region files, sizes unknown', () => {
    const d = data<ProcdumpListingData>('procdump-listing/seed-004-procdump-ls-listing.txt');
    expect(regionsBySize(d)).toHaveLength(14);
  });
  it('hex lines as hexdump -C prints them (seed 004’s region: “iZ2zeizuxt2naq81”)', () => {
    const bytes = new TextEncoder().encode('iZ2zeizuxt2naq812t2pf9Z kubelet:');
    const lines = hexLines(bytes, 0x2b0);
    expect(lines[0]).toEqual({ offset: '000002b0', hex: '69 5a 32 7a 65 69 7a 75  78 74 32 6e 61 71 38 31', text: 'iZ2zeizuxt2naq81' });
    expect(lines[1]?.text).toBe('2t2pf9Z kubelet:');
    const partial = hexLines(new Uint8Array([0, 0x41, 0xff]), 0);
    expect(partial[0]?.text).toBe('.A.');
    expect(partial[0]?.hex.startsWith('00 41 ff')).toBe(true);
  });
  it('offsets and slices', () => {
    expect(parseOffset('0x2b0')).toBe(688);
    expect(parseOffset('4096')).toBe(4096);
    expect(parseOffset('-1')).toBeNull();
    expect(parseOffset('0xzz')).toBeNull();
    expect(sliceAt(4100, 926601216)).toEqual({ start: 4096, end: 8192 });
    expect(sliceAt(926601215, 926601216)).toEqual({ start: 926601200, end: 926601216 });
    expect(sliceAt(0, 0)).toEqual({ start: 0, end: 0 });
  });
});
