// Markdown output of the CLI for people: the same facts as the JSON, in the chosen language.
import { missingPartsText, oomVerdict } from '../core/formats/kernel-log/verdict';
import {
  BREAKDOWN_KEYS,
  summariseOomEvent,
  type KernelLogData,
  type OomEvent,
  formatBytes,
  hasMessage,
  translate,
  type Locale,
  type MemoryBreakdown,
  type MemoryStatData,
  type ParsedFile,
} from '../core/index';

const BREAKDOWN_LABEL_KEYS: Partial<Record<keyof MemoryBreakdown, string>> = {
  anonBytes: 'breakdown.anon',
  fileBytes: 'breakdown.file',
  mappedFileBytes: 'breakdown.mappedFile',
  slabReclaimableBytes: 'breakdown.slabReclaimable',
  slabUnreclaimableBytes: 'breakdown.slabUnreclaimable',
  hierarchicalLimitBytes: 'breakdown.hierarchicalLimit',
  shmemBytes: 'breakdown.shmem',
  activeFileBytes: 'breakdown.activeFile',
  inactiveFileBytes: 'breakdown.inactiveFile',
  dirtyBytes: 'breakdown.dirty',
  writebackBytes: 'breakdown.writeback',
  kernelBytes: 'breakdown.kernel',
  swapBytes: 'breakdown.swap',
  anonThpBytes: 'breakdown.anonThp',
};

function label(locale: Locale, key: string, fallback: string): string {
  return hasMessage(key) ? translate(locale, key) : fallback;
}

function isMemoryStat(file: ParsedFile): file is ParsedFile & { data: MemoryStatData } {
  return (file.formatId === 'cgroup-v1-memory-stat' || file.formatId === 'cgroup-v2-memory-stat') && file.data !== null;
}

export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function breakdownTable(locale: Locale, breakdown: MemoryBreakdown): string[] {
  const rows = [`| ${label(locale, 'breakdown.category', 'Category')} | ${label(locale, 'breakdown.bytes', 'Size')} | bytes |`, '|---|---:|---:|'];
  for (const key of BREAKDOWN_KEYS) {
    const value = breakdown[key];
    if (value === null) continue;
    rows.push(`| ${escapeCell(label(locale, BREAKDOWN_LABEL_KEYS[key] ?? '', key))} | ${formatBytes(value)} | ${value} |`);
  }
  return rows;
}

function isKernelLog(file: ParsedFile): file is ParsedFile & { data: KernelLogData } {
  return file.formatId === 'kernel-log' && file.data !== null;
}

function oomEventMarkdown(event: OomEvent, index: number, locale: Locale): string[] {
  const t = (key: string, params?: Record<string, string | number>) => (hasMessage(key) ? translate(locale, key, params) : key);
  const s = summariseOomEvent(event);
  const out = [`### ${index + 1}. ${t(`oomView.kind.${event.kind}`)}${s.time ? ` — ${escapeCell(s.time)}` : ''}`, '', `**${escapeCell(oomVerdict(event, locale))}**`, ''];
  out.push(`- ${t('oomView.lines')}: ${s.lineStart}–${s.lineEnd}`);
  if (s.host) out.push(`- ${t('oomView.host')}: ${escapeCell(s.host)}`);
  if (event.trigger?.comm) out.push(`- ${t('oomView.trigger')}: ${escapeCell(event.trigger.comm)} (pid ${event.trigger.pid ?? '?'}, oom_score_adj ${event.trigger.oomScoreAdj ?? '?'})`);
  if (event.oomMemcg) out.push(`- ${t('oomView.oomMemcg')}: \`${event.oomMemcg}\``);
  if (event.taskMemcg) out.push(`- ${t('oomView.taskMemcg')}: \`${event.taskMemcg}\``);
  if (s.usageBytes !== null) {
    const share = s.usageShareOfLimit !== null ? `${(s.usageShareOfLimit * 100).toFixed(1)}%` : '—';
    out.push(`- ${t('oomView.usage')}: ${t('oomView.usageOfLimit', { usage: formatBytes(s.usageBytes), limit: formatBytes(s.limitBytes), share })}, ${t('oomView.failcnt')} ${event.memcg?.failcnt ?? '—'}`);
  }
  if (event.victim) {
    const v = event.victim;
    out.push(`- ${t('oomView.victim')}: ${escapeCell(v.comm)} (pid ${v.pid}): ${t('oomView.victimRss', { anon: formatBytes(v.anonRssBytes), file: formatBytes(v.fileRssBytes), shmem: formatBytes(v.shmemRssBytes) })}`);
  }
  if (s.groupKillCount > 0) out.push(`- ${t('oomView.groupKills', { count: s.groupKillCount })}`);
  if (event.missing.length > 0) out.push(`- ${t('oomView.missing', { parts: missingPartsText(event, locale) })}`);
  const stats = event.cgroupStats.find((c) => c.path === event.oomMemcg) ?? event.cgroupStats[0];
  if (stats) {
    out.push('', `${t('oomView.statsOf', { path: stats.path ?? '—' })}:`, '');
    out.push(`| key | ${t('breakdown.bytes')} | bytes |`, '|---|---:|---:|');
    for (const key of ['total_rss', 'rss', 'anon', 'total_cache', 'cache', 'file', 'total_shmem', 'shmem', 'total_dirty', 'file_dirty', 'total_writeback', 'file_writeback', 'kernel']) {
      const v = stats.stats[key];
      if (typeof v === 'number') out.push(`| ${key} | ${formatBytes(v)} | ${v} |`);
    }
  }
  if (s.topTasks.length > 0) {
    out.push('', `${t('oomView.tasks', { count: s.taskCount })}:`, '');
    out.push(`| ${t('oomView.col.pid')} | ${t('oomView.col.name')} | ${t('oomView.col.rss')} | ${t('oomView.col.adj')} |`, '|---:|---|---:|---:|');
    for (const task of s.topTasks) out.push(`| ${task.pid} | ${escapeCell(task.name)} | ${formatBytes(task.rssBytes)} | ${task.oomScoreAdj ?? '—'} |`);
  }
  out.push('');
  return out;
}

export function parseMarkdown(files: readonly ParsedFile[], locale: Locale): string {
  const out: string[] = [];
  for (const file of files) {
    out.push(`## ${escapeCell(file.path)}`, '');
    const formatName = file.formatId === 'unknown' ? translate(locale, 'format.unknown') : file.formatId;
    out.push(`- ${label(locale, 'bundle.file.format', 'Format')}: \`${formatName}\``);
    out.push(`- ${label(locale, 'bundle.file.status', 'Status')}: ${label(locale, `status.${file.status}`, file.status)}`);
    if (file.warnings.length > 0) {
      out.push(`- ${label(locale, 'bundle.file.warnings', 'Warnings')}:`);
      for (const w of file.warnings) {
        const key = `warning.${w.code}`;
        const text = hasMessage(key) ? translate(locale, key, w.params) : w.message;
        out.push(`  - ${w.line !== undefined ? `line ${w.line}: ` : ''}${escapeCell(text)}`);
      }
    }
    out.push('');
    if (isMemoryStat(file)) out.push(...breakdownTable(locale, file.data.breakdown), '');
    if (isKernelLog(file)) {
      if (file.data.oomEvents.length === 0) out.push(translate(locale, 'oomView.empty'), '');
      file.data.oomEvents.forEach((event, i) => out.push(...oomEventMarkdown(event, i, locale)));
    }
  }
  return `${out.join('\n')}\n`;
}
