import { describe, expect, it } from 'vitest';
import { bundleHref, parseRoute, routeHref } from './router';

describe('hash routes', () => {
  it('reads the library, settings and unknown places', () => {
    expect(parseRoute('')).toEqual({ name: 'library' });
    expect(parseRoute('#/')).toEqual({ name: 'library' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'not-found', hash: '#/nowhere' });
    expect(parseRoute('#/bundle/b1/report')).toEqual({ name: 'not-found', hash: '#/bundle/b1/report' });
  });

  it('reads a bundle tab with a file path and a line', () => {
    expect(parseRoute('#/bundle/b1')).toEqual({ name: 'bundle', bundleId: 'b1', tab: 'overview', subPath: null, line: null });
    expect(parseRoute('#/bundle/b1/files/lab/during/memory.stat?line=26')).toEqual({
      name: 'bundle',
      bundleId: 'b1',
      tab: 'files',
      subPath: 'lab/during/memory.stat',
      line: 26,
    });
    expect(parseRoute('#/bundle/b1/files/x?line=abc')).toMatchObject({ line: null });
  });

  it('round-trips paths with spaces, %, # and Chinese', () => {
    const path = '现场 capture/50% #2/memory.stat';
    const href = bundleHref('b 1', 'files', path, 3);
    expect(parseRoute(href)).toEqual({ name: 'bundle', bundleId: 'b 1', tab: 'files', subPath: path, line: 3 });
  });

  it('survives malformed escapes', () => {
    expect(parseRoute('#/bundle/b1/files/%E0%A4%A')).toMatchObject({ subPath: '%E0%A4%A' });
  });

  it('writes the library and settings routes', () => {
    expect(routeHref({ name: 'library' })).toBe('#/');
    expect(routeHref({ name: 'settings' })).toBe('#/settings');
  });
});
