import { describe, expect, it } from 'vitest';
import { collectSources, parseArgvPaths, readSecondInstanceData, TokenRegistry, walkFolder, type DirEntryLike, type ImportFs } from './import-sources';

type Node = { kind: 'file'; size: number } | { kind: 'dir' } | { kind: 'link'; target: string } | { kind: 'fifo' };

/** An in-memory tree keyed by absolute POSIX path. */
function fakeFs(tree: Record<string, Node>): ImportFs & { readdirCalls: string[] } {
  const readdirCalls: string[] = [];
  const lookup = (path: string): Node => {
    const node = tree[path];
    if (!node) throw Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' });
    return node;
  };
  const statOf = (node: Node) => ({
    isFile: () => node.kind === 'file',
    isDirectory: () => node.kind === 'dir',
    isSymbolicLink: () => node.kind === 'link',
    size: node.kind === 'file' ? node.size : 0,
  });
  const follow = (path: string): Node => {
    let node = lookup(path);
    for (let hops = 0; node.kind === 'link'; hops++) {
      if (hops > 8) throw new Error('ELOOP');
      node = lookup(node.target);
    }
    return node;
  };
  return {
    readdirCalls,
    stat: async (path) => statOf(follow(path)),
    lstat: async (path) => statOf(lookup(path)),
    readdir: async (path) => {
      readdirCalls.push(path);
      if (lookup(path).kind !== 'dir') throw new Error('ENOTDIR');
      const prefix = `${path}/`;
      return Object.keys(tree)
        .filter((key) => key.startsWith(prefix) && !key.slice(prefix.length).includes('/'))
        .map((key): DirEntryLike => ({ name: key.slice(prefix.length), ...statOf(lookup(key)) }));
    },
    readRange: async () => new Uint8Array(0),
  };
}

const incident: Record<string, Node> = {
  '/data/incident': { kind: 'dir' },
  '/data/incident/manifest.json': { kind: 'file', size: 120 },
  '/data/incident/node1': { kind: 'dir' },
  '/data/incident/node1/memory.stat': { kind: 'file', size: 1043 },
  '/data/incident/node1/dmesg.txt': { kind: 'file', size: 8800 },
  '/data/incident/node1/pipe': { kind: 'fifo' },
  '/data/incident/a-link-to-etc': { kind: 'link', target: '/etc' },
  '/data/incident/passwd-link': { kind: 'link', target: '/etc/passwd' },
  '/data/incident/empty': { kind: 'dir' },
  '/etc': { kind: 'dir' },
  '/etc/passwd': { kind: 'file', size: 2000 },
};

describe('walkFolder', () => {
  it("lists a folder's files in name order, then its subfolders, relative to the folder", async () => {
    const fs = fakeFs(incident);
    const walk = await walkFolder(fs, '/data/incident');
    expect(walk.files).toEqual([
      { absolutePath: '/data/incident/manifest.json', relativePath: 'manifest.json', sizeBytes: 120 },
      { absolutePath: '/data/incident/node1/dmesg.txt', relativePath: 'node1/dmesg.txt', sizeBytes: 8800 },
      { absolutePath: '/data/incident/node1/memory.stat', relativePath: 'node1/memory.stat', sizeBytes: 1043 },
    ]);
    expect(walk.truncated).toBe(false);
  });
  it('does not follow symlinks and skips special files', async () => {
    const fs = fakeFs(incident);
    const walk = await walkFolder(fs, '/data/incident');
    expect(walk.skippedSymlinks).toBe(2);
    expect(walk.skippedSpecial).toBe(1);
    expect(fs.readdirCalls).not.toContain('/etc');
    expect(walk.files.map((f) => f.absolutePath)).not.toContain('/etc/passwd');
  });
  it('stops at the file cap and says so', async () => {
    const walk = await walkFolder(fakeFs(incident), '/data/incident', { maxFiles: 2, maxDepth: 32 });
    expect(walk.files.map((f) => f.relativePath)).toEqual(['manifest.json', 'node1/dmesg.txt']);
    expect(walk.truncated).toBe(true);
  });
  it('is not truncated when the cap equals the number of files', async () => {
    const walk = await walkFolder(fakeFs(incident), '/data/incident', { maxFiles: 3, maxDepth: 32 });
    expect(walk.files).toHaveLength(3);
    expect(walk.truncated).toBe(false);
  });
  it('does not descend below maxDepth', async () => {
    const walk = await walkFolder(fakeFs(incident), '/data/incident', { maxFiles: 100, maxDepth: 0 });
    expect(walk.files.map((f) => f.relativePath)).toEqual(['manifest.json']);
  });
  it('reports unreadable folders and goes on', async () => {
    const walk = await walkFolder(fakeFs(incident), '/nowhere');
    expect(walk.files).toEqual([]);
    expect(walk.unreadable).toEqual(['.']);
  });
});

describe('TokenRegistry', () => {
  it('issues unique tokens that resolve to the path, and forgets released ones', () => {
    const tokens = ['t1', 't1', 't2'];
    const registry = new TokenRegistry(() => tokens.shift()!);
    const a = registry.issue({ absolutePath: '/a/memory.stat', displayPath: 'memory.stat', sizeBytes: 10 });
    const b = registry.issue({ absolutePath: '/b/dmesg', displayPath: 'dmesg', sizeBytes: 20 });
    expect(a).toEqual({ token: 't1', displayPath: 'memory.stat', sizeBytes: 10 });
    expect(b.token).toBe('t2');
    expect(registry.resolve('t1')?.absolutePath).toBe('/a/memory.stat');
    registry.release(['t1', 'never-issued']);
    expect(registry.resolve('t1')).toBeUndefined();
    expect(registry.size).toBe(1);
    registry.clear();
    expect(registry.resolve('t2')).toBeUndefined();
  });
  it('uses 128-bit random hex tokens by default', () => {
    const registry = new TokenRegistry();
    const { token } = registry.issue({ absolutePath: '/a', displayPath: 'a', sizeBytes: 0 });
    expect(token).toMatch(/^[0-9a-f]{32}$/);
  });
  it('resolves nothing for prototype keys', () => {
    const registry = new TokenRegistry();
    expect(registry.resolve('__proto__')).toBeUndefined();
    expect(registry.resolve('constructor')).toBeUndefined();
  });
  it('refuses to hold more than its limit', () => {
    const registry = new TokenRegistry(undefined, 1);
    registry.issue({ absolutePath: '/a', displayPath: 'a', sizeBytes: 0 });
    expect(() => registry.issue({ absolutePath: '/b', displayPath: 'b', sizeBytes: 0 })).toThrow('More than 1 files');
  });
});

describe('collectSources', () => {
  it('turns files and folders into sources, and lists what it skipped', async () => {
    let n = 0;
    const registry = new TokenRegistry(() => `tok${++n}`);
    const result = await collectSources(fakeFs(incident), registry, ['/etc/passwd', '/data/incident/node1', '/missing', '/data/incident/node1/pipe']);
    expect(result.sources).toEqual([
      { token: 'tok1', displayPath: 'passwd', sizeBytes: 2000 },
      { token: 'tok2', displayPath: 'dmesg.txt', sizeBytes: 8800 },
      { token: 'tok3', displayPath: 'memory.stat', sizeBytes: 1043 },
    ]);
    expect(result.skipped).toEqual(['/missing', '/data/incident/node1/pipe']);
    expect(registry.resolve('tok3')?.absolutePath).toBe('/data/incident/node1/memory.stat');
  });
  it('follows a symlink the user named explicitly', async () => {
    const result = await collectSources(fakeFs(incident), new TokenRegistry(), ['/data/incident/passwd-link']);
    expect(result.sources).toHaveLength(1);
    expect(result.sources[0]?.displayPath).toBe('passwd-link');
  });
  it('applies the file cap across all paths', async () => {
    const result = await collectSources(fakeFs(incident), new TokenRegistry(), ['/etc/passwd', '/data/incident', '/etc/passwd'], { maxFiles: 2, maxDepth: 32 });
    expect(result.sources.map((s) => s.displayPath)).toEqual(['passwd', 'manifest.json']);
    expect(result.truncated).toBe(true);
  });
});

describe('parseArgvPaths', () => {
  const cwd = '/home/sre';
  it('takes paths after the packaged executable, resolved against the working directory', () => {
    expect(parseArgvPaths(['/opt/OOMScope/oomscope', 'incident/', '/tmp/dmesg.txt'], { isDefaultApp: false, workingDirectory: cwd })).toEqual([
      '/home/sre/incident',
      '/tmp/dmesg.txt',
    ]);
  });
  it('skips the app path and flags when run by a bare Electron (electron-vite: `electron . --inspect=9229`)', () => {
    expect(parseArgvPaths(['/x/electron', '--inspect=9229', '.', '--no-sandbox', 'memory.stat'], { isDefaultApp: true, workingDirectory: cwd })).toEqual([
      '/home/sre/memory.stat',
    ]);
    expect(parseArgvPaths(['/x/electron', '.'], { isDefaultApp: true, workingDirectory: cwd })).toEqual([]);
  });
  it('ignores Chromium and macOS flags, and empty arguments', () => {
    expect(
      parseArgvPaths(['/opt/OOMScope/oomscope', '--original-process-start-time=13380000000', '-psn_0_12345', '', '  ', 'a.log'], { isDefaultApp: false, workingDirectory: cwd }),
    ).toEqual(['/home/sre/a.log']);
  });
  it('treats everything after -- as a path, and removes duplicates', () => {
    expect(parseArgvPaths(['/opt/oomscope', '--', '-odd-name', './a', 'a'], { isDefaultApp: false, workingDirectory: cwd })).toEqual(['/home/sre/-odd-name', '/home/sre/a']);
  });
  it('returns nothing for an empty command line', () => {
    expect(parseArgvPaths([], { isDefaultApp: false, workingDirectory: cwd })).toEqual([]);
  });
});

describe('readSecondInstanceData', () => {
  it('keeps absolute string paths only', () => {
    expect(readSecondInstanceData({ paths: ['/a', 'relative', 7, '', '/b'] })).toEqual(['/a', '/b']);
  });
  it('returns null for anything else', () => {
    expect(readSecondInstanceData(null)).toBeNull();
    expect(readSecondInstanceData('x')).toBeNull();
    expect(readSecondInstanceData({ paths: '/a' })).toBeNull();
  });
});
