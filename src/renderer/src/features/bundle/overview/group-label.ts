// Pure: what a memory group is called on screen — its pod, container or QoS class, or the part of
// a pod's memory that no container owns — rather than its long cgroup path.
import type { MemoryGroup, MessageKey, MessageParams, Translator } from '../../../../../core';

export interface GroupLabel {
  key: MessageKey;
  params: MessageParams;
}

const REMAINDER_KEY_SUFFIX = '/(not owned by any container)';

export function isRemainder(g: Pick<MemoryGroup, 'key' | 'orphaned' | 'role'>): boolean {
  return g.orphaned && g.role === 'other' && g.key.endsWith(REMAINDER_KEY_SUFFIX);
}

function lastSegment(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  return parts[parts.length - 1] ?? path;
}

export function groupLabel(g: MemoryGroup): GroupLabel {
  if (isRemainder(g)) return { key: 'overview.label.remainder', params: {} };
  switch (g.role) {
    case 'node':
      return { key: 'overview.label.node', params: { name: g.path || '/' } };
    case 'qos':
      return { key: 'overview.label.qos', params: { qos: g.qosClass ?? lastSegment(g.path) } };
    case 'pod': {
      const name = g.podName ? (g.podNamespace ? `${g.podNamespace}/${g.podName}` : g.podName) : (g.podUid ?? lastSegment(g.path));
      return { key: 'overview.label.pod', params: { name } };
    }
    case 'container': {
      const name = g.containerName ?? (g.containerId ? g.containerId.slice(0, 12) : lastSegment(g.path));
      return { key: g.orphaned ? 'overview.label.containerGone' : 'overview.label.container', params: { name } };
    }
    case 'other':
      return { key: 'overview.label.other', params: { name: g.path } };
  }
}

/** A group without a limit: "unlimited" when a file said so (`max`, v1's sentinel), "—" when nothing said. */
export function limitText(g: Pick<MemoryGroup, 'limitBytes' | 'sources'>, t: Translator): string {
  if (g.limitBytes !== null) return '';
  return g.sources['limitBytes'] ? t('metric.unlimited') : '—';
}
