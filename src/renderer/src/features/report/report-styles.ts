// The report's own stylesheet, carried inside ReportDocument (one <style> element), so the app's
// preview, its printToPDF, a browser's print and the CLI's self-contained HTML look the same.
// Every rule is scoped to `.report` except the page box (A4 and its margins).
// Colours are fixed (a printed report has no dark theme); fonts are the machine's own, with a CJK
// face for Chinese (fonts-noto-cjk on Linux, PingFang on macOS, Microsoft YaHei on Windows).
import { REPORT_PAGE_MARGIN_MM } from '../../../../shared/report-print';

export const REPORT_FONT_LATIN = "'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans'";
export const REPORT_FONT_CJK = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei'";
export const REPORT_FONT_MONO = "'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace";

const m = REPORT_PAGE_MARGIN_MM;

export const REPORT_CSS = `
@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
.report {
  --r-text: #1d2129; --r-muted: #596270; --r-faint: #8a929e; --r-border: #d6dae1; --r-sunken: #f3f5f8;
  --r-accent: #2f6fdf; --r-critical: #c8332b; --r-warning: #a86100; --r-info: #2f6fdf;
  font-family: ${REPORT_FONT_LATIN}, ${REPORT_FONT_CJK}, sans-serif;
  color: var(--r-text); background: #fff; font-size: 10pt; line-height: 1.45;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
  text-align: left;
}
.report:lang(zh-CN) { font-family: ${REPORT_FONT_CJK}, ${REPORT_FONT_LATIN}, sans-serif; }
.report * { box-sizing: border-box; }
.report h1, .report h2, .report h3, .report h4 { line-height: 1.25; margin: 0; break-after: avoid; page-break-after: avoid; }
.report h1 { font-size: 20pt; margin: 4mm 0 5mm; }
.report h2 { font-size: 14pt; margin: 8mm 0 3mm; padding-bottom: 1.5mm; border-bottom: 1.5pt solid var(--r-text); }
.report h3 { font-size: 11pt; margin: 4mm 0 2mm; }
.report h4 { font-size: 9.5pt; margin: 3mm 0 1.5mm; color: var(--r-muted); }
.report p { margin: 0 0 2mm; }
.report ul { margin: 0 0 2mm; padding-left: 5mm; }
.report .r-muted { color: var(--r-muted); }
.report .r-num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.report .r-mono { font-family: ${REPORT_FONT_MONO}; font-size: 8pt; }
.report .r-avoid-break { break-inside: avoid; page-break-inside: avoid; }

/* Cover: the first page holds who/where/when and the answer. */
.report .r-cover { break-after: page; page-break-after: always; }
.report .r-brand { display: flex; justify-content: space-between; font-size: 9pt; color: var(--r-muted); border-bottom: 1pt solid var(--r-border); padding-bottom: 2mm; }
.report .r-facts { width: 100%; border-collapse: collapse; margin: 0 0 6mm; }
.report .r-facts th { width: 32mm; text-align: left; font-weight: 600; color: var(--r-muted); padding: 1.2mm 3mm 1.2mm 0; vertical-align: top; }
.report .r-facts td { padding: 1.2mm 0; vertical-align: top; overflow-wrap: anywhere; }
.report .r-facts tr + tr th, .report .r-facts tr + tr td { border-top: 0.5pt solid var(--r-border); }
.report .r-answer { border: 1pt solid var(--r-border); border-left: 3pt solid var(--r-critical); background: var(--r-sunken); padding: 4mm 5mm; break-inside: avoid; page-break-inside: avoid; }
.report .r-answer h2 { border: none; margin: 0 0 2mm; padding: 0; font-size: 12pt; }
.report .r-headline { font-size: 12pt; font-weight: 600; margin: 0 0 3mm; }
.report .r-figures { display: flex; gap: 8mm; margin: 0 0 3mm; flex-wrap: wrap; }
.report .r-figure span { display: block; font-size: 8pt; color: var(--r-muted); }
.report .r-figure strong { font-size: 13pt; }
.report .r-tag { display: inline-block; border: 0.5pt solid var(--r-border); border-radius: 2mm; padding: 0 2mm; margin: 0 1mm 0.5mm 0; font-size: 8.5pt; }

/* Tables */
.report table.r-table { width: 100%; border-collapse: collapse; font-size: 9pt; margin: 0 0 3mm; }
.report .r-table thead { display: table-header-group; }
.report .r-table th { text-align: left; font-weight: 600; color: var(--r-muted); border-bottom: 1pt solid var(--r-text); padding: 1mm 2mm 1mm 0; }
.report .r-table td { border-bottom: 0.5pt solid var(--r-border); padding: 1mm 2mm 1mm 0; vertical-align: top; }
.report .r-table tr { break-inside: avoid; page-break-inside: avoid; }
.report .r-table .r-right { text-align: right; }
.report .r-table tr.r-victim td { font-weight: 600; }
.report .r-kind { display: inline-block; min-width: 14mm; font-size: 8pt; color: var(--r-muted); }
.report .r-kind-oom { color: var(--r-critical); font-weight: 600; }
.report .r-kind-note { color: var(--r-accent); font-weight: 600; }
.report .r-files { table-layout: fixed; }
.report .r-files td { font-size: 7.5pt; padding-top: 0.6mm; padding-bottom: 0.6mm; overflow-wrap: anywhere; }
.report .r-files tr.r-dir td { font-family: ${REPORT_FONT_MONO}; font-size: 7pt; color: var(--r-muted); padding-top: 2mm; border-bottom: none; word-break: break-all; }
.report .r-files td.r-indent { padding-left: 3mm; }
.report .r-files .r-sha { font-family: ${REPORT_FONT_MONO}; font-size: 6.5pt; line-height: 1.3; white-space: nowrap; padding-right: 0; }

/* Charts */
.report .r-chart { width: 100%; height: auto; display: block; break-inside: avoid; page-break-inside: avoid; margin: 0 0 2mm; }
.report .r-chart text { font-family: inherit; }
.report .r-legend { display: flex; flex-wrap: wrap; gap: 1.5mm 5mm; list-style: none; padding: 0; margin: 0 0 3mm; font-size: 8.5pt; break-inside: avoid; page-break-inside: avoid; }
.report .r-legend li { display: flex; align-items: center; gap: 1.5mm; }
.report .r-legend svg { flex: none; }

/* Findings, OOM events, notes: cards that do not split across pages when they fit on one. */
.report .r-card { border: 0.75pt solid var(--r-border); border-left: 3pt solid var(--r-border); padding: 3mm 4mm; margin: 0 0 4mm; break-inside: avoid; page-break-inside: avoid; }
.report .r-card.r-critical { border-left-color: var(--r-critical); }
.report .r-card.r-warning { border-left-color: var(--r-warning); }
.report .r-card.r-info { border-left-color: var(--r-info); }
.report .r-card h3 { margin-top: 0; }
.report .r-card h3::first-letter { text-transform: uppercase; }
.report .r-severity { display: inline-block; font-size: 7.5pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; color: #fff; border-radius: 1mm; padding: 0.3mm 1.5mm; margin-right: 2mm; vertical-align: 1pt; }
.report .r-severity.r-critical { background: var(--r-critical); }
.report .r-severity.r-warning { background: var(--r-warning); }
.report .r-severity.r-info { background: var(--r-info); }
.report .r-scope { font-size: 8.5pt; color: var(--r-muted); margin: 0 0 2mm; overflow-wrap: anywhere; }
.report .r-advice { border-left: 1.5pt solid var(--r-accent); padding-left: 3mm; margin: 2mm 0; }
.report .r-advice strong { display: block; font-size: 8.5pt; color: var(--r-muted); }
.report figure.r-evidence { margin: 2mm 0 0; break-inside: avoid; page-break-inside: avoid; }
.report .r-evidence figcaption { font-size: 8pt; color: var(--r-muted); margin: 0 0 0.5mm; overflow-wrap: anywhere; }
.report .r-evidence pre {
  margin: 0; padding: 1.5mm 2mm; background: var(--r-sunken); border: 0.5pt solid var(--r-border);
  font-family: ${REPORT_FONT_MONO}; font-size: 7.5pt; line-height: 1.35;
  white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-all;
}
.report .r-evidence .r-line { display: block; min-height: 1.35em; }
.report .r-evidence .r-ln { display: inline-block; text-indent: 0; color: var(--r-faint); user-select: none; }
.report .r-markdown { margin: 1mm 0 0; overflow-wrap: anywhere; }
.report .r-markdown p { margin: 0 0 1.5mm; }
.report .r-markdown blockquote { margin: 0 0 1.5mm; padding-left: 3mm; border-left: 1.5pt solid var(--r-border); color: var(--r-muted); }
.report .r-markdown hr { border: none; border-top: 0.5pt solid var(--r-border); }
.report .r-md-code { font-family: ${REPORT_FONT_MONO}; font-size: 7.5pt; background: var(--r-sunken); padding: 1.5mm 2mm; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 1.5mm; }
.report .r-md-code-span { font-family: ${REPORT_FONT_MONO}; font-size: 0.9em; background: var(--r-sunken); padding: 0 0.5mm; }
.report .r-footer { margin-top: 8mm; font-size: 8pt; color: var(--r-muted); border-top: 0.5pt solid var(--r-border); padding-top: 2mm; }

@media screen {
  .report { width: 210mm; max-width: 100%; margin: 0 auto; padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
  .report .r-cover { border-bottom: 1pt dashed var(--r-border); padding-bottom: 8mm; margin-bottom: 4mm; }
}
@media print {
  html, body { background: #fff !important; }
  .report { width: auto; margin: 0; padding: 0; box-shadow: none; }
}
`;
