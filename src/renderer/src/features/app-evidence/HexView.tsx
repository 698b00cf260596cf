// Bytes of a stored file as `hexdump -C` lines, one slice (4 KiB) at a time: only the slice asked
// for is read from the blob (`Blob.slice`), so a 900 MB region costs 4 KiB per step.
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { db } from '../../db/database';
import { HEX_SLICE_BYTES, hexLines, parseOffset, sliceAt, type HexLine } from './procdump-model';

type Slice = { state: 'loading' } | { state: 'ready'; lines: HexLine[] } | { state: 'missing' } | { state: 'error'; message: string };

export function HexView({ fileId, sizeBytes }: { fileId: string; sizeBytes: number }): ReactNode {
  const { t, bytes } = useI18n();
  const [start, setStart] = useState(0);
  const [offsetText, setOffsetText] = useState('0x0');
  const [badOffset, setBadOffset] = useState(false);
  const [slice, setSlice] = useState<Slice>({ state: 'loading' });
  const range = sliceAt(start, sizeBytes);

  useEffect(() => {
    let live = true;
    setSlice({ state: 'loading' });
    void (async () => {
      try {
        const row = await db.blobs.get(fileId);
        if (!row || row.blob.size === 0) {
          if (live) setSlice({ state: 'missing' });
          return;
        }
        const buffer = await row.blob.slice(range.start, range.end).arrayBuffer();
        if (live) setSlice({ state: 'ready', lines: hexLines(new Uint8Array(buffer), range.start) });
      } catch (error) {
        if (live) setSlice({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      live = false;
    };
  }, [fileId, range.start, range.end]);

  const go = (offset: number): void => {
    const next = sliceAt(offset, sizeBytes).start;
    setStart(next);
    setOffsetText(`0x${next.toString(16)}`);
    setBadOffset(false);
  };
  const step = bytes(HEX_SLICE_BYTES);
  return (
    <div className="hex-view" data-testid="hex-view">
      <h4>{t('appEvidence.hex.title')}</h4>
      <form
        className="hex-controls"
        onSubmit={(e) => {
          e.preventDefault();
          const offset = parseOffset(offsetText);
          if (offset === null) setBadOffset(true);
          else go(offset);
        }}
      >
        <label>
          {t('appEvidence.hex.offset')} <input className="mono" value={offsetText} onChange={(e) => setOffsetText(e.target.value)} aria-invalid={badOffset} size={14} />
        </label>
        <button type="submit">{t('appEvidence.hex.show')}</button>
        <button type="button" disabled={range.start === 0} onClick={() => go(range.start - HEX_SLICE_BYTES)}>
          {t('appEvidence.hex.previous', { size: step })}
        </button>
        <button type="button" disabled={range.end >= sizeBytes} onClick={() => go(range.end)}>
          {t('appEvidence.hex.next', { size: step })}
        </button>
        <span className="muted" data-testid="hex-range">
          {t('appEvidence.hex.range', { start: range.start, end: range.end, size: bytes(sizeBytes) })}
        </span>
      </form>
      {badOffset && <p className="warn-text">{t('appEvidence.hex.badOffset')}</p>}
      {slice.state === 'loading' && <p className="muted">{t('appEvidence.hex.loading')}</p>}
      {slice.state === 'missing' && <p className="muted">{t('appEvidence.hex.missing')}</p>}
      {slice.state === 'error' && <p className="muted">{slice.message}</p>}
      {slice.state === 'ready' && (
        <pre className="hex-lines" aria-label={t('appEvidence.hex.view', { start: range.start, end: range.end })}>
          {slice.lines.map((l) => `${l.offset}  ${l.hex}  |${l.text}|`).join('\n')}
        </pre>
      )}
    </div>
  );
}
