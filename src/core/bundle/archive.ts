// Streaming archive expansion: gzip (single and multi-member), zip, tar, and archives inside
// archives up to a depth limit. An entry's bytes go through an EntryRouter, which looks at the
// first 512 bytes and either expands them (gzip `1f 8b`, zip `PK\3\4`, tar header) or hands them
// to the caller as a plain file. Ceilings on uncompressed bytes and entry count are checked as
// data streams: passing one refuses the whole import (zip bombs). Sample (`orphaned-shmem.tar.gz`):
//   1f 8b 08 00 …                       gzip → tar stream
//   orphaned-shmem/before/manifest.json  tar member → plain file `orphaned-shmem/before/manifest.json`
//   orphaned-shmem/before/proc/meminfo   tar member → plain file
import { Gunzip, Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { warning, type ParseWarning } from '../formats/format';
import { isImportStop, type ArchiveBudget } from './archive-limits';
import type { HasherFactory } from './sha256';
import { gunzippedName, joinBundlePath, normaliseMemberName } from './member-name';
import { looksLikeTar, TarFormatError, TarReader, type TarBodySink, type TarMemberHeader } from './tar-reader';

export type ArchiveKind = 'gzip' | 'zip' | 'tar';

/** Where bytes go: a plain file, or the next archive layer. */
export interface ByteSink {
  write(chunk: Uint8Array): void;
  close(end: { truncated: boolean }): void;
}

export interface EntryInfo {
  /** Display path inside the bundle (not yet made unique). */
  path: string;
  /** The name as written in the archive, or the source's own path. */
  originalName: string;
  declaredSizeBytes: number | null;
  /** Path of the innermost archive holding it; null for a source given directly. */
  container: string | null;
  depth: number;
  /** Where this entry's own members go if it turns out to be an archive. */
  memberPrefix: string;
  /** Notes about the entry itself (unsafe name, archive too deep…), shown with the file. */
  notes: ParseWarning[];
}

export interface ArchiveRecord {
  path: string;
  kind: ArchiveKind;
  container: string | null;
  depth: number;
  /** Bytes of the archive itself, as read. */
  sizeBytes: number;
  sha256: string;
  membersCount: number;
  /** False when it was cut or corrupt: members read before the damage are kept. */
  complete: boolean;
  warnings: ParseWarning[];
}

export interface SkippedMember {
  path: string;
  originalName: string;
  container: string;
  reason: ParseWarning;
}

export interface ArchiveHandler {
  openFile(entry: EntryInfo): ByteSink;
  archiveDone(record: ArchiveRecord): void;
  skipped(member: SkippedMember): void;
}

export interface RouterContext {
  handler: ArchiveHandler;
  budget: ArchiveBudget;
  hasher: HasherFactory;
}

const SNIFF_BYTES = 512;
/**
 * Compressed bytes handed to the decompressor at a time. fflate inflates all it is given in one
 * go, and deflate expands up to ~1032×: 16 KiB in gives at most ~16 MiB out before the budget
 * sees it, where a 1 MiB read would give ~1 GiB.
 */
export const INFLATE_SLICE_BYTES = 16 * 1024;

function pushInSlices(chunk: Uint8Array, final: boolean, push: (slice: Uint8Array, final: boolean) => void): void {
  if (chunk.length <= INFLATE_SLICE_BYTES) {
    push(chunk, final);
    return;
  }
  for (let offset = 0; offset < chunk.length; offset += INFLATE_SLICE_BYTES) {
    const end = Math.min(chunk.length, offset + INFLATE_SLICE_BYTES);
    push(chunk.subarray(offset, end), final && end === chunk.length);
  }
}

export function sniffArchive(head: Uint8Array): ArchiveKind | null {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))) return 'zip';
  if (looksLikeTar(head)) return 'tar';
  return null;
}

/** Routes one entry's bytes: to an expander when its first bytes are an archive, else to a plain file. */
export class EntryRouter implements ByteSink {
  private head: Uint8Array[] = [];
  private headLength = 0;
  private target: ByteSink | null = null;

  constructor(
    private readonly entry: EntryInfo,
    private readonly ctx: RouterContext,
  ) {}

  write(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.target) {
      this.target.write(chunk);
      return;
    }
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength >= SNIFF_BYTES) this.decide();
  }

  close(end: { truncated: boolean }): void {
    if (!this.target) this.decide();
    this.target?.close(end);
  }

  private decide(): void {
    const headBytes = concatChunks(this.head, Math.min(this.headLength, SNIFF_BYTES * 2));
    const kind = sniffArchive(headBytes);
    const entry = this.entry;
    if (kind !== null && entry.depth < this.ctx.budget.limits.maxDepth) this.target = createExpander(kind, entry, this.ctx);
    else {
      if (kind !== null) {
        entry.notes.push(
          warning('archive-too-deep', `This ${kind} archive is nested more than ${this.ctx.budget.limits.maxDepth} levels deep: kept as it is, not expanded.`, undefined, {
            kind,
            limit: this.ctx.budget.limits.maxDepth,
          }),
        );
      }
      this.target = this.ctx.handler.openFile(entry);
    }
    const buffered = this.head;
    this.head = [];
    for (const c of buffered) this.target.write(c);
  }
}

function createExpander(kind: ArchiveKind, entry: EntryInfo, ctx: RouterContext): ByteSink {
  if (kind === 'gzip') return new GzipExpander(entry, ctx);
  if (kind === 'zip') return new ZipExpander(entry, ctx);
  return new TarExpander(entry, ctx);
}

/** What every expander shares: input hashing, the record, and turning decoder errors into warnings. */
abstract class Expander implements ByteSink {
  protected readonly record: ArchiveRecord;
  private readonly hash;
  private broken = false;
  protected readonly open = new Set<ByteSink>();

  constructor(
    protected readonly entry: EntryInfo,
    protected readonly ctx: RouterContext,
    kind: ArchiveKind,
  ) {
    this.hash = ctx.hasher();
    this.record = { path: entry.path, kind, container: entry.container, depth: entry.depth, sizeBytes: 0, sha256: '', membersCount: 0, complete: true, warnings: [...entry.notes] };
  }

  write(chunk: Uint8Array): void {
    this.record.sizeBytes += chunk.length;
    this.hash.update(chunk);
    if (this.broken) return;
    this.guard(() => this.feed(chunk, false));
  }

  close(end: { truncated: boolean }): void {
    if (!this.broken) this.guard(() => this.feed(new Uint8Array(0), true));
    if (!this.broken && (end.truncated || this.open.size > 0)) {
      this.markBroken(warning('archive-truncated', `The archive ${this.entry.path} was cut short; members read before the cut are kept.`, undefined, { archive: this.entry.path }));
    }
    for (const member of this.open) member.close({ truncated: true });
    this.open.clear();
    this.record.sha256 = this.hash.digestHex();
    this.ctx.handler.archiveDone(this.record);
  }

  protected abstract feed(chunk: Uint8Array, final: boolean): void;

  protected member(name: string, declaredSizeBytes: number | null): EntryRouter {
    this.ctx.budget.addEntry(this.entry.path);
    if (declaredSizeBytes !== null) this.ctx.budget.addDeclared(declaredSizeBytes, this.entry.path);
    this.record.membersCount++;
    const display = normaliseMemberName(name);
    const notes: ParseWarning[] = [];
    if (display.unsafeReason !== null) {
      notes.push(
        warning('archive-member-name-unsafe', `The member name "${name}" (${display.unsafeReason}) is shown as "${display.path}".`, undefined, {
          name,
          reason: display.unsafeReason,
        }),
      );
    }
    return new EntryRouter(
      {
        path: joinBundlePath(this.entry.memberPrefix, display.path),
        originalName: name,
        declaredSizeBytes,
        container: this.entry.path,
        depth: this.entry.depth + 1,
        memberPrefix: joinBundlePath(this.entry.memberPrefix, display.path),
        notes,
      },
      this.ctx,
    );
  }

  protected skip(name: string, reason: ParseWarning): void {
    const display = normaliseMemberName(name);
    this.ctx.handler.skipped({ path: joinBundlePath(this.entry.memberPrefix, display.path), originalName: name, container: this.entry.path, reason });
  }

  private guard(run: () => void): void {
    try {
      run();
    } catch (error) {
      if (isImportStop(error)) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      this.markBroken(
        warning('archive-corrupt', `The ${this.record.kind} archive ${this.entry.path} is damaged (${detail}); members read before the damage are kept.`, undefined, {
          archive: this.entry.path,
          detail,
        }),
      );
    }
  }

  private markBroken(w: ParseWarning): void {
    this.broken = true;
    this.record.complete = false;
    this.record.warnings.push(w);
    for (const member of this.open) member.close({ truncated: true });
    this.open.clear();
  }
}

class GzipExpander extends Expander {
  private readonly gunzip: Gunzip;
  private readonly output: EntryRouter;

  constructor(entry: EntryInfo, ctx: RouterContext) {
    super(entry, ctx, 'gzip');
    // A .gz holds one stream (its name is the archive's without .gz); it is not counted as a member.
    const path = gunzippedName(entry.path);
    this.output = new EntryRouter(
      { path, originalName: path, declaredSizeBytes: null, container: entry.path, depth: entry.depth + 1, memberPrefix: entry.memberPrefix, notes: [] },
      ctx,
    );
    this.open.add(this.output);
    this.record.membersCount = 1;
    this.gunzip = new Gunzip((data, final) => {
      if (data.length > 0) {
        this.ctx.budget.addExpanded(data.length, this.entry.path);
        this.output.write(data);
      }
      if (final && this.open.delete(this.output)) this.output.close({ truncated: false });
    });
  }

  protected feed(chunk: Uint8Array, final: boolean): void {
    pushInSlices(chunk, final, (slice, last) => this.gunzip.push(slice, last));
    if (final && this.open.delete(this.output)) this.output.close({ truncated: false });
  }
}

class ZipExpander extends Expander {
  private readonly unzip: Unzip;
  /**
   * A refusal or cancellation raised while a member inflates. fflate catches what its data callback
   * throws and hands it back to that callback as the member's error, so the stop is kept here and
   * thrown again once fflate has returned (else a zip bomb would read as a zip of damaged members).
   */
  private stopped: Error | null = null;

  constructor(entry: EntryInfo, ctx: RouterContext) {
    super(entry, ctx, 'zip');
    this.unzip = new Unzip((file) => this.onFile(file));
    this.unzip.register(UnzipInflate);
  }

  protected feed(chunk: Uint8Array, final: boolean): void {
    pushInSlices(chunk, final, (slice, last) => {
      if (this.stopped) throw this.stopped;
      this.unzip.push(slice, last);
      if (this.stopped) throw this.stopped;
    });
  }

  private onFile(file: UnzipFile): void {
    if (file.name.endsWith('/')) return;
    const router = this.member(file.name, file.originalSize ?? null);
    this.open.add(router);
    let closed = false;
    file.ondata = (error, data, final) => {
      if (closed) return;
      if (error && isImportStop(error)) {
        closed = true;
        this.stopped ??= error;
        return;
      }
      if (error) {
        closed = true;
        this.open.delete(router);
        router.close({ truncated: true });
        this.record.complete = false;
        this.record.warnings.push(warning('archive-member-damaged', `The member ${file.name} of ${this.entry.path} is damaged (${error.message}).`, undefined, { name: file.name }));
        return;
      }
      if (data.length > 0) {
        this.ctx.budget.addExpanded(data.length, this.entry.path);
        router.write(data);
      }
      if (final) {
        closed = true;
        this.open.delete(router);
        router.close({ truncated: false });
      }
    };
    try {
      file.start();
    } catch (error) {
      if (isImportStop(error)) throw error;
      closed = true;
      this.open.delete(router);
      this.record.membersCount--;
      this.skip(
        file.name,
        warning('zip-compression-unsupported', `The member ${file.name} uses zip compression method ${file.compression}, which cannot be read: skipped.`, undefined, {
          name: file.name,
          method: file.compression,
        }),
      );
    }
  }
}

class TarExpander extends Expander {
  private readonly reader: TarReader;

  constructor(entry: EntryInfo, ctx: RouterContext) {
    super(entry, ctx, 'tar');
    this.reader = new TarReader((header) => this.onMember(header));
  }

  protected feed(chunk: Uint8Array, final: boolean): void {
    if (chunk.length > 0) this.reader.push(chunk);
    if (final && !this.reader.finish().complete) throw new TarFormatError('the tar stream ends inside a member', 0);
  }

  private onMember(header: TarMemberHeader): TarBodySink | null {
    if (header.type === 'directory') return null;
    if (header.type !== 'file') {
      this.skip(
        header.name,
        warning('archive-member-not-a-file', `The member ${header.name} is a ${header.type} (type ${header.typeFlag}), not a regular file: skipped.`, undefined, {
          name: header.name,
          type: header.type,
        }),
      );
      return null;
    }
    const router = this.member(header.name, header.sizeBytes);
    this.open.add(router);
    return {
      write: (chunk) => router.write(chunk),
      close: (end) => {
        if (this.open.delete(router)) router.close(end);
      },
    };
  }
}

export function concatChunks(chunks: readonly Uint8Array[], maxBytes = Number.POSITIVE_INFINITY): Uint8Array {
  let total = 0;
  for (const c of chunks) total += c.length;
  const size = Math.min(total, maxBytes);
  const out = new Uint8Array(size);
  let pos = 0;
  for (const c of chunks) {
    if (pos >= size) break;
    const take = Math.min(c.length, size - pos);
    out.set(take === c.length ? c : c.subarray(0, take), pos);
    pos += take;
  }
  return out;
}
