import { describe, expect, it } from 'vitest';
import { reportExportHref } from './report-menu';
import { parseRoute, reportHref, routeHref } from '../../app/router';

describe('reportExportHref', () => {
  it('goes from a bundle tab to its report, asking it to print', () => {
    expect(reportExportHref('#/bundle/b1/files/dmesg.txt?line=3')).toBe('#/report/b1?export=pdf');
  });
  it('keeps the language and comparison of the report on screen', () => {
    expect(reportExportHref('#/report/b1?compare=b2%3Aafter&lang=zh-CN')).toBe('#/report/b1?compare=b2%3Aafter&lang=zh-CN&export=pdf');
  });
  it('has nowhere to go without a bundle', () => {
    expect(reportExportHref('#/')).toBeNull();
    expect(reportExportHref('#/settings')).toBeNull();
  });
});

describe('report route', () => {
  it('round-trips bundle, comparison, language and the export request', () => {
    const href = reportHref('b 1', { compare: 'b2:orphaned-shmem/before', lang: 'zh-CN', exportPdf: true });
    expect(parseRoute(href)).toEqual({ name: 'report', bundleId: 'b 1', compare: 'b2:orphaned-shmem/before', lang: 'zh-CN', exportPdf: true });
    expect(routeHref(parseRoute('#/report/b1'))).toBe('#/report/b1');
  });
  it('ignores an unknown language', () => {
    expect(parseRoute('#/report/b1?lang=fr')).toEqual({ name: 'report', bundleId: 'b1', compare: null, lang: null, exportPdf: false });
  });
});
