// Library search: every word must appear in the title, host or tags (case-insensitive).
import type { BundleRecord } from '../../db/schema';

export function matchesSearch(bundle: Pick<BundleRecord, 'title' | 'host' | 'tags'>, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return true;
  const haystack = [bundle.title, bundle.host ?? '', ...bundle.tags].join('\n').toLowerCase();
  return words.every((w) => haystack.includes(w));
}
