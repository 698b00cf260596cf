import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate';
import { compareNoteTargets, linesTarget, noteTargetKey, noteTargetLabel, noteTargetLines, parseNote, parseNoteTarget, sameNoteTarget, type NoteTarget } from './note';

const en = translator('en');
const zh = translator('zh-CN');
const DMESG = 'orphaned-shmem/after/dmesg.txt';

describe('note targets', () => {
  it('labels every kind in both languages', () => {
    expect(noteTargetLabel({ kind: 'bundle' }, en)).toBe('This bundle');
    expect(noteTargetLabel({ kind: 'snapshot', snapshotId: 'during' }, en)).toBe('Snapshot during');
    expect(noteTargetLabel({ kind: 'group', snapshotId: null, groupKey: 'pod:ml/api' }, en)).toBe('Group pod:ml/api');
    expect(noteTargetLabel({ kind: 'lines', file: DMESG, lineStart: 12, lineEnd: 14 }, en)).toBe(`${DMESG}, lines 12–14`);
    expect(noteTargetLabel({ kind: 'lines', file: DMESG, lineStart: 12, lineEnd: 12 }, en)).toBe(`${DMESG}, line 12`);
    expect(noteTargetLabel({ kind: 'oom-event', file: DMESG, lineStart: 7 }, en)).toBe(`OOM event in ${DMESG}, line 7`);
    expect(noteTargetLabel({ kind: 'finding', findingId: 'shmem-orphaned', scopeKey: 'pod:x' }, en)).toMatch(/^Finding “.+” \(pod:x\)$/);
    expect(noteTargetLabel({ kind: 'finding', findingId: 'no-such-rule', scopeKey: 'k' }, en)).toBe('Finding “no-such-rule” (k)');
    expect(noteTargetLabel({ kind: 'lines', file: DMESG, lineStart: 3, lineEnd: 5 }, zh)).toBe(`${DMESG} 第 3–5 行`);
    expect(noteTargetLabel({ kind: 'bundle' }, zh)).toBe('本数据包');
  });

  it('uses the names the caller knows', () => {
    const names = { snapshot: (id: string) => (id === 's1' ? 'during' : undefined), group: () => 'Pod ml/api-7f8c9d6b5-h7j2k' };
    expect(noteTargetLabel({ kind: 'group', snapshotId: 's1', groupKey: 'k' }, en, names)).toBe('Group Pod ml/api-7f8c9d6b5-h7j2k in during');
    expect(noteTargetLabel({ kind: 'snapshot', snapshotId: 's2' }, en, names)).toBe('Snapshot s2');
  });

  it('keys tell targets apart, even with separators in their fields', () => {
    const a: NoteTarget = { kind: 'group', snapshotId: 'a', groupKey: 'b/c' };
    const b: NoteTarget = { kind: 'group', snapshotId: 'a/b', groupKey: 'c' };
    expect(noteTargetKey(a)).not.toBe(noteTargetKey(b));
    expect(sameNoteTarget(a, { ...a })).toBe(true);
    expect(noteTargetKey({ kind: 'group', snapshotId: null, groupKey: 'x' })).not.toBe(noteTargetKey({ kind: 'group', snapshotId: '', groupKey: 'x' }) + 'y');
  });

  it('a selection made upwards is the same range', () => {
    expect(linesTarget(DMESG, 14, 12)).toEqual({ kind: 'lines', file: DMESG, lineStart: 12, lineEnd: 14 });
    expect(linesTarget(DMESG, 0, -3)).toEqual({ kind: 'lines', file: DMESG, lineStart: 1, lineEnd: 1 });
    expect(noteTargetLines({ kind: 'oom-event', file: DMESG, lineStart: 9 })).toEqual({ file: DMESG, lineStart: 9, lineEnd: 9 });
    expect(noteTargetLines({ kind: 'bundle' })).toBeNull();
  });

  it('sorts the bundle first and file lines by file and line', () => {
    const targets: NoteTarget[] = [
      { kind: 'lines', file: 'b', lineStart: 2, lineEnd: 2 },
      { kind: 'lines', file: 'a', lineStart: 10, lineEnd: 11 },
      { kind: 'lines', file: 'a', lineStart: 9, lineEnd: 9 },
      { kind: 'group', snapshotId: null, groupKey: 'g' },
      { kind: 'bundle' },
    ];
    expect(targets.sort(compareNoteTargets).map(noteTargetKey)).toEqual(['bundle', 'group\u0000\u0000g', 'lines\u0000a\u00009\u00009', 'lines\u0000a\u000010\u000011', 'lines\u0000b\u00002\u00002']);
  });
});

describe('parseNote (notes read from a backup)', () => {
  const good = { id: 'n1', bundleId: 'b1', target: { kind: 'lines', file: DMESG, lineStart: 1, lineEnd: 2 }, markdown: 'x', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };

  it('keeps a well-formed note, without extra keys', () => {
    expect(parseNote({ ...good, extra: 1, target: { ...good.target, evil: true } })).toEqual(good);
  });

  it('refuses wrong shapes', () => {
    expect(parseNote(null)).toBeNull();
    expect(parseNote([])).toBeNull();
    expect(parseNote({ ...good, markdown: 3 })).toBeNull();
    expect(parseNote({ ...good, id: '' })).toBeNull();
    expect(parseNote({ ...good, target: { kind: 'lines', file: DMESG, lineStart: 5, lineEnd: 2 } })).toBeNull();
    expect(parseNote({ ...good, target: { kind: 'lines', file: DMESG, lineStart: 0, lineEnd: 2 } })).toBeNull();
    expect(parseNoteTarget({ kind: 'constructor' })).toBeNull();
    expect(parseNoteTarget({ kind: 'group', snapshotId: 3, groupKey: 'g' })).toBeNull();
  });

  it('a __proto__ key in the JSON does not pollute anything', () => {
    const parsed = parseNote(JSON.parse(`{"__proto__":{"polluted":1},"id":"n","bundleId":"b","target":{"kind":"bundle"},"markdown":"m","createdAt":"c","updatedAt":"u"}`));
    expect(parsed).not.toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });
});
