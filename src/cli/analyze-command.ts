// `oomscope analyze` and `oomscope diff`: the same engine as the app, as JSON (cli-contract.md) or Markdown.
import {
  analyzeBundle,
  describeEntry,
  diffSnapshots,
  formatBytes,
  localizeFinding,
  renderHeadline,
  rosettaStone,
  translate,
  translator,
  walkGroups,
  type BundleAnalysis,
  type Finding,
  type Locale,
  type MemoryGroup,
  type MessageKey,
  type Snapshot,
} from '../core/index';
import type { CliArgs } from './args';
import { loadBundle, type LoadedBundle } from './import-inputs';
import { escapeCell } from './print-markdown';
import { toJson } from './print-json';

function analysisFiles(loaded: LoadedBundle) {
  return loaded.bundle.files.map(({ path, formatId, data }) => ({ path, formatId, data }));
}

function groupJson(g: MemoryGroup): unknown {
  return {
    key: g.key,
    path: g.path,
    role: g.role,
    qosClass: g.qosClass,
    podUid: g.podUid,
    podName: g.podName,
    podNamespace: g.podNamespace,
    containerName: g.containerName,
    containerId: g.containerId,
    orphaned: g.orphaned,
    usageBytes: g.usageBytes,
    limitBytes: g.limitBytes,
    workingSetBytes: g.workingSetBytes,
    maxUsageBytes: g.maxUsageBytes,
    breakdown: g.breakdown,
    events: g.events,
    processes: g.processes,
    volumes: g.volumes ?? [],
    sources: g.sources,
    children: g.children.map(groupJson),
  };
}

function snapshotJson(s: Snapshot): unknown {
  return { id: s.id, label: s.label, capturedAt: s.capturedAt, host: s.host, kernelRelease: s.kernelRelease, cgroupVersion: s.cgroupVersion, groups: s.groups.map(groupJson) };
}

function findingsOf(analysis: BundleAnalysis, loaded: LoadedBundle, locale: Locale): (Finding & { snapshotIds: string[] })[] {
  return analysis.findings.map((d) => ({ ...localizeFinding(d, locale, loaded.readLines), snapshotIds: d.snapshotIds }));
}

export async function runAnalyze(args: CliArgs): Promise<string> {
  const loaded = await loadBundle(args.inputs);
  const analysis = analyzeBundle(analysisFiles(loaded));
  const findings = findingsOf(analysis, loaded, args.lang);
  if (args.output === 'md') return analyzeMarkdown(loaded, analysis, findings, args.lang);
  return toJson({
    bundle: {
      fingerprint: loaded.bundle.fingerprint,
      files: loaded.bundle.files.map((f) => ({ path: f.path, format: f.formatId, status: f.status, sizeBytes: f.sizeBytes, sha256: f.sha256, warnings: f.warnings })),
      skipped: loaded.bundle.skipped,
      warnings: loaded.bundle.warnings,
    },
    headline: analysis.headline ? { ...analysis.headline, text: renderHeadline(analysis.headline, args.lang) } : null,
    snapshots: analysis.snapshots.map(snapshotJson),
    oomEvents: analysis.oomEvents.map((l) => ({ file: l.file, ...l.event })),
    findings,
  });
}

function analyzeMarkdown(loaded: LoadedBundle, analysis: BundleAnalysis, findings: Finding[], locale: Locale): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const out: string[] = [`# ${t('app.name')}: ${t('app.tagline')}`, '', `**${escapeCell(renderHeadline(analysis.headline, locale))}**`, ''];
  out.push(`## ${t('report.findings')}`, '');
  if (findings.length === 0) out.push(t('report.noFindings'), '');
  for (const f of findings) {
    out.push(`### [${t(`finding.severity.${f.severity}` as MessageKey)}] ${f.title} — ${escapeCell(f.scope)}`, '', f.summary, '', `> ${f.advice}`, '');
    for (const e of f.evidence) {
      out.push(`- \`${e.file}:${e.lineStart}${e.lineEnd !== e.lineStart ? `-${e.lineEnd}` : ''}\``);
      if (e.excerpt) out.push('', '  ```', ...e.excerpt.split('\n').map((l) => `  ${l}`), '  ```');
    }
    out.push('');
  }
  out.push(`## ${t('report.snapshots')}`, '');
  for (const s of analysis.snapshots) {
    out.push(`### ${escapeCell(s.label)}${s.capturedAt ? ` (${s.capturedAt})` : ''}`, '', `| group | role | ${t('metric.usage')} | ${t('metric.limit')} | ${t('metric.workingSet')} | anon | shmem | file |`, '|---|---|---:|---:|---:|---:|---:|---:|');
    for (const g of walkGroups(s.groups)) {
      const b = g.breakdown;
      out.push(`| ${escapeCell(g.key)} | ${g.role} | ${formatBytes(g.usageBytes)} | ${formatBytes(g.limitBytes)} | ${formatBytes(g.workingSetBytes)} | ${formatBytes(b.anonBytes)} | ${formatBytes(b.shmemBytes)} | ${formatBytes(b.fileBytes)} |`);
    }
    out.push('');
  }
  const headlineSnapshot = analysis.snapshots.find((s) => s.id === analysis.headline?.snapshotId);
  const headlineGroup = headlineSnapshot ? [...walkGroups(headlineSnapshot.groups)].find((g) => g.key === analysis.headline?.scopeKey) : undefined;
  if (headlineGroup) {
    out.push(`## ${t('rosetta.title')}: ${escapeCell(headlineGroup.key)} (${escapeCell(headlineSnapshot?.label ?? '')})`, '', t('rosetta.intro'), '');
    out.push(`| ${t('rosetta.col.metric')} | ${t('rosetta.col.formula')} | ${t('rosetta.col.value')} |`, '|---|---|---:|');
    for (const e of rosettaStone(headlineGroup)) {
      out.push(`| ${escapeCell(t(`rosetta.${e.id}.label` as MessageKey))} | ${escapeCell(t(`rosetta.${e.id}.formula` as MessageKey))} | ${formatBytes(e.valueBytes)} |`);
    }
    out.push('', t('rosetta.topHeader'), '');
  }
  out.push(`## ${t('report.files')}`, '', `| file | format | status |`, '|---|---|---|');
  for (const f of loaded.bundle.files) out.push(`| ${escapeCell(f.path)} | ${f.formatId} | ${f.status} |`);
  return `${out.join('\n')}\n`;
}

/** The snapshot an input stands for in a diff: its latest capture. */
function lastSnapshot(analysis: BundleAnalysis, input: string): Snapshot {
  const s = analysis.snapshots[analysis.snapshots.length - 1];
  if (!s) throw new Error(`"${input}" yields no snapshot (no cgroup memory files found)`);
  return s;
}

export async function runDiff(args: CliArgs): Promise<string> {
  const [beforeInput, afterInput] = args.inputs as [string, string];
  const [beforeLoaded, afterLoaded] = [await loadBundle([beforeInput]), await loadBundle([afterInput])];
  const beforeAnalysis = analyzeBundle(analysisFiles(beforeLoaded));
  const afterAnalysis = analyzeBundle(analysisFiles(afterLoaded));
  const before = lastSnapshot(beforeAnalysis, beforeInput);
  const after = lastSnapshot(afterAnalysis, afterInput);
  const localize = (analysis: BundleAnalysis, loaded: LoadedBundle, id: string) =>
    analysis.findingsBySnapshot.filter((d) => d.snapshotId === id).map((d) => localizeFinding(d, args.lang, loaded.readLines));
  const diff = diffSnapshots(before, after, {
    t: translator(args.lang),
    findings: { before: localize(beforeAnalysis, beforeLoaded, before.id), after: localize(afterAnalysis, afterLoaded, after.id) },
  });
  if (args.output === 'json') return toJson(diff);
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(args.lang, key, params);
  const out = [`# ${t('app.name')}: ${escapeCell(before.label)} → ${escapeCell(after.label)}`, ''];
  out.push(`${t('metric.usage')}: ${formatBytes(diff.scope.before.usageBytes)} → ${formatBytes(diff.scope.after.usageBytes)}`, '');
  for (const e of diff.explanation) out.push(`- ${escapeCell(describeEntry(e, { t: translator(args.lang) }))}`);
  if (diff.notes.length > 0) {
    out.push('');
    for (const n of diff.notes) out.push(`> ${n.text}`);
  }
  out.push('', `## ${t('report.findings')}`, '');
  for (const [label, list] of [
    ['new', diff.findings.new],
    ['resolved', diff.findings.resolved],
    ['persisting', diff.findings.persisting],
  ] as const) {
    for (const f of list) out.push(`- ${t(`report.findings.${label}`)}: ${escapeCell(f.title)} — ${escapeCell(f.scope)}`);
  }
  return `${out.join('\n')}\n`;
}
