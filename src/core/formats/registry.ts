// Every input format, in one explicit list. Detection is by content; the file name only breaks ties.
import type { FormatDefinition, ParseContext, ParseResult } from './format';
import { warning } from './format';
import { memoryStatV1Format } from './cgroup/memory-stat-v1';
import { memoryStatV2Format } from './cgroup/memory-stat-v2';
import { kernelLogFormat } from './kernel-log/kernel-log';
// cgroup, /proc and node-level formats
import { cgroupMemoryValueFormat } from './cgroup/memory-value';
import { cgroupProcsFormat } from './cgroup/procs';
import { oomControlFormat } from './cgroup/oom-control';
import { memoryEventsFormat } from './cgroup/memory-events';
import { psiFormat } from './cgroup/psi';
import { memstatSeriesFormat } from './cgroup/memstat-series';
import { procOomScoreFormat } from './proc/oom-score';
import { meminfoFormat } from './proc/meminfo';
import { procStatusFormat } from './proc/status';
import { smapsRollupFormat } from './proc/smaps-rollup';
import { smapsFormat } from './proc/smaps';
import { procMapsFormat } from './proc/maps';
import { procCgroupFormat } from './proc/pid-cgroup';
import { procVmstatFormat } from './proc/vmstat';
import { slabinfoFormat } from './node/slabinfo';
import { freeFormat } from './node/free';
import { vmstatCommandFormat } from './node/vmstat-command';
import { topFormat } from './node/top';
import { manifestFormat } from './collector/manifest';
// Kubernetes, container runtime and application formats
import { kubeletSummaryFormat } from './kubernetes/kubelet-summary';
import { metricsApiFormat } from './kubernetes/metrics-api';
import { cadvisorPrometheusFormat } from './kubernetes/cadvisor-prometheus';
import { kubectlPodFormat } from './kubernetes/kubectl-pod';
import { kubectlGetPodsFormat, kubectlTopFormat } from './kubernetes/kubectl-tables';
import { kubectlDescribePodFormat } from './kubernetes/kubectl-describe-pod';
import { kubectlDescribeNodeFormat } from './kubernetes/kubectl-describe-node';
import { kubectlEventsFormat } from './kubernetes/kubectl-events';
import { dockerInspectFormat } from './runtime/docker-inspect';
import { crictlInspectFormat } from './runtime/crictl-inspect';
import { dockerStatsFormat, crictlStatsFormat } from './runtime/container-stats';
import { fincoreFormat } from './application/fincore';
import { pcstatFormat, hcacheFormat } from './application/pcstat';
import { vmtouchFormat } from './application/vmtouch';
import { jvmHeapInfoFormat } from './application/jvm-heap-info';
import { jvmNmtFormat } from './application/jvm-nmt';
import { procdumpListingFormat } from './application/procdump-listing';
import { controlCharRatio } from './text/lines';

export const FORMATS: readonly FormatDefinition[] = [
  memoryStatV1Format,
  memoryStatV2Format,
  kernelLogFormat,
  // cgroup, /proc and node-level formats
  cgroupMemoryValueFormat,
  cgroupProcsFormat,
  oomControlFormat,
  memoryEventsFormat,
  psiFormat,
  memstatSeriesFormat,
  procOomScoreFormat,
  meminfoFormat,
  procStatusFormat,
  smapsRollupFormat,
  smapsFormat,
  procMapsFormat,
  procCgroupFormat,
  procVmstatFormat,
  slabinfoFormat,
  freeFormat,
  vmstatCommandFormat,
  topFormat,
  manifestFormat,
  // Kubernetes, container runtime and application formats
  kubeletSummaryFormat,
  metricsApiFormat,
  cadvisorPrometheusFormat,
  kubectlPodFormat,
  kubectlGetPodsFormat,
  kubectlTopFormat,
  kubectlDescribePodFormat,
  kubectlDescribeNodeFormat,
  kubectlEventsFormat,
  dockerInspectFormat,
  crictlInspectFormat,
  dockerStatsFormat,
  crictlStatsFormat,
  fincoreFormat,
  pcstatFormat,
  hcacheFormat,
  vmtouchFormat,
  jvmHeapInfoFormat,
  jvmNmtFormat,
  procdumpListingFormat,
];

export const UNKNOWN_FORMAT_ID = 'unknown';
/** Bytes of a file's start that detection looks at. */
export const DETECT_HEAD_CHARS = 64 * 1024;

export interface Detection {
  formatId: string;
  score: number;
  /** Runners-up above zero, best first: shown to the user when the choice was close. */
  alternatives: { formatId: string; score: number }[];
  /** Why nothing matched, when formatId is unknown. */
  reason?: string;
}

export function findFormat(id: string): FormatDefinition | undefined {
  return FORMATS.find((f) => f.id === id);
}

export function detectFormat(head: string, path: string): Detection {
  const sample = head.length > DETECT_HEAD_CHARS ? head.slice(0, DETECT_HEAD_CHARS) : head;
  if (sample.trim() === '') return { formatId: UNKNOWN_FORMAT_ID, score: 0, alternatives: [], reason: 'The file is empty.' };
  if (controlCharRatio(sample) > 0.1) {
    return { formatId: UNKNOWN_FORMAT_ID, score: 0, alternatives: [], reason: 'The file looks binary, not text.' };
  }
  const scored = FORMATS.map((f) => ({ formatId: f.id, score: safeDetect(f, sample, path) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return { formatId: UNKNOWN_FORMAT_ID, score: 0, alternatives: [], reason: 'No known format matches its content.' };
  return { formatId: best.formatId, score: best.score, alternatives: scored.slice(1) };
}

function safeDetect(format: FormatDefinition, head: string, path: string): number {
  try {
    const s = format.detect(head, path);
    return Number.isFinite(s) ? Math.max(0, Math.min(1, s)) : 0;
  } catch {
    return 0;
  }
}

/** Runs a format's parser; a thrown exception is a bug, reported as a warning rather than a crash. */
export function parseWithFormat(format: FormatDefinition, text: string, ctx: ParseContext): ParseResult<unknown> {
  try {
    return format.parse(text, ctx);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'unusable', warnings: [warning('parser-failed', `The ${format.id} parser failed: ${message}`)] };
  }
}
