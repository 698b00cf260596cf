// The one small interface the app uses for everything platform-specific (Electron or a browser).
// Reads nothing itself: implementations live in electron-adapter.ts and browser-adapter.ts; bridge.ts picks one.
import type { MenuCommand, PdfExportResult } from '../../../shared/bridge';

/** A file to import, wherever it came from (drop, picker, menu, command line, the sample). */
export interface ImportItem {
  /** Path shown to the user and stored in the bundle: relative to the dropped/chosen folder, or the file name. */
  displayPath: string;
  sizeBytes: number;
  /** Reads bytes [offset, offset + length); fewer at the end of the file. */
  readSlice(offset: number, length: number): Promise<Uint8Array>;
  /** The content as a Blob when the platform already has one (a browser File): no copy needed. */
  blob?: Blob;
}

export interface PlatformAdapter {
  readonly kind: 'electron' | 'browser';
  /** BCP 47 tag of the OS / browser language. */
  systemLocale(): Promise<string>;
  /** Opens the platform's picker; resolves [] when the user cancels. */
  pickImport(kind: 'files' | 'folder'): Promise<ImportItem[]>;
  /** Files and folders of a drop. Must be called synchronously inside the drop event handler. */
  itemsFromDrop(dataTransfer: DataTransfer): Promise<ImportItem[]>;
  /** Imports that arrive outside the page (File → Import…, command line, open-with). */
  onExternalImport(listener: (items: ImportItem[]) => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Prints the current page to PDF (Electron: where the user chooses) or through the browser's print dialog (null). */
  printReport(suggestedFileName: string): Promise<PdfExportResult | null>;
  /** Lets the platform free what it holds for these items once the import is over. */
  releaseItems(items: readonly ImportItem[]): void;
}
