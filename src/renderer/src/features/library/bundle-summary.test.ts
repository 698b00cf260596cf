import { describe, expect, it } from 'vitest';
import { summariseAnalysis } from './bundle-summary';

describe('summariseAnalysis', () => {
  it('counts the OOM events and keeps the first most severe finding', () => {
    const s = summariseAnalysis({
      oomEvents: [{}, {}],
      findings: [
        { id: 'process-rss-gap', severity: 'info', scope: 'p' },
        { id: 'oom-kill-memcg', severity: 'critical', scope: 'pod' },
        { id: 'shmem-orphaned', severity: 'critical', scope: 'pod' },
      ],
    });
    expect(s).toEqual({ oomEventCount: 2, worst: { id: 'oom-kill-memcg', severity: 'critical', scope: 'pod' } });
  });
  it('has no worst finding when no rule fired', () => {
    expect(summariseAnalysis({ oomEvents: [], findings: [] }).worst).toBeNull();
  });
});
