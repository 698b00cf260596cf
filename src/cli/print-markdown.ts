// Markdown output of the CLI for people: the same facts as the JSON, in the chosen language.
import {
  BREAKDOWN_KEYS,
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
  }
  return `${out.join('\n')}\n`;
}
