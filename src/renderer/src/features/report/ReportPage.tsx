// The report screen (#/report/<bundleId>[?compare=…&lang=…&export=pdf]): a toolbar (language,
// comparison, author, Export PDF) over a preview of the report exactly as it prints. Export PDF
// prints this very page: Electron's printToPDF through the bridge (where the user chooses), or the
// browser's print dialog. In print, only the report shows.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { LOCALES, type Locale } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { bundleHref, navigate, reportHref, type Route } from '../../app/router';
import { useToasts } from '../../app/toasts';
import { db } from '../../db/database';
import { platform } from '../../platform/bridge';
import { ReportDocument, reportDocumentTitle } from './ReportDocument';
import { useReportBuild } from './useReportBuild';
import type { ReportSnapshotChoice } from './report-protocol';
import './report-page.css';

/** Settings row holding the author's name for the cover (typed once, kept for the next report). */
export const REPORT_AUTHOR_SETTING = 'report.author';

/** While the report is mounted: print the report alone, on white, across as many pages as it needs. */
const PRINT_SHELL_CSS = `@media print {
  html, body, #root, .app, .app-main { height: auto !important; overflow: visible !important; display: block !important; background: #fff !important; }
  .app-header, .import-progress, .toasts, .drop-overlay, .report-toolbar, .report-status { display: none !important; }
  .report-screen { padding: 0 !important; margin: 0 !important; max-width: none !important; background: none !important; }
}`;

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

function fileNameFor(title: string, generatedAt: string): string {
  return `${title.trim() || 'oomscope-report'} ${generatedAt.slice(0, 10)}`;
}

export function ReportPage({ route }: { route: Extract<Route, { name: 'report' }> }): ReactNode {
  const { t, locale: appLocale } = useI18n();
  const toasts = useToasts();
  const locale = route.lang ?? appLocale;
  const authorRow = useLiveQuery(() => db.settings.get(REPORT_AUTHOR_SETTING).then((r) => r ?? null), []);
  const [author, setAuthor] = useState<string | null>(null);
  const savedAuthor = typeof authorRow?.value === 'string' ? authorRow.value : '';
  const authorText = author ?? savedAuthor;
  const build = useReportBuild(route.bundleId, locale, route.compare, authorText);
  const others = useLiveQuery(() => db.bundles.where('status').equals('ready').toArray(), []);
  const exporting = useRef(false);
  const model = build.state === 'ready' || build.state === 'error' ? (build.built?.model ?? null) : null;

  useEffect(() => {
    if (model) document.title = reportDocumentTitle(model);
  }, [model]);

  const exportPdf = async (): Promise<void> => {
    if (!model || exporting.current) return;
    exporting.current = true;
    try {
      const result = await platform.printReport(fileNameFor(model.cover.title, model.generatedAt));
      if (result?.saved && result.filePath) toasts.show({ message: { key: 'report.exported', params: { path: result.filePath } } });
    } catch (error) {
      toasts.show({ message: { key: 'report.exportFailed', params: { message: error instanceof Error ? error.message : String(error) } }, kind: 'error', timeoutMs: 15000 });
    } finally {
      exporting.current = false;
    }
  };

  // File → Export Report PDF arrives here as ?export=pdf: print once the report is up to date.
  const ready = build.state === 'ready' && !build.building;
  useEffect(() => {
    if (!route.exportPdf || !ready) return;
    navigate(reportHref(route.bundleId, { compare: route.compare, lang: route.lang }));
    void exportPdf();
    // Once per request: exportPdf (recreated each render) reads the model this render holds.
  }, [route.exportPdf, ready]);

  const saveAuthor = (value: string): void => {
    setAuthor(value);
    void db.settings.put({ key: REPORT_AUTHOR_SETTING, value });
  };
  const go = (changes: { compare?: string | null; lang?: Locale | null }): void =>
    navigate(reportHref(route.bundleId, { compare: 'compare' in changes ? changes.compare : route.compare, lang: 'lang' in changes ? changes.lang : route.lang }));

  if (build.state === 'missing') {
    return (
      <div className="page empty-state">
        <p>{t('bundle.notFound')}</p>
        <a href="#/">{t('nav.back')}</a>
      </div>
    );
  }
  const snapshots: ReportSnapshotChoice[] = build.state === 'ready' ? build.built.snapshots : [];
  const otherBundles = (others ?? []).filter((b) => b.id !== route.bundleId);
  return (
    <div className="report-screen">
      <style>{PRINT_SHELL_CSS}</style>
      <div className="report-toolbar" role="toolbar" aria-label={t('report.toolbar')}>
        <a href={bundleHref(route.bundleId)}>← {t('report.toolbar.back')}</a>
        <label>
          <span>{t('report.toolbar.language')}</span>
          <select value={locale} onChange={(e) => go({ lang: e.target.value as Locale })}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('report.toolbar.compare')}</span>
          <select value={route.compare ?? ''} onChange={(e) => go({ compare: e.target.value || null })}>
            <option value="">{t('report.toolbar.compareNone')}</option>
            {snapshots.map((s) => (
              <option key={s.id} value={`${route.bundleId}:${s.id}`}>
                {t('report.toolbar.compareSnapshot', { snapshot: s.label })}
              </option>
            ))}
            {otherBundles.map((b) => (
              <option key={b.id} value={`${b.id}:`}>
                {t('report.toolbar.compareLatest', { bundle: b.title })}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('report.toolbar.author')}</span>
          <input type="text" value={authorText} onChange={(e) => saveAuthor(e.target.value)} maxLength={120} />
        </label>
        <span className="report-toolbar-spacer" />
        <button type="button" className="primary" disabled={!ready} onClick={() => void exportPdf()}>
          {platform.kind === 'electron' ? t('report.toolbar.exportPdf') : t('report.toolbar.print')}
        </button>
      </div>
      {build.state === 'loading' && <p className="report-status muted">{t('report.loading')}</p>}
      {build.state === 'error' && <p className="report-status error">{t('report.failed', { message: build.message })}</p>}
      {model && (
        <div className="report-preview" aria-label={t('report.preview')} aria-busy={build.state === 'ready' && build.building}>
          <ReportDocument model={model} />
        </div>
      )}
    </div>
  );
}
