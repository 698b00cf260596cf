// The incident report as one pure React document: props in (a ReportModel from src/core/report),
// markup out, styles carried inside. The app's report page previews and prints it; the CLI renders
// it with react-dom/server into a self-contained HTML file. No Dexie, no Monaco, no browser API here.
import type { ReactNode } from 'react';
import { formatBytes, formatReportTime, translate, translator, type ReportModel, type Translator } from '../../../../core';
import { REPORT_CSS } from './report-styles';
import { ReportCharts } from './ReportChart';
import { ReportMarkdown } from './ReportMarkdown';
import { ComparisonSection, FindingsSection, NotesSection, OomEventsSection } from './ReportSections';

function Fact({ label, children }: { label: string; children: ReactNode }): ReactNode {
  return (
    <tr>
      <th>{label}</th>
      <td>{children}</td>
    </tr>
  );
}

function Cover({ model, t }: { model: ReportModel; t: Translator }): ReactNode {
  const c = model.cover;
  const a = model.answer;
  const unknown = t('report.cover.unknown');
  const captured = c.timeFrom === null ? unknown : c.timeFrom === c.timeTo ? formatReportTime(c.timeFrom) : `${formatReportTime(c.timeFrom)} – ${formatReportTime(c.timeTo)}`;
  return (
    <header className="r-cover" data-testid="report-cover">
      <div className="r-brand">
        <span>OOMScope · {t('report.title')}</span>
        <span>{formatReportTime(model.generatedAt)}</span>
      </div>
      <h1>{c.title}</h1>
      <table className="r-facts">
        <tbody>
          {c.cluster !== null && <Fact label={t('report.cover.cluster')}>{c.cluster}</Fact>}
          <Fact label={t('report.cover.node')}>{c.node ?? unknown}</Fact>
          <Fact label={t('report.cover.pods')}>{c.pods.length > 0 ? c.pods.join(', ') : unknown}</Fact>
          {c.kernel !== null && <Fact label={t('report.cover.kernel')}>{c.kernel}</Fact>}
          <Fact label={t('report.cover.window')}>{captured}</Fact>
          {c.author !== null && <Fact label={t('report.cover.author')}>{c.author}</Fact>}
          {c.status !== null && <Fact label={t('report.cover.status')}>{c.status}</Fact>}
          {c.tags.length > 0 && (
            <Fact label={t('report.cover.tags')}>
              {c.tags.map((tag) => (
                <span key={tag} className="r-tag">
                  {tag}
                </span>
              ))}
            </Fact>
          )}
          <Fact label={t('report.cover.contents')}>{t('report.cover.contentsText', { files: c.fileCount, snapshots: c.snapshotCount, events: c.oomEventCount })}</Fact>
          <Fact label={t('report.cover.generated')}>{formatReportTime(model.generatedAt)}</Fact>
        </tbody>
      </table>
      <section className="r-answer" data-testid="report-answer">
        <h2>{t('report.answer')}</h2>
        <p className="r-headline">{a.headline}</p>
        {(a.usageBytes !== null || a.limitBytes !== null || a.victim !== null) && (
          <div className="r-figures">
            {a.usageBytes !== null && (
              <div className="r-figure">
                <span>{t('report.answer.usage')}</span>
                <strong className="r-num">{formatBytes(a.usageBytes)}</strong>
              </div>
            )}
            {a.limitBytes !== null && (
              <div className="r-figure">
                <span>{t('report.answer.limit')}</span>
                <strong className="r-num">{formatBytes(a.limitBytes)}</strong>
              </div>
            )}
            {a.victim !== null && (
              <div className="r-figure">
                <span>{t('report.answer.victim')}</span>
                <strong>{a.victim}</strong>
              </div>
            )}
          </div>
        )}
        {a.topFindings.length > 0 && (
          <>
            <h4>{t('report.answer.topFindings')}</h4>
            <ul>
              {a.topFindings.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </>
        )}
        {a.conclusion !== '' && (
          <>
            <h4>{t('report.answer.conclusion')}</h4>
            <ReportMarkdown markdown={a.conclusion} />
          </>
        )}
      </section>
    </header>
  );
}

function Timeline({ model, t }: { model: ReportModel; t: Translator }): ReactNode {
  return (
    <section className="r-section" data-testid="report-timeline">
      <h2>{t('report.timeline')}</h2>
      {model.timeline.length === 0 ? (
        <p className="r-muted">{t('report.timeline.empty')}</p>
      ) : (
        <table className="r-table">
          <thead>
            <tr>
              <th style={{ width: '38mm' }}>{t('report.timeline.col.time')}</th>
              <th>{t('report.timeline.col.event')}</th>
            </tr>
          </thead>
          <tbody>
            {model.timeline.map((e, i) => (
              <tr key={i} data-kind={e.kind}>
                <td className="r-num">{e.timeText}</td>
                <td>
                  <strong className={e.kind === 'oom' ? 'r-kind-oom' : e.kind === 'note' ? 'r-kind-note' : undefined}>{e.title}</strong>
                  {e.detail !== '' && <div className="r-muted">{e.detail}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function dirAndName(path: string): [string, string] {
  const i = path.lastIndexOf('/');
  return i < 0 ? ['', path] : [path.slice(0, i + 1), path.slice(i + 1)];
}

/** Files grouped under their folder (a row per folder), so long cgroup paths are printed once. */
function Appendix({ model, t }: { model: ReportModel; t: Translator }): ReactNode {
  const files = model.appendix.files;
  const rows: ReactNode[] = [];
  let lastDir: string | null = null;
  for (const f of files) {
    const [dir, name] = dirAndName(f.path);
    if (dir !== lastDir && dir !== '') {
      rows.push(
        <tr key={`dir:${dir}`} className="r-dir">
          <td colSpan={4}>{dir}</td>
        </tr>,
      );
    }
    lastDir = dir;
    rows.push(
      <tr key={f.path} data-path={f.path}>
        <td className={dir === '' ? undefined : 'r-indent'}>{name}</td>
        <td>{f.formatLabel}</td>
        <td className="r-right r-num">{formatBytes(f.sizeBytes)}</td>
        <td className="r-sha">
          {f.sha256.slice(0, 32)}
          <br />
          {f.sha256.slice(32)}
        </td>
      </tr>,
    );
  }
  return (
    <section className="r-section" data-testid="report-appendix">
      <h2>{t('report.appendix')}</h2>
      <p className="r-muted">{t('report.appendix.intro', { count: files.length, size: formatBytes(model.appendix.totalBytes) })}</p>
      <table className="r-table r-files">
        <colgroup>
          <col />
          <col style={{ width: '30mm' }} />
          <col style={{ width: '15mm' }} />
          <col style={{ width: '47mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{t('report.appendix.col.path')}</th>
            <th>{t('report.appendix.col.format')}</th>
            <th className="r-right">{t('report.appendix.col.size')}</th>
            <th>{t('report.appendix.col.sha256')}</th>
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
    </section>
  );
}

export function ReportDocument({ model }: { model: ReportModel }): ReactNode {
  const t = translator(model.locale);
  return (
    <article className="report" lang={model.locale} data-testid="report-document">
      {/* Our own constant stylesheet (no user data in it). */}
      <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />
      <Cover model={model} t={t} />
      <Timeline model={model} t={t} />
      <section className="r-section" data-testid="report-charts">
        <h2>{t('report.charts')}</h2>
        <p className="r-muted">{t('report.charts.intro')}</p>
        <ReportCharts charts={model.charts} locale={model.locale} />
      </section>
      <OomEventsSection events={model.oomEvents} t={t} locale={model.locale} />
      <FindingsSection findings={model.findings} t={t} locale={model.locale} />
      <ComparisonSection comparison={model.comparison} t={t} locale={model.locale} />
      <NotesSection notes={model.notes} t={t} locale={model.locale} />
      <Appendix model={model} t={t} />
      <p className="r-footer">{translate(model.locale, 'report.generatedBy', { time: formatReportTime(model.generatedAt) })}</p>
    </article>
  );
}

/** The document's title, for <title> and the PDF header: "Incident report: <bundle title>". */
export function reportDocumentTitle(model: ReportModel): string {
  return translate(model.locale, 'report.documentTitle', { title: model.cover.title });
}
