import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateElectronBinary, type ElectronProbe } from '../e2e/find-electron';

const dir = '/repo/node_modules/electron';

function probe(files: Record<string, string>, env: Record<string, string> = {}): ElectronProbe {
  return { packageDir: dir, env, exists: (path) => path in files, readText: (path) => files[path] ?? null };
}

describe('locateElectronBinary', () => {
  it('finds dist/<path.txt> like electron/index.js does', () => {
    expect(locateElectronBinary(probe({ [join(dir, 'path.txt')]: 'electron', [join(dir, 'dist', 'electron')]: '' }))).toEqual({
      path: join(dir, 'dist', 'electron'),
      reason: null,
    });
  });
  it('reports a missing path.txt (binary never downloaded) instead of downloading', () => {
    const result = locateElectronBinary(probe({}));
    expect(result.path).toBeNull();
    expect(result.reason).toContain('path.txt is missing');
  });
  it('reports a path.txt whose binary is gone', () => {
    expect(locateElectronBinary(probe({ [join(dir, 'path.txt')]: 'electron' })).reason).toContain('no Electron binary at');
  });
  it('honours ELECTRON_OVERRIDE_DIST_PATH and ELECTRON_EXEC_PATH', () => {
    expect(locateElectronBinary(probe({ '/opt/electron/electron': '' }, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).path).toBe('/opt/electron/electron');
    expect(locateElectronBinary(probe({ '/x/electron': '' }, { ELECTRON_EXEC_PATH: '/x/electron' })).path).toBe('/x/electron');
    expect(locateElectronBinary(probe({}, { ELECTRON_EXEC_PATH: '/x/electron' })).path).toBeNull();
  });
});
