// Notes: the engineer's Markdown attached to a bundle, a snapshot, a memory group, a finding, an OOM
// event or a line range of a file. Stored by the app (Dexie table `notes`), carried by backups
// (src/core/backup) and listed in the report. A stored note, as JSON:
//   { "id": "3f0c…", "bundleId": "9a1e…",
//     "target": { "kind": "lines", "file": "orphaned-shmem/after/dmesg.txt", "lineStart": 12, "lineEnd": 14 },
//     "markdown": "The kill: **anon-rss** is small, the shmem is not.", "createdAt": "…", "updatedAt": "…" }
// Files are named by their bundle path (not by a record id), so a note still points at its lines
// after a backup is imported under another bundle id.
import { hasMessage, type MessageKey, type Translator } from '../i18n/translate';

export type NoteTarget =
  | { kind: 'bundle' }
  | { kind: 'snapshot'; snapshotId: string }
  | { kind: 'group'; snapshotId: string | null; groupKey: string }
  | { kind: 'finding'; findingId: string; scopeKey: string }
  | { kind: 'oom-event'; file: string; lineStart: number }
  | { kind: 'lines'; file: string; lineStart: number; lineEnd: number };

export type NoteTargetKind = NoteTarget['kind'];

/** The order targets are listed in (Notes tab, report): the bundle first, file lines last. */
export const NOTE_TARGET_KINDS: readonly NoteTargetKind[] = ['bundle', 'snapshot', 'group', 'finding', 'oom-event', 'lines'];

export interface Note {
  id: string;
  bundleId: string;
  target: NoteTarget;
  markdown: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601; changes with every saved edit. */
  updatedAt: string;
}

/** One string per target, equal for equal targets: for grouping notes and finding a target's notes. */
export function noteTargetKey(target: NoteTarget): string {
  switch (target.kind) {
    case 'bundle':
      return 'bundle';
    case 'snapshot':
      return `snapshot\u0000${target.snapshotId}`;
    case 'group':
      return `group\u0000${target.snapshotId ?? ''}\u0000${target.groupKey}`;
    case 'finding':
      return `finding\u0000${target.findingId}\u0000${target.scopeKey}`;
    case 'oom-event':
      return `oom-event\u0000${target.file}\u0000${target.lineStart}`;
    case 'lines':
      return `lines\u0000${target.file}\u0000${target.lineStart}\u0000${target.lineEnd}`;
  }
}

export function sameNoteTarget(a: NoteTarget, b: NoteTarget): boolean {
  return noteTargetKey(a) === noteTargetKey(b);
}

/** A line-range target from any two lines of a selection (1-based, either order). */
export function linesTarget(file: string, fromLine: number, toLine: number): Extract<NoteTarget, { kind: 'lines' }> {
  const a = Math.max(1, Math.trunc(fromLine));
  const b = Math.max(1, Math.trunc(toLine));
  return { kind: 'lines', file, lineStart: Math.min(a, b), lineEnd: Math.max(a, b) };
}

/** The file and lines a target points into, if it points into a file. */
export function noteTargetLines(target: NoteTarget): { file: string; lineStart: number; lineEnd: number } | null {
  if (target.kind === 'lines') return { file: target.file, lineStart: target.lineStart, lineEnd: target.lineEnd };
  if (target.kind === 'oom-event') return { file: target.file, lineStart: target.lineStart, lineEnd: target.lineStart };
  return null;
}

/** Targets in list order: by kind, then file and line, then key. */
export function compareNoteTargets(a: NoteTarget, b: NoteTarget): number {
  const byKind = NOTE_TARGET_KINDS.indexOf(a.kind) - NOTE_TARGET_KINDS.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  const la = noteTargetLines(a);
  const lb = noteTargetLines(b);
  if (la && lb) {
    if (la.file !== lb.file) return la.file < lb.file ? -1 : 1;
    if (la.lineStart !== lb.lineStart) return la.lineStart - lb.lineStart;
    if (la.lineEnd !== lb.lineEnd) return la.lineEnd - lb.lineEnd;
  }
  const ka = noteTargetKey(a);
  const kb = noteTargetKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Display names the caller knows (a snapshot's label, a group's pod/container name, a finding's title). */
export interface NoteTargetNames {
  snapshot?(snapshotId: string): string | undefined;
  group?(snapshotId: string | null, groupKey: string): string | undefined;
  finding?(findingId: string, scopeKey: string): string | undefined;
}

/** What a note is about, in words: "Group Pod ml/api in during", "after/dmesg.txt, lines 12–14". */
export function noteTargetLabel(target: NoteTarget, t: Translator, names: NoteTargetNames = {}): string {
  switch (target.kind) {
    case 'bundle':
      return t('notes.target.bundle');
    case 'snapshot':
      return t('notes.target.snapshot', { name: names.snapshot?.(target.snapshotId) ?? target.snapshotId });
    case 'group': {
      const name = names.group?.(target.snapshotId, target.groupKey) ?? target.groupKey;
      if (target.snapshotId === null) return t('notes.target.group', { name });
      return t('notes.target.groupIn', { name, snapshot: names.snapshot?.(target.snapshotId) ?? target.snapshotId });
    }
    case 'finding': {
      const titleKey = `finding.${target.findingId}.title`;
      const title = names.finding?.(target.findingId, target.scopeKey) ?? (hasMessage(titleKey) ? t(titleKey as MessageKey) : target.findingId);
      return t('notes.target.finding', { name: title, scope: target.scopeKey });
    }
    case 'oom-event':
      return t('notes.target.oomEvent', { file: target.file, line: target.lineStart });
    case 'lines':
      return target.lineStart === target.lineEnd
        ? t('notes.target.line', { file: target.file, line: target.lineStart })
        : t('notes.target.lines', { file: target.file, start: target.lineStart, end: target.lineEnd });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLine(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/** Checks a target read from outside (a backup): only the known shapes, copied without extra keys. */
export function parseNoteTarget(value: unknown): NoteTarget | null {
  if (!isObject(value)) return null;
  const v = value;
  switch (v.kind) {
    case 'bundle':
      return { kind: 'bundle' };
    case 'snapshot':
      return typeof v.snapshotId === 'string' ? { kind: 'snapshot', snapshotId: v.snapshotId } : null;
    case 'group':
      return typeof v.groupKey === 'string' && (v.snapshotId === null || typeof v.snapshotId === 'string') ? { kind: 'group', snapshotId: v.snapshotId, groupKey: v.groupKey } : null;
    case 'finding':
      return typeof v.findingId === 'string' && typeof v.scopeKey === 'string' ? { kind: 'finding', findingId: v.findingId, scopeKey: v.scopeKey } : null;
    case 'oom-event':
      return typeof v.file === 'string' && isLine(v.lineStart) ? { kind: 'oom-event', file: v.file, lineStart: v.lineStart } : null;
    case 'lines':
      return typeof v.file === 'string' && isLine(v.lineStart) && isLine(v.lineEnd) && v.lineEnd >= v.lineStart
        ? { kind: 'lines', file: v.file, lineStart: v.lineStart, lineEnd: v.lineEnd }
        : null;
    default:
      return null;
  }
}

/** Checks a note read from outside (a backup); null when any field is missing or of the wrong type. */
export function parseNote(value: unknown): Note | null {
  if (!isObject(value)) return null;
  const target = parseNoteTarget(value.target);
  const { id, bundleId, markdown, createdAt, updatedAt } = value;
  if (!target || typeof id !== 'string' || id === '' || typeof bundleId !== 'string' || typeof markdown !== 'string') return null;
  if (typeof createdAt !== 'string' || typeof updatedAt !== 'string') return null;
  return { id, bundleId, target, markdown, createdAt, updatedAt };
}
