// Words for the diff, in the catalogue's languages: group names ("container api", "the pod
// itself"), signed sizes, and the sentence of every explanation entry and note. Kept apart from the
// arithmetic so a stored diff can be re-rendered in another language.
import type { MessageKey, Translator } from '../i18n/translate';
import { formatBytes, type SizeUnits } from '../model/units';
import type { DiffCategory, DiffNote, ExplanationEntry, GroupDiffStatus, GroupRef } from './diff-types';

export interface DescribeOptions {
  t: Translator;
  units?: SizeUnits;
}

const CATEGORY_KEYS: Record<DiffCategory, MessageKey> = {
  anon: 'diff.category.anon',
  shmem: 'diff.category.shmem',
  'file-cache': 'diff.category.file-cache',
  'file-dirty': 'diff.category.file-dirty',
  kernel: 'diff.category.kernel',
  other: 'diff.category.other',
};

const STATUS_SUFFIX: Partial<Record<GroupDiffStatus, MessageKey>> = {
  appeared: 'diff.entry.appeared',
  vanished: 'diff.entry.vanished',
  restarted: 'diff.entry.restarted',
};

export function signedBytes(bytes: number, units: SizeUnits = 'iec'): string {
  if (bytes === 0) return `±${formatBytes(0, units)}`;
  return bytes > 0 ? `+${formatBytes(bytes, units)}` : formatBytes(bytes, units);
}

export function categoryLabel(category: DiffCategory, t: Translator): string {
  return t(CATEGORY_KEYS[category]);
}

function lastSegment(text: string): string {
  const trimmed = text.endsWith('/') ? text.slice(0, -1) : text;
  const i = trimmed.lastIndexOf('/');
  return i >= 0 ? trimmed.slice(i + 1) : trimmed;
}

/** "container api", "pod ml/api-7f8c…", "the pod itself", "the node". */
export function groupLabel(ref: GroupRef | Omit<GroupRef, 'ownChargesOf'>, t: Translator): string {
  const owner = 'ownChargesOf' in ref ? ref.ownChargesOf : null;
  if (owner) {
    if (owner.role === 'pod') return t('diff.group.podItself');
    if (owner.role === 'node') return t('diff.group.nodeRest');
    return t('diff.group.itself', { group: groupLabel(owner, t) });
  }
  switch (ref.role) {
    case 'container':
      return t('diff.group.container', { name: ref.containerName ?? lastSegment(ref.path || ref.key) });
    case 'pod': {
      const name = ref.podName ? (ref.podNamespace ? `${ref.podNamespace}/${ref.podName}` : ref.podName) : lastSegment(ref.path || ref.key);
      return t('diff.group.pod', { name });
    }
    case 'node':
      return t('diff.group.node');
    case 'qos':
      return t('diff.group.qos', { name: lastSegment(ref.path || ref.key) });
    default:
      return t('diff.group.other', { name: ref.path || ref.key });
  }
}

export function describeEntry(entry: ExplanationEntry, options: DescribeOptions): string {
  const { t } = options;
  const units = options.units ?? 'iec';
  const category = categoryLabel(entry.category, t);
  const group = groupLabel(entry.group, t);
  if (entry.kind === 'moved' && entry.from) {
    return t(entry.fromStatus === 'restarted' ? 'diff.entry.movedFromRestarted' : 'diff.entry.moved', {
      bytes: formatBytes(entry.movedBytes ?? 0, units),
      category,
      from: groupLabel(entry.from, t),
      to: group,
    });
  }
  let text = t('diff.entry.change', { delta: signedBytes(entry.deltaBytes, units), category, group });
  const suffix = STATUS_SUFFIX[entry.status];
  if (suffix) text += t(suffix);
  const active = entry.activeFileDeltaBytes;
  const inactive = entry.inactiveFileDeltaBytes;
  if (entry.category === 'file-cache' && active != null && inactive != null && (active !== 0 || inactive !== 0)) {
    text += t('diff.entry.fileLists', { active: signedBytes(active, units), inactive: signedBytes(inactive, units) });
  }
  return text;
}

export function describeNote(note: DiffNote, options: DescribeOptions): string {
  const { t } = options;
  const units = options.units ?? 'iec';
  const group = note.group ? groupLabel(note.group, t) : note.key;
  const usage = note.usageDeltaBytes == null ? '—' : signedBytes(note.usageDeltaBytes, units);
  switch (note.kind) {
    case 'working-set-jump':
      if ((note.inactiveToActiveBytes ?? 0) > 0) {
        return t('diff.note.workingSetJump', {
          group,
          ws: signedBytes(note.deltaBytes, units),
          usage,
          moved: formatBytes(note.inactiveToActiveBytes ?? 0, units),
        });
      }
      return t('diff.note.workingSetJumpNew', { group, ws: signedBytes(note.deltaBytes, units), usage, active: signedBytes(note.activeFileDeltaBytes ?? 0, units) });
    case 'working-set-drop':
      return t('diff.note.workingSetDrop', { group, ws: signedBytes(note.deltaBytes, units), usage, active: signedBytes(note.activeFileDeltaBytes ?? 0, units) });
    case 'moved-to-parent':
      return t(note.fromStatus === 'restarted' ? 'diff.entry.movedFromRestarted' : 'diff.entry.moved', {
        bytes: formatBytes(note.deltaBytes, units),
        category: note.category ? categoryLabel(note.category, t) : '',
        from: note.from ? groupLabel(note.from, t) : (note.fromKey ?? ''),
        to: group,
      });
    case 'unchanged-holding':
      return t('diff.note.unchanged', {
        bytes: formatBytes(note.heldBytes ?? 0, units),
        category: note.category ? categoryLabel(note.category, t) : '',
        group,
        delta: signedBytes(note.deltaBytes, units),
      });
    case 'scope-not-found':
      return t('diff.note.scopeNotFound', { key: note.key });
  }
}
