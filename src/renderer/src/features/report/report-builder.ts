// What the report worker does, as a plain async function (tested in Node): analyse when no stored
// analysis is current, name each note's target, build the report once to learn which lines it
// cites, read just those lines from the stored Blobs, and build it again with them.
import {
  analyzeBundle,
  buildReport,
  compareForReport,
  localizeFinding,
  noteTargetLabel,
  noteTargetLines,
  translator,
  walkGroups,
  type BundleAnalysis,
  type LineReader,
  type Locale,
  type Note,
  type NoteTargetNames,
  type ReportModel,
  type ReportNoteInput,
} from '../../../../core';
import { lineReaderFrom, readBlobLines, type LineRange } from '../findings/excerpts';
import { groupLabel } from '../bundle/overview/group-label';
import type { ReportRequest, ReportSnapshotChoice } from './report-protocol';

/** Targets named as the app names them (Notes tab, Overview), in the report's language. */
function targetNames(analysis: BundleAnalysis, locale: Locale): NoteTargetNames {
  const t = translator(locale);
  return {
    snapshot: (id) => analysis.snapshots.find((s) => s.id === id)?.label,
    group: (snapshotId, key) => {
      for (const s of analysis.snapshots) {
        if (snapshotId !== null && s.id !== snapshotId) continue;
        for (const g of walkGroups(s.groups)) {
          if (g.key !== key) continue;
          const label = groupLabel(g);
          return t(label.key, label.params);
        }
      }
      return undefined;
    },
    finding: (findingId, scopeKey) => {
      const draft = analysis.findings.find((f) => f.id === findingId && f.scopeKey === scopeKey);
      return draft ? `${localizeFinding(draft, locale, () => null).title} — ${draft.scope}` : undefined;
    },
  };
}

export function reportNoteInputs(notes: readonly Note[], analysis: BundleAnalysis, locale: Locale): ReportNoteInput[] {
  const t = translator(locale);
  const names = targetNames(analysis, locale);
  return notes.map((n) => ({ targetLabel: noteTargetLabel(n.target, t, names), markdown: n.markdown, updatedAt: n.updatedAt, lines: noteTargetLines(n.target) }));
}

export interface BuiltReport {
  model: ReportModel;
  /** This bundle's snapshots with memory figures, for the "compare with" choice. */
  snapshots: ReportSnapshotChoice[];
}

export async function buildReportFromRequest(request: ReportRequest): Promise<BuiltReport> {
  const analysis = request.analysis ?? analyzeBundle(request.files.map(({ path, formatId, data }) => ({ path, formatId, data })));
  const noLines: LineReader = () => null;
  let comparison = null;
  if (request.compare) {
    const c = request.compare;
    const baseline = c.analysis ?? analyzeBundle(c.files);
    // Only finding titles of the two sides are shown: no excerpts needed.
    comparison = compareForReport({ analysis: baseline, readLines: noLines, snapshotId: c.snapshotId, label: c.title }, { analysis, readLines: noLines, snapshotId: null, label: '' }, request.locale);
  }
  const input = {
    bundle: request.bundle,
    analysis,
    notes: reportNoteInputs(request.notes, analysis, request.locale),
    comparison,
    files: request.files.map(({ path, formatId, sizeBytes, sha256, data }) => ({ path, formatId, sizeBytes, sha256, data: formatId === 'manifest' ? data : undefined })),
    locale: request.locale,
    generatedAt: request.generatedAt,
  };
  const wanted = new Map<string, LineRange[]>();
  buildReport({
    ...input,
    readLines: (file, lineStart, lineEnd) => {
      const list = wanted.get(file) ?? [];
      list.push({ lineStart, lineEnd });
      wanted.set(file, list);
      return null;
    },
  });
  const cache = new Map<string, Map<number, string>>();
  for (const [path, ranges] of wanted) {
    const blob = request.files.find((f) => f.path === path)?.blob;
    if (blob) cache.set(path, await readBlobLines(blob, ranges));
  }
  const model = buildReport({ ...input, readLines: lineReaderFrom(cache) });
  const snapshots = analysis.snapshots.filter((s) => s.groups.length > 0).map((s) => ({ id: s.id, label: s.label }));
  return { model, snapshots };
}
