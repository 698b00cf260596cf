// From parsed files to the answer: snapshots, OOM events, findings and headlines for one bundle.
// The same function serves the import worker, the CLI and the report.
import type { KernelLogData } from '../formats/kernel-log/oom-types';
import { assembleSnapshots } from '../assemble/assemble-snapshots';
import type { Snapshot } from '../model/snapshot';
import { headlineForOomEvent, headlineForSnapshots, type Headline } from '../model/headline';
import type { FindingDraft, LocatedOomEvent, WorkloadFact } from '../rules/rule';
import { deriveWorkloadFacts } from './workload-facts';
import { collapseAcrossSnapshots, evaluateRules } from '../rules/run-rules';
import { snapshotOfEvent } from '../rules/oom-facts';

export interface AnalysisFile {
  path: string;
  formatId: string;
  data: unknown;
}

export interface BundleAnalysis {
  snapshots: Snapshot[];
  oomEvents: LocatedOomEvent[];
  /** Per snapshot (what a diff compares). */
  findingsBySnapshot: FindingDraft[];
  /** One per rule and group for the whole bundle, most severe first. */
  findings: (FindingDraft & { snapshotIds: string[] })[];
  /** The answer: for the last OOM event if any, else for the snapshot closest to its limit. */
  headline: Headline | null;
  /** One headline per OOM event, in event order. */
  eventHeadlines: Headline[];
  /** What the Kubernetes/runtime/JVM files say about the workloads (statuses, evictions, limits, heaps). */
  workloadFacts?: WorkloadFact[];
  ruleFailures: { ruleId: string; message: string }[];
}

export function oomEventsOf(files: readonly AnalysisFile[]): LocatedOomEvent[] {
  const events: LocatedOomEvent[] = [];
  for (const f of files) {
    if (f.formatId !== 'kernel-log' || f.data === null || typeof f.data !== 'object') continue;
    const data = f.data as KernelLogData;
    for (const event of data.oomEvents ?? []) events.push({ file: f.path, event });
  }
  return events;
}

/** The same report often sits in dmesg.txt and dmesg-T.txt of one capture: keep one of each. */
export function dedupeOomEvents(events: readonly LocatedOomEvent[]): LocatedOomEvent[] {
  const seen = new Set<string>();
  const out: LocatedOomEvent[] = [];
  for (const located of events) {
    const e = located.event;
    const folder = located.file.includes('/') ? located.file.slice(0, located.file.lastIndexOf('/')) : '';
    // The line range keeps two different reports of one file apart even when both were cut before
    // naming anything; dmesg.txt and dmesg-T.txt of one capture hold the same report at the same lines.
    const key = [folder, e.lines.start, e.lines.end, e.victim?.pid ?? '', e.victim?.comm ?? '', e.trigger?.pid ?? '', e.memcg?.usageBytes ?? '', e.oomMemcg ?? ''].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(located);
  }
  return out;
}

export function analyzeBundle(files: readonly AnalysisFile[]): BundleAnalysis {
  const snapshots = assembleSnapshots([...files]);
  const workloadFacts = deriveWorkloadFacts(files);
  const oomEvents = dedupeOomEvents(oomEventsOf(files));
  const run = evaluateRules({ snapshots, oomEvents, workloadFacts });
  const findings = collapseAcrossSnapshots(
    run.drafts,
    snapshots.map((s) => s.id),
  );
  const eventHeadlines = oomEvents.map((l) => headlineForOomEvent(l.event, l.file, snapshotOfEvent(snapshots, l)));
  const headline = eventHeadlines[eventHeadlines.length - 1] ?? headlineForSnapshots(snapshots);
  return { snapshots, oomEvents, findingsBySnapshot: run.drafts, findings, headline, eventHeadlines, workloadFacts, ruleFailures: run.failures };
}
