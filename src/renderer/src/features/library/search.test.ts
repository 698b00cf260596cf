import { describe, expect, it } from 'vitest';
import { matchesSearch } from './search';

const bundle = { title: 'api pod OOM', host: 'node-7', tags: ['prod', '内存'] };

describe('matchesSearch', () => {
  it('matches every word in title, host or tags, any case', () => {
    expect(matchesSearch(bundle, '')).toBe(true);
    expect(matchesSearch(bundle, 'API node-7')).toBe(true);
    expect(matchesSearch(bundle, '内存')).toBe(true);
    expect(matchesSearch(bundle, 'api staging')).toBe(false);
  });
  it('copes with an unknown host', () => {
    expect(matchesSearch({ ...bundle, host: null }, 'node')).toBe(false);
  });
});
