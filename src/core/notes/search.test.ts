import { describe, expect, it } from 'vitest';
import type { Note } from './note';
import { noteMatches, searchNotes, searchTerms } from './search';

function note(id: string, markdown: string, updatedAt = '2025-01-01T00:00:00.000Z'): Note {
  return { id, bundleId: 'b', target: { kind: 'bundle' }, markdown, createdAt: updatedAt, updatedAt };
}

const NOTES = [
  note('en', 'The OOM killer chose api-server: anon-rss 35 MiB, but shmem held **80 MiB**.', '2025-01-02T00:00:00.000Z'),
  note('zh', '初始化容器写满了 emptyDir（tmpfs），内存泄漏的不是应用，而是 /dev/shm。', '2025-01-03T00:00:00.000Z'),
  note('mixed', 'JVM 堆只有 8 GiB，但容器限制是 16 GiB', '2025-01-01T00:00:00.000Z'),
];

describe('searchNotes', () => {
  it('is case-insensitive and needs every word', () => {
    expect(searchNotes(NOTES, 'oom SHMEM', () => '').map((h) => h.note.id)).toEqual(['en']);
    expect(searchNotes(NOTES, 'oom jvm', () => '')).toEqual([]);
  });

  it('finds Chinese text without word boundaries', () => {
    expect(searchNotes(NOTES, '泄漏', () => '').map((h) => h.note.id)).toEqual(['zh']);
    expect(searchNotes(NOTES, '容器', () => '').map((h) => h.note.id)).toEqual(['zh', 'mixed']);
    expect(searchNotes(NOTES, '堆　16', () => '').map((h) => h.note.id)).toEqual(['mixed']);
  });

  it('full-width letters and digits match their ASCII forms', () => {
    expect(searchNotes(NOTES, 'ＯＯＭ', () => '').map((h) => h.note.id)).toEqual(['en']);
    expect(searchNotes(NOTES, '８０ MiB', () => '').map((h) => h.note.id)).toEqual(['en']);
  });

  it('matches the target label too', () => {
    const hits = searchNotes(NOTES, 'dmesg', (n) => (n.id === 'mixed' ? 'after/dmesg.txt, line 3' : ''));
    expect(hits.map((h) => h.note.id)).toEqual(['mixed']);
    expect(hits[0]?.label).toBe('after/dmesg.txt, line 3');
  });

  it('gives a snippet around the first match, in the original text', () => {
    const [hit] = searchNotes(NOTES, 'SHMEM', () => '');
    expect(hit?.snippet.match).toBe('shmem');
    expect(hit?.snippet.before).toContain('anon-rss 35 MiB, but ');
    expect(hit?.snippet.after.startsWith(' held **80 MiB**')).toBe(true);
    const [wide] = searchNotes(NOTES, 'ｓｈｍ', () => '');
    expect(wide?.snippet.match).toBe('shm');
  });

  it('an empty or blank query finds nothing', () => {
    expect(searchNotes(NOTES, '', () => '')).toEqual([]);
    expect(searchNotes(NOTES, '  \u3000 ', () => '')).toEqual([]);
    expect(searchTerms(' a  B\u3000c ')).toEqual(['a', 'b', 'c']);
    expect(noteMatches(note('x', 'y'), '', [])).toBe(false);
  });

  it('keeps astral characters and regex-looking queries literal', () => {
    const notes = [note('emoji', 'pod 😀 died (.*)+ twice')];
    expect(searchNotes(notes, '😀', () => '')).toHaveLength(1);
    expect(searchNotes(notes, '(.*)+', () => '')[0]?.snippet.match).toBe('(.*)+');
  });
});
