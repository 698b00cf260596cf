import { describe, expect, it } from 'vitest';
import { CTX, fixture } from '../../../../test/unit/read-fixture';
import { detectFincore, parseFincore } from './fincore';
import { parseHcache, parsePcstat } from './pcstat';
import { parseVmtouch } from './vmtouch';
import { parseFileText } from '../parse-file';

describe('fincore', () => {
  it('reads util-linux human units with a decimal comma', () => {
    const r = parseFincore(fixture('fincore/fincore.util-linux-3602-sudo-0B.txt'), CTX);
    expect(r.status).toBe('parsed');
    expect(r.value?.files).toEqual([{ path: '/usr/bin/java', sizeBytes: 202854, cachedBytes: 0, cachedPages: 0, totalPages: null, cachedPercent: null, approximate: true, line: 2 }]);
    expect(r.value?.pageSizeAssumed).toBe(false);
  });

  it('reads the util-linux test log: headerless rows, `return value:` lines, then a PAGES SIZE FILE table', () => {
    const r = parseFincore(fixture('fincore/fincore-raw.util-linux-test-expected-count.4096.txt'), CTX);
    expect(r.value?.files).toHaveLength(32);
    expect(r.value?.files.find((f) => f.path === 'i_WINDOW_SIZE_+_1_page_incore-sparse-incore_' && f.line === 49)).toMatchObject({ sizeBytes: 134217728, cachedPages: 2, cachedBytes: 8192 });
    expect(r.warnings.map((w) => [w.code, w.params?.['count']])).toEqual([['columns-inferred', 16]]);
  });

  it('reads the script form from seed 004 and its total', () => {
    const r = parseFincore(fixture('fincore/seed-004-fincore-detection-script-summarize.txt'), CTX);
    expect(r.value?.totalCachedBytes).toBe(20422656);
    expect(r.value?.files.find((f) => f.path === '/var/log/nginx/access.log')).toMatchObject({ sizeBytes: 7598726, totalPages: 1856, cachedPages: 1856, cachedBytes: 7602176, cachedPercent: 100, approximate: false });
  });

  it('keeps paths with spaces and reads --bytes output', () => {
    const r = parseFincore('  RES PAGES    SIZE FILE\n8192     2   10000 /data/my file.log\n', CTX);
    expect(r.value?.files[0]).toMatchObject({ path: '/data/my file.log', cachedBytes: 8192, sizeBytes: 10000, approximate: false });
    expect(detectFincore('RES PAGES SIZE FILE\n')).toBeGreaterThan(0.8);
    expect(parseFincore('nothing', CTX).status).toBe('unusable');
  });
});

describe('pcstat and hcache', () => {
  it('reads the box table, zero-padded percent', () => {
    const r = parsePcstat(fixture('pcstat/pcstat.readme-default-box.txt'), CTX);
    expect(r.value?.files.find((f) => f.path === 'testfile3')).toMatchObject({ sizeBytes: 102401024, totalPages: 25001, cachedPages: 60, cachedBytes: 245760, cachedPercent: 0.24 });
  });

  it('reads -terse CSV and -json', () => {
    const csv = parsePcstat(fixture('pcstat/pcstat-terse.readme-csv.txt'), CTX);
    expect(csv.value?.files.map((f) => [f.path, f.cachedPages])).toEqual([
      ['LICENSE', 0],
      ['README.md', 2],
      ['pcstat', 749],
      ['pcstat.go', 3],
      ['testfile3', 60],
    ]);
    expect(csv.value?.files[4]?.cachedPercent).toBeCloseTo(0.23999040038398464, 12);
    const json = parsePcstat(fixture('pcstat/pcstat-json.readme-json_pp.json'), CTX);
    expect(json.value?.files[0]).toMatchObject({ path: 'testfile3', sizeBytes: 102401024, cachedPages: 60, totalPages: 25001 });
  });

  it('reads hcache -top and is chosen over pcstat for it', () => {
    const text = fixture('hcache/hcache-top.hcache-9-pcstat-fork-no-bottom-border.txt');
    expect(parseFileText('out.txt', text).formatId).toBe('hcache');
    const r = parseHcache(text, CTX);
    expect(r.value?.tool).toBe('hcache');
    expect(r.value?.files[0]).toMatchObject({ path: '/usr/lib/jvm/java-8-oracle/jre/lib/rt.jar', sizeBytes: 66159478, cachedPages: 11144, cachedPercent: 68.99 });
  });
});

describe('vmtouch', () => {
  it('reads -v bars and the summary', () => {
    const r = parseVmtouch(fixture('vmtouch/vmtouch-v.vmtouch-30-block-device-bar.txt'), CTX);
    expect(r.value?.files[0]).toMatchObject({ path: '/dev/sda6', cachedPages: 145557, totalPages: 70337536, cachedBytes: 596201472 });
    expect(r.value?.summary).toMatchObject({ files: 1, directories: 0, residentPages: 145557, residentPercent: 0.207, residentText: '568M/268G', elapsedSeconds: 1.5005 });
  });

  it('reads an unindented summary', () => {
    const r = parseVmtouch(fixture('vmtouch/vmtouch.vmtouch-35-summary-unindented.txt'), CTX);
    expect(r.value?.totalCachedBytes).toBe(337502 * 4096);
    expect(r.value?.summary?.files).toBe(82502);
    expect(parseVmtouch('', CTX).status).toBe('unusable');
  });
});
