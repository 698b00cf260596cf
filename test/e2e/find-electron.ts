// Finds the Electron executable for test/e2e/electron.spec.ts the way node_modules/electron/index.js
// does (path.txt names the binary inside dist/, ELECTRON_OVERRIDE_DIST_PATH replaces dist/), but
// only looks: requiring 'electron' would start a download when the binary is missing.
//   node_modules/electron/path.txt → "electron"  ⇒  node_modules/electron/dist/electron
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { path: string; reason: null } | { path: null; reason: string };

export interface ElectronProbe {
  /** The folder of the electron npm package. */
  packageDir: string;
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
  readText(path: string): string | null;
}

export function locateElectronBinary(probe: ElectronProbe): ElectronBinary {
  const explicit = probe.env['ELECTRON_EXEC_PATH'];
  if (explicit) {
    return probe.exists(explicit) ? { path: explicit, reason: null } : { path: null, reason: `ELECTRON_EXEC_PATH is set to ${explicit}, which does not exist.` };
  }
  const pathFile = join(probe.packageDir, 'path.txt');
  const relative = probe.readText(pathFile)?.trim() ?? '';
  const overrideDist = probe.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (overrideDist) {
    const candidate = join(overrideDist, relative || 'electron');
    return probe.exists(candidate) ? { path: candidate, reason: null } : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH points at ${candidate}, which does not exist.` };
  }
  if (!relative) {
    return { path: null, reason: `no Electron binary: ${pathFile} is missing (its download did not run or failed). Run \`npx install-electron\` where downloads are possible, or set ELECTRON_OVERRIDE_DIST_PATH.` };
  }
  const candidate = join(probe.packageDir, 'dist', relative);
  return probe.exists(candidate) ? { path: candidate, reason: null } : { path: null, reason: `no Electron binary at ${candidate}.` };
}

export function findElectronBinary(): ElectronBinary {
  let packageDir: string;
  try {
    // Resolving package.json only finds the folder; it runs nothing.
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron npm package is not installed.' };
  }
  return locateElectronBinary({
    packageDir,
    env: process.env,
    exists: existsSync,
    readText: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
  });
}
