// What the user hands the app to import, as main sees it: paths from the open dialog, the command
// line (`oomscope ./incident-0312/ node1-memory.stat`) or macOS "open with", turned into opaque
// tokens the renderer reads through (it never sees or sends a path). Example registry entry:
//   7f3a…e1 → { absolutePath: /home/sre/incident-0312/node1/memory.stat,
//                displayPath: node1/memory.stat, sizeBytes: 1043 }
import { randomBytes } from 'node:crypto';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { ImportSource } from '../shared/bridge';

/** A stat result: the few fields used. */
export interface FileStatLike {
  isFile(): boolean;
  isDirectory(): boolean;
  size: number;
}

/** A directory entry as readdir({ withFileTypes: true }) gives it: its type without following links. */
export interface DirEntryLike {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/** The file system main imports through (node-fs.ts is the real one; tests pass fakes). */
export interface ImportFs {
  /** Follows symlinks: used for paths the user named explicitly. */
  stat(path: string): Promise<FileStatLike>;
  /** Does not follow symlinks. */
  lstat(path: string): Promise<FileStatLike & { isSymbolicLink(): boolean }>;
  readdir(path: string): Promise<DirEntryLike[]>;
  /** Up to `length` bytes from `offset`; fewer at the end of the file. */
  readRange(path: string, offset: number, length: number): Promise<Uint8Array>;
}

export interface RegisteredSource {
  absolutePath: string;
  displayPath: string;
  sizeBytes: number;
}

/** Bound on live tokens, so a renderer cannot make main hold paths without end. */
export const MAX_LIVE_TOKENS = 100_000;

export function randomToken(): string {
  return randomBytes(16).toString('hex');
}

/** token → file. Tokens are random 128-bit hex strings; only main can turn one back into a path. */
export class TokenRegistry {
  private readonly entries = new Map<string, RegisteredSource>();

  constructor(
    private readonly newToken: () => string = randomToken,
    private readonly maxEntries: number = MAX_LIVE_TOKENS,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  issue(source: RegisteredSource): ImportSource {
    if (this.entries.size >= this.maxEntries) throw new Error(`More than ${this.maxEntries} files are open for import; finish or cancel an import first.`);
    let token = this.newToken();
    while (this.entries.has(token)) token = this.newToken();
    this.entries.set(token, { ...source });
    return { token, displayPath: source.displayPath, sizeBytes: source.sizeBytes };
  }

  resolve(token: string): RegisteredSource | undefined {
    return this.entries.get(token);
  }

  release(tokens: readonly string[]): void {
    for (const token of tokens) this.entries.delete(token);
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface WalkLimits {
  /** Stop after this many files (the rest of the folder is reported as truncated). */
  maxFiles: number;
  /** Do not descend deeper than this many folder levels below the root. */
  maxDepth: number;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = { maxFiles: 10_000, maxDepth: 32 };

export interface FoundFile {
  absolutePath: string;
  /** Relative to the walked folder, with `/` separators on every platform. */
  relativePath: string;
  sizeBytes: number;
}

export interface WalkResult {
  files: FoundFile[];
  /** True when maxFiles was reached and files were left out. */
  truncated: boolean;
  skippedSymlinks: number;
  /** FIFOs, sockets, devices: reading them could block or never end. */
  skippedSpecial: number;
  /** Folders or files that could not be read (permissions, vanished while walking). */
  unreadable: string[];
}

const byName = (a: DirEntryLike, b: DirEntryLike): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Lists the regular files below `root` (a folder's files in name order, then its subfolders); symlinks are not followed. */
export async function walkFolder(fs: ImportFs, root: string, limits: WalkLimits = DEFAULT_WALK_LIMITS): Promise<WalkResult> {
  const result: WalkResult = { files: [], truncated: false, skippedSymlinks: 0, skippedSpecial: 0, unreadable: [] };
  // Stack of folders still to list; pushed in reverse so they pop in name order.
  const stack: { absolutePath: string; relativePath: string; depth: number }[] = [{ absolutePath: root, relativePath: '', depth: 0 }];
  while (stack.length > 0) {
    const folder = stack.pop()!;
    let entries: DirEntryLike[];
    try {
      entries = (await fs.readdir(folder.absolutePath)).slice().sort(byName);
    } catch {
      result.unreadable.push(folder.relativePath || '.');
      continue;
    }
    const subfolders: typeof stack = [];
    for (const entry of entries) {
      const absolutePath = join(folder.absolutePath, entry.name);
      const relativePath = folder.relativePath ? `${folder.relativePath}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        result.skippedSymlinks++;
      } else if (entry.isDirectory()) {
        if (folder.depth < limits.maxDepth) subfolders.push({ absolutePath, relativePath, depth: folder.depth + 1 });
      } else if (!entry.isFile()) {
        result.skippedSpecial++;
      } else {
        if (result.files.length >= limits.maxFiles) {
          result.truncated = true;
          return result;
        }
        try {
          // lstat, not stat: the entry may have been swapped for a link since readdir.
          const stat = await fs.lstat(absolutePath);
          if (stat.isSymbolicLink()) result.skippedSymlinks++;
          else if (stat.isFile()) result.files.push({ absolutePath, relativePath, sizeBytes: stat.size });
          else result.skippedSpecial++;
        } catch {
          result.unreadable.push(relativePath);
        }
      }
    }
    for (let i = subfolders.length - 1; i >= 0; i--) stack.push(subfolders[i]!);
  }
  return result;
}

export interface CollectResult {
  sources: ImportSource[];
  /** A folder had more files than the limit allows. */
  truncated: boolean;
  /** Paths that do not exist, cannot be read or are not files or folders. */
  skipped: string[];
}

/**
 * Turns explicitly named paths into import sources: a file becomes one source (display name: its
 * base name), a folder becomes its files (display paths relative to that folder). The file count
 * limit applies to the whole call.
 */
export async function collectSources(fs: ImportFs, tokens: TokenRegistry, paths: readonly string[], limits: WalkLimits = DEFAULT_WALK_LIMITS): Promise<CollectResult> {
  const result: CollectResult = { sources: [], truncated: false, skipped: [] };
  for (const path of paths) {
    const remaining = limits.maxFiles - result.sources.length;
    if (remaining <= 0) {
      result.truncated = true;
      break;
    }
    let stat: FileStatLike;
    try {
      stat = await fs.stat(path);
    } catch {
      result.skipped.push(path);
      continue;
    }
    if (stat.isFile()) {
      result.sources.push(tokens.issue({ absolutePath: path, displayPath: basename(path), sizeBytes: stat.size }));
    } else if (stat.isDirectory()) {
      const walk = await walkFolder(fs, path, { maxFiles: remaining, maxDepth: limits.maxDepth });
      for (const file of walk.files) {
        result.sources.push(tokens.issue({ absolutePath: file.absolutePath, displayPath: file.relativePath, sizeBytes: file.sizeBytes }));
      }
      if (walk.truncated) result.truncated = true;
      result.skipped.push(...walk.unreadable.map((relative) => join(path, relative)));
    } else {
      result.skipped.push(path);
    }
  }
  return result;
}

export interface ArgvContext {
  /** process.defaultApp: started as `electron <app path>`, so argv[1] (after any flags) is the app, not a file. */
  isDefaultApp: boolean;
  /** Folder that relative paths are resolved against (the process's, or a second instance's). */
  workingDirectory: string;
}

/**
 * Paths to import from a command line: everything after the executable (and the app path when run
 * by a bare Electron), without flags (`--inspect`, Chromium's `--original-process-start-time=…`,
 * macOS's `-psn_0_1234`); after `--` every argument is a path.
 */
export function parseArgvPaths(argv: readonly string[], context: ArgvContext): string[] {
  const paths: string[] = [];
  let appPathPending = context.isDefaultApp;
  let onlyPaths = false;
  for (const arg of argv.slice(1)) {
    if (!onlyPaths && arg === '--') {
      onlyPaths = true;
      continue;
    }
    if (!onlyPaths && arg.startsWith('-')) continue;
    if (arg.trim() === '') continue;
    if (appPathPending) {
      appPathPending = false;
      continue;
    }
    const absolute = isAbsolute(arg) ? resolve(arg) : resolve(context.workingDirectory, arg);
    if (!paths.includes(absolute)) paths.push(absolute);
  }
  return paths;
}

/** The additional data a second instance passes with requestSingleInstanceLock. */
export interface SecondInstanceData {
  paths: string[];
}

const MAX_FORWARDED_PATHS = 1000;

/** Reads what a second instance sent (it is another process: check the shape, keep absolute paths only). */
export function readSecondInstanceData(data: unknown): string[] | null {
  if (typeof data !== 'object' || data === null) return null;
  const paths: unknown = (data as Record<string, unknown>)['paths'];
  if (!Array.isArray(paths)) return null;
  return paths
    .filter((path): path is string => typeof path === 'string' && path.length > 0 && path.length < 4096 && isAbsolute(path))
    .slice(0, MAX_FORWARDED_PATHS);
}
