// Incident report texts (English): the report route, the PDF and the CLI's Markdown.
export const reportEn = {
  'report.title': 'Incident report',
  'report.answer': 'The answer',
  'report.findings': 'Findings',
  'report.noFindings': 'No rule fired on this bundle.',
  'report.snapshots': 'Snapshots',
  'report.files': 'Imported files',
  'report.evidence': 'Evidence',
  'report.advice': 'What to do',
  'report.findings.new': 'new',
  'report.findings.resolved': 'resolved',
  'report.findings.persisting': 'persisting',
} as const;
