import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkFolder } from './import-sources';
import { nodeImportFs } from './node-fs';

const posix = process.platform !== 'win32';
let root = '';
let outside = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'oomscope-walk-'));
  outside = mkdtempSync(join(tmpdir(), 'oomscope-outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'not for import');
  mkdirSync(join(root, 'node1'));
  writeFileSync(join(root, 'node1', 'memory.stat'), 'cache 4096\nrss 8192\n');
  writeFileSync(join(root, 'top.txt'), '0123456789');
  if (posix) {
    symlinkSync(outside, join(root, 'linked-dir'));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'linked-file'));
    execFileSync('mkfifo', [join(root, 'fifo')]);
  }
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('nodeImportFs on a real folder', () => {
  it('walks regular files only, without following symlinks or opening FIFOs', async () => {
    const walk = await walkFolder(nodeImportFs, root);
    expect(walk.files.map((f) => [f.relativePath, f.sizeBytes])).toEqual([
      ['top.txt', 10],
      ['node1/memory.stat', 20],
    ]);
    if (posix) {
      expect(walk.skippedSymlinks).toBe(2);
      expect(walk.skippedSpecial).toBe(1);
    }
  });
  it('reads a byte range, short at the end of the file', async () => {
    const path = join(root, 'top.txt');
    expect(new TextDecoder().decode(await nodeImportFs.readRange(path, 2, 3))).toBe('234');
    const tail = await nodeImportFs.readRange(path, 8, 100);
    expect(new TextDecoder().decode(tail)).toBe('89');
    expect(tail.buffer.byteLength).toBe(2);
    expect((await nodeImportFs.readRange(path, 50, 10)).length).toBe(0);
  });
  it.runIf(posix)('refuses to read a FIFO instead of blocking', async () => {
    await expect(nodeImportFs.readRange(join(root, 'fifo'), 0, 10)).rejects.toThrow('Not a regular file');
  });
});
