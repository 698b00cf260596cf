// What the Library shows of a bundle's stored analysis: how many OOM kills, and its worst finding.
import { SEVERITY_ORDER, type FindingDraft, type Severity } from '../../../../core';

export interface BundleSummary {
  oomEventCount: number;
  worst: { id: FindingDraft['id']; severity: Severity; scope: string } | null;
}

export function summariseAnalysis(analysis: { oomEvents: readonly unknown[]; findings: readonly Pick<FindingDraft, 'id' | 'severity' | 'scope'>[] }): BundleSummary {
  let worst: BundleSummary['worst'] = null;
  for (const f of analysis.findings) {
    if (!worst || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst.severity]) worst = { id: f.id, severity: f.severity, scope: f.scope };
  }
  return { oomEventCount: analysis.oomEvents.length, worst };
}
