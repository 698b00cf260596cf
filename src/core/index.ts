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
