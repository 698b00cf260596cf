// Hash routes, so a reload (or Electron's file:// page) keeps the place:
//   #/                          library
//   #/bundle/<id>/files[/<file path>][?line=N[&lineEnd=M]]   (lines N…M highlighted)
//   #/bundle/<id>/overview[?snapshot=<id>&group=<key>]
//   #/settings
//   #/compare?before=<bundleId>:<snapshotId>&after=<bundleId>:<snapshotId>&scope=<groupKey>
//   #/report/<id>[?compare=<bundleId>:<snapshotId>&lang=en|zh-CN&export=pdf]   (export=pdf: print once ready)
import { useEffect, useState } from 'react';
import { isLocale, type Locale } from '../../../core';

export type BundleTab = 'overview' | 'files' | 'oom' | 'notes';
export const BUNDLE_TABS: readonly BundleTab[] = ['overview', 'files', 'oom', 'notes'];

export type Route =
  | { name: 'library' }
  | { name: 'settings' }
  | { name: 'compare'; before: string | null; after: string | null; scope: string | null }
  | { name: 'bundle'; bundleId: string; tab: BundleTab; subPath: string | null; line: number | null; lineEnd?: number | null; snapshot?: string | null; group?: string | null }
  | { name: 'report'; bundleId: string; compare: string | null; lang: Locale | null; exportPdf: boolean }
  | { name: 'not-found'; hash: string };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', query = ''] = raw.split('?', 2);
  const parts = pathPart.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { name: 'library' };
  if (parts[0] === 'settings' && parts.length === 1) return { name: 'settings' };
  if (parts[0] === 'compare' && parts.length === 1) {
    const params = new URLSearchParams(query);
    return { name: 'compare', before: params.get('before'), after: params.get('after'), scope: params.get('scope') };
  }
  if (parts[0] === 'report' && parts[1] && parts.length === 2) {
    const params = new URLSearchParams(query);
    const lang = params.get('lang');
    return { name: 'report', bundleId: safeDecode(parts[1]), compare: params.get('compare') || null, lang: isLocale(lang) ? lang : null, exportPdf: params.get('export') === 'pdf' };
  }
  if (parts[0] === 'bundle' && parts[1]) {
    const tab = (parts[2] ?? 'overview') as BundleTab;
    if (!BUNDLE_TABS.includes(tab)) return { name: 'not-found', hash };
    const subPath = parts.length > 3 ? parts.slice(3).map(safeDecode).join('/') : null;
    const params = new URLSearchParams(query);
    const lineText = params.get('line');
    const line = lineText && /^\d+$/.test(lineText) ? Number(lineText) : null;
    const route: Extract<Route, { name: 'bundle' }> = { name: 'bundle', bundleId: safeDecode(parts[1]), tab, subPath, line };
    const lineEndText = params.get('lineEnd');
    if (line !== null && lineEndText && /^\d+$/.test(lineEndText) && Number(lineEndText) > line) route.lineEnd = Number(lineEndText);
    if (params.has('snapshot')) route.snapshot = params.get('snapshot');
    if (params.has('group')) route.group = params.get('group');
    return route;
  }
  return { name: 'not-found', hash };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'library':
      return '#/';
    case 'settings':
      return '#/settings';
    case 'compare': {
      const params = new URLSearchParams();
      if (route.before) params.set('before', route.before);
      if (route.after) params.set('after', route.after);
      if (route.scope) params.set('scope', route.scope);
      const query = params.toString();
      return query ? `#/compare?${query}` : '#/compare';
    }
    case 'bundle': {
      let href = `#/bundle/${encodeURIComponent(route.bundleId)}/${route.tab}`;
      if (route.subPath) href += `/${route.subPath.split('/').map(encodeURIComponent).join('/')}`;
      const params = new URLSearchParams();
      if (route.line !== null) params.set('line', String(route.line));
      if (route.line !== null && route.lineEnd != null && route.lineEnd > route.line) params.set('lineEnd', String(route.lineEnd));
      if (route.snapshot) params.set('snapshot', route.snapshot);
      if (route.group) params.set('group', route.group);
      const query = params.toString();
      return query ? `${href}?${query}` : href;
    }
    case 'report': {
      const params = new URLSearchParams();
      if (route.compare) params.set('compare', route.compare);
      if (route.lang) params.set('lang', route.lang);
      if (route.exportPdf) params.set('export', 'pdf');
      const query = params.toString();
      return `#/report/${encodeURIComponent(route.bundleId)}${query ? `?${query}` : ''}`;
    }
    case 'not-found':
      return route.hash || '#/';
  }
}

/** The report of a bundle, optionally compared with a snapshot (`<bundleId>:<snapshotId>`), in a language. */
export function reportHref(bundleId: string, options: { compare?: string | null; lang?: Locale | null; exportPdf?: boolean } = {}): string {
  return routeHref({ name: 'report', bundleId, compare: options.compare ?? null, lang: options.lang ?? null, exportPdf: options.exportPdf ?? false });
}

export function bundleHref(bundleId: string, tab: BundleTab = 'overview', subPath: string | null = null, line: number | null = null, lineEnd: number | null = null): string {
  return routeHref({ name: 'bundle', bundleId, tab, subPath, line, lineEnd });
}

/** The Overview with one snapshot and one group chosen. */
export function overviewHref(bundleId: string, snapshotId: string | null, groupKey: string | null): string {
  return routeHref({ name: 'bundle', bundleId, tab: 'overview', subPath: null, line: null, snapshot: snapshotId, group: groupKey });
}

export function navigate(href: string): void {
  if (window.location.hash !== href) window.location.hash = href;
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
