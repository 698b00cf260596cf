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
export { walkGroups, emptyEvents, blankGroup, groupDisplayName, groupForCgroupPath } from './model/memory-group';
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
// Bundle import (src/core/bundle) and assembly into snapshots (src/core/assemble).
export {
  importBundle,
  bundleFingerprint,
  DEFAULT_STREAM_THRESHOLD_BYTES,
  DEFAULT_MAX_PARSE_BYTES,
  type ImportOptions,
  type ImportEvent,
  type ImportProgress,
  type ImportedBundle,
  type ImportOutcome,
} from './bundle/import-pipeline';
export type { ImportedFile } from './bundle/file-accumulator';
export { sourceFromBytes, sourceFromText, sourceFromReader, DEFAULT_CHUNK_BYTES, type ImportSource, type RandomAccessReader } from './bundle/sources';
export { sniffArchive, concatChunks, type ArchiveRecord, type ArchiveKind, type SkippedMember } from './bundle/archive';
export { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './bundle/archive-limits';
export { createSha256, sha256Hex, type Hasher, type HasherFactory } from './bundle/sha256';
export { PROCDUMP_REGION_FORMAT_ID, type BinarySummaryData, type TextRun } from './bundle/binary-summary';
export { normaliseMemberName, type DisplayName } from './bundle/member-name';
export { BlockLineFeeder, createStreamedLines, type StreamedLines, type BlockFeederStats, type BlockFeederOptions } from './bundle/block-line-feeder';
export { createLineFeedCounter } from './formats/text/line-feed-count';
export { typedArrayIndexer, type ByteIndex, type ByteIndexer } from './formats/text/byte-search';
export { assembleSnapshots, type AssemblyFile } from './assemble/assemble-snapshots';
export {
  parseCgroupPath,
  bundleCgroupFile,
  normalisePodUid,
  normaliseContainerId,
  sameContainerId,
  shortContainerId,
  namesFromLabels,
  namesFromDockerName,
  type CgroupPathInfo,
  type CgroupLevel,
  type ContainerRuntime,
  type BundleCgroupFile,
  type KubernetesNames,
} from './assemble/join-keys';
export { REMAINDER_KEY_SUFFIX, REMAINDER_PATH_SUFFIX, isRemainderGroup } from './assemble/remainder';
export type { PodVolume } from './model/memory-group';
// Kubernetes, container runtime and application formats: the `data` shapes of their parse results.
export { parseMemoryQuantity, parseCpuQuantity, memoryQuantityBytes, cpuQuantityCores, type MemoryQuantity, type CpuQuantity, type QuantityError } from './model/quantity';
export type { KubeletSummaryData, KubeletNodeStats, KubeletPodStats, KubeletContainerStats, KubeletMemoryStats, KubeletVolumeStats } from './formats/kubernetes/kubelet-summary';
export type { MetricsApiData, MetricsItem, MetricsUsage, MetricsContainerUsage } from './formats/kubernetes/metrics-api';
export { CADVISOR_MEMORY_FIELDS, createCadvisorLineParser, type CadvisorData, type CadvisorContainer, type CadvisorSample, type CadvisorField, type CadvisorRole, type CadvisorValues } from './formats/kubernetes/cadvisor-prometheus';
export type {
  PodInfo,
  PodContainer,
  PodVolume as KubePodVolume,
  ContainerStateInfo,
  ResourceList,
  VolumeMount,
  KubeEvent,
} from './formats/kubernetes/pod-model';
export type { KubectlPodData } from './formats/kubernetes/kubectl-pod';
export type { KubectlDescribePodData } from './formats/kubernetes/kubectl-describe-pod';
export type { KubectlDescribeNodeData, DescribedNode, NodeCondition, NodePodResources, NodeAllocated, AllocatedQuantity } from './formats/kubernetes/kubectl-describe-node';
export type { KubectlEventsData } from './formats/kubernetes/kubectl-events';
export type { KubectlGetPodsData, KubectlPodRow, KubectlTopData, KubectlTopRow } from './formats/kubernetes/kubectl-tables';
export type { ContainerInspectData, ContainerInspect, ContainerMount } from './formats/runtime/container-inspect-data';
export { parseKubeletName } from './formats/runtime/container-inspect-data';
export type { ContainerStatsData, ContainerStatsRow } from './formats/runtime/container-stats';
export type { EnvVar, JvmFlag, JvmSettings } from './formats/application/jvm-flags';
export type { PageCacheData, PageCacheFile, VmtouchSummary } from './formats/application/page-cache-data';
export type { JvmHeapInfoData, HeapSummary, HeapSpace } from './formats/application/jvm-heap-info';
export type { JvmNmtData, NmtCategory, NmtAmounts } from './formats/application/jvm-nmt';
export type { ProcdumpListingData, ProcdumpRegion, ProcdumpCopy } from './formats/application/procdump-listing';
// analysis, findings, headline, Rosetta stone (integrator)
export { analyzeBundle, oomEventsOf, dedupeOomEvents, type AnalysisFile, type BundleAnalysis } from './analyze/analyze-bundle';
export { localizeFinding, evaluateRules, collapseAcrossSnapshots, resolveMessageParams, type LineReader } from './rules/run-rules';
export { FINDING_IDS, SEVERITY_ORDER, type Finding, type FindingDraft, type FindingId, type Severity, type Evidence, type EvidenceRef, type LocatedOomEvent, type WorkloadFact } from './rules/rule';
export { RULES } from './rules/registry';
// workload facts and the application evidence they come from (kubectl, inspect, NMT)
export { deriveWorkloadFacts, readEvictionMessage, type EvictionMessage } from './analyze/workload-facts';
export { groupForFact, factScope, sameContainer } from './rules/workload-match';
export type { WorkloadFactKind } from './rules/rule';
export { oomGroupStats, type OomGroupStats } from './model/oom-stats';
export { headlineForOomEvent, headlineForSnapshot, headlineForSnapshots, fullestGroup, type Headline, type HeadlinePart } from './model/headline';
export { renderHeadline } from './model/headline-text';
export { rosettaStone, type RosettaEntry, type RosettaMetricId, type RosettaInput } from './model/rosetta';
export { oomVerdict, missingPartsText } from './formats/kernel-log/verdict';
export { qosFromOomScoreAdj } from './rules/oom-facts';
// Incident report content (src/core/report): built once, rendered by the app's report page and the CLI.
export { buildReport, type BuildReportInput, type ReportBundleMeta, type ReportNoteInput, type ReportFileInput } from './report/build-report';
export { compareForReport, reportComparison, comparisonUsageText, type ComparedSide, type ComparisonInput } from './report/report-comparison';
export { formatReportTime } from './report/report-time';
export { CHART_CATEGORIES } from './report/report-charts';
export type {
  ReportModel,
  ReportCover,
  ReportAnswer,
  ReportTimelineEntry,
  ReportTimelineKind,
  ReportChart,
  ReportChartPart,
  ReportChartCategory,
  ReportEvidence,
  ReportTask,
  ReportOomEvent,
  ReportFinding,
  ReportComparison,
  ReportNote,
  ReportFile,
  ReportAppendix,
} from './report/report-model';
// Notes (Markdown on a bundle, snapshot, group, finding, OOM event or lines) and workspace backups.
export {
  NOTE_TARGET_KINDS,
  noteTargetKey,
  sameNoteTarget,
  linesTarget,
  noteTargetLines,
  compareNoteTargets,
  noteTargetLabel,
  parseNote,
  parseNoteTarget,
  type Note,
  type NoteTarget,
  type NoteTargetKind,
  type NoteTargetNames,
} from './notes/note';
export { parseMarkdown, parseInline, inlineText, type MdBlock, type MdInline, type HeadingLevel } from './notes/markdown';
export { searchNotes, searchTerms, noteMatches, type NoteSearchHit } from './notes/search';
export {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_FILE_SUFFIX,
  backupFileName,
  type BackupBundle,
  type BackupBundleMeta,
  type BackupFileMeta,
  type BackupManifest,
  type BackupCounts,
  type BackupError,
  type BackupErrorCode,
} from './backup/backup-format';
export { writeBackup, backupManifest, type WriteBackupOptions } from './backup/write-backup';
export { readBackup, DEFAULT_MAX_UNPACKED_BYTES, type ReadBackupResult, type ReadBackupBundle, type ReadBundleMeta, type ReadFileMeta, type ReadBackupOptions } from './backup/read-backup';
export { findDuplicates, planBackupImport, withBundleId, type MergeableBundle, type ExistingBundle, type DuplicateChoice, type Duplicate, type BackupImportPlan } from './backup/merge-plan';
