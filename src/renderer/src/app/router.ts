// Hash routes, so a reload (or Electron's file:// page) keeps the place:
//   #/                          library
//   #/bundle/<id>/<tab>[/<sub path>][?line=N]   (sub path: the file on Files, the group on Overview)
//   #/settings
import { useEffect, useState } from 'react';

export type BundleTab = 'overview' | 'files' | 'oom' | 'notes';
export const BUNDLE_TABS: readonly BundleTab[] = ['overview', 'files', 'oom', 'notes'];

export type Route =
  | { name: 'library' }
  | { name: 'settings' }
  | { name: 'bundle'; bundleId: string; tab: BundleTab; subPath: string | null; line: number | null }
  | { name: 'not-found'; hash: string };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', query = ''] = raw.split('?', 2);
  const parts = pathPart.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { name: 'library' };
  if (parts[0] === 'settings' && parts.length === 1) return { name: 'settings' };
  if (parts[0] === 'bundle' && parts[1]) {
    const tab = (parts[2] ?? 'overview') as BundleTab;
    if (!BUNDLE_TABS.includes(tab)) return { name: 'not-found', hash };
    const subPath = parts.length > 3 ? parts.slice(3).map(safeDecode).join('/') : null;
    const lineText = new URLSearchParams(query).get('line');
    const line = lineText && /^\d+$/.test(lineText) ? Number(lineText) : null;
    return { name: 'bundle', bundleId: safeDecode(parts[1]), tab, subPath, line };
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
    case 'bundle': {
      let href = `#/bundle/${encodeURIComponent(route.bundleId)}/${route.tab}`;
      if (route.subPath) href += `/${route.subPath.split('/').map(encodeURIComponent).join('/')}`;
      if (route.line !== null) href += `?line=${route.line}`;
      return href;
    }
    case 'not-found':
      return route.hash || '#/';
  }
}

export function bundleHref(bundleId: string, tab: BundleTab = 'overview', subPath: string | null = null, line: number | null = null): string {
  return routeHref({ name: 'bundle', bundleId, tab, subPath, line });
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
