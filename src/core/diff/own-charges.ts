// The part of a group's charges that none of its live children hold ("the pod itself"): the
// assembly's remainder child, or, where it made none, a part the diff computes under this key.
import type { MemoryGroup } from '../model/memory-group';
import { REMAINDER_KEY_SUFFIX, REMAINDER_PATH_SUFFIX } from '../assemble/remainder';

/** Key suffix of the part of a group's charges that no live child holds (the assembly's remainder). */
export const OWN_CHARGES_SUFFIX = REMAINDER_KEY_SUFFIX;

export function ownChargesKey(groupKey: string): string {
  return `${groupKey}${OWN_CHARGES_SUFFIX}`;
}

/** The assembly's explicit remainder child of a group (role other, orphaned), if it made one. */
export function isOwnChargesGroup(child: MemoryGroup, parent: MemoryGroup): boolean {
  if (!child.orphaned || child.role !== 'other') return false;
  return child.key === ownChargesKey(parent.key) || child.key.endsWith(OWN_CHARGES_SUFFIX) || child.path.endsWith(REMAINDER_PATH_SUFFIX);
}
