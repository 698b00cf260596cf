// The report's timeline: snapshot captures in time order, each OOM kill just before the capture whose
// kernel log first recorded it (a dmesg stamp is seconds since boot, not a date), and each note on
// lines of a file beside the kill or capture those lines belong to.
import { formatBytes, formatPercent } from '../model/units';
import type { Snapshot } from '../model/snapshot';
import { groupDisplayName } from '../model/memory-group';
import { translate, type Locale } from '../i18n/translate';
import type { LocatedOomEvent } from '../rules/rule';
import { answerGroup } from './report-charts';
import type { ReportNote, ReportOomEvent, ReportTimelineEntry } from './report-model';
import { formatReportTime } from './report-time';

export interface TimelineInput {
  snapshots: readonly Snapshot[];
  oomEvents: readonly LocatedOomEvent[];
  oomModels: readonly ReportOomEvent[];
  notes: readonly ReportNote[];
  scopeKey: string | null;
  locale: Locale;
}

function snapshotEntry(s: Snapshot, scopeKey: string | null, locale: Locale): ReportTimelineEntry {
  const group = answerGroup(s, scopeKey);
  let detail = translate(locale, 'report.timeline.snapshotNoGroup');
  if (group) {
    const limit = group.limitBytes !== null ? formatBytes(group.limitBytes) : translate(locale, 'metric.unlimited');
    const share = group.usageBytes !== null && group.limitBytes ? ` (${formatPercent(group.usageBytes, group.limitBytes)})` : '';
    detail = `${translate(locale, 'report.timeline.snapshotUsage', { scope: groupDisplayName(group), usage: formatBytes(group.usageBytes), limit })}${share}`;
  }
  return {
    kind: 'snapshot',
    at: s.capturedAt,
    timeText: s.capturedAt ? formatReportTime(s.capturedAt) : translate(locale, 'report.timeline.noTime'),
    title: translate(locale, 'report.timeline.snapshot', { label: s.label }),
    detail,
  };
}

function noteEntry(note: ReportNote, at: string | null, timeText: string, locale: Locale): ReportTimelineEntry {
  const firstLine = note.markdown.split('\n').find((l) => l.trim() !== '') ?? '';
  return { kind: 'note', at, timeText, title: translate(locale, 'report.timeline.note', { target: note.targetLabel }), detail: firstLine.trim() };
}

export function buildTimeline(input: TimelineInput): ReportTimelineEntry[] {
  const { snapshots, oomEvents, oomModels, notes, scopeKey, locale } = input;
  const lineNotes = notes.filter((n) => n.evidence !== null);
  const used = new Set<ReportNote>();
  const notesIn = (file: string, start: number, end: number) => lineNotes.filter((n) => !used.has(n) && n.evidence?.file === file && n.evidence.lineStart <= end && n.evidence.lineEnd >= start);

  const eventEntries = oomModels.map((m, i) => {
    const entry: ReportTimelineEntry = {
      kind: 'oom',
      at: null,
      timeText: m.timeText,
      title: m.victim ? translate(locale, 'report.timeline.oom', { victim: m.victim.comm, pid: m.victim.pid }) : translate(locale, 'report.timeline.oomNoVictim'),
      detail: m.verdict,
    };
    const attached = notesIn(m.file, m.lineStart, m.lineEnd);
    attached.forEach((n) => used.add(n));
    return { entry, notes: attached.map((n) => noteEntry(n, null, m.timeText, locale)), owner: snapshots.find((s) => s.files.includes(oomEvents[i]?.file ?? '')) ?? null };
  });

  const out: ReportTimelineEntry[] = [];
  for (const s of snapshots) {
    for (const e of eventEntries) if (e.owner === s) out.push(e.entry, ...e.notes);
    const entry = snapshotEntry(s, scopeKey, locale);
    out.push(entry);
    const attached = lineNotes.filter((n) => !used.has(n) && s.files.includes(n.evidence?.file ?? ''));
    attached.forEach((n) => used.add(n));
    out.push(...attached.map((n) => noteEntry(n, s.capturedAt, entry.timeText, locale)));
  }
  for (const e of eventEntries) if (e.owner === null) out.push(e.entry, ...e.notes);
  return out;
}
