// The report's evidence-heavy sections: OOM events (victim, task table, key kernel lines), findings
// (summary, advice, the cited lines only), the before/after comparison and the notes. Text only:
// file content is rendered as text, never as HTML.
import type { ReactNode } from 'react';
import {
  comparisonUsageText,
  formatBytes,
  formatPercent,
  formatReportTime,
  type Locale,
  type ReportComparison,
  type ReportEvidence,
  type ReportFinding,
  type ReportNote,
  type ReportOomEvent,
  type Translator,
} from '../../../../core';
import { ReportMarkdown } from './ReportMarkdown';

interface SectionProps {
  t: Translator;
  locale: Locale;
}

export function EvidenceBlock({ evidence, t }: { evidence: ReportEvidence; t: Translator }): ReactNode {
  const caption =
    evidence.lineStart === evidence.lineEnd
      ? t('report.finding.lines', { file: evidence.file, start: evidence.lineStart })
      : t('report.finding.lineRange', { file: evidence.file, start: evidence.lineStart, end: evidence.lineEnd });
  const lines = evidence.excerpt === '' ? [] : evidence.excerpt.split('\n');
  // A hanging indent as wide as the largest line number: wrapped text stays clear of the numbers.
  const gutter = `${String(evidence.lineStart + Math.max(0, lines.length - 1)).length + 2}ch`;
  return (
    <figure className="r-evidence">
      <figcaption>{caption}</figcaption>
      <pre>
        {lines.length === 0
          ? t('report.finding.noExcerpt')
          : lines.map((text, i) => (
              <span key={i} className="r-line" style={{ paddingLeft: gutter, textIndent: `-${gutter}` }}>
                <span className="r-ln" style={{ width: gutter }}>
                  {evidence.lineStart + i}
                </span>
                {text}
              </span>
            ))}
      </pre>
    </figure>
  );
}

function OomEventCard({ event, t }: { event: ReportOomEvent; t: Translator }): ReactNode {
  const v = event.victim;
  return (
    <div className="r-card r-critical" data-testid="report-oom-event">
      <h3>
        {event.kindLabel} · {event.timeText}
      </h3>
      <p className="r-scope">{t('report.oom.at', { file: event.file, start: event.lineStart, end: event.lineEnd })}</p>
      <p>
        <strong>{event.verdict}</strong>
      </p>
      <table className="r-facts">
        <tbody>
          {event.scope && (
            <tr>
              <th>{t('oomView.oomMemcg')}</th>
              <td>{event.scope}</td>
            </tr>
          )}
          <tr>
            <th>{t('oomView.usage')}</th>
            <td className="r-num">
              {t('oomView.usageOfLimit', {
                usage: formatBytes(event.usageBytes),
                limit: formatBytes(event.limitBytes),
                share: event.usageBytes !== null && event.limitBytes ? formatPercent(event.usageBytes, event.limitBytes) : '—',
              })}
              {event.failcnt !== null ? ` · ${t('oomView.failcnt')} ${event.failcnt}` : ''}
            </td>
          </tr>
          {v && (
            <tr>
              <th>{t('oomView.victim')}</th>
              <td>
                {v.comm} (pid {v.pid}) — {t('oomView.victimRss', { anon: formatBytes(v.anonRssBytes), file: formatBytes(v.fileRssBytes), shmem: formatBytes(v.shmemRssBytes) })}
                {v.oomScoreAdj !== null ? `, oom_score_adj ${v.oomScoreAdj}` : ''}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {event.missing && <p className="r-muted">{t('oomView.missing', { parts: event.missing })}</p>}
      <h4>{t('report.oom.topTasks', { shown: event.topTasks.length, count: event.taskCount })}</h4>
      {event.topTasks.length === 0 ? (
        <p className="r-muted">{t('report.oom.noTasks')}</p>
      ) : (
        <table className="r-table">
          <thead>
            <tr>
              <th>{t('oomView.col.pid')}</th>
              <th>{t('oomView.col.name')}</th>
              <th className="r-right">{t('oomView.col.rss')}</th>
              <th className="r-right">{t('oomView.col.adj')}</th>
              <th className="r-right">{t('oomView.lines')}</th>
            </tr>
          </thead>
          <tbody>
            {event.topTasks.map((task) => (
              <tr key={`${task.pid}-${task.line}`} className={task.isVictim ? 'r-victim' : undefined}>
                <td className="r-num">{task.pid}</td>
                <td>
                  {task.name}
                  {task.isVictim ? ` (${t('report.oom.victimMark')})` : ''}
                </td>
                <td className="r-right r-num">{formatBytes(task.rssBytes)}</td>
                <td className="r-right r-num">{task.oomScoreAdj ?? '—'}</td>
                <td className="r-right r-num">{task.line}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>{t('report.oom.keyLines')}</h4>
      {event.evidence.map((e) => (
        <EvidenceBlock key={`${e.file}:${e.lineStart}`} evidence={e} t={t} />
      ))}
    </div>
  );
}

export function OomEventsSection({ events, t }: SectionProps & { events: readonly ReportOomEvent[] }): ReactNode {
  if (events.length === 0) return null;
  return (
    <section className="r-section" data-testid="report-oom-events">
      <h2>{t('report.oomEvents')}</h2>
      {events.map((e) => (
        <OomEventCard key={`${e.file}:${e.lineStart}`} event={e} t={t} />
      ))}
    </section>
  );
}

function FindingCard({ finding, t }: { finding: ReportFinding; t: Translator }): ReactNode {
  return (
    <div className={`r-card r-${finding.severity}`} data-testid="report-finding" data-finding={finding.id}>
      <h3>
        <span className={`r-severity r-${finding.severity}`}>{finding.severityLabel}</span>
        {finding.title}
      </h3>
      <p className="r-scope">
        {finding.scope}
        {finding.seenIn.length > 0 ? ` · ${t('report.finding.seenIn', { labels: finding.seenIn.join(', ') })}` : ''}
      </p>
      <p>{finding.summary}</p>
      <div className="r-advice">
        <strong>{t('report.advice')}</strong>
        {finding.advice}
      </div>
      {finding.evidence.map((e) => (
        <EvidenceBlock key={`${e.file}:${e.lineStart}`} evidence={e} t={t} />
      ))}
    </div>
  );
}

export function FindingsSection({ findings, t }: SectionProps & { findings: readonly ReportFinding[] }): ReactNode {
  return (
    <section className="r-section" data-testid="report-findings">
      <h2>{t('report.findings')}</h2>
      {findings.length === 0 ? <p className="r-muted">{t('report.noFindings')}</p> : findings.map((f) => <FindingCard key={`${f.id}:${f.scope}`} finding={f} t={t} />)}
    </section>
  );
}

export function ComparisonSection({ comparison, t, locale }: SectionProps & { comparison: ReportComparison | null }): ReactNode {
  if (!comparison) return null;
  const c = comparison;
  const groups: [string, readonly string[]][] = [
    [t('report.findings.new'), c.findings.new],
    [t('report.findings.resolved'), c.findings.resolved],
    [t('report.findings.persisting'), c.findings.persisting],
  ];
  return (
    <section className="r-section" data-testid="report-comparison">
      <h2>{t('report.comparison')}</h2>
      <p>
        <strong>{t('report.comparison.sides', { before: c.beforeLabel, after: c.afterLabel })}</strong>
      </p>
      <p>{comparisonUsageText(c, locale)}</p>
      <h3>{t('report.comparison.explanation')}</h3>
      {c.explanation.length === 0 ? (
        <p className="r-muted">{t('report.comparison.noChange')}</p>
      ) : (
        // Each entry's text states its own signed size ("+80.0 MiB shmem in the pod itself").
        <ul data-testid="report-comparison-explanation">
          {c.explanation.map((e, i) => (
            <li key={i}>{e.text}</li>
          ))}
        </ul>
      )}
      {c.notes.length > 0 && (
        <>
          <h3>{t('report.comparison.notes')}</h3>
          <ul>
            {c.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('report.comparison.findings')}</h3>
      {groups.every(([, list]) => list.length === 0) && <p className="r-muted">{t('report.noFindings')}</p>}
      <table className="r-table">
        <tbody>
          {groups.flatMap(([label, list]) =>
            list.map((title, i) => (
              <tr key={`${label}-${i}`}>
                <td style={{ width: '24mm' }}>{label}</td>
                <td>{title}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </section>
  );
}

export function NotesSection({ notes, t }: SectionProps & { notes: readonly ReportNote[] }): ReactNode {
  return (
    <section className="r-section" data-testid="report-notes">
      <h2>{t('report.notes')}</h2>
      {notes.length === 0 && <p className="r-muted">{t('report.notes.empty')}</p>}
      {notes.map((n, i) => (
        <div key={i} className="r-card" data-testid="report-note">
          <h3>{n.targetLabel}</h3>
          <p className="r-scope">{t('report.notes.updated', { time: formatReportTime(n.updatedAt) })}</p>
          <ReportMarkdown markdown={n.markdown} />
          {n.evidence && <EvidenceBlock evidence={n.evidence} t={t} />}
        </div>
      ))}
    </section>
  );
}
