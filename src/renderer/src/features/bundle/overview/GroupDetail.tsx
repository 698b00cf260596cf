// One memory group in full: usage against limit, the working set and its formula, the bar, the table.
import type { MemoryGroup } from '../../../../../core';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import { bundleHref } from '../../../app/router';
import { barModel } from './breakdown-rows';
import { BreakdownBar } from './BreakdownBar';
import { BreakdownTable } from './BreakdownTable';
import { groupLabel, isRemainder, limitText } from './group-label';
import { TargetNotes } from '../../notes/TargetNotes';

/** With `snapshotId`, the group's notes (on this group in this snapshot) close the panel. */
export function GroupDetail({ bundleId, group, snapshotId }: { bundleId: string; group: MemoryGroup; snapshotId?: string | null }): ReactNode {
  const { t, bytes, percent } = useI18n();
  const model = barModel(group);
  const inactive = group.breakdown.inactiveFileBytes;
  const label = groupLabel(group);
  const events = group.events;
  return (
    <section className="panel group-detail" aria-label={t(label.key, label.params)} data-group-key={group.key} data-testid="group-detail">
      <div className="panel-header group-header">
        <div className="group-title">
          <h2>{t(label.key, label.params)}</h2>
          {t(label.key, label.params) !== group.path && <span className="mono faint group-path">{group.path}</span>}
        </div>
        {group.qosClass && <span className="badge">{group.qosClass}</span>}
        {group.orphaned && <span className="badge warn">{isRemainder(group) ? t('overview.remainderBadge') : t('overview.orphaned')}</span>}
        {group.cgroupVersion && <span className="badge ok">{t('bundle.cgroupVersion', { version: group.cgroupVersion })}</span>}
      </div>
      <div className="panel-body">
        <dl className="metrics">
          <div>
            <dt>{t('metric.usage')}</dt>
            <dd data-testid="metric-usage">{group.usageBytes === null ? <span className="faint">{t('breakdown.unknown')}</span> : bytes(group.usageBytes)}</dd>
          </div>
          <div>
            <dt>{t('metric.limit')}</dt>
            <dd data-testid="metric-limit">{group.limitBytes === null ? <span className="faint">{limitText(group, t)}</span> : bytes(group.limitBytes)}</dd>
          </div>
          {group.usageBytes !== null && group.limitBytes !== null && (
            <div>
              <dt>{t('metric.usageOfLimit')}</dt>
              <dd>{percent(group.usageBytes, group.limitBytes)}</dd>
            </div>
          )}
          <div>
            <dt>{t('metric.workingSet')}</dt>
            <dd data-testid="metric-working-set">{group.workingSetBytes === null ? <span className="faint">{t('breakdown.unknown')}</span> : bytes(group.workingSetBytes)}</dd>
          </div>
          {group.maxUsageBytes !== null && (
            <div>
              <dt>{t('metric.maxUsage')}</dt>
              <dd>{bytes(group.maxUsageBytes)}</dd>
            </div>
          )}
          {events.oomKill !== null && (
            <div>
              <dt>{t('metric.oomKills')}</dt>
              <dd className={events.oomKill > 0 ? 'metric-bad' : undefined}>{events.oomKill}</dd>
            </div>
          )}
          {events.failcnt !== null && (
            <div>
              <dt>{t('metric.failcnt')}</dt>
              <dd>{events.failcnt}</dd>
            </div>
          )}
        </dl>
        <p className="formula mono" data-testid="working-set-formula">
          {group.usageBytes !== null
            ? t('metric.workingSet.formula', { usage: bytes(group.usageBytes), inactive: bytes(inactive ?? 0), value: bytes(group.workingSetBytes) })
            : t('metric.workingSet.noUsage')}
        </p>
        <BreakdownBar model={model} label={t('breakdown.title')} />
        <BreakdownTable bundleId={bundleId} group={group} />
        {group.sources['breakdown.anonBytes'] && (
          <p className="muted group-file">
            {t('overview.readFrom')}{' '}
            <a className="mono" href={bundleHref(bundleId, 'files', group.sources['breakdown.anonBytes'].file)}>
              {group.sources['breakdown.anonBytes'].file}
            </a>
          </p>
        )}
        {snapshotId !== undefined && (
          <TargetNotes bundleId={bundleId} target={{ kind: 'group', snapshotId, groupKey: group.key }} title={t('notes.section.group')} label={t(label.key, label.params)} />
        )}
      </div>
    </section>
  );
}
