// `oomscope report <input>... [--compare <input>] --out FILE [--lang en|zh-CN]` (cli-contract.md):
// imports the inputs as one bundle, analyses it, optionally compares it with a baseline input, and
// writes the incident report: `.html` always (self-contained), `.pdf` through a Chromium found on
// the machine (exit 2 with one line saying what to install when there is none).
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { analyzeBundle, buildReport, compareForReport, type ComparisonInput, type ReportModel } from '../core/index';
import type { CliArgs } from './args';
import { findChromium, NO_CHROMIUM_HINT } from './find-chromium';
import { loadBundle, type LoadedBundle } from './import-inputs';
import { InputError } from './read-inputs';
import { reportHtml } from './report-html';
import { printReportPdf } from './print-report-pdf';

export interface ReportIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

type OutputKind = 'html' | 'pdf';

function outputKind(out: string): OutputKind {
  const ext = extname(out).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.pdf') return 'pdf';
  throw new InputError(`--out "${out}": the report is written as .html or .pdf`);
}

function analysisOf(loaded: LoadedBundle) {
  return analyzeBundle(loaded.bundle.files.map(({ path, formatId, data }) => ({ path, formatId, data })));
}

function inputsTitle(inputs: readonly string[]): string {
  return inputs.map((i) => basename(i.replace(/[/\\]+$/, ''))).join(', ');
}

export async function buildCliReport(args: CliArgs, generatedAt: Date = new Date()): Promise<ReportModel> {
  const loaded = await loadBundle(args.inputs);
  const analysis = analysisOf(loaded);
  let comparison: ComparisonInput | null = null;
  if (args.compare !== null) {
    const baseline = await loadBundle([args.compare]);
    comparison = compareForReport(
      { analysis: analysisOf(baseline), readLines: baseline.readLines, snapshotId: null, label: inputsTitle([args.compare]) },
      { analysis, readLines: loaded.readLines, snapshotId: null, label: inputsTitle(args.inputs) },
      args.lang,
    );
    if (comparison === null) throw new InputError(`--compare "${args.compare}": no snapshot with memory figures on one side, nothing to compare`);
  }
  return buildReport({
    bundle: { title: inputsTitle(args.inputs), host: null, tags: [], status: null, conclusion: '', author: null },
    analysis,
    readLines: loaded.readLines,
    notes: [],
    comparison,
    files: loaded.bundle.files.map((f) => ({ path: f.path, formatId: f.formatId, sizeBytes: f.sizeBytes, sha256: f.sha256, data: f.formatId === 'manifest' ? f.data : undefined })),
    locale: args.lang,
    generatedAt: generatedAt.toISOString(),
  });
}

export async function runReport(args: CliArgs, io: ReportIo): Promise<number> {
  const out = args.out;
  if (out === null) throw new InputError('report needs --out FILE (.html or .pdf)');
  const kind = outputKind(out);
  // Look for the engine before the work, so a missing browser costs no import.
  const chromium = kind === 'pdf' ? findChromium() : null;
  if (chromium && !chromium.found) {
    io.stderr(`oomscope: cannot write a PDF: ${chromium.reason}; ${NO_CHROMIUM_HINT} (or write --out report.html and print it from a browser).\n`);
    return 2;
  }
  const html = reportHtml(await buildCliReport(args));
  const content = chromium?.found ? await printReportPdf(html, chromium.path) : html;
  try {
    await writeFile(out, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot write "${out}"${code ? ` (${code})` : ''}`);
  }
  io.stderr(`oomscope: wrote ${out}\n`);
  return 0;
}
