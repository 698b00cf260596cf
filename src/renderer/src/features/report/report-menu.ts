// File → Export Report PDF… (menu command `print-report`): from a bundle or its report, go to the
// report with ?export=pdf, and the report page prints itself once it is built.
import { parseRoute, reportHref } from '../../app/router';

/** Where the menu command goes from the current hash; null when no bundle is open. */
export function reportExportHref(hash: string): string | null {
  const route = parseRoute(hash);
  if (route.name === 'report') return reportHref(route.bundleId, { compare: route.compare, lang: route.lang, exportPdf: true });
  if (route.name === 'bundle') return reportHref(route.bundleId, { exportPdf: true });
  return null;
}
