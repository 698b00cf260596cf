// Ceilings of one import, checked while archives stream (zip bombs are refused, not expanded), and
// the two ways an import stops early: refused (a ceiling passed) or cancelled. Sample refusals:
//   The archive bomb.zip declares 209715200 bytes uncompressed, over the 64 MiB ceiling (a zip bomb?):
//   refused, nothing of it was imported.
//   The archive zeros.gz expands to 134479872 bytes from 131072 bytes read, more than 100 times its
//   size (a zip bomb?): refused, nothing of it was imported. If it is a real capture, unpack it …
import { warning, type ParseWarning } from '../formats/format';

export interface ArchiveLimits {
  /** Ceiling on bytes produced by decompression and declared by members (sum over the import). */
  maxTotalUncompressedBytes: number;
  /** Ceiling on archive members (sum over the import). */
  maxEntries: number;
  /** Archive layers around a file (`x.tar.gz` is two); deeper archives are kept as plain files. */
  maxDepth: number;
  /**
   * Ceiling on bytes produced by decompression per byte read from one source, once it has produced
   * more than `expansionRatioFloorBytes`. Collector bundles (.tar.gz of text) expand about 13×;
   * deflate cannot exceed about 1032×, which only runs of one byte reach (zip bombs, sparse dumps).
   */
  maxExpansionRatio: number;
  expansionRatioFloorBytes: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxTotalUncompressedBytes: 4 * 1024 ** 3,
  maxEntries: 100_000,
  maxDepth: 6,
  maxExpansionRatio: 100,
  expansionRatioFloorBytes: 128 * 1024 ** 2,
};

/** The import stops: a ceiling was passed. Nothing of the import is kept. */
export class ImportRefusedError extends Error {
  constructor(readonly refusal: ParseWarning) {
    super(refusal.message);
    this.name = 'ImportRefusedError';
  }
}

/** The user cancelled. */
export class ImportCancelledError extends Error {
  constructor() {
    super('Import cancelled');
    this.name = 'ImportCancelledError';
  }
}

export function isImportStop(error: unknown): boolean {
  return error instanceof ImportRefusedError || error instanceof ImportCancelledError;
}

/** Shared counters for one import. */
export class ArchiveBudget {
  private expandedBytes = 0;
  private declaredBytes = 0;
  private entries = 0;
  /** Of the source being read: its path, bytes read, and bytes its archives expanded to. */
  private sourcePath = '';
  private sourceReadBytes = 0;
  private sourceExpandedBytes = 0;

  constructor(
    readonly limits: ArchiveLimits,
    private readonly cancel: { readonly aborted: boolean },
  ) {}

  /** A new top-level source starts: its expansion ratio is counted apart from the others'. */
  beginSource(path: string): void {
    this.sourcePath = path;
    this.sourceReadBytes = 0;
    this.sourceExpandedBytes = 0;
  }

  /** Bytes read from the current source (counted before they are expanded). */
  addRead(bytes: number): void {
    this.sourceReadBytes += bytes;
  }

  addExpanded(bytes: number, archivePath: string): void {
    this.expandedBytes += bytes;
    this.sourceExpandedBytes += bytes;
    if (this.cancel.aborted) throw new ImportCancelledError();
    if (this.expandedBytes > this.limits.maxTotalUncompressedBytes) this.refuseSize(archivePath, this.expandedBytes, 'expands to more than');
    const ratio = this.sourceExpandedBytes / Math.max(1, this.sourceReadBytes);
    if (this.sourceExpandedBytes > this.limits.expansionRatioFloorBytes && ratio > this.limits.maxExpansionRatio) this.refuseRatio();
  }

  addDeclared(bytes: number, archivePath: string): void {
    this.declaredBytes += bytes;
    if (this.declaredBytes > this.limits.maxTotalUncompressedBytes) this.refuseSize(archivePath, this.declaredBytes, 'declares');
  }

  addEntry(archivePath: string): void {
    this.entries++;
    if (this.entries > this.limits.maxEntries) {
      throw new ImportRefusedError(
        warning('archive-too-many-entries', `The archive ${archivePath} holds more than ${this.limits.maxEntries} members: refused, nothing of it was imported.`, undefined, {
          archive: archivePath,
          limit: this.limits.maxEntries,
        }),
      );
    }
  }

  /** Names the source the user gave (the ratio is of that source), not an archive nested in it. */
  private refuseRatio(): never {
    const archivePath = this.sourcePath;
    const bytes = this.sourceExpandedBytes;
    const sourceBytes = this.sourceReadBytes;
    const ratio = this.limits.maxExpansionRatio;
    throw new ImportRefusedError(
      warning(
        'archive-expansion-ratio',
        `The archive ${archivePath} expands to ${bytes} bytes from ${sourceBytes} bytes read, more than ${ratio} times its size (a zip bomb?): refused, nothing of it was imported. If it is a real capture, unpack it and import its files.`,
        undefined,
        { archive: archivePath, bytes, sourceBytes, ratio },
      ),
    );
  }

  private refuseSize(archivePath: string, bytes: number, verb: string): never {
    const limitMiB = Math.round(this.limits.maxTotalUncompressedBytes / 1024 ** 2);
    throw new ImportRefusedError(
      warning(
        'archive-too-large',
        `The archive ${archivePath} ${verb} ${bytes} bytes uncompressed, over the ${limitMiB} MiB ceiling (a zip bomb?): refused, nothing of it was imported.`,
        undefined,
        { archive: archivePath, bytes, limitMiB },
      ),
    );
  }
}
