// Where the bench finds the repository (fixtures, built code) and writes its inputs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

export const ROOT = findRoot(import.meta.dirname);
export const WORK_DIR = join(ROOT, 'bench', 'work');

export function fixtureText(relative: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', relative), 'utf8');
}

export function fixtureBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', relative)));
}
