import { describe, expect, it } from 'vitest';
import { isQuotaError, storageFailure, storageFailureMessage } from './storage-errors';

// What the window shows for an error the import worker met while storing.
const storageErrorMessage = (error: unknown) => storageFailureMessage(storageFailure(error));

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('storageErrorMessage', () => {
  it('a full disk or quota, however Dexie wraps it, says "not enough storage space"', () => {
    expect(storageErrorMessage(quota())).toEqual({ key: 'storage.full' });
    // Dexie.AbortError with the IndexedDB error inside.
    expect(storageErrorMessage(Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota() }))).toEqual({ key: 'storage.full' });
    expect(storageErrorMessage(Object.assign(new Error('AbortError QuotaExceededError: quota reached'), { name: 'AbortError' }))).toEqual({ key: 'storage.full' });
    // Dexie.BulkError from bulkAdd: failures by position.
    expect(storageErrorMessage(Object.assign(new Error('2 of 3 operations failed'), { name: 'BulkError', failures: { 1: quota(), 2: quota() } }))).toEqual({ key: 'storage.full' });
    expect(storageErrorMessage(new Error('write failed', { cause: quota() }))).toEqual({ key: 'storage.full' });
    expect(storageErrorMessage(Object.assign(new Error('x'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' }))).toEqual({ key: 'storage.full' });
  });

  it('any other failure keeps its name and message', () => {
    expect(storageErrorMessage(Object.assign(new Error('disk I/O error'), { name: 'UnknownError' }))).toEqual({ key: 'storage.failed', params: { message: 'UnknownError: disk I/O error' } });
    expect(storageErrorMessage('boom')).toEqual({ key: 'storage.failed', params: { message: 'boom' } });
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError({ name: 'AbortError', message: 'user cancelled' })).toBe(false);
  });

  it('does not loop on errors that contain themselves', () => {
    const e: { name: string; inner?: unknown } = { name: 'AbortError' };
    e.inner = e;
    expect(isQuotaError(e)).toBe(false);
  });
});
