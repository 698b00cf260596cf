import type { MessageBoxOptions, OpenDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { translator } from '../core/i18n/translate';
import { TokenRegistry, type ImportFs } from './import-sources';
import { collectNotice, createImporter, openDialogOptions } from './importer';
import { createMemoryLogger } from './logger';

const files: Record<string, number> = { '/d/a.txt': 1, '/d/b.txt': 2, '/d/c.txt': 3, '/x/memory.stat': 40 };
const fs: ImportFs = {
  stat: async (path) => {
    if (path === '/d') return { isFile: () => false, isDirectory: () => true, size: 0 };
    const size = files[path];
    if (size === undefined) throw new Error('ENOENT');
    return { isFile: () => true, isDirectory: () => false, size };
  },
  lstat: async (path) => ({ isFile: () => true, isDirectory: () => false, isSymbolicLink: () => false, size: files[path] ?? 0 }),
  readdir: async () =>
    ['a.txt', 'b.txt', 'c.txt'].map((name) => ({ name, isFile: () => true, isDirectory: () => false, isSymbolicLink: () => false })),
  readRange: async () => new Uint8Array(0),
};

function setup(choice: { canceled: boolean; filePaths: string[] }, maxFiles = 10) {
  const opened: OpenDialogOptions[] = [];
  const boxes: MessageBoxOptions[] = [];
  const importer = createImporter<'win'>({
    dialog: {
      showOpenDialog: async (_w, options) => (opened.push(options), choice),
      showMessageBox: async (_w, options) => boxes.push(options),
    },
    fs,
    tokens: new TokenRegistry(),
    limits: { maxFiles, maxDepth: 4 },
    t: translator('en'),
    log: createMemoryLogger(),
  });
  return { importer, opened, boxes };
}

describe('createImporter', () => {
  it('picks several files (archives included: no filter)', async () => {
    const s = setup({ canceled: false, filePaths: ['/x/memory.stat', '/d/a.txt'] });
    const sources = await s.importer.pick('files', 'win');
    expect(sources.map((x) => [x.displayPath, x.sizeBytes])).toEqual([
      ['memory.stat', 40],
      ['a.txt', 1],
    ]);
    expect(s.opened[0]?.properties).toEqual(['openFile', 'multiSelections']);
    expect(s.opened[0]?.filters).toBeUndefined();
    expect(s.boxes).toEqual([]);
  });
  it('picks a folder and walks it', async () => {
    const s = setup({ canceled: false, filePaths: ['/d'] });
    expect((await s.importer.pick('folder', 'win')).map((x) => x.displayPath)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(s.opened[0]?.properties).toEqual(['openDirectory']);
  });
  it('returns nothing when the dialog is cancelled', async () => {
    const s = setup({ canceled: true, filePaths: [] });
    expect(await s.importer.pick('files', 'win')).toEqual([]);
  });
  it('tells the user when a folder was cut at the limit', async () => {
    const s = setup({ canceled: false, filePaths: ['/d'] }, 2);
    expect(await s.importer.pick('folder', 'win')).toHaveLength(2);
    await Promise.resolve();
    expect(s.boxes[0]?.message).toBe('Only the first 2 files were imported.');
  });
  it('imports command-line paths and reports the missing ones', async () => {
    const s = setup({ canceled: true, filePaths: [] });
    const sources = await s.importer.importPaths(['/x/memory.stat', '/gone'], 'win');
    expect(sources).toHaveLength(1);
    expect(s.boxes[0]?.message).toBe('1 item(s) could not be read and were left out.');
  });
});

describe('openDialogOptions and collectNotice', () => {
  it('are translated', () => {
    expect(openDialogOptions('folder', translator('zh-CN')).title).toBe('选择要导入的文件夹');
    expect(collectNotice({ sources: [], truncated: true, skipped: ['/a'] }, { maxFiles: 5, maxDepth: 1 }, translator('zh-CN'))).toMatchObject({
      message: '只导入了前 5 个文件。',
      detail: '所选内容的文件数超过单次导入的上限。请选择更小的文件夹来导入其余文件。\n有 1 项无法读取，已跳过。',
    });
    expect(collectNotice({ sources: [], truncated: false, skipped: [] }, { maxFiles: 5, maxDepth: 1 }, translator('en'))).toBeNull();
  });
});
