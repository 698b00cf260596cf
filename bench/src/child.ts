// One benchmark case in its own Node process (run by run.ts under /usr/bin/time), so the peak
// memory measured is this case's alone. Runs the real code paths of the CLI and the importer:
//   parse <file>            src/cli/read-inputs.ts parseFileFromDisk (line parsers stream big files)
//   import <input>…         src/cli/import-inputs.ts loadBundle (archives, node:crypto SHA-256, parse), then analyzeBundle
//   diff <before> <after>   loadBundle + analyzeBundle of each, then diffSnapshots timed on its own
//   lines <file>            reference floor: read + decode + split into lines, no parsing
// Prints one JSON line: { ms, maxRssBytes, sampledPeakRssBytes, detail }.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parseFileFromDisk, CLI_READ_CHUNK_BYTES } from '../../src/cli/read-inputs';
import { loadBundle } from '../../src/cli/import-inputs';
import { analyzeBundle, createLineSplitter, createStreamDecoder, diffSnapshots, translator, type Snapshot } from '../../src/core/index';
import { DECODE_PIECE_BYTES } from '../../src/core/bundle/block-line-feeder';

let peakRss = process.memoryUsage.rss();
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 25).unref();

type Detail = Record<string, unknown>;

function summariseParse(formatId: string, data: unknown): Detail {
  const d = (data ?? {}) as Record<string, unknown>;
  const count = (k: string): number | undefined => (Array.isArray(d[k]) ? (d[k] as unknown[]).length : undefined);
  return { formatId, oomEvents: count('oomEvents'), otherEvents: count('otherEvents'), lineCount: d.lineCount, containers: count('containers'), pods: count('pods') };
}

async function parseCase(file: string): Promise<Detail> {
  const r = await parseFileFromDisk(file, basename(file));
  return { ...summariseParse(r.formatId, r.data), status: r.status, warnings: r.warnings.map((w) => w.code) };
}

async function importCase(inputs: string[]): Promise<Detail> {
  const started = performance.now();
  const loaded = await loadBundle(inputs);
  const importMs = performance.now() - started;
  const files = loaded.bundle.files;
  const analysisStarted = performance.now();
  const analysis = analyzeBundle(files.map(({ path, formatId, data }) => ({ path, formatId, data })));
  const analyzeMs = performance.now() - analysisStarted;
  const formats: Record<string, number> = {};
  for (const f of files) formats[f.formatId] = (formats[f.formatId] ?? 0) + 1;
  return {
    importMs: Math.round(importMs),
    analyzeMs: Math.round(analyzeMs),
    files: files.length,
    totalBytes: loaded.bundle.totalBytes,
    formats,
    snapshots: analysis.snapshots.length,
    oomEvents: analysis.oomEvents.length,
    findings: analysis.findings.length,
  };
}

function groupCount(s: Snapshot): number {
  let n = 0;
  const walk = (gs: Snapshot['groups']): void => {
    for (const g of gs) {
      n++;
      walk(g.children);
    }
  };
  walk(s.groups);
  return n;
}

async function diffCase(beforeInput: string, afterInput: string, iterations: number): Promise<Detail> {
  const side = async (input: string) => {
    const loaded = await loadBundle([input]);
    const analysis = analyzeBundle(loaded.bundle.files.map(({ path, formatId, data }) => ({ path, formatId, data })));
    const snapshot = analysis.snapshots[analysis.snapshots.length - 1];
    if (!snapshot) throw new Error(`${input}: no snapshot`);
    return snapshot;
  };
  const prepared = performance.now();
  const before = await side(beforeInput);
  const after = await side(afterInput);
  const prepareMs = performance.now() - prepared;
  const t = translator('en');
  const times: number[] = [];
  let entries = 0;
  let matched = 0;
  for (let i = 0; i < iterations; i++) {
    const s = performance.now();
    const diff = diffSnapshots(before, after, { t });
    times.push(performance.now() - s);
    entries = diff.explanation.length;
    matched = diff.groups.length;
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    prepareMs: Math.round(prepareMs),
    groupsBefore: groupCount(before),
    groupsAfter: groupCount(after),
    firstDiffMs: Number((times[0] ?? 0).toFixed(2)),
    medianDiffMs: Number((sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(2)),
    iterations,
    explanationEntries: entries,
    groupRows: matched,
  };
}

async function linesCase(file: string): Promise<Detail> {
  let lines = 0;
  const splitter = createLineSplitter(() => {
    lines++;
  });
  const decode = createStreamDecoder('utf-8');
  for await (const chunk of createReadStream(file, { highWaterMark: CLI_READ_CHUNK_BYTES })) {
    const bytes = chunk as Uint8Array;
    for (let at = 0; at < bytes.length; at += DECODE_PIECE_BYTES) splitter.push(decode(bytes.subarray(at, at + DECODE_PIECE_BYTES)));
  }
  splitter.push(decode(undefined));
  splitter.end();
  return { lines };
}

async function main(): Promise<void> {
  const [kind, ...args] = process.argv.slice(2);
  const started = performance.now();
  let detail: Detail;
  switch (kind) {
    case 'parse':
      detail = await parseCase(args[0] ?? '');
      break;
    case 'import':
      detail = await importCase(args);
      break;
    case 'diff':
      detail = await diffCase(args[0] ?? '', args[1] ?? '', Number(args[2] ?? 20));
      break;
    case 'lines':
      detail = await linesCase(args[0] ?? '');
      break;
    default:
      throw new Error(`unknown case kind "${kind}"`);
  }
  const ms = performance.now() - started;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  process.stdout.write(`${JSON.stringify({ ms: Math.round(ms), maxRssBytes: process.resourceUsage().maxRSS * 1024, sampledPeakRssBytes: peakRss, detail })}\n`);
}

await main();
