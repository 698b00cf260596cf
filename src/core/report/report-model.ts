// The incident report as plain data (product.md "Export"): everything the report page, the PDF and
// the CLI's HTML show, already in the chosen language, with the raw numbers beside the texts so a
// chart can draw them. Built by build-report.ts from one bundle's analysis; rendered by ReportDocument.
import type { Locale } from '../i18n/translate';
import type { Severity } from '../rules/rule';

export interface ReportModel {
  locale: Locale;
  /** ISO 8601 (UTC) of when the report was made. */
  generatedAt: string;
  cover: ReportCover;
  answer: ReportAnswer;
  timeline: ReportTimelineEntry[];
  charts: ReportChart[];
  oomEvents: ReportOomEvent[];
  findings: ReportFinding[];
  comparison: ReportComparison | null;
  notes: ReportNote[];
  appendix: ReportAppendix;
}

export interface ReportCover {
  title: string;
  /** From a collector manifest (`cluster`), when one says. */
  cluster: string | null;
  /** Kubernetes node name, else host name. */
  node: string | null;
  /** `namespace/name` of every pod in the bundle, the one the answer is about first. */
  pods: string[];
  kernel: string | null;
  /** Earliest and latest capture time (ISO 8601), null when no file says. */
  timeFrom: string | null;
  timeTo: string | null;
  author: string | null;
  tags: string[];
  status: string | null;
  fileCount: number;
  snapshotCount: number;
  oomEventCount: number;
}

export interface ReportAnswer {
  /** renderHeadline: the answer in one sentence. */
  headline: string;
  /** Titles (with scope) of the most severe findings. */
  topFindings: string[];
  /** The engineer's own conclusion (Markdown source, shown as text). */
  conclusion: string;
  usageBytes: number | null;
  limitBytes: number | null;
  victim: string | null;
}

export type ReportTimelineKind = 'snapshot' | 'oom' | 'note';

export interface ReportTimelineEntry {
  kind: ReportTimelineKind;
  /** ISO 8601 when known; else null and `timeText` says what the input gives (seconds since boot). */
  at: string | null;
  timeText: string;
  title: string;
  detail: string;
}

export type ReportChartCategory = 'anon' | 'shmem' | 'fileCache' | 'kernel' | 'other' | 'headroom';

export interface ReportChartPart {
  category: ReportChartCategory;
  bytes: number;
  label: string;
}

/** One bar: the answer's group in one snapshot (or at one OOM kill), its parts against its limit. */
export interface ReportChart {
  id: string;
  /** Snapshot label, or "at the kill". */
  title: string;
  at: string | null;
  scope: string;
  usageBytes: number | null;
  limitBytes: number | null;
  /** Largest part first; `headroom` (limit − usage) last. Sums to max(usage, limit) where both are known. */
  parts: ReportChartPart[];
}

export interface ReportEvidence {
  file: string;
  lineStart: number;
  lineEnd: number;
  /** The cited lines only (at most 40). */
  excerpt: string;
}

export interface ReportTask {
  pid: number;
  name: string;
  rssBytes: number | null;
  oomScoreAdj: number | null;
  line: number;
  isVictim: boolean;
}

export interface ReportOomEvent {
  file: string;
  lineStart: number;
  lineEnd: number;
  kindLabel: string;
  timeText: string;
  verdict: string;
  scope: string | null;
  usageBytes: number | null;
  limitBytes: number | null;
  failcnt: number | null;
  victim: { comm: string; pid: number; anonRssBytes: number | null; fileRssBytes: number | null; shmemRssBytes: number | null; oomScoreAdj: number | null } | null;
  /** The task table's largest tasks by RSS (at most 10), the victim marked. */
  topTasks: ReportTask[];
  taskCount: number;
  /** Key lines of the report: invocation, usage, stats header, the kill. */
  evidence: ReportEvidence[];
  missing: string | null;
}

export interface ReportFinding {
  id: string;
  severity: Severity;
  severityLabel: string;
  title: string;
  scope: string;
  /** Labels of the snapshots it was seen in. */
  seenIn: string[];
  summary: string;
  advice: string;
  evidence: ReportEvidence[];
}

export interface ReportComparison {
  beforeLabel: string;
  afterLabel: string;
  scope: string | null;
  usageBeforeBytes: number | null;
  usageAfterBytes: number | null;
  usageDeltaBytes: number | null;
  explanation: { text: string; deltaBytes: number }[];
  notes: string[];
  findings: { new: string[]; resolved: string[]; persisting: string[] };
}

export interface ReportNote {
  targetLabel: string;
  markdown: string;
  updatedAt: string;
  /** For a note on lines of a file: those lines. */
  evidence: ReportEvidence | null;
}

export interface ReportFile {
  path: string;
  formatId: string;
  formatLabel: string;
  sizeBytes: number;
  sha256: string;
}

export interface ReportAppendix {
  files: ReportFile[];
  totalBytes: number;
}
