import { describe, expect, it } from 'vitest';
import { summariseManifests } from './bundle-summary';

describe('summariseManifests', () => {
  it('takes the host and the earliest capture time of the manifests', () => {
    const files = [
      { formatId: 'manifest', data: { hostname: 'vm', capturedAtIso: '2026-11-22T12:09:34.782Z' } },
      { formatId: 'manifest', data: { hostname: 'vm', capturedAtIso: '2026-11-22T12:09:33.646Z' } },
      { formatId: 'kernel-log', data: { hostname: 'other' } },
    ];
    expect(summariseManifests(files)).toEqual({ host: 'vm', capturedAt: '2026-11-22T12:09:33.646Z' });
  });
  it('falls back to the node name, and to nothing', () => {
    expect(summariseManifests([{ formatId: 'manifest', data: { hostname: '', nodeName: 'node-7', capturedAtIso: null } }])).toEqual({ host: 'node-7', capturedAt: null });
    expect(summariseManifests([{ formatId: 'manifest', data: null }])).toEqual({ host: null, capturedAt: null });
  });
});
