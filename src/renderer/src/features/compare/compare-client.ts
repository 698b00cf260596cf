// UI-thread side of the compare worker: one worker for the app's lifetime (it keeps recent
// analyses), requests matched to answers by id, and React hooks over them.
import { useEffect, useState } from 'react';
import type { BundleSnapshots, Comparison } from './compare-analysis';
import type { ChosenSnapshot, FromCompareWorker, ToCompareWorker } from './compare-protocol';
import CompareWorker from './compare.worker?worker';

type Pending = { resolve: (m: FromCompareWorker) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = new CompareWorker();
  w.onmessage = (event: MessageEvent<FromCompareWorker>) => {
    const p = pending.get(event.data.id);
    if (!p) return;
    pending.delete(event.data.id);
    if (event.data.type === 'error') p.reject(new Error(event.data.message));
    else p.resolve(event.data);
  };
  w.onerror = (event) => {
    // The worker itself failed (not one request): fail everything waiting, start afresh next time.
    const error = new Error(event.message || 'The compare worker failed.');
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    w.terminate();
    worker = null;
  };
  worker = w;
  return w;
}

type Request = ToCompareWorker extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;

function request(message: Request): Promise<FromCompareWorker> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    ensureWorker().postMessage({ ...message, id } as ToCompareWorker);
  });
}

export async function fetchBundleSnapshots(bundleId: string): Promise<BundleSnapshots | null> {
  const m = await request({ type: 'snapshots', bundleId });
  if (m.type !== 'snapshots') throw new Error(`Unexpected answer ${m.type}.`);
  return m.result;
}

export async function fetchComparison(before: ChosenSnapshot, after: ChosenSnapshot, scope: string | null): Promise<Comparison> {
  const m = await request({ type: 'compare', before, after, scope });
  if (m.type !== 'compare') throw new Error(`Unexpected answer ${m.type}.`);
  return m.result;
}

export type Async<T> = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

/** Runs `load` whenever `key` changes (null: nothing to load); a stale answer is dropped. */
export function useAsync<T>(key: string | null, load: () => Promise<T>): Async<T> {
  const [result, setResult] = useState<{ key: string | null; value: Async<T> }>({ key: null, value: { state: 'idle' } });
  useEffect(() => {
    if (key === null) return undefined;
    let live = true;
    setResult({ key, value: { state: 'loading' } });
    load().then(
      (value) => live && setResult({ key, value: { state: 'ready', value } }),
      (error: unknown) => live && setResult({ key, value: { state: 'error', message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      live = false;
    };
    // `load` is a new closure each render; `key` says when it means something else.
  }, [key]);
  if (key === null) return { state: 'idle' };
  return result.key === key ? result.value : { state: 'loading' };
}

export function useBundleSnapshots(bundleId: string | null): Async<BundleSnapshots | null> {
  return useAsync(bundleId, () => fetchBundleSnapshots(bundleId as string));
}

export function useComparison(before: ChosenSnapshot | null, after: ChosenSnapshot | null, scope: string | null): Async<Comparison> {
  const key = before && after ? JSON.stringify([before.bundleId, before.snapshotId, after.bundleId, after.snapshotId, scope]) : null;
  return useAsync(key, () => fetchComparison(before as ChosenSnapshot, after as ChosenSnapshot, scope));
}
