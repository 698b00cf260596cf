// JVM memory settings found in a container's command line and environment (docker/crictl inspect,
// pod spec, kubectl describe): `-Xmx8g`, `-XX:MaxRAMPercentage=75.0`, JAVA_TOOL_OPTIONS, JAVA_OPTS …
// The heap is only part of a JVM's footprint (metaspace, threads, code cache, direct buffers, GC),
// which is why a pod with -Xmx8g can fill a 16 GiB limit.
import { parseBinarySuffixSize } from '../text/human-size';

/** Environment variables that set memory behaviour, kept with their values (others are dropped). */
export const MEMORY_ENV_NAMES: readonly string[] = [
  'JAVA_TOOL_OPTIONS',
  'JDK_JAVA_OPTIONS',
  'JAVA_OPTS',
  'JAVA_OPTIONS',
  'JVM_OPTS',
  'CATALINA_OPTS',
  '_JAVA_OPTIONS',
  'MALLOC_ARENA_MAX',
  'MALLOC_TRIM_THRESHOLD_',
  'MALLOC_CONF',
  'JEMALLOC_CONF',
  'LD_PRELOAD',
  'GOMEMLIMIT',
  'GOGC',
  'NODE_OPTIONS',
  'PYTHONMALLOC',
];

export interface EnvVar {
  name: string;
  value: string;
}

export interface JvmFlag {
  flag: string;
  /** `args`, or the environment variable it came from. */
  source: string;
}

export interface JvmSettings {
  /** Memory-related flags in the order the JVM applies them. */
  flags: JvmFlag[];
  maxHeapBytes: number | null;
  initialHeapBytes: number | null;
  maxRamPercentage: number | null;
  initialRamPercentage: number | null;
  maxDirectMemoryBytes: number | null;
  maxMetaspaceBytes: number | null;
  threadStackBytes: number | null;
}

const KEEP = /^-(Xmx|Xms|Xss|Xmn|XX:|Dio\.netty\.maxDirectMemory=|Djdk\.nio\.maxCachedBufferSize=)/;

/** Picks the memory environment variables out of `NAME=value` strings. */
export function memoryEnv(env: readonly string[] | readonly EnvVar[]): EnvVar[] {
  const out: EnvVar[] = [];
  for (const item of env) {
    let name: string;
    let value: string;
    if (typeof item === 'string') {
      const eq = item.indexOf('=');
      if (eq <= 0) continue;
      name = item.slice(0, eq);
      value = item.slice(eq + 1);
    } else {
      name = item.name;
      value = item.value;
    }
    if (MEMORY_ENV_NAMES.includes(name)) out.push({ name, value });
  }
  return out;
}

function tokens(text: string): string[] {
  return text.split(/\s+/).filter((t) => t !== '');
}

/**
 * JVM settings from the command line and the memory environment. The JVM reads JAVA_TOOL_OPTIONS
 * and JDK_JAVA_OPTIONS before the command line and _JAVA_OPTIONS after it; the last value of a flag
 * wins. JAVA_OPTS and the like are conventions of launch scripts, which put them on the command line.
 * Returns null when no JVM flag is present.
 */
export function jvmSettings(args: readonly string[], env: readonly EnvVar[]): JvmSettings | null {
  const flags: JvmFlag[] = [];
  const fromEnv = (name: string): void => {
    for (const e of env) if (e.name === name) for (const t of tokens(e.value)) if (KEEP.test(t)) flags.push({ flag: t, source: name });
  };
  fromEnv('JAVA_TOOL_OPTIONS');
  fromEnv('JDK_JAVA_OPTIONS');
  for (const name of ['JAVA_OPTS', 'JAVA_OPTIONS', 'JVM_OPTS', 'CATALINA_OPTS']) fromEnv(name);
  for (const a of args) for (const t of tokens(a)) if (KEEP.test(t)) flags.push({ flag: t, source: 'args' });
  fromEnv('_JAVA_OPTIONS');
  if (flags.length === 0) return null;
  const settings: JvmSettings = {
    flags,
    maxHeapBytes: null,
    initialHeapBytes: null,
    maxRamPercentage: null,
    initialRamPercentage: null,
    maxDirectMemoryBytes: null,
    maxMetaspaceBytes: null,
    threadStackBytes: null,
  };
  const percent = (v: string): number | null => {
    const n = Number(v);
    return /^\d+(\.\d+)?$/.test(v) && Number.isFinite(n) ? n : null;
  };
  for (const { flag } of flags) {
    if (flag.startsWith('-Xmx')) settings.maxHeapBytes = parseBinarySuffixSize(flag.slice(4));
    else if (flag.startsWith('-Xms')) settings.initialHeapBytes = parseBinarySuffixSize(flag.slice(4));
    else if (flag.startsWith('-Xss')) settings.threadStackBytes = parseBinarySuffixSize(flag.slice(4));
    else if (flag.startsWith('-XX:MaxHeapSize=')) settings.maxHeapBytes = parseBinarySuffixSize(flag.slice(16));
    else if (flag.startsWith('-XX:InitialHeapSize=')) settings.initialHeapBytes = parseBinarySuffixSize(flag.slice(20));
    else if (flag.startsWith('-XX:MaxRAMPercentage=')) settings.maxRamPercentage = percent(flag.slice(21));
    else if (flag.startsWith('-XX:InitialRAMPercentage=')) settings.initialRamPercentage = percent(flag.slice(25));
    else if (flag.startsWith('-XX:MaxDirectMemorySize=')) settings.maxDirectMemoryBytes = parseBinarySuffixSize(flag.slice(24));
    else if (flag.startsWith('-XX:MaxMetaspaceSize=')) settings.maxMetaspaceBytes = parseBinarySuffixSize(flag.slice(21));
  }
  return settings;
}
