// The cgroup's usage against its limit at the kill, from the report's `memory:` line (and its
// `memory+swap:`, `kmem:`, `swap:` siblings), as numbers and a bar.
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import type { OomEvent } from '../../../../core';
import { usageBar } from './stats-bars';

export function UsageLimitBar({ event }: { event: OomEvent }): ReactNode {
  const { t, bytes, percent } = useI18n();
  const m = event.memcg;
  if (!m) {
    return <p className="muted oom-note">{event.kind === 'global' ? t('oomView.globalNoLimit') : t('oomView.noMemcg')}</p>;
  }
  const bar = usageBar(m.usageBytes, m.limitBytes);
  const limitText = (limit: number | null, name: string): string => (limit === null && m.unlimited.includes(name) ? t('oomView.noLimit') : bytes(limit));
  // The `memory+swap:`, `swap:` and `kmem:` siblings of the `memory:` line, on one line.
  const sibling = (usageText: string, limit: number | null, name: string): string => {
    if (limit !== null) return `${usageText} ${t('oomView.ofLimit', { limit: bytes(limit) })}`;
    return m.unlimited.includes(name) ? `${usageText} ${t('oomView.unlimitedSuffix')}` : usageText;
  };
  const extras: string[] = [];
  if (m.memswUsageBytes !== null) extras.push(sibling(t('oomView.memsw', { usage: bytes(m.memswUsageBytes) }), m.memswLimitBytes, 'memory+swap'));
  if (m.swapUsageBytes !== null) extras.push(sibling(t('oomView.swapLine', { usage: bytes(m.swapUsageBytes) }), m.swapLimitBytes, 'swap'));
  if (m.kmemUsageBytes !== null) extras.push(sibling(t('oomView.kmem', { usage: bytes(m.kmemUsageBytes) }), m.kmemLimitBytes, 'kmem'));
  const share = m.usageBytes !== null && m.limitBytes ? percent(m.usageBytes, m.limitBytes) : '—';
  return (
    <div className="oom-usage">
      <dl className="oom-metrics">
        <div>
          <dt>{t('oomView.usage')}</dt>
          <dd data-testid="oom-usage" title={m.usageBytes !== null ? `${m.usageBytes} B` : undefined}>
            {bytes(m.usageBytes)}
          </dd>
        </div>
        <div>
          <dt>{t('oomView.limit')}</dt>
          <dd data-testid="oom-limit" title={m.limitBytes !== null ? `${m.limitBytes} B` : undefined}>
            {limitText(m.limitBytes, 'memory')}
          </dd>
        </div>
        <div>
          <dt>{t('oomView.share')}</dt>
          <dd data-testid="oom-share">{share}</dd>
        </div>
        <div>
          <dt>{t('oomView.failcnt')}</dt>
          <dd data-testid="oom-failcnt">{m.failcnt ?? '—'}</dd>
        </div>
      </dl>
      {bar && (
        <svg
          className="oom-usage-bar"
          width="100%"
          height={14}
          role="img"
          aria-label={`${t('oomView.usageBar')}: ${t('oomView.usageOfLimit', { usage: bytes(m.usageBytes), limit: bytes(m.limitBytes), share })}`}
          data-testid="oom-usage-bar"
        >
          <rect x={0} y={0} width="100%" height={14} className="oom-track" />
          <rect x={0} y={0} width={`${bar.fill * 100}%`} height={14} className={bar.over || bar.fill >= 0.999 ? 'oom-usage-fill full' : 'oom-usage-fill'} />
        </svg>
      )}
      {extras.length > 0 && <p className="faint oom-usage-extras">{extras.join(' · ')}</p>}
    </div>
  );
}
