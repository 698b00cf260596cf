// One OOM event: the verdict line, then (opened) the one-sentence answer, what the report lacks,
// where it is (a "show in" link per file holding it), usage against limit, the cgroup stats and
// the task table.
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { routeHref } from '../../app/router';
import { missingPartsText, oomVerdict, renderHeadline, type MessageKey } from '../../../../core';
import { baseName, cgroupName, type OomEventView } from './oom-events';
import { eventTimeLabel } from './OomTimeline';
import { uptimeText } from './timeline';
import { UsageLimitBar } from './UsageLimitBar';
import { CgroupStatsBreakdown } from './CgroupStatsBreakdown';
import { TaskTable } from './TaskTable';
import { AddNoteButton } from '../notes/AddNoteButton';

interface Props {
  view: OomEventView;
  n: number;
  bundleId: string;
  open: boolean;
  selected: boolean;
  onToggle: (open: boolean) => void;
}

export function OomEventCard({ view, n, bundleId, open, selected, onToggle }: Props): ReactNode {
  const { t, locale, units } = useI18n();
  const e = view.event;
  // A node-wide OOM happens in no cgroup: its scope is the node, not the victim's cgroup.
  const scope = e.kind === 'global' ? t('oomView.scope.node') : (view.scopeName ?? e.oomMemcg ?? e.taskMemcg ?? t('oomView.scope.unknown'));
  const verdict = oomVerdict(e, locale, scope, units);
  return (
    <details
      className={`panel oom-event${selected ? ' selected' : ''}`}
      open={open}
      onToggle={(ev) => onToggle((ev.currentTarget as HTMLDetailsElement).open)}
      data-testid="oom-event"
      data-event-id={view.id}
    >
      <summary className="oom-event-summary">
        <span className="oom-event-n">{t('oomView.eventN', { n })}</span>
        <span className={`badge ${e.kind === 'global' ? 'warn' : 'bad'}`}>{t(`oomView.kind.${e.kind}` as MessageKey)}</span>
        <span className="mono muted oom-event-time">{eventTimeLabel(view, t)}</span>
        <span className="oom-verdict" data-testid="oom-verdict">
          {verdict}
        </span>
      </summary>
      {open && <EventBody view={view} bundleId={bundleId} />}
    </details>
  );
}

function EventBody({ view, bundleId }: { view: OomEventView; bundleId: string }): ReactNode {
  const { t, locale, units, bytes } = useI18n();
  const e = view.event;
  const headline = view.headline.parts.length > 0 ? renderHeadline(view.headline, locale, units) : null;
  const v = e.victim;
  const notes: string[] = [];
  if (e.missing.length > 0) notes.push(t('oomView.missing', { parts: missingPartsText(e, locale) }));
  if (v && v.source !== 'killed-line') notes.push(t(`oomView.victimFrom.${v.source}` as MessageKey));
  if (e.elided) notes.push(t('oomView.elided'));
  if (e.cutLines.length > 0) notes.push(t('oomView.cutLines', { count: e.cutLines.length }));
  const oomName = cgroupName(view, e.oomMemcg);
  const taskName = cgroupName(view, e.taskMemcg);
  return (
    <div className="oom-event-body">
      {headline && (
        <p className="oom-headline" data-testid="oom-headline">
          {headline}
        </p>
      )}
      {view.copies[0] && <AddNoteButton bundleId={bundleId} target={{ kind: 'oom-event', file: view.copies[0].file, lineStart: view.copies[0].lines.start }} />}
      {notes.length > 0 && (
        <ul className="oom-warnings" data-testid="oom-missing">
          {notes.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
      )}
      <dl className="oom-facts">
        <div>
          <dt>{t('oomView.file')}</dt>
          <dd className="oom-files">
            {view.copies.map((c) => {
              const span = c.lines.end > c.lines.start ? t('oomView.linesRange', { start: c.lines.start, end: c.lines.end }) : t('common.lineN', { line: c.lines.start });
              return (
                <a
                  key={c.file}
                  className="button oom-show-in-file"
                  href={routeHref({ name: 'bundle', bundleId, tab: 'files', subPath: c.file, line: c.lines.start, lineEnd: c.lines.end })}
                  title={`${c.file} · ${span}`}
                  data-testid="oom-show-in-file"
                  data-file={c.file}
                >
                  {t('oomView.showInNamed', { file: baseName(c.file) })}
                  <span className="faint"> · {span}</span>
                </a>
              );
            })}
          </dd>
        </div>
        {view.wallMs !== null && view.uptimeSeconds !== null && (
          <div>
            <dt>{t('oomView.time')}</dt>
            <dd className="mono">
              {view.timeRaw} · {t('oomView.uptime', { seconds: uptimeText(view.uptimeSeconds) })}
            </dd>
          </div>
        )}
        {e.host && <Fact label={t('oomView.host')} value={e.host} mono />}
        {e.kernelRelease && <Fact label={t('oomView.kernel')} value={e.kernelRelease} mono />}
        {e.trigger && (
          <Fact
            label={t('oomView.trigger')}
            value={[t('oomView.triggerText', { comm: e.trigger.comm ?? '—', pid: e.trigger.pid ?? '—', order: e.trigger.order ?? '—' }), e.trigger.gfpFlags ?? e.trigger.gfpMask].filter(Boolean).join(' · ')}
          />
        )}
        {v && (
          <Fact
            label={t('oomView.victim')}
            value={`${t('oomView.victimText', { comm: v.comm, pid: v.pid })}${v.anonRssBytes !== null ? ` · ${t('oomView.victimRss', { anon: bytes(v.anonRssBytes), file: bytes(v.fileRssBytes), shmem: bytes(v.shmemRssBytes) })}` : ''}`}
          />
        )}
        {e.oomMemcg && <Fact label={t('oomView.oomMemcg')} value={oomName ? `${oomName} — ${e.oomMemcg}` : e.oomMemcg} mono={!oomName} />}
        {e.taskMemcg && e.taskMemcg !== e.oomMemcg && <Fact label={t('oomView.taskMemcg')} value={taskName ? `${taskName} — ${e.taskMemcg}` : e.taskMemcg} mono={!taskName} />}
      </dl>
      {e.groupKills.length > 0 && <p className="oom-note">{t('oomView.groupKills', { count: e.groupKills.length })}</p>}
      <section className="oom-section" aria-label={t('oomView.usageBar')}>
        <h3>{t('oomView.usageBar')}</h3>
        <UsageLimitBar event={e} />
      </section>
      <section className="oom-section" aria-label={t('oomView.stats')}>
        <h3>{t('oomView.stats')}</h3>
        <CgroupStatsBreakdown view={view} bundleId={bundleId} />
      </section>
      <section className="oom-section" aria-label={t('oomView.tasks', { count: e.tasks.length })}>
        <h3>{t('oomView.tasks', { count: e.tasks.length })}</h3>
        <TaskTable event={e} />
      </section>
    </div>
  );
}

function Fact({ label, value, mono = false }: { label: string; value: string; mono?: boolean }): ReactNode {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={mono ? 'mono oom-break' : 'oom-break'}>{value}</dd>
    </div>
  );
}
