// `oomscope report --out report.html`: the report page as one self-contained HTML file — the same
// ReportDocument the app shows, rendered with react-dom/server, its stylesheet inline, no script,
// and a Content-Security-Policy that lets the file load nothing from anywhere.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReportModel } from '../core/index';
import { ReportDocument, reportDocumentTitle } from '../renderer/src/features/report/ReportDocument';

/** Only inline styles and data: images; no script, no fetch, no font download. */
export const REPORT_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const PAGE_CSS = '@media screen { html { background: #e9ecf0; } body { margin: 0; padding: 10mm 0; } } @media print { body { margin: 0; } }';

export function reportHtml(model: ReportModel): string {
  const document = createElement(
    'html',
    { lang: model.locale },
    createElement(
      'head',
      null,
      createElement('meta', { charSet: 'utf-8' }),
      createElement('meta', { httpEquiv: 'Content-Security-Policy', content: REPORT_HTML_CSP }),
      createElement('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      createElement('meta', { name: 'generator', content: 'OOMScope' }),
      createElement('title', null, reportDocumentTitle(model)),
      createElement('style', { dangerouslySetInnerHTML: { __html: PAGE_CSS } }),
    ),
    createElement('body', null, createElement(ReportDocument, { model })),
  );
  return `<!doctype html>\n${renderToStaticMarkup(document)}\n`;
}
