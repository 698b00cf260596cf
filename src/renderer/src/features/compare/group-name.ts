// Pure: a group's name on the Compare screen, from the diff engine's words ("container api",
// "the pod itself", "pod ml/api-7f8c…"), capitalised when it starts a label in English.
import { groupLabel, OWN_CHARGES_SUFFIX, type GroupDiff, type GroupRef, type Locale, type Translator } from '../../../../core';

export function groupName(ref: GroupRef | Omit<GroupRef, 'ownChargesOf'>, t: Translator, locale: Locale): string {
  const text = groupLabel(ref, t);
  return locale === 'en' && text !== '' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * The diff's groups with the assembly's remainder child (`<pod key>/(not owned by any container)`)
 * named as the part of its parent that no container holds ("the pod itself"), as the engine's
 * explanation entries name it, rather than by its synthetic cgroup path.
 */
export function withOwnerRefs(groups: readonly GroupDiff[]): GroupDiff[] {
  const byKey = new Map(groups.map((g) => [g.key, g]));
  return groups.map((g) => {
    if (g.ref.ownChargesOf || !g.key.endsWith(OWN_CHARGES_SUFFIX) || g.parentKey === null) return g;
    const parent = byKey.get(g.parentKey);
    if (!parent) return g;
    const { key, role, path, podName, podNamespace, containerName } = parent.ref;
    return { ...g, ref: { ...g.ref, ownChargesOf: { key, role, path, podName, podNamespace, containerName } } };
  });
}
