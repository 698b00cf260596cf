// Reads typed fields out of a JSON/YAML tree and collects, once per kind, the warnings a bad value
// deserves: a number written as a string, a counter beyond 2^53, a negative byte count, a
// Kubernetes quantity that is not one. A bad value becomes null (never 0) and its text is named.
import { warning, type ParseWarning } from '../format';
import { integer, text, type TreeNode } from './tree';
import { parseCpuQuantity, parseMemoryQuantity } from '../../model/quantity';

export class FieldReader {
  private readonly list: ParseWarning[] = [];
  private readonly seen = new Set<string>();
  private stringNumbers = 0;
  private firstStringNumberLine = 0;

  private once(key: string, w: ParseWarning): void {
    if (this.seen.has(key) || this.list.length >= 100) return;
    this.seen.add(key);
    this.list.push(w);
  }

  /** A non-negative integer (bytes, counts); `label` names the field in warnings. */
  count(node: TreeNode | undefined, label: string): number | null {
    return this.int(node, label, false);
  }

  int(node: TreeNode | undefined, label: string, allowNegative = true): number | null {
    const r = integer(node, allowNegative);
    if (r.ok) {
      if (r.fromString) {
        if (this.stringNumbers === 0) this.firstStringNumberLine = node?.line ?? 0;
        this.stringNumbers++;
      }
      return r.value;
    }
    if (r.reason === 'absent') return null;
    this.once(`int:${label}:${r.reason}`, warning('value-unusable', `Value of "${label}" (${r.text ?? '?'}) is not a usable integer (${r.reason}); left out.`, node?.line, { key: label, value: r.text ?? '' }));
    return null;
  }

  /** A memory quantity (`512Mi`, `2513804Ki`, a plain number) in bytes. */
  quantityBytes(node: TreeNode | undefined, label: string): number | null {
    const t = text(node);
    if (t === null) return null;
    const q = parseMemoryQuantity(t);
    if (q.ok) return q.bytes;
    this.quantityWarning(node, label, t, q.reason);
    return null;
  }

  /** A CPU quantity (`250m`, `1045813398n`) in cores. */
  quantityCores(node: TreeNode | undefined, label: string): number | null {
    const t = text(node);
    if (t === null) return null;
    const q = parseCpuQuantity(t);
    if (q.ok) return q.cores;
    this.quantityWarning(node, label, t, q.reason);
    return null;
  }

  quantityWarning(node: TreeNode | undefined | null, label: string, value: string, reason: string): void {
    this.once(`q:${label}:${value}`, warning('quantity-invalid', `"${value}" in "${label}" is not a Kubernetes quantity (${reason}); left out.`, node?.line ?? undefined, { key: label, value, reason }));
  }

  add(w: ParseWarning): void {
    this.list.push(w);
  }

  warnings(): ParseWarning[] {
    const out = [...this.list];
    if (this.stringNumbers > 0) {
      out.push(
        warning('number-as-string', `${this.stringNumbers} number(s) are written as strings; they were read as numbers (first: line ${this.firstStringNumberLine}).`, this.firstStringNumberLine || undefined, {
          count: this.stringNumbers,
        }),
      );
    }
    return out;
  }
}
