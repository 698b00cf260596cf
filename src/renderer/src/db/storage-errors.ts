// Why saving to the app's database failed, in words the user can act on. A full disk or the
// browser's storage quota surfaces as a QuotaExceededError: thrown as such, as the `inner` error of
// a Dexie AbortError (IndexedDB aborted the transaction), among a Dexie BulkError's `failures`, or as
// an Error's `cause`. Every write of an import is one transaction, so a failure rolls all of it
// back and what was stored before is untouched: the message says so. E.g.
//   DOMException QuotaExceededError → { key: 'storage.full' }
//   Error('UnknownError: disk I/O')  → { key: 'storage.failed', params: { message: 'UnknownError: disk I/O' } }
import type { MessageKey, MessageParams } from '../../../core';

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

export function isQuotaError(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 4) return false;
  const e = error as ErrorLike;
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
  // Dexie's AbortError carries the reason only in its message when the inner error is gone.
  if (e.name === 'AbortError' && typeof e.message === 'string' && /QuotaExceeded/i.test(e.message)) return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  const failures = Array.isArray(e.failures) ? e.failures : e.failures && typeof e.failures === 'object' ? Object.values(e.failures) : [];
  return failures.some((f) => isQuotaError(f, depth + 1));
}

/** What the import worker reports of its failed write: errors do not cross to the window whole. */
export function storageFailure(error: unknown): { quota: boolean; message: string } {
  return { quota: isQuotaError(error), message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

/** The message for a failed write, from the worker's report. */
export function storageFailureMessage(failure: { quota: boolean; message: string }): { key: MessageKey; params?: MessageParams } {
  if (failure.quota) return { key: 'storage.full' };
  return { key: 'storage.failed', params: { message: failure.message } };
}
