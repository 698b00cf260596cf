// The raw files of the two snapshots paired by what they are (the same group's memory.stat, the
// same process's status, the kernel logs, …) and, for the pair chosen, Monaco's side-by-side diff.
// Raw bytes are read from the `blobs` table only for the pair shown.
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { decodeText, type FilePair, type FilePairKind, type GroupDiff, type MessageKey } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { useTheme } from '../../app/theme-context';
import { db } from '../../db/database';
import { compareBytes } from './compare-format';
import { groupName } from './group-name';
import { defaultPairKey, pairLabel } from './pair-list';

const MonacoDiffView = lazy(() => import('./MonacoDiffView'));

/** Above this, a side is not handed to Monaco's diff (it diffs whole texts in memory). */
export const MAX_DIFF_BYTES = 8 * 1024 * 1024;

type RawSide = { state: 'absent' } | { state: 'ready'; text: string } | { state: 'too-large'; sizeBytes: number } | { state: 'missing' };

async function readRaw(bundleId: string, path: string | null): Promise<RawSide> {
  if (path === null) return { state: 'absent' };
  const record = await db.files.where('[bundleId+path]').equals([bundleId, path]).first();
  if (!record) return { state: 'missing' };
  if (record.sizeBytes > MAX_DIFF_BYTES) return { state: 'too-large', sizeBytes: record.sizeBytes };
  const blob = await db.blobs.get(record.id);
  if (!blob) return { state: 'missing' };
  return { state: 'ready', text: decodeText(new Uint8Array(await blob.blob.arrayBuffer())).text };
}

const KIND_LABELS: Record<FilePairKind, MessageKey> = {
  group: 'compare.raw.kind.group',
  process: 'compare.raw.kind.process',
  path: 'compare.raw.kind.path',
  format: 'compare.raw.kind.format',
};
const KINDS: readonly FilePairKind[] = ['group', 'process', 'path', 'format'];

interface Props {
  pairs: readonly FilePair[];
  groups: readonly GroupDiff[];
  beforeBundleId: string;
  afterBundleId: string;
  scopeKey: string | null;
}

export function RawDiff({ pairs, groups, beforeBundleId, afterBundleId, scopeKey }: Props): ReactNode {
  const { t, locale } = useI18n();
  const theme = useTheme();
  const [chosen, setChosen] = useState<string | null>(null);
  const pair = pairs.find((p) => p.key === chosen) ?? pairs.find((p) => p.key === defaultPairKey(pairs, scopeKey));
  const [sides, setSides] = useState<{ key: string; before: RawSide; after: RawSide } | null>(null);
  const refs = useMemo(() => new Map(groups.map((g) => [g.key, g.ref])), [groups]);
  const nameOf = (key: string | null): string | null => {
    const ref = key === null ? undefined : refs.get(key);
    return ref ? groupName(ref, t, locale) : key;
  };

  const pairKey = pair?.key ?? null;
  const beforePath = pair?.before?.path ?? null;
  const afterPath = pair?.after?.path ?? null;
  useEffect(() => {
    if (pairKey === null) return undefined;
    let live = true;
    void Promise.all([readRaw(beforeBundleId, beforePath), readRaw(afterBundleId, afterPath)]).then(([before, after]) => {
      if (live) setSides({ key: `${beforeBundleId}\u0000${beforePath}\u0000${afterBundleId}\u0000${afterPath}`, before, after });
    });
    return () => {
      live = false;
    };
  }, [pairKey, beforeBundleId, afterBundleId, beforePath, afterPath]);

  if (pairs.length === 0) return <p className="muted">{t('compare.raw.none')}</p>;
  const current = sides && sides.key === `${beforeBundleId}\u0000${beforePath}\u0000${afterBundleId}\u0000${afterPath}` ? sides : null;
  const textOf = (side: RawSide): string | null => {
    if (side.state === 'ready') return side.text;
    if (side.state === 'absent') return '';
    return null;
  };
  const problem = (side: RawSide, path: string | null): string | null => {
    if (side.state === 'too-large') return t('compare.raw.tooLarge', { path: path ?? '', size: compareBytes(side.sizeBytes, 'iec', locale) });
    if (side.state === 'missing') return t('compare.raw.missing', { path: path ?? '' });
    return null;
  };

  return (
    <div className="cmp-raw">
      <nav className="cmp-raw-pairs" aria-label={t('compare.raw.pairs')}>
        {KINDS.map((kind) => {
          const list = pairs.filter((p) => p.kind === kind);
          if (list.length === 0) return null;
          return (
            <section key={kind}>
              <h4>{t(KIND_LABELS[kind])}</h4>
              <ul>
                {list.map((p) => {
                  const label = pairLabel(p, nameOf);
                  return (
                    <li key={p.key}>
                      <button type="button" className="cmp-pair" aria-pressed={p.key === pair?.key} onClick={() => setChosen(p.key)} data-testid="raw-pair" data-pair={p.key} title={`${p.before?.path ?? '—'}\n${p.after?.path ?? '—'}`}>
                        <span className="cmp-pair-name">{label.name}</span>
                        {label.detail && <span className="faint cmp-pair-detail">{label.detail}</span>}
                        {!p.before && <span className="badge warn">{t('compare.raw.onlyAfter')}</span>}
                        {!p.after && <span className="badge warn">{t('compare.raw.onlyBefore')}</span>}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </nav>
      <div className="cmp-raw-view">
        {pair && (
          <div className="cmp-raw-headers">
            <span className="mono" title={pair.before?.path}>
              {t('compare.raw.headerBefore', { path: pair.before?.path ?? t('compare.raw.absent') })}
            </span>
            <span className="mono" title={pair.after?.path}>
              {t('compare.raw.headerAfter', { path: pair.after?.path ?? t('compare.raw.absent') })}
            </span>
          </div>
        )}
        {!current ? (
          <div className="muted cmp-raw-loading">{t('common.loading')}</div>
        ) : (
          (() => {
            const before = textOf(current.before);
            const after = textOf(current.after);
            const issues = [problem(current.before, beforePath), problem(current.after, afterPath)].filter((x): x is string => x !== null);
            if (before === null || after === null)
              return (
                <div className="empty-state">
                  {issues.map((m) => (
                    <p key={m}>{m}</p>
                  ))}
                </div>
              );
            return (
              <Suspense fallback={<div className="muted cmp-raw-loading">{t('common.loading')}</div>}>
                <MonacoDiffView
                  before={before}
                  after={after}
                  theme={theme}
                  ariaLabel={t('compare.raw.aria', { file: pair?.fileName ?? '' })}
                  beforeLabel={t('compare.raw.headerBefore', { path: beforePath ?? t('compare.raw.absent') })}
                  afterLabel={t('compare.raw.headerAfter', { path: afterPath ?? t('compare.raw.absent') })}
                />
              </Suspense>
            );
          })()
        )}
      </div>
    </div>
  );
}
