// Handlers for every invoke channel in src/shared/bridge.ts, with the validators that guard them.
//   import:read ['7f3a…e1', 0, 8388608]        → up to 8 MiB from the file behind the token
//   import:read ['7f3a…e1', -1, 10]            → refused (negative offset)
//   import:read ['not-issued', 0, 10]          → refused (unknown token); the renderer never sends a path
import { MAX_READ_CHUNK_BYTES, type ImportPickKind, type ImportSource, type InvokeChannel, type InvokeChannels, type PdfExportRequest, type PdfExportResult, type SystemInfo } from '../shared/bridge';
import { MAX_LIVE_TOKENS, type ImportFs, type TokenRegistry } from './import-sources';
import type { IpcRouter } from './typed-ipc';
import { arrayOf, IpcInputError, nonNegativeInteger, objectOf, oneOf, stringValue, type TupleValidators } from './validators';

/** Tokens are what TokenRegistry issues: 32 hex characters (a little room for other schemes). */
export const importToken = stringValue({ minLength: 1, maxLength: 64, pattern: /^[A-Za-z0-9_-]+$/ });

const IMPORT_PICK_KINDS: readonly ImportPickKind[] = ['files', 'folder'];

export const CHANNEL_VALIDATORS: { readonly [C in InvokeChannel]: TupleValidators<InvokeChannels[C]['args']> } = {
  'system:info': [],
  'import:pick': [oneOf(IMPORT_PICK_KINDS)],
  'import:read': [importToken, nonNegativeInteger(), nonNegativeInteger()],
  'import:release': [arrayOf(importToken, MAX_LIVE_TOKENS)],
  'report:export-pdf': [objectOf<PdfExportRequest>({ suggestedFileName: stringValue({ maxLength: 255 }) })],
};

export interface IpcHandlerDeps<E> {
  systemInfo(): SystemInfo;
  pickImportSources(kind: ImportPickKind, event: E): Promise<ImportSource[]>;
  tokens: TokenRegistry;
  fs: Pick<ImportFs, 'readRange'>;
  exportPdf(request: PdfExportRequest, event: E): Promise<PdfExportResult>;
}

/** Reads one chunk behind a token; the length is clamped to MAX_READ_CHUNK_BYTES (the reply may be shorter: end of file). */
export async function readImportChunk(tokens: TokenRegistry, fs: Pick<ImportFs, 'readRange'>, token: string, offset: number, length: number): Promise<Uint8Array> {
  const source = tokens.resolve(token);
  if (!source) throw new IpcInputError('Unknown import token (released, or never issued).');
  const clamped = Math.min(length, MAX_READ_CHUNK_BYTES);
  if (clamped === 0) return new Uint8Array(0);
  return fs.readRange(source.absolutePath, offset, clamped);
}

export function registerIpcHandlers<E>(router: IpcRouter<E>, deps: IpcHandlerDeps<E>): void {
  const v = CHANNEL_VALIDATORS;
  router.handle('system:info', v['system:info'], () => deps.systemInfo());
  router.handle('import:pick', v['import:pick'], (event, kind) => deps.pickImportSources(kind, event));
  router.handle('import:read', v['import:read'], (_event, token, offset, length) => readImportChunk(deps.tokens, deps.fs, token, offset, length));
  router.handle('import:release', v['import:release'], (_event, tokens) => deps.tokens.release(tokens));
  router.handle('report:export-pdf', v['report:export-pdf'], (event, request) => deps.exportPdf(request, event));
}
