import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, withIncidentFields } from './schema';

describe('schema version 3 (notes, incident status)', () => {
  const v3 = SCHEMA_VERSIONS[2];

  it('indexes notes by bundle and by edit time, and upgrades older bundles', () => {
    expect(v3?.version).toBe(3);
    expect(v3?.stores.notes).toBe('id, bundleId, updatedAt');
    expect(typeof v3?.upgrade).toBe('function');
    expect(SCHEMA_VERSIONS.slice(0, 2).every((v) => v.upgrade === undefined)).toBe(true);
  });

  it('a bundle from version 1 or 2 becomes "open", with an empty conclusion if it had none', () => {
    expect(withIncidentFields({ id: 'b', title: 't' })).toEqual({ id: 'b', title: 't', incidentStatus: 'open', conclusion: '' });
    expect(withIncidentFields({ id: 'b', conclusion: 'kept' })).toEqual({ id: 'b', conclusion: 'kept', incidentStatus: 'open' });
    expect(withIncidentFields({ id: 'b', incidentStatus: 'closed' as const, conclusion: '' }).incidentStatus).toBe('closed');
    expect(withIncidentFields({ id: 'b', incidentStatus: 'bogus' as never }).incidentStatus).toBe('open');
  });
});
