// The JVM panel for a Native Memory Tracking report (`jcmd <pid> VM.native_memory summary`): the
// categories' reserved and committed bytes as a table and a bar against the container's limit and
// usage, and the JVM memory flags found in the bundle's kubectl/inspect files, each with its line.
import { useMemo, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AnalysisFile, JvmNmtData, Snapshot } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { bundleHref } from '../../app/router';
import { db } from '../../db/database';
import { containerContext, javaHeap, jvmFlagsFound, nmtRows, nmtSegments, type SourcedBytes } from './jvm-model';
import { LineLink } from './LineLink';
import './app-evidence.css';

function useBundleContext(bundleId: string): { files: AnalysisFile[]; snapshots: Snapshot[] } | undefined {
  return useLiveQuery(async () => {
    const files = await db.files.where('bundleId').equals(bundleId).toArray();
    const analysis = await db.analyses.get(bundleId);
    return { files: files.map(({ path, formatId, data }) => ({ path, formatId, data })), snapshots: analysis?.snapshots ?? [] };
  }, [bundleId]);
}

export function JvmNmtPanel({ bundleId, path, data }: { bundleId: string; path: string; data: JvmNmtData }): ReactNode {
  const { t, bytes, percent } = useI18n();
  const context = useBundleContext(bundleId);
  const derived = useMemo(() => (context ? { ...containerContext(context.files, context.snapshots), flags: jvmFlagsFound(context.files) } : null), [context]);
  const rows = nmtRows(data);
  const heap = javaHeap(data);
  const total = data.total;
  const nonHeap = total?.committedBytes != null && heap?.committedBytes != null ? Math.max(0, total.committedBytes - heap.committedBytes) : null;
  const limit = derived?.limit ?? null;
  const usage = derived?.usage ?? null;
  return (
    <section className="app-evidence" aria-label={t('appEvidence.jvm.title')} data-testid="jvm-panel">
      <h3>{t('appEvidence.jvm.title')}</h3>
      <p className="muted">
        {t(data.kind === 'diff' ? 'appEvidence.jvm.kind.diff' : 'appEvidence.jvm.kind.summary')} ·{' '}
        {t(data.scale === 'bytes' ? 'appEvidence.jvm.scale' : 'appEvidence.jvm.scaleRounded', { scale: data.scale })}
      </p>
      <dl className="evidence-facts">
        {total && (
          <div data-testid="nmt-total">
            <dt>{t('appEvidence.jvm.total', { reserved: bytes(total.reservedBytes), committed: bytes(total.committedBytes) })}</dt>
            <dd>
              <LineLink bundleId={bundleId} path={path} line={total.line} />
            </dd>
          </div>
        )}
        {heap && (
          <div data-testid="nmt-heap">
            <dt>{t('appEvidence.jvm.heapMax', { reserved: bytes(heap.reservedBytes) })}</dt>
            <dd>
              <LineLink bundleId={bundleId} path={path} line={heap.line} />
            </dd>
          </div>
        )}
        {nonHeap !== null && (
          <div data-testid="nmt-non-heap">
            <dt>{t('appEvidence.jvm.nonHeap', { bytes: bytes(nonHeap) })}</dt>
            <dd />
          </div>
        )}
        <ContextFact label={t('appEvidence.jvm.limit')} value={limit} bundleId={bundleId} testId="jvm-limit" />
        <ContextFact label={t('appEvidence.jvm.usage')} value={usage} bundleId={bundleId} testId="jvm-usage" />
      </dl>
      {derived && !limit && <p className="muted">{t('appEvidence.jvm.noLimit')}</p>}
      {total?.committedBytes != null && usage && (
        <p data-testid="nmt-vs-usage">{t('appEvidence.jvm.committedVsUsage', { committed: bytes(total.committedBytes), usage: bytes(usage.bytes), share: percent(total.committedBytes, usage.bytes) })}</p>
      )}
      {total?.committedBytes != null && limit && <p data-testid="nmt-vs-limit">{t('appEvidence.jvm.committedVsLimit', { share: percent(total.committedBytes, limit.bytes) })}</p>}
      <NmtBar data={data} limitBytes={limit?.bytes ?? null} usageBytes={usage?.bytes ?? null} />
      <table className="data evidence-table" aria-label={t('appEvidence.jvm.categories')}>
        <thead>
          <tr>
            <th>{t('appEvidence.jvm.category')}</th>
            <th className="num">{t('appEvidence.jvm.reserved')}</th>
            <th className="num">{t('appEvidence.jvm.committed')}</th>
            <th className="num">{t('appEvidence.jvm.share')}</th>
            {data.kind === 'diff' && <th className="num">{t('appEvidence.jvm.delta')}</th>}
            <th className="num">{t('appEvidence.lineShort')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.name}-${r.line}`} data-category={r.name}>
              <td>{r.name}</td>
              <td className="num" title={r.reservedBytes !== null ? `${r.reservedBytes} B` : undefined}>
                {bytes(r.reservedBytes)}
              </td>
              <td className="num" title={r.committedBytes !== null ? `${r.committedBytes} B` : undefined}>
                {bytes(r.committedBytes)}
              </td>
              <td className="num">{r.share !== null ? percent(r.share, 1) : '—'}</td>
              {data.kind === 'diff' && <td className="num">{r.committedDeltaBytes !== null ? `${r.committedDeltaBytes >= 0 ? '+' : '−'}${bytes(Math.abs(r.committedDeltaBytes))}` : '—'}</td>}
              <td className="num">
                <a href={bundleHref(bundleId, 'files', path, r.line)}>{r.line}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('appEvidence.jvm.flags')}</h4>
      {derived && derived.flags.length === 0 && <p className="muted">{t('appEvidence.jvm.noFlags')}</p>}
      {derived && derived.flags.length > 0 && (
        <table className="data evidence-table" aria-label={t('appEvidence.jvm.flags')}>
          <thead>
            <tr>
              <th>{t('appEvidence.jvm.flag')}</th>
              <th>{t('appEvidence.jvm.flagSource')}</th>
              <th>{t('appEvidence.jvm.flagWorkload')}</th>
              <th>{t('appEvidence.file')}</th>
            </tr>
          </thead>
          <tbody>
            {derived.flags.map((f, i) => (
              <tr key={i}>
                <td className="mono">{f.flag}</td>
                <td className="mono">{f.setBy === 'args' ? t('appEvidence.jvm.flagArgs') : f.setBy}</td>
                <td>{f.workload}</td>
                <td>
                  <LineLink bundleId={bundleId} path={f.file} line={f.line} withPath />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ContextFact({ label, value, bundleId, testId }: { label: string; value: SourcedBytes | null; bundleId: string; testId: string }): ReactNode {
  const { t, bytes } = useI18n();
  if (!value) return null;
  return (
    <div data-testid={testId}>
      <dt>
        {label}: {t('appEvidence.jvm.limitOf', { bytes: bytes(value.bytes), owner: value.owner })}
      </dt>
      <dd>{value.file !== null && value.line !== null && <LineLink bundleId={bundleId} path={value.file} line={value.line} withPath />}</dd>
    </div>
  );
}

const PALETTE = ['var(--cat-anon)', 'var(--cat-kernel)', 'var(--cat-file)', 'var(--cat-shmem)', '#3aa57a', '#c46a9a', 'var(--cat-other)'];

function NmtBar({ data, limitBytes, usageBytes }: { data: JvmNmtData; limitBytes: number | null; usageBytes: number | null }): ReactNode {
  const { t, bytes } = useI18n();
  const segments = nmtSegments(data);
  const committed = segments.reduce((s, x) => s + x.bytes, 0);
  // The heap can grow to its reserved size: marked on the bar, so the headroom left by the maximum heap shows.
  const heapMax = javaHeap(data)?.reservedBytes ?? null;
  const scale = Math.max(limitBytes ?? 0, usageBytes ?? 0, committed, heapMax ?? 0, 1);
  const label = (s: { name: string; other: boolean }): string => (s.other ? t('appEvidence.jvm.other') : s.name);
  const spoken = [t('appEvidence.jvm.bar') + (limitBytes !== null ? ` ${t('appEvidence.jvm.barAgainst', { limit: bytes(limitBytes) })}` : ''), ...segments.map((s) => `${label(s)} ${bytes(s.bytes)}`)].join(', ');
  let x = 0;
  return (
    <div className="bar evidence-bar">
      <svg className="bar-svg" width="100%" height={20} role="img" aria-label={spoken} preserveAspectRatio="none" data-testid="nmt-bar">
        <rect x={0} y={0} width="100%" height={20} className="bar-track" />
        {segments.map((s) => {
          const w = (s.bytes / scale) * 100;
          const rect = (
            <rect key={`${s.name}-${s.colorIndex}`} x={`${x}%`} y={0} width={`${w}%`} height={20} fill={PALETTE[s.colorIndex] ?? 'var(--cat-other)'}>
              <title>{`${label(s)}: ${bytes(s.bytes)}`}</title>
            </rect>
          );
          x += w;
          return rect;
        })}
        {usageBytes !== null && <line x1={`${(usageBytes / scale) * 100}%`} x2={`${(usageBytes / scale) * 100}%`} y1={0} y2={20} className="bar-usage-mark" />}
        {heapMax !== null && (
          <line x1={`${(heapMax / scale) * 100}%`} x2={`${(heapMax / scale) * 100}%`} y1={0} y2={20} className="heap-max-mark" data-testid="heap-max-mark">
            <title>{t('appEvidence.jvm.heapMaxMark', { bytes: bytes(heapMax) })}</title>
          </line>
        )}
      </svg>
      <ul className="bar-legend" aria-hidden="true">
        {segments.map((s) => (
          <li key={`${s.name}-${s.colorIndex}`}>
            <span className="swatch" style={{ background: PALETTE[s.colorIndex] ?? 'var(--cat-other)' }} />
            {label(s)} <span className="num">{bytes(s.bytes)}</span>
          </li>
        ))}
        {heapMax !== null && (
          <li>
            <span className="swatch heap-max-swatch" />
            {t('appEvidence.jvm.heapMaxLegend')} <span className="num">{bytes(heapMax)}</span>
          </li>
        )}
        {limitBytes !== null && (
          <li>
            <span className="swatch swatch-track" />
            {t('appEvidence.jvm.limit')} <span className="num">{bytes(limitBytes)}</span>
          </li>
        )}
      </ul>
    </div>
  );
}
