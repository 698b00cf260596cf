// The shell: settings → language and theme, header with navigation, the import progress bar,
// the window-wide drop zone, and one error boundary per screen.
import { useEffect, useState, type ReactNode } from 'react';
import { resolveLocale, type Locale } from '../../../core';
import { platform } from '../platform/bridge';
import { db } from '../db/database';
import { purgeExpiredTrash } from '../db/bundle-store';
import { I18nProvider, useI18n } from './i18n';
import { ToastProvider, useToasts } from './toasts';
import { ImportProvider, useImports } from './imports';
import { useSettings, type LocaleSetting, type ThemeSetting } from './settings';
import { useEffectiveTheme } from './theme';
import { navigate, useRoute, type Route } from './router';
import { ErrorBoundary } from './ErrorBoundary';
import { DropZone } from './DropZone';
import { ImportProgressBar } from './ImportProgressBar';
import { LibraryPage, UNDO_MS } from '../features/library/LibraryPage';
import { BundlePage } from '../features/bundle/BundlePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ReportPage } from '../features/report/ReportPage';
import { reportExportHref } from '../features/report/report-menu';
import { ComparePage } from '../features/compare/ComparePage';
import { useOpenSample } from '../features/library/useOpenSample';
import { ThemeContext } from './theme-context';
import { SHOW_COLLECT_EVENT } from '../features/library/CollectPanel';

export function App(): ReactNode {
  const { settings, loaded, setSetting } = useSettings();
  const [systemLocale, setSystemLocale] = useState<Locale>(() => resolveLocale(navigator.language));
  useEffect(() => {
    void platform.systemLocale().then((tag) => setSystemLocale(resolveLocale(tag)));
    void purgeExpiredTrash(db, UNDO_MS);
    // A bundle deleted just before a reload is purged once its undo period is over.
    const later = window.setTimeout(() => void purgeExpiredTrash(db, UNDO_MS), UNDO_MS + 1000);
    return () => window.clearTimeout(later);
  }, []);
  const locale = settings.locale === 'system' ? systemLocale : settings.locale;
  const theme = useEffectiveTheme(settings.theme);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  // The saved language is known within a few milliseconds: wait for it rather than flash the other one.
  if (!loaded) return null;

  return (
    <I18nProvider locale={locale} units={settings.units}>
      <ThemeContext.Provider value={theme}>
        <ToastProvider>
          <ImportProvider>
            <Shell
              localeSetting={settings.locale}
              themeSetting={settings.theme}
              onLocale={(v) => setSetting('locale', v)}
              onTheme={(v) => setSetting('theme', v)}
            />
          </ImportProvider>
        </ToastProvider>
      </ThemeContext.Provider>
    </I18nProvider>
  );
}

interface ShellProps {
  localeSetting: LocaleSetting;
  themeSetting: ThemeSetting;
  onLocale: (v: LocaleSetting) => void;
  onTheme: (v: ThemeSetting) => void;
}

function Shell({ localeSetting, themeSetting, onLocale, onTheme }: ShellProps): ReactNode {
  const { t } = useI18n();
  const route = useRoute();
  const { importItems } = useImports();
  const openSample = useOpenSample();
  const toasts = useToasts();

  useEffect(() => {
    const offImport = platform.onExternalImport((items) => void importItems(items));
    const offMenu = platform.onMenuCommand((command) => {
      if (command === 'open-library') navigate('#/');
      else if (command === 'open-settings') navigate('#/settings');
      else if (command === 'open-sample') void openSample();
      else if (command === 'show-collect-help') {
        navigate('#/');
        // The Library mounts on the next render; its collect panel listens for this.
        window.setTimeout(() => window.dispatchEvent(new Event(SHOW_COLLECT_EVENT)), 0);
      }
      else if (command === 'print-report') {
        // The report page prints itself once built (?export=pdf).
        const href = reportExportHref(window.location.hash);
        if (href) navigate(href);
        else toasts.show({ message: { key: 'report.needBundle' }, kind: 'error' });
      }
    });
    return () => {
      offImport();
      offMenu();
    };
  }, [importItems, openSample, toasts]);

  useEffect(() => {
    // The report page titles the window itself (the PDF header prints that title).
    if (route.name === 'report') return;
    document.title = route.name === 'settings' ? `${t('settings.title')} — ${t('app.name')}` : t('app.name');
  }, [route, t]);

  return (
    <div className="app">
      <header className="app-header">
        <a className="app-brand" href="#/">
          {t('app.name')}
          <small>{t('app.tagline')}</small>
        </a>
        <nav className="app-nav" aria-label={t('nav.main')}>
          <a href="#/" aria-current={route.name === 'library' || route.name === 'bundle' || route.name === 'report' ? 'page' : undefined}>
            {t('nav.library')}
          </a>
          <a href="#/settings" aria-current={route.name === 'settings' ? 'page' : undefined}>
            {t('nav.settings')}
          </a>
        </nav>
        <div className="app-header-spacer" />
        <div className="app-header-controls">
          <label className="header-select">
            <span>{t('settings.language')}</span>
            <select value={localeSetting} onChange={(e) => onLocale(e.target.value as LocaleSetting)}>
              <option value="system">{t('settings.language.system')}</option>
              <option value="en">English</option>
              <option value="zh-CN">简体中文</option>
            </select>
          </label>
          <label className="header-select">
            <span>{t('settings.theme')}</span>
            <select value={themeSetting} onChange={(e) => onTheme(e.target.value as ThemeSetting)}>
              <option value="system">{t('settings.theme.system')}</option>
              <option value="light">{t('settings.theme.light')}</option>
              <option value="dark">{t('settings.theme.dark')}</option>
            </select>
          </label>
        </div>
      </header>
      <ImportProgressBar />
      <main className="app-main">
        <ErrorBoundary screen={screenName(route)}>{renderRoute(route)}</ErrorBoundary>
      </main>
      <DropZone />
    </div>
  );
}

function screenName(route: Route): string {
  return route.name === 'bundle' ? `bundle/${route.bundleId}/${route.tab}` : route.name;
}

function renderRoute(route: Route): ReactNode {
  switch (route.name) {
    case 'library':
      return <LibraryPage />;
    case 'settings':
      return <SettingsPage />;
    case 'bundle':
      return <BundlePage key={route.bundleId} route={route} />;
    case 'report':
      return <ReportPage key={route.bundleId} route={route} />;
    case 'compare':
      return <ComparePage route={route} />;
    case 'not-found':
      return <NotFound />;
  }
}

function NotFound(): ReactNode {
  const { t } = useI18n();
  return (
    <div className="page empty-state">
      <h2>{t('app.notFound')}</h2>
      <a href="#/">{t('nav.back')}</a>
    </div>
  );
}
