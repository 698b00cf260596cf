// Every rule, in one explicit list.
import type { Rule } from './rule';
import { anonNearLimitRule } from './anon-near-limit';
import { shmemDominantRule } from './shmem-dominant';
import { shmemOrphanedRule } from './shmem-orphaned';
import { pageCacheDirtyRule } from './page-cache-dirty';
import { workingSetActiveFileRule } from './working-set-active-file';
import { thpInflationRule } from './thp-inflation';
import { kernelMemoryHighRule } from './kernel-memory-high';
import { memoryHighThrottlingRule } from './memory-high-throttling';
import { processRssGapRule } from './process-rss-gap';
import { oomKillGlobalRule, oomKillMemcgRule } from './oom-kill';
import { victimSelectionRule } from './victim-selection';
import { oomPartialKillRule } from './oom-partial-kill';
import { evictionRule } from './eviction';
import { jvmHeapHeadroomRule } from './jvm-heap-headroom';

export const RULES: readonly Rule[] = [
  oomKillMemcgRule,
  oomKillGlobalRule,
  evictionRule,
  oomPartialKillRule,
  victimSelectionRule,
  shmemOrphanedRule,
  shmemDominantRule,
  anonNearLimitRule,
  pageCacheDirtyRule,
  workingSetActiveFileRule,
  thpInflationRule,
  kernelMemoryHighRule,
  memoryHighThrottlingRule,
  jvmHeapHeadroomRule,
  processRssGapRule,
];
