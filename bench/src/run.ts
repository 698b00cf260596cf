// `npm run bench` (after `npm run build`): generates the inputs, runs each case against plain
// baselines on the same file, runs the app benchmark in Chromium, prints a table and writes
// bench/RESULTS.md. Options: --keep (keep bench/work/ and reuse it next time), --scale <f> (all
// sizes × f, for a quick try), --only <id,…>, --runs <n> (each case and baseline: the median of n
// runs, 3 by default), --skip-app.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { currentLoad, describeMachine } from './machine';
import { measureRuns } from './measure';
import { prepareInputs, removeInputs, sizeOf, type Inputs } from './inputs/index';
import { OOM_MARKER } from './inputs/kernel-log';
import { CADVISOR_MARKER } from './inputs/cadvisor';
import { ROOT, WORK_DIR } from './paths';
import { CASE_HEADER, caseRows, mb, ratio, seconds, textTable, writeResults, type AppResult, type BaselineResult, type CaseResult, type ChildReport, type TargetResult } from './results';

interface Options {
  keep: boolean;
  scale: number;
  only: string[] | null;
  runs: number;
  skipApp: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const o: Options = { keep: false, scale: 1, only: null, runs: 3, skipApp: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--keep') o.keep = true;
    else if (a === '--skip-app') o.skipApp = true;
    else if (a === '--scale') o.scale = Number(argv[++i]);
    else if (a === '--runs') o.runs = Math.max(1, Math.floor(Number(argv[++i])));
    else if (a === '--only') o.only = (argv[++i] ?? '').split(',');
    else throw new Error(`unknown option ${a}`);
  }
  if (!(o.scale > 0 && o.scale <= 1)) throw new Error('--scale takes a number in (0, 1]');
  return o;
}

interface BaselineDef {
  label: string;
  command: string;
  args: string[];
  needs?: string;
}

interface CaseDef {
  id: string;
  title: string;
  input: string;
  child: string[];
  baselines: BaselineDef[];
  check: (detail: Record<string, unknown>, baselines: BaselineResult[]) => string;
}

const CHILD = join(ROOT, 'out', 'bench', 'child.js');
const log = (line: string): void => void process.stdout.write(`${line}\n`);

function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

function cases(inputs: Inputs): CaseDef[] {
  const grepCount = (b: BaselineResult[]): string => b.find((x) => x.label.startsWith('grep'))?.measured?.stdout.trim() ?? '?';
  const gz = `gzip -dc '${inputs.bundle}' | sha256sum`;
  return [
    {
      id: 'kernel-log',
      title: `Kernel log, ${inputs.kernelLogReports} OOM reports (parse)`,
      input: inputs.kernelLog,
      child: ['parse', inputs.kernelLog],
      baselines: [{ label: `grep -c -F '${OOM_MARKER}'`, command: 'grep', args: ['-c', '-F', OOM_MARKER, inputs.kernelLog] }],
      check: (d, b) => `${String(d.oomEvents)} OOM events (grep: ${grepCount(b)}), ${String(d.lineCount)} lines`,
    },
    {
      id: 'kernel-log-import',
      title: 'Same kernel log (import: SHA-256 + parse)',
      input: inputs.kernelLog,
      child: ['import', inputs.kernelLog],
      baselines: [
        { label: `grep -c -F '${OOM_MARKER}'`, command: 'grep', args: ['-c', '-F', OOM_MARKER, inputs.kernelLog] },
        { label: 'sha256sum', command: 'sha256sum', args: [inputs.kernelLog] },
      ],
      check: (d) => `${String(d.oomEvents)} OOM events after analysis`,
    },
    {
      id: 'kernel-log-lines',
      title: 'Same kernel log: read + decode + split only (JS floor, no parsing)',
      input: inputs.kernelLog,
      child: ['lines', inputs.kernelLog],
      baselines: [{ label: `grep -c -F '${OOM_MARKER}'`, command: 'grep', args: ['-c', '-F', OOM_MARKER, inputs.kernelLog] }],
      check: (d) => `${String(d.lines)} lines`,
    },
    {
      id: 'cadvisor',
      title: 'cAdvisor Prometheus text (parse)',
      input: inputs.cadvisor,
      child: ['parse', inputs.cadvisor],
      baselines: [{ label: `grep -c -F '${CADVISOR_MARKER}'`, command: 'grep', args: ['-c', '-F', CADVISOR_MARKER, inputs.cadvisor] }],
      check: (d, b) => `${String(d.containers)} cgroups; working-set samples (grep): ${grepCount(b)}`,
    },
    {
      id: 'kubelet-summary',
      title: 'Kubelet summary, 110 pods (parse)',
      input: inputs.kubeletSummary,
      child: ['parse', inputs.kubeletSummary],
      baselines: [{ label: 'jq length', command: 'jq', args: ['length', inputs.kubeletSummary], needs: 'jq' }],
      check: (d) => `${String(d.formatId)}, ${String(d.pods)} pods`,
    },
    {
      id: 'procdump',
      title: 'Procdump region (import: SHA-256 + sampling)',
      input: inputs.procdump,
      child: ['import', inputs.procdump],
      baselines: [{ label: 'sha256sum', command: 'sha256sum', args: [inputs.procdump] }],
      check: (d) => `formats ${JSON.stringify(d.formats)}`,
    },
    {
      id: 'bundle',
      title: 'Bundle .tar.gz (import + analyze)',
      input: inputs.bundle,
      child: ['import', inputs.bundle],
      baselines: [
        { label: 'gzip -dc | sha256sum', command: 'sh', args: ['-c', gz] },
        { label: 'sha256sum', command: 'sha256sum', args: [inputs.bundle] },
      ],
      check: (d) => `${String(d.files)} files, ${mb(Number(d.totalBytes))} uncompressed, import ${seconds(Number(d.importMs))} + analysis ${seconds(Number(d.analyzeMs))}, ${String(d.oomEvents)} OOM events`,
    },
    {
      id: 'diff',
      title: 'Diff of two 110-pod captures',
      input: inputs.snapshotBefore,
      child: ['diff', inputs.snapshotBefore, inputs.snapshotAfter, '50'],
      baselines: [],
      check: (d) =>
        `${String(d.groupsBefore)}/${String(d.groupsAfter)} groups; diffSnapshots first ${String(d.firstDiffMs)} ms, median of ${String(d.iterations)} ${String(d.medianDiffMs)} ms (import + analysis of both: ${seconds(Number(d.prepareMs))})`,
    },
  ];
}

function dirSize(path: string): number {
  const out = spawnSync('du', ['-sb', path], { encoding: 'utf8' }).stdout;
  return Number(out.split('\t')[0] ?? 0);
}

async function runCase(def: CaseDef, runs: number): Promise<CaseResult> {
  const isDir = !def.input.endsWith('.json') && existsSync(join(def.input, 'manifest.json'));
  const sizeBytes = isDir ? dirSize(def.input) : sizeOf(def.input);
  log(`• ${def.title}: ${mb(sizeBytes)}`);
  const readLimit = isDir ? null : await measureRuns(runs, 'cat', [def.input], { discardStdout: true });
  const baselines: BaselineResult[] = [];
  for (const b of def.baselines) {
    if (b.needs && !has(b.needs)) {
      baselines.push({ label: b.label, measured: null, skipped: `${b.needs} is not installed: skipped` });
      log(`    ${b.label}: skipped (${b.needs} missing)`);
      continue;
    }
    const m = await measureRuns(runs, b.command, b.args);
    baselines.push({ label: b.label, measured: m });
    log(`    ${b.label}: ${seconds(m.wallMs)}`);
  }
  const ours = await measureRuns(runs, process.execPath, ['--expose-gc', CHILD, ...def.child]);
  if (ours.exitCode !== 0) throw new Error(`${def.id} failed (${ours.exitCode}): ${ours.stderr}`);
  const child = JSON.parse(ours.stdout.trim().split('\n').pop() ?? '{}') as ChildReport;
  const first = baselines.find((b) => b.measured)?.measured ?? null;
  const r = ratio(ours, first);
  log(`    OOMScope: ${seconds(ours.wallMs)}, peak ${mb(ours.maxRssBytes ?? child.maxRssBytes)}${r !== null ? `, ${r.toFixed(2)}× the baseline` : ''}`);
  return { id: def.id, title: def.title, input: def.input, sizeBytes, ours, child, baselines, readLimit, check: def.check(child.detail, baselines) };
}

function targets(results: CaseResult[], app: AppResult[]): TargetResult[] {
  const byId = (id: string): CaseResult | undefined => results.find((c) => c.id === id);
  const out: TargetResult[] = [];
  const within = (id: string, factor: number, label: string): void => {
    const c = byId(id);
    const base = c?.baselines.find((b) => b.measured)?.measured ?? null;
    const r = c ? ratio(c.ours, base) : null;
    out.push({ target: label, measured: r === null ? 'not run' : `${r.toFixed(2)}× (${seconds(c?.ours.wallMs ?? 0)} vs ${seconds(base?.wallMs ?? 0)})`, holds: r === null ? null : r <= factor });
  };
  within('kernel-log', 3, 'Kernel-log parsing within 3× of `grep -c`');
  const k = byId('kernel-log');
  const peak = k ? (k.ours.maxRssBytes ?? k.child.maxRssBytes) : null;
  out.push({ target: 'Kernel-log parsing under 300 MB peak memory', measured: peak === null ? 'not run' : mb(peak), holds: peak === null ? null : peak < 300e6 });
  within('cadvisor', 4, 'cAdvisor text within 4× of `grep -c`');
  within('procdump', 1.5, 'Import hashing within 1.5× of `sha256sum` (procdump region)');
  const d = byId('diff')?.child.detail;
  const diffMs = d ? Number(d.medianDiffMs) : null;
  out.push({ target: 'Diff of two 110-pod snapshots under 50 ms', measured: diffMs === null ? 'not run' : `median ${diffMs} ms, first ${String(d?.firstDiffMs)} ms`, holds: diffMs === null ? null : diffMs < 50 });
  const reopen = app.find((a) => a.measure.startsWith('Reopen'));
  out.push({ target: 'Reopening the imported 1 GiB bundle shows its overview in under 1 s', measured: reopen?.value ?? 'not run', holds: reopen?.holds ?? null });
  return out;
}

function runApp(inputs: Inputs): AppResult[] | string {
  const resultsPath = join(WORK_DIR, 'app-results.json');
  rmSync(resultsPath, { force: true });
  log('• App benchmark (Chromium, bench/playwright.bench.config.ts) …');
  const r = spawnSync('npx', ['playwright', 'test', '--config', 'bench/playwright.bench.config.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, BENCH_BUNDLE: inputs.bundle, BENCH_GROUPS_BUNDLE: inputs.groupsBundle, BENCH_APP_RESULTS: resultsPath },
  });
  const results = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as AppResult[]) : [];
  if (r.status !== 0) results.push({ measure: 'App benchmark run', value: `Playwright exited with ${String(r.status)} (see its output)`, target: 'passes', holds: false });
  return results.length > 0 ? results : 'The app benchmark produced no results.';
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(CHILD)) throw new Error('out/bench/child.js is missing: run "npm run bench" (it builds first).');
  const machine = describeMachine();
  log(`OOMScope bench on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB), load ${machine.loadBefore}`);
  const inputs = await prepareInputs(options.scale, log);
  const results: CaseResult[] = [];
  for (const def of cases(inputs)) if (!options.only || options.only.includes(def.id)) results.push(await runCase(def, options.runs));
  const app = options.skipApp ? 'Not run (--skip-app).' : runApp(inputs);
  const appList = typeof app === 'string' ? [] : app;
  const targetResults = targets(results, appList);
  log('');
  log(textTable(CASE_HEADER, caseRows(results)));
  log('');
  log(textTable(['Target', 'Measured', 'Holds'], targetResults.map((t) => [t.target, t.measured, t.holds === null ? 'not measured' : t.holds ? 'yes' : 'NO'])));
  if (appList.length > 0) log(`\n${textTable(['App measure', 'Value', 'Target'], appList.map((a) => [a.measure, a.value, a.target]))}`);
  const notes: string[] = [];
  if (!has('jq')) notes.push('jq is not installed: the kubelet-summary baseline was skipped.');
  writeResults(join(ROOT, 'bench', 'RESULTS.md'), {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    scale: options.scale,
    runs: options.runs,
    machine,
    loadAfter: currentLoad(),
    cases: results,
    targets: targetResults,
    app,
    notes,
  });
  log('\nWrote bench/RESULTS.md');
  if (!options.keep) removeInputs();
}

await main();
