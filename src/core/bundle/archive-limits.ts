// Ceilings of one import, checked while archives stream (zip bombs are refused, not expanded), and
// the two ways an import stops early: refused (a ceiling passed) or cancelled. Sample refusal:
//   The archive bomb.zip declares 209715200 bytes uncompressed, over the 64 MiB ceiling (a zip bomb?):
//   refused, nothing of it was imported.
import { warning, type ParseWarning } from '../formats/format';

export interface ArchiveLimits {
  /** Ceiling on bytes produced by decompression and declared by members (sum over the import). */
  maxTotalUncompressedBytes: number;
  /** Ceiling on archive members (sum over the import). */
  maxEntries: number;
  /** Archive layers around a file (`x.tar.gz` is two); deeper archives are kept as plain files. */
  maxDepth: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxTotalUncompressedBytes: 4 * 1024 ** 3,
  maxEntries: 100_000,
  maxDepth: 6,
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

  constructor(
    readonly limits: ArchiveLimits,
    private readonly cancel: { readonly aborted: boolean },
  ) {}

  addExpanded(bytes: number, archivePath: string): void {
    this.expandedBytes += bytes;
    if (this.cancel.aborted) throw new ImportCancelledError();
    if (this.expandedBytes > this.limits.maxTotalUncompressedBytes) this.refuseSize(archivePath, this.expandedBytes, 'expands to more than');
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
