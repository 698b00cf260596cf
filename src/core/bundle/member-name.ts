// Archive member names → display paths inside a bundle. Names are shown, never used as paths on
// disk (core has no disk): `../`, absolute and drive-letter names are folded into a safe form and
// the original is kept next to it. Sample names (from tar/zip headers):
//   ./before/cgroup/kubepods/memory.stat   → before/cgroup/kubepods/memory.stat
//   /etc/passwd                            → etc/passwd            (unsafe: absolute)
//   ../../x                                → x                     (unsafe: climbs out)

export interface DisplayName {
  /** Relative, `/`-separated, no `.`/`..` segments, never empty. */
  path: string;
  /** The name as written in the archive. */
  originalName: string;
  /** Why the name was changed beyond cosmetic cleanup (absolute, `..`, control characters), else null. */
  unsafeReason: 'absolute' | 'parent-segment' | 'control-characters' | null;
}

export function normaliseMemberName(originalName: string, fallback = 'unnamed'): DisplayName {
  let unsafeReason: DisplayName['unsafeReason'] = null;
  let name = originalName.replace(/\\/g, '/');
  // Control characters (incl. NUL) have no business in a name the UI shows.
  let cleaned = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 32 || c === 127) {
      unsafeReason = 'control-characters';
      cleaned += '_';
    } else cleaned += name[i];
  }
  name = cleaned;
  if (/^[A-Za-z]:\//.test(name)) {
    name = name.slice(3);
    unsafeReason = 'absolute';
  }
  if (name.startsWith('/')) unsafeReason = 'absolute';
  const kept: string[] = [];
  for (const segment of name.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      unsafeReason = unsafeReason ?? 'parent-segment';
      kept.pop();
      continue;
    }
    kept.push(segment);
  }
  const path = kept.join('/');
  return { path: path === '' ? fallback : path, originalName, unsafeReason };
}

/** Joins a prefix (a folder or an archive's path) and a relative name. */
export function joinBundlePath(prefix: string, name: string): string {
  if (prefix === '') return name;
  return prefix.endsWith('/') ? prefix + name : `${prefix}/${name}`;
}

/** `x.tar.gz` → `x.tar`, `x.tgz` → `x.tar`, `dmesg.txt.gz` → `dmesg.txt`, `x` → `x.out`. */
export function gunzippedName(path: string): string {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tgz')) return `${path.slice(0, -4)}.tar`;
  if (lower.endsWith('.gz')) return path.slice(0, -3);
  if (lower.endsWith('.gzip')) return path.slice(0, -5);
  return `${path}.out`;
}

/** Makes paths unique within a bundle: a second `a.txt` becomes `a (2).txt`. */
export class PathRegistry {
  private readonly used = new Set<string>();

  claim(path: string): { path: string; renamed: boolean } {
    if (!this.used.has(path)) {
      this.used.add(path);
      return { path, renamed: false };
    }
    const slash = path.lastIndexOf('/');
    const dot = path.lastIndexOf('.');
    const cut = dot > slash + 1 ? dot : path.length;
    for (let n = 2; ; n++) {
      const candidate = `${path.slice(0, cut)} (${n})${path.slice(cut)}`;
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        return { path: candidate, renamed: true };
      }
    }
  }
}
