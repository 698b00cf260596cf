// Findings, most severe first: title, scope and the summary with its numbers; opened, the advice,
// the numbers the rule used, and each evidence reference as file:lines with the cited lines (read
// from the stored file) and a link that opens the file in the Files tab with those lines highlighted.
// Texts are rendered from the stored drafts in the current language (localizeFinding).
import { useId, useState, type ReactNode } from 'react';
import { localizeFinding, SEVERITY_ORDER, type FindingDraft, type MessageKey, type Severity } from '../../../../core';
import { useI18n } from '../../app/i18n';
import type { FileRecord } from '../../db/schema';
import { abbreviatePath, evidenceHref, lineSpan, metricDisplay } from './evidence';
import { useExcerpts } from './useExcerpts';
import './findings.css';
import { AddNoteButton } from '../notes/AddNoteButton';

export type ListedFinding = FindingDraft & { snapshotIds?: string[] };

interface Props {
  bundleId: string;
  findings: readonly ListedFinding[];
  /** The bundle's files: where evidence excerpts are read from. */
  files: readonly FileRecord[];
  /** Labels for "seen in" (snapshot id → label). */
  snapshots: readonly { id: string; label: string }[];
  title?: string;
}

const SEVERITY_CLASS: Record<Severity, string> = { critical: 'bad', warning: 'warn', info: 'info' };

export function FindingsList({ bundleId, findings, files, snapshots, title }: Props): ReactNode {
  const { t } = useI18n();
  const headingId = useId();
  const ordered = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  return (
    <section className="panel findings-panel" aria-labelledby={headingId} data-testid="findings">
      <div className="panel-header">
        <h2 id={headingId}>{title ?? t('findingsUi.findings.title')}</h2>
        <span className="muted findings-counts">{t('findingsUi.findings.counts', { critical: count('critical'), warning: count('warning'), info: count('info') })}</span>
      </div>
      {ordered.length === 0 ? (
        <p className="panel-body muted">{t('findingsUi.findings.none')}</p>
      ) : (
        <ol className="findings-list">
          {ordered.map((f) => (
            <FindingItem key={`${f.id}\u0000${f.scopeKey}\u0000${f.snapshotId ?? ''}`} bundleId={bundleId} draft={f} files={files} snapshots={snapshots} />
          ))}
        </ol>
      )}
    </section>
  );
}

function FindingItem({ bundleId, draft, files, snapshots }: { bundleId: string; draft: ListedFinding; files: readonly FileRecord[]; snapshots: Props['snapshots'] }): ReactNode {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const excerpts = useExcerpts(files, draft.evidence, open);
  const finding = localizeFinding(draft, locale, excerpts.reader);
  const seenIn = (draft.snapshotIds ?? (draft.snapshotId ? [draft.snapshotId] : [])).map((id) => snapshots.find((s) => s.id === id)?.label ?? id);
  return (
    <li className={`finding severity-${draft.severity}`} data-finding-id={draft.id} data-severity={draft.severity} data-testid="finding">
      <div className="finding-head">
        <span className={`badge ${SEVERITY_CLASS[draft.severity]}`}>{t(`finding.severity.${draft.severity}` as MessageKey)}</span>
        <h3 className="finding-title">{finding.title}</h3>
        <span className="finding-scope mono" title={draft.scopeKey}>
          {draft.scope}
        </span>
      </div>
      <p className="finding-summary">{finding.summary}</p>
      <div className="finding-meta">
        <button type="button" className="button-link finding-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('findingsUi.finding.showEvidence')}
        </button>
        {seenIn.length > 0 && <span className="faint">{t('findingsUi.findings.seenIn', { snapshots: [...new Set(seenIn)].join(', ') })}</span>}
        <AddNoteButton bundleId={bundleId} target={{ kind: 'finding', findingId: draft.id, scopeKey: draft.scopeKey }} label={finding.title} />
      </div>
      {open && (
        <div className="finding-body" id={bodyId}>
          <h4>{t('findingsUi.finding.advice')}</h4>
          <p className="finding-advice">{finding.advice}</p>
          <Metrics metrics={draft.metrics} />
          <h4>{t('findingsUi.finding.evidence')}</h4>
          {finding.evidence.length === 0 ? (
            <p className="muted">{t('findingsUi.finding.noEvidence')}</p>
          ) : (
            <ul className="evidence-list">
              {finding.evidence.map((e) => (
                <li key={`${e.file}:${e.lineStart}-${e.lineEnd}`} className="evidence-item" data-testid="evidence">
                  <a className="mono evidence-link" href={evidenceHref(bundleId, e)} title={e.file} aria-label={t('findingsUi.evidence.open', { file: e.file, lines: lineSpan(e) })}>
                    {abbreviatePath(e.file)}
                    <span className="evidence-lines">:{lineSpan(e)}</span>
                  </a>
                  {e.excerpt ? (
                    <pre className="evidence-excerpt mono">{e.excerpt}</pre>
                  ) : (
                    <p className="faint evidence-missing">{excerpts.loading ? t('findingsUi.evidence.loading') : t('findingsUi.evidence.unavailable')}</p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}

function Metrics({ metrics }: { metrics: FindingDraft['metrics'] }): ReactNode {
  const { t, bytes, percent } = useI18n();
  const entries = Object.entries(metrics);
  if (entries.length === 0) return null;
  return (
    <>
      <h4>{t('findingsUi.finding.metrics')}</h4>
      <dl className="finding-metrics">
        {entries.map(([name, value]) => {
          const d = metricDisplay(name, value);
          return (
            <div key={name}>
              <dt className="mono">{name}</dt>
              <dd title={d.kind === 'bytes' ? `${d.bytes} B` : undefined}>{d.kind === 'bytes' ? bytes(d.bytes) : d.kind === 'share' ? percent(d.share, 1) : d.text}</dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}
