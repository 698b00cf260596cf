// The raw text of one stored file, read from the `blobs` table only when it is shown.
import { useEffect, useState } from 'react';
import { decodeText } from '../../../../../core';
import { db } from '../../../db/database';
import type { FileRecord } from '../../../db/schema';

/** Above this, Monaco is not given the file (a virtualised viewer comes with the performance work). */
export const MAX_MONACO_BYTES = 20 * 1024 * 1024;

export type RawText = { state: 'loading' } | { state: 'ready'; text: string } | { state: 'too-large' } | { state: 'missing' } | { state: 'error'; message: string };

export function useRawText(file: FileRecord | null): RawText {
  const [raw, setRaw] = useState<RawText>({ state: 'loading' });
  const id = file?.id ?? null;
  const size = file?.sizeBytes ?? 0;
  useEffect(() => {
    if (id === null) return undefined;
    if (size > MAX_MONACO_BYTES) {
      setRaw({ state: 'too-large' });
      return undefined;
    }
    let live = true;
    setRaw({ state: 'loading' });
    void (async () => {
      try {
        const row = await db.blobs.get(id);
        if (!row) {
          if (live) setRaw({ state: 'missing' });
          return;
        }
        const { text } = decodeText(new Uint8Array(await row.blob.arrayBuffer()));
        if (live) setRaw({ state: 'ready', text });
      } catch (error) {
        if (live) setRaw({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      live = false;
    };
  }, [id, size]);
  return raw;
}
