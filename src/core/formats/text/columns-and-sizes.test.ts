import { describe, expect, it } from 'vitest';
import { readHeader, splitAt, splitRow, splitWide } from './columns';
import { parseBinarySuffixSize, parseHumanSize } from './human-size';
import { contentLines, isWrapperLine } from './pasted';

describe('column tables', () => {
  it('keeps single-spaced header names together', () => {
    expect(readHeader('CONTAINER ID        NAME      CPU %     MEM USAGE / LIMIT   PIDS   ').map((c) => [c.name, c.start])).toEqual([
      ['CONTAINER ID', 0],
      ['NAME', 20],
      ['CPU %', 30],
      ['MEM USAGE / LIMIT', 40],
      ['PIDS', 60],
    ]);
  });

  it('splits on two spaces, and by position when a cell is empty', () => {
    const header = readHeader('NAME     READY   STATUS    RESTARTS   AGE');
    expect(splitRow('web-0    0/1     Running   5 (2m ago) 1h', header)).toEqual(['web-0', '0/1', 'Running', '5 (2m ago)', '1h']);
    expect(splitRow('web-1    1/1               0          2h', header)).toEqual(['web-1', '1/1', '', '0', '2h']);
    expect(splitWide('  a  b c\td  ')).toEqual(['a', 'b c', 'd']);
    expect(splitAt('x', header)).toEqual(['x', '', '', '', '']);
  });
});

describe('human sizes', () => {
  it.each([
    ['55.69MiB', 58395197, true],
    ['1.025GiB', 1100585370, true],
    ['30.65MB', 30650000, true],
    ['31.1kB', 31100, true],
    ['0B', 0, false],
    ['198,1K', 202854, true],
    ['568M', 595591168, true],
    ['1G', 1073741824, true],
    ['1024', 1024, false],
    ['4 KiB', 4096, true],
  ])('%s → %d', (text, bytes, approximate) => {
    expect(parseHumanSize(text)).toEqual({ bytes, approximate });
  });

  it('refuses what is not a size', () => {
    for (const t of ['', 'MiB', '1.2.3M', '12 parsecs', '--', '1e9', '-5MB']) expect(parseHumanSize(t)).toBeNull();
  });

  it('reads JVM and tmpfs suffixes exactly', () => {
    expect(parseBinarySuffixSize('8g')).toBe(8589934592);
    expect(parseBinarySuffixSize('512M')).toBe(536870912);
    expect(parseBinarySuffixSize('65536k')).toBe(67108864);
    expect(parseBinarySuffixSize('1073741824')).toBe(1073741824);
    expect(parseBinarySuffixSize('1.5g')).toBeNull();
    expect(parseBinarySuffixSize('50%')).toBeNull();
  });
});

describe('pasted decoration', () => {
  it('recognises wrappers, prompts and markers, keeping line numbers', () => {
    expect(isWrapperLine('{"toolset_name":"kubernetes/core","tool_name":"kubectl_describe"}')).toBe(true);
    expect(isWrapperLine('stdout:')).toBe(true);
    expect(isWrapperLine('[root@master01 ~]# kubectl get po')).toBe(true);
    expect(isWrapperLine('# docker stats e00a11510727')).toBe(true);
    expect(isWrapperLine('[ ... lines removed for clarity ...]')).toBe(true);
    expect(isWrapperLine('Name:  web-0')).toBe(false);
    expect(isWrapperLine('# TYPE container_memory_rss gauge')).toBe(false);
    const { lines, wrapperLines } = contentLines('stdout:\nName:\tx\r\n');
    expect(wrapperLines).toBe(1);
    expect(lines).toEqual([
      { text: '', number: 1 },
      { text: 'Name:    x', number: 2 },
    ]);
  });
});
