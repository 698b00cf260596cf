// The one typed surface between the renderer and Electron main (types only: no runtime code).
// main validates every input of every channel; preload exposes exactly these named methods.

/** A file the user chose (dialog, menu, command line, open-with, drop via main). main keeps the real path. */
export interface ImportSource {
  /** Opaque handle: the renderer reads bytes through it, never through a path. */
  token: string;
  /** Path shown to the user and stored in the bundle: relative to the chosen folder, or the file name. */
  displayPath: string;
  sizeBytes: number;
}

export interface SystemInfo {
  locale: string;
  appVersion: string;
  platform: string;
}

export interface PdfExportRequest {
  suggestedFileName: string;
}

export interface PdfExportResult {
  saved: boolean;
  /** Where it was written, or null when the user cancelled. */
  filePath: string | null;
}

/** Largest slice the renderer may ask for in one read. */
export const MAX_READ_CHUNK_BYTES = 8 * 1024 * 1024;

export type ImportPickKind = 'files' | 'folder';

/** Request/response channels: name → argument tuple and result. */
export interface InvokeChannels {
  'system:info': { args: []; result: SystemInfo };
  'import:pick': { args: [kind: ImportPickKind]; result: ImportSource[] };
  'import:read': { args: [token: string, offset: number, length: number]; result: Uint8Array };
  'import:release': { args: [tokens: string[]]; result: void };
  'report:export-pdf': { args: [request: PdfExportRequest]; result: PdfExportResult };
}

/** main → renderer events. */
export interface EventChannels {
  /** Files to import that arrived outside the renderer: File → Import…, argv, open-file, a second instance. */
  'import:sources': ImportSource[];
  /** Menu commands the renderer carries out. */
  'menu:command': MenuCommand;
}

/** `print-report` = File → Export Report PDF… (the renderer shows the report page, then calls exportPdf). */
export type MenuCommand = 'open-library' | 'open-settings' | 'open-sample' | 'print-report' | 'show-collect-help';

export type InvokeChannel = keyof InvokeChannels;
export type EventChannel = keyof EventChannels;

/** What `window.oomscope` offers in Electron. The browser build provides the same shape from web APIs. */
export interface OomscopeBridge {
  readonly kind: 'electron';
  getSystemInfo(): Promise<SystemInfo>;
  pickImportSources(kind: ImportPickKind): Promise<ImportSource[]>;
  readImportSource(token: string, offset: number, length: number): Promise<Uint8Array>;
  releaseImportSources(tokens: string[]): Promise<void>;
  exportPdf(request: PdfExportRequest): Promise<PdfExportResult>;
  onImportSources(listener: (sources: ImportSource[]) => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
