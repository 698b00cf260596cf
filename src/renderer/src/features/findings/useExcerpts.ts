// The cited lines of the bundle's stored files, read from their blobs when a finding is opened:
// a LineReader for localizeFinding, plus whether the reading is still going on.
import { useEffect, useMemo, useState } from 'react';
import type { EvidenceRef, LineReader } from '../../../../core';
import { db } from '../../db/database';
import type { FileRecord } from '../../db/schema';
import { lineReaderFrom, readBlobLines, type ExcerptCache } from './excerpts';

export interface Excerpts {
  reader: LineReader;
  loading: boolean;
}

export function useExcerpts(files: readonly FileRecord[], refs: readonly EvidenceRef[], enabled: boolean): Excerpts {
  // A stable key for what is wanted, so the lines are read once per set of references.
  const wantedKey = enabled ? refs.map((r) => `${r.file}\u0000${r.lineStart}\u0000${r.lineEnd}`).join('\u0001') : '';
  const [read, setRead] = useState<{ key: string; cache: ExcerptCache }>({ key: '', cache: new Map() });

  useEffect(() => {
    if (!wantedKey) return undefined;
    let live = true;
    const byFile = new Map<string, EvidenceRef[]>();
    for (const r of refs) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
    void (async () => {
      const cache = new Map<string, ReadonlyMap<number, string>>();
      for (const [path, ranges] of byFile) {
        const file = files.find((f) => f.path === path);
        if (!file) continue;
        try {
          const row = await db.blobs.get(file.id);
          if (row) cache.set(path, await readBlobLines(row.blob, ranges));
        } catch {
          // An unreadable blob leaves the excerpt empty; the link to the file still works.
        }
        if (!live) return;
      }
      if (live) setRead({ key: wantedKey, cache });
    })();
    return () => {
      live = false;
    };
    // `refs` and `files` are read through wantedKey: a new array with the same references must not re-read.
  }, [wantedKey]);

  const reader = useMemo(() => lineReaderFrom(read.cache), [read.cache]);
  return { reader, loading: wantedKey !== '' && read.key !== wantedKey };
}
