// The import pipeline, platform-free: sources (files, folders walked by the shell, archives,
// pasted text) in; events while it runs; one ImportedBundle — or a cancellation or a refusal,
// with nothing kept — out. Used by the renderer's import worker and by the CLI.
//
//   const outcome = await importBundle([sourceFromBytes('lab.tar.gz', bytes)], {
//     onEvent: (e) => post(e), cancel: token, limits: { maxTotalUncompressedBytes: 4 * 2 ** 30 } });
//   if (outcome.kind === 'imported') store(outcome.bundle)   // one Dexie transaction: whole or nothing
//
// Paths: a file given directly keeps its displayPath. Members of an archive go under the archive's
// path (`x.zip/dir/a.txt`), except when the import is that one archive alone: then they are at
// their own names (`dir/a.txt`). A `.gz` of one file becomes that file (`dmesg.txt.gz` → `dmesg.txt`).
// Same content twice: compare `bundle.fingerprint` (SHA-256 over the sorted (path, sha256) list,
// paths taken below their common folder, so a folder and its .tar.gz give the same fingerprint).
import { warning, type ParseStatus, type ParseWarning } from '../formats/format';
import { EntryRouter, type ArchiveHandler, type ArchiveRecord, type EntryInfo, type SkippedMember } from './archive';
import { ArchiveBudget, DEFAULT_ARCHIVE_LIMITS, ImportCancelledError, ImportRefusedError, type ArchiveLimits } from './archive-limits';
import { FileAccumulator, type ImportedFile } from './file-accumulator';
import { normaliseMemberName, PathRegistry } from './member-name';
import { createSha256, sha256HexOfText, type HasherFactory } from './sha256';
import type { ImportSource } from './sources';
import type { BlockFeederOptions } from './block-line-feeder';

export interface ImportOptions {
  onEvent?: (event: ImportEvent) => void;
  /** Checked between chunks (and while archives expand): set `aborted` to stop; nothing is returned. */
  cancel?: { readonly aborted: boolean };
  limits?: Partial<ArchiveLimits>;
  /** Defaults to the pure-TS SHA-256; the CLI may pass node:crypto, the worker a faster one. */
  hasher?: HasherFactory;
  /** How huge logs are skimmed: the CLI passes Node's Buffer#indexOf and a WebAssembly line-feed count. */
  skim?: BlockFeederOptions;
  /** Keep each file's raw bytes in `ImportedFile.raw` (default true; the CLI needs none). */
  keepRaw?: boolean;
  /** Text files above this are parsed line by line when their format allows it (default 32 MiB). */
  streamThresholdBytes?: number;
  /** Text files above this without a line parser are stored, not parsed (default 256 MiB). */
  maxParseBytes?: number;
}

export interface ImportProgress {
  /** Bytes of the sources read so far (compressed bytes for an archive). */
  bytesDone: number;
  /** Sum of the sources' sizes (a source of unknown size counts what was read of it). */
  bytesTotal: number;
  filesDone: number;
  /** Files seen so far plus sources not yet opened: grows while archives expand. */
  filesTotal: number;
}

export type ImportEvent =
  | { type: 'file-started'; path: string; sizeBytes: number | null; container: string | null }
  | ({ type: 'progress'; currentPath: string } & ImportProgress)
  | { type: 'file-done'; path: string; sizeBytes: number; sha256: string; formatId: string; status: ParseStatus; warnings: ParseWarning[]; data: unknown }
  | { type: 'archive-done'; archive: ArchiveRecord }
  | { type: 'member-skipped'; member: SkippedMember };

export interface ImportedBundle {
  fingerprint: string;
  /** In the order they were read. */
  files: ImportedFile[];
  archives: ArchiveRecord[];
  /** Archive members not stored (links, devices, unreadable compression), each with its reason. */
  skipped: SkippedMember[];
  /** Problems with a source as a whole (a read error). */
  warnings: ParseWarning[];
  totalBytes: number;
}

export type ImportOutcome =
  | { kind: 'imported'; bundle: ImportedBundle }
  | { kind: 'cancelled' }
  | { kind: 'refused'; reason: ParseWarning };

export const DEFAULT_STREAM_THRESHOLD_BYTES = 32 * 1024 * 1024;
export const DEFAULT_MAX_PARSE_BYTES = 256 * 1024 * 1024;

export async function importBundle(sources: readonly ImportSource[], options: ImportOptions = {}): Promise<ImportOutcome> {
  const cancel = options.cancel ?? { aborted: false };
  const emit = options.onEvent ?? (() => undefined);
  const hasher = options.hasher ?? createSha256;
  const budget = new ArchiveBudget({ ...DEFAULT_ARCHIVE_LIMITS, ...options.limits }, cancel);
  const paths = new PathRegistry();
  const files: ImportedFile[] = [];
  const archives: ArchiveRecord[] = [];
  const skipped: SkippedMember[] = [];
  const warnings: ParseWarning[] = [];
  const progress: ImportProgress = { bytesDone: 0, bytesTotal: 0, filesDone: 0, filesTotal: sources.length };
  let currentPath = '';
  let filesStarted = 0;
  let remainingSources = sources.length;
  const knownSizes = sources.reduce((sum, s) => sum + (s.sizeBytes ?? 0), 0);
  const report = () => emit({ type: 'progress', currentPath, ...progress });

  const handler: ArchiveHandler = {
    openFile(entry: EntryInfo) {
      const claimed = paths.claim(entry.path);
      if (claimed.renamed) {
        entry.notes.push(warning('duplicate-path', `Another file already has the path ${entry.path}; this one is shown as ${claimed.path}.`, undefined, { path: entry.path, shownAs: claimed.path }));
      }
      filesStarted++;
      progress.filesTotal = Math.max(progress.filesTotal, filesStarted + remainingSources);
      currentPath = claimed.path;
      emit({ type: 'file-started', path: claimed.path, sizeBytes: entry.declaredSizeBytes, container: entry.container });
      return new FileAccumulator(
        claimed.path,
        entry,
        {
          keepRaw: options.keepRaw ?? true,
          streamThresholdBytes: options.streamThresholdBytes ?? DEFAULT_STREAM_THRESHOLD_BYTES,
          maxParseBytes: options.maxParseBytes ?? DEFAULT_MAX_PARSE_BYTES,
          hasher,
          skim: options.skim,
        },
        (file) => {
          files.push(file);
          progress.filesDone++;
          const { path, sizeBytes, sha256, formatId, status, warnings: fileWarnings, data } = file;
          emit({ type: 'file-done', path, sizeBytes, sha256, formatId, status, warnings: fileWarnings, data });
          report();
        },
      );
    },
    archiveDone(record) {
      archives.push(record);
      emit({ type: 'archive-done', archive: record });
    },
    skipped(member) {
      skipped.push(member);
      emit({ type: 'member-skipped', member });
    },
  };

  try {
    for (const source of sources) {
      if (cancel.aborted) throw new ImportCancelledError();
      remainingSources--;
      const display = normaliseMemberName(source.displayPath, 'pasted.txt');
      const entry: EntryInfo = {
        path: display.path,
        originalName: source.displayPath,
        declaredSizeBytes: source.sizeBytes,
        container: null,
        depth: 0,
        memberPrefix: sources.length === 1 ? '' : display.path,
        notes: [],
      };
      currentPath = display.path;
      const router = new EntryRouter(entry, { handler, budget, hasher });
      budget.beginSource(display.path);
      let readBytes = 0;
      let truncated = false;
      try {
        for await (const chunk of source.chunks()) {
          if (cancel.aborted) throw new ImportCancelledError();
          readBytes += chunk.length;
          budget.addRead(chunk.length);
          progress.bytesDone += chunk.length;
          progress.bytesTotal = Math.max(knownSizes, progress.bytesDone);
          router.write(chunk);
          report();
        }
      } catch (error) {
        if (error instanceof ImportCancelledError || error instanceof ImportRefusedError) throw error;
        truncated = true;
        const detail = error instanceof Error ? error.message : String(error);
        const w = warning('source-read-failed', `Reading ${source.displayPath} failed after ${readBytes} bytes (${detail}).`, undefined, { path: source.displayPath, detail });
        entry.notes.push(w);
        warnings.push(w);
      }
      if (cancel.aborted) throw new ImportCancelledError();
      router.close({ truncated });
      report();
    }
  } catch (error) {
    if (error instanceof ImportCancelledError) return { kind: 'cancelled' };
    if (error instanceof ImportRefusedError) return { kind: 'refused', reason: error.refusal };
    throw error;
  }
  if (cancel.aborted) return { kind: 'cancelled' };
  return {
    kind: 'imported',
    bundle: {
      fingerprint: bundleFingerprint(files),
      files,
      archives,
      skipped,
      warnings,
      totalBytes: files.reduce((sum, f) => sum + f.sizeBytes, 0),
    },
  };
}

/** SHA-256 over `sha256  path` lines sorted by path, paths taken below their common folder. */
export function bundleFingerprint(files: readonly { path: string; sha256: string }[]): string {
  const prefix = commonFolder(files.map((f) => f.path));
  const lines = files.map((f) => ({ path: f.path.slice(prefix.length), sha256: f.sha256 })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sha256HexOfText(lines.map((l) => `${l.sha256}  ${l.path}\n`).join(''));
}

/** The longest leading folder (ending in `/`) shared by every path; '' when none. */
export function commonFolder(paths: readonly string[]): string {
  const first = paths[0];
  if (first === undefined) return '';
  let prefix = first.slice(0, first.lastIndexOf('/') + 1);
  for (const p of paths) {
    while (prefix !== '' && !p.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
    if (prefix === '') break;
  }
  return prefix;
}
