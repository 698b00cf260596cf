// The one public surface the shells (renderer, worker, CLI, main) import from the domain.
export type { FormatDefinition, ParseResult, ParseStatus, ParseWarning, ParseContext, SourceRef, LineParser } from './formats/format';
export { FORMATS, detectFormat, findFormat, UNKNOWN_FORMAT_ID, DETECT_HEAD_CHARS, type Detection } from './formats/registry';
export { parseFileText, type ParsedFile } from './formats/parse-file';
export { decodeText, sniffEncoding, createStreamDecoder, type TextEncodingName } from './formats/text/decode';
export { splitLines, createLineSplitter } from './formats/text/lines';
export type { MemoryStatData } from './formats/cgroup/memory-stat-data';
export type {
  KernelLogData,
  OomEvent,
  OomKind,
  OomTrigger,
  OomMemcgCounters,
  OomCgroupStats,
  OomTask,
  OomVictim,
  OomReaped,
  OomChosen,
  OomKillTask,
  OomReportPart,
  KernelTime,
  KernelMemoryEvent,
  LinePrefixStyle,
} from './formats/kernel-log/oom-types';
export { kernelLogFormat, parseKernelLog, createKernelLogParser } from './formats/kernel-log/kernel-log';
export { summariseOomEvent, TASK_TABLE_PAGE_BYTES, type OomEventSummary, type OomTaskSummary } from './formats/kernel-log/summary';
export { type MemoryBreakdown, BREAKDOWN_KEYS, emptyBreakdown, fileCacheExclShmemBytes, workingSetBytes } from './model/breakdown';
export type { MemoryGroup, GroupRole, QosClass, ValueSource, GroupEvents, ProcessInfo } from './model/memory-group';
export { walkGroups, emptyEvents } from './model/memory-group';
export type { Snapshot } from './model/snapshot';
export { formatBytes, formatPercent, type SizeUnits } from './model/units';
export { translate, translator, resolveLocale, isLocale, hasMessage, LOCALES, type Locale, type MessageKey, type Translator, type MessageParams } from './i18n/translate';
export { diffSnapshots, groupDelta, type DiffOptions } from './diff/diff-snapshots';
export { pairFiles, type PairableFile, type PairFilesSide, type FilePair, type FilePairKind } from './diff/pair-files';
export { describeEntry, describeNote, groupLabel, categoryLabel, signedBytes } from './diff/describe';
export { DIFF_THRESHOLDS, type DiffThresholds } from './diff/explain-change';
export { diffFindings } from './diff/match-findings';
export { ownChargesKey, isOwnChargesGroup, OWN_CHARGES_SUFFIX } from './diff/own-charges';
export { DIFF_CATEGORIES } from './diff/diff-types';
export type {
  SnapshotDiff,
  GroupDiff,
  GroupDiffStatus,
  GroupDelta,
  GroupSide,
  GroupRef,
  BreakdownDelta,
  ProcessDiff,
  ProcessSide,
  ExplanationEntry,
  DiffCategory,
  DiffNote,
  DiffNoteKind,
  ScopeSummary,
  FindingLike,
  FindingsDiff,
} from './diff/diff-types';
// cgroup, /proc and node-level formats: the `data` shapes of their parse results.
export type { CgroupMemoryValueData } from './formats/cgroup/memory-value';
export type { CgroupProcsData } from './formats/cgroup/procs';
export { KNOWN_SINGLE_VALUE_FILES, knownFileFromPath, type KnownSingleValueFile, type SingleValueUnit } from './formats/cgroup/single-value-files';
export type { CgroupV1OomControlData } from './formats/cgroup/oom-control';
export type { CgroupV2MemoryEventsData } from './formats/cgroup/memory-events';
export type { PsiData, PsiLine } from './formats/cgroup/psi';
export type { MemstatSeriesData, MemstatSample, MemstatGroup } from './formats/cgroup/memstat-series';
export type { SampleTime } from './formats/cgroup/sample-time';
export type { ProcOomScoreData } from './formats/proc/oom-score';
export type { ProcMeminfoData, MeminfoSummary } from './formats/proc/meminfo';
export type { ProcStatusData } from './formats/proc/status';
export type { ProcSmapsRollupData } from './formats/proc/smaps-rollup';
export type { ProcSmapsData, SmapsMapping, SmapsKindTotal } from './formats/proc/smaps';
export type { SmapsFields } from './formats/proc/smaps-fields';
export type { ProcMapsData, ProcMapsRegion, MappingKindTotal } from './formats/proc/maps';
export type { MappingKind, MappingLine } from './formats/proc/mapping-line';
export type { ProcCgroupData, CgroupMembership } from './formats/proc/pid-cgroup';
export type { ProcVmstatData, ProcVmstatSummary } from './formats/proc/vmstat';
export { pidFromPath } from './formats/proc/path-hints';
export type { SlabinfoData, SlabCache, SlabtopSummary } from './formats/node/slabinfo';
export type { FreeData, FreeMem, FreeSwap, FreeRow, FreeUnit } from './formats/node/free';
export type { VmstatData, VmstatSample } from './formats/node/vmstat-command';
export type { TopData, TopIteration, TopHeader, TopProcess, TopTasks } from './formats/node/top';
export type { TopMemory, TopSwap } from './formats/node/top-header';
export type { ManifestData, ManifestPod, ManifestContainer, ManifestFile, ManifestSampleRef } from './formats/collector/manifest';
export { FILE_ROLES, fileRoleFromLayout, type ManifestFileRole } from './formats/collector/file-roles';
