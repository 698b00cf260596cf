import { describe, expect, it } from 'vitest';
import { createFileLogger, formatLogLine, type LogFs } from './logger';

function fakeFs(initialSize?: number): LogFs & { files: Map<string, string>; renamed: [string, string][]; dirs: string[] } {
  const files = new Map<string, string>();
  if (initialSize !== undefined) files.set('/u/logs/main.log', 'x'.repeat(initialSize));
  const renamed: [string, string][] = [];
  const dirs: string[] = [];
  return {
    files,
    renamed,
    dirs,
    mkdirSync: (path) => dirs.push(path),
    appendFileSync: (path, data) => files.set(path, (files.get(path) ?? '') + data),
    statSync: (path) => (files.has(path) ? { size: files.get(path)!.length } : undefined),
    renameSync: (from, to) => {
      renamed.push([from, to]);
      files.set(to, files.get(from) ?? '');
      files.delete(from);
    },
  };
}

const at = new Date('2025-03-01T10:00:00.000Z');

describe('formatLogLine', () => {
  it('starts every entry with a timestamp and level, and indents stack lines', () => {
    const error = new Error('boom');
    error.stack = 'Error: boom\n    at f (main.js:1:1)';
    expect(formatLogLine(at, 'ERROR', 'uncaught exception', error)).toBe(
      '2025-03-01T10:00:00.000Z ERROR uncaught exception: Error: boom\n        at f (main.js:1:1)\n',
    );
    expect(formatLogLine(at, 'INFO', 'started')).toBe('2025-03-01T10:00:00.000Z INFO  started\n');
  });
  it('cuts very long messages', () => {
    const line = formatLogLine(at, 'WARN', 'x'.repeat(10_000));
    expect(line.length).toBeLessThan(4200);
    expect(line).toContain('(10000 chars)');
  });
  it('describes non-Error details', () => {
    expect(formatLogLine(at, 'WARN', 'rejected', { code: 7 })).toContain('rejected: {"code":7}');
    expect(formatLogLine(at, 'WARN', 'rejected', 'text')).toContain('rejected: text');
  });
});

describe('createFileLogger', () => {
  it('creates the folder and appends lines to main.log', () => {
    const fs = fakeFs();
    const log = createFileLogger({ fs, filePath: '/u/logs/main.log', directory: '/u/logs', now: () => at });
    log.info('started');
    log.warn('blocked request to https://x.example/');
    expect(fs.dirs).toEqual(['/u/logs']);
    expect(fs.files.get('/u/logs/main.log')).toBe(
      '2025-03-01T10:00:00.000Z INFO  started\n2025-03-01T10:00:00.000Z WARN  blocked request to https://x.example/\n',
    );
  });
  it('moves an oversized log aside before writing', () => {
    const fs = fakeFs(2000);
    const log = createFileLogger({ fs, filePath: '/u/logs/main.log', directory: '/u/logs', now: () => at, maxBytes: 1000 });
    log.error('x');
    expect(fs.renamed).toEqual([['/u/logs/main.log', '/u/logs/main.log.old']]);
    expect(fs.files.get('/u/logs/main.log')).toBe('2025-03-01T10:00:00.000Z ERROR x\n');
  });
  it('never throws when the disk refuses', () => {
    const fs: LogFs = {
      mkdirSync: () => {
        throw new Error('EROFS');
      },
      appendFileSync: () => {
        throw new Error('ENOSPC');
      },
      statSync: () => undefined,
      renameSync: () => undefined,
    };
    const log = createFileLogger({ fs, filePath: '/ro/main.log', directory: '/ro' });
    expect(() => log.error('still fine', new Error('x'))).not.toThrow();
  });
});
