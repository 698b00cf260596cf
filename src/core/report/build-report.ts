// Builds the incident report's content (report-model.ts) from one bundle's analysis: the cover, the
// answer in one paragraph, the timeline, the breakdown bars, the OOM events, the findings with their
// evidence lines, the comparison, the notes and the file list. The same data feeds the app's report
// page (and its PDF) and the CLI's `oomscope report`.
import type { BundleAnalysis } from '../analyze/analyze-bundle';
import type { ManifestData } from '../formats/collector/manifest';
import { hasMessage, translate, type Locale, type MessageKey } from '../i18n/translate';
import { groupDisplayName } from '../model/memory-group';
import { renderHeadline } from '../model/headline-text';
import { walkGroups } from '../model/memory-group';
import type { EvidenceRef } from '../rules/rule';
import { localizeFinding, type LineReader } from '../rules/run-rules';
import { answerGroup, eventChart, snapshotChart } from './report-charts';
import { reportComparison, type ComparisonInput } from './report-comparison';
import type { ReportAnswer, ReportChart, ReportCover, ReportFile, ReportFinding, ReportModel, ReportNote } from './report-model';
import { eventTimeText, readEvidence, reportOomEvent } from './report-oom';
import { buildTimeline } from './report-timeline';

export interface ReportBundleMeta {
  title: string;
  host: string | null;
  tags: readonly string[];
  /** The incident status (`open`, `explained`, `closed`), null when not tracked. */
  status: string | null;
  /** The engineer's conclusion (Markdown), '' when not written. */
  conclusion: string;
  author: string | null;
}

/** A note as the report needs it; `lines` for a note on lines of a bundle file. */
export interface ReportNoteInput {
  targetLabel: string;
  markdown: string;
  updatedAt: string;
  lines?: EvidenceRef | null;
}

export interface ReportFileInput {
  path: string;
  formatId: string;
  sizeBytes: number;
  sha256: string;
  /** The parse result; only collector manifests are read (cluster, node, kernel). */
  data?: unknown;
}

export interface BuildReportInput {
  bundle: ReportBundleMeta;
  analysis: BundleAnalysis;
  /** Reads the cited lines of a bundle file for evidence excerpts. */
  readLines: LineReader;
  notes: readonly ReportNoteInput[];
  comparison: ComparisonInput | null;
  files: readonly ReportFileInput[];
  locale: Locale;
  /** ISO 8601. */
  generatedAt: string;
}

/** Most severe findings named in the answer paragraph. */
const ANSWER_FINDINGS = 3;

function manifests(files: readonly ReportFileInput[]): ManifestData[] {
  return files.filter((f) => f.formatId === 'manifest' && typeof f.data === 'object' && f.data !== null).map((f) => f.data as ManifestData);
}

function firstString(values: readonly unknown[]): string | null {
  for (const v of values) if (typeof v === 'string' && v.trim() !== '') return v.trim();
  return null;
}

/** The incident status as the app names it (`incident.status.<status>`), else as given. */
function statusLabel(status: string | null, locale: Locale): string | null {
  if (status === null || status === '') return null;
  const key = `incident.status.${status}`;
  return hasMessage(key) ? translate(locale, key) : status;
}

function buildCover(input: BuildReportInput): ReportCover {
  const { analysis, bundle, files } = input;
  const m = manifests(files);
  const pods: string[] = [];
  const answerSnapshot = analysis.snapshots.find((s) => s.id === analysis.headline?.snapshotId);
  const answer = answerSnapshot ? answerGroup(answerSnapshot, analysis.headline?.scopeKey ?? null) : null;
  if (answer?.role === 'pod') pods.push(groupDisplayName(answer));
  for (const s of analysis.snapshots) for (const g of walkGroups(s.groups)) if (g.role === 'pod' && !pods.includes(groupDisplayName(g))) pods.push(groupDisplayName(g));
  const times = analysis.snapshots.map((s) => s.capturedAt).filter((t): t is string => t !== null).sort();
  return {
    title: bundle.title,
    cluster: firstString(m.map((x) => x.extra['cluster'] ?? x.extra['clusterName'])),
    node: firstString([...m.map((x) => x.nodeName), ...m.map((x) => x.hostname), bundle.host, ...analysis.snapshots.map((s) => s.host)]),
    pods,
    kernel: firstString([...m.map((x) => x.kernel), ...analysis.snapshots.map((s) => s.kernelRelease)]),
    timeFrom: times[0] ?? null,
    timeTo: times[times.length - 1] ?? null,
    author: bundle.author?.trim() ? bundle.author.trim() : null,
    tags: [...bundle.tags],
    status: statusLabel(bundle.status, input.locale),
    fileCount: files.length,
    snapshotCount: analysis.snapshots.length,
    oomEventCount: analysis.oomEvents.length,
  };
}

function buildAnswer(input: BuildReportInput, findings: readonly ReportFinding[]): ReportAnswer {
  const h = input.analysis.headline;
  const top: string[] = [];
  for (const f of findings) {
    if (top.length >= ANSWER_FINDINGS || f.severity === 'info') break;
    const text = `${f.title} — ${f.scope}`;
    if (!top.includes(text)) top.push(text);
  }
  return {
    headline: renderHeadline(h, input.locale),
    topFindings: top,
    conclusion: input.bundle.conclusion.trim(),
    usageBytes: h?.usageBytes ?? null,
    limitBytes: h?.limitBytes ?? null,
    victim: h?.victim ? `${h.victim.comm} (pid ${h.victim.pid})` : null,
  };
}

function buildCharts(input: BuildReportInput): ReportChart[] {
  const { analysis, locale } = input;
  const scopeKey = analysis.headline?.scopeKey ?? null;
  const charts: ReportChart[] = [];
  for (const s of analysis.snapshots) {
    const group = answerGroup(s, scopeKey);
    if (group && (group.usageBytes !== null || group.breakdown.anonBytes !== null)) charts.push(snapshotChart(s, group, groupDisplayName(group), locale));
  }
  analysis.eventHeadlines.forEach((h, i) => {
    const located = analysis.oomEvents[i];
    if (!located || h.parts.length === 0) return;
    const chart = eventChart(h, i, eventTimeText(located.event, locale), locale);
    // Just before the capture whose kernel log recorded it: where the kill sits in time.
    const owner = analysis.snapshots.findIndex((s) => s.files.includes(located.file));
    const at = owner < 0 ? charts.length : charts.findIndex((c) => c.id === `snapshot:${analysis.snapshots[owner]?.id}`);
    charts.splice(at < 0 ? charts.length : at, 0, chart);
  });
  return charts;
}

function buildFindings(input: BuildReportInput): ReportFinding[] {
  const { analysis, locale, readLines } = input;
  const labelOf = new Map(analysis.snapshots.map((s) => [s.id, s.label]));
  return analysis.findings.map((draft) => {
    const f = localizeFinding(draft, locale, readLines);
    return {
      id: f.id,
      severity: f.severity,
      severityLabel: translate(locale, `finding.severity.${f.severity}` as MessageKey),
      title: f.title,
      scope: f.scope,
      seenIn: draft.snapshotIds.map((id) => labelOf.get(id) ?? id),
      summary: f.summary,
      advice: f.advice,
      evidence: f.evidence.map((e) => ({ file: e.file, lineStart: e.lineStart, lineEnd: e.lineEnd, excerpt: e.excerpt })),
    };
  });
}

function buildNotes(input: BuildReportInput): ReportNote[] {
  return [...input.notes]
    .sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0))
    .map((n) => ({ targetLabel: n.targetLabel, markdown: n.markdown, updatedAt: n.updatedAt, evidence: n.lines ? readEvidence(n.lines, input.readLines) : null }));
}

function buildFiles(input: BuildReportInput): ReportFile[] {
  return [...input.files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => {
      const key = `format.${f.formatId}`;
      return { path: f.path, formatId: f.formatId, formatLabel: hasMessage(key) ? translate(input.locale, key) : f.formatId, sizeBytes: f.sizeBytes, sha256: f.sha256 };
    });
}

export function buildReport(input: BuildReportInput): ReportModel {
  const { analysis, locale, readLines } = input;
  const findings = buildFindings(input);
  const oomEvents = analysis.oomEvents.map((located, i) => reportOomEvent(located, analysis.eventHeadlines[i] ?? null, locale, readLines));
  const notes = buildNotes(input);
  const files = buildFiles(input);
  return {
    locale,
    generatedAt: input.generatedAt,
    cover: buildCover(input),
    answer: buildAnswer(input, findings),
    timeline: buildTimeline({ snapshots: analysis.snapshots, oomEvents: analysis.oomEvents, oomModels: oomEvents, notes, scopeKey: analysis.headline?.scopeKey ?? null, locale }),
    charts: buildCharts(input),
    oomEvents,
    findings,
    comparison: input.comparison ? reportComparison(input.comparison, locale) : null,
    notes,
    appendix: { files, totalBytes: files.reduce((sum, f) => sum + f.sizeBytes, 0) },
  };
}
