// Findings of two snapshots matched by id and the stable key of their scope: new (only after),
// resolved (only before) and persisting (both). A rule that fires twice on one scope pairs in order.
import type { FindingLike, FindingsDiff } from './diff-types';

function identity(f: FindingLike): string {
  return `${f.id}\u0000${f.scopeKey ?? f.scope ?? ''}`;
}

export function diffFindings<F extends FindingLike>(before: readonly F[], after: readonly F[]): FindingsDiff<F> {
  const pending = new Map<string, F[]>();
  for (const f of before) {
    const id = identity(f);
    const list = pending.get(id);
    if (list) list.push(f);
    else pending.set(id, [f]);
  }
  const out: FindingsDiff<F> = { new: [], resolved: [], persisting: [] };
  for (const f of after) {
    const list = pending.get(identity(f));
    if (list && list.length > 0) {
      list.shift();
      out.persisting.push(f);
    } else {
      out.new.push(f);
    }
  }
  for (const list of pending.values()) out.resolved.push(...list);
  return out;
}
