// Every input the bench needs, generated into bench/work/ (git-ignored) from test/fixtures. With
// --keep they stay, and a later run with the same scale reuses them instead of writing them again.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORK_DIR } from '../paths';
import { writeKernelLog } from './kernel-log';
import { writeCadvisor } from './cadvisor';
import { writeKubeletSummary } from './kubelet-summary';
import { writeProcdumpRegion, PROCDUMP_NAME } from './procdump';
import { writeBundle } from './bundle';
import { nodePods } from './node-model';
import { snapshotFiles, writeSnapshotDir } from './snapshots';
import { TarGzWriter } from './tar-gz';

/** Bump when a generator changes what it writes, so kept inputs are regenerated. */
const GENERATOR_VERSION = 3;
const GiB = 2 ** 30;

export interface Inputs {
  kernelLog: string;
  kernelLogReports: number;
  cadvisor: string;
  kubeletSummary: string;
  procdump: string;
  bundle: string;
  snapshotBefore: string;
  snapshotAfter: string;
  /** A capture of 170 pods (more than 500 groups) for the app's tree. */
  groupsBundle: string;
}

export async function prepareInputs(scale: number, log: (line: string) => void): Promise<Inputs> {
  mkdirSync(WORK_DIR, { recursive: true });
  const stampPath = join(WORK_DIR, 'inputs.json');
  const stamp = JSON.stringify({ version: GENERATOR_VERSION, scale });
  const reuse = existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp;
  if (!reuse) {
    for (const name of ['before', 'after']) rmSync(join(WORK_DIR, name), { recursive: true, force: true });
    rmSync(stampPath, { force: true });
  }
  const inputs: Inputs = {
    kernelLog: join(WORK_DIR, 'kern.log'),
    kernelLogReports: Math.max(3, Math.round(200 * scale)),
    cadvisor: join(WORK_DIR, 'cadvisor.prom'),
    kubeletSummary: join(WORK_DIR, 'stats-summary-110-pods.json'),
    procdump: join(WORK_DIR, PROCDUMP_NAME),
    bundle: join(WORK_DIR, 'oomscope-bench-node-1-20261122T120934Z.tar.gz'),
    snapshotBefore: join(WORK_DIR, 'before'),
    snapshotAfter: join(WORK_DIR, 'after'),
    groupsBundle: join(WORK_DIR, 'oomscope-bench-node-2-500-groups.tar.gz'),
  };
  const step = async (path: string, what: string, make: () => Promise<unknown> | unknown): Promise<void> => {
    if (reuse && existsSync(path)) {
      log(`  reusing ${what}`);
      return;
    }
    const started = performance.now();
    const info = await make();
    log(`  wrote ${what} in ${((performance.now() - started) / 1000).toFixed(1)} s ${JSON.stringify(info)}`);
  };
  log('Generating inputs in bench/work/ …');
  await step(inputs.kernelLog, 'kernel log', () => writeKernelLog(inputs.kernelLog, Math.round(GiB * scale), inputs.kernelLogReports));
  await step(inputs.cadvisor, 'cAdvisor text', () => writeCadvisor(inputs.cadvisor, Math.round(300e6 * scale)));
  await step(inputs.kubeletSummary, 'kubelet summary', () => writeKubeletSummary(inputs.kubeletSummary, 110));
  await step(inputs.procdump, 'procdump region', () => writeProcdumpRegion(inputs.procdump, Math.round((GiB * scale) / 65536) * 65536));
  await step(inputs.bundle, 'bundle .tar.gz', async () => {
    const log2 = join(WORK_DIR, 'bundle-kern.log');
    const prom = join(WORK_DIR, 'bundle-cadvisor.prom');
    // Always above the 20 MiB the app gives Monaco, so the app bench opens it in the large-file viewer.
    await writeKernelLog(log2, Math.max(24 * 2 ** 20, Math.round(192 * 2 ** 20 * scale)), Math.max(2, Math.round(40 * scale)), 2);
    await writeCadvisor(prom, Math.round(32e6 * scale), 5);
    const stats = await writeBundle(inputs.bundle, Math.round(GiB * scale), [
      { name: 'kern.log', path: log2 },
      { name: 'cadvisor-metrics.prom', path: prom },
    ]);
    rmSync(log2);
    rmSync(prom);
    return stats;
  });
  const pods = nodePods(110);
  await step(inputs.snapshotBefore, '110-pod capture (before)', () => writeSnapshotDir(inputs.snapshotBefore, snapshotFiles(pods, 'before', '2026-11-22T12:09:33.892Z')));
  await step(inputs.snapshotAfter, '110-pod capture (after)', () => writeSnapshotDir(inputs.snapshotAfter, snapshotFiles(pods, 'after', '2026-11-22T12:19:33.892Z')));
  await step(inputs.groupsBundle, '170-pod capture .tar.gz', async () => {
    const tar = new TarGzWriter(inputs.groupsBundle, 6);
    const folder = 'oomscope-bench-node-2-20261122T120934Z';
    for (const f of snapshotFiles(nodePods(170, 2, 19), 'after', '2026-11-22T12:09:33.892Z')) await tar.file(`${folder}/${f.path}`, f.text);
    return tar.close();
  });
  writeFileSync(stampPath, stamp);
  return inputs;
}

export function sizeOf(path: string): number {
  return statSync(path).size;
}

export function removeInputs(): void {
  rmSync(WORK_DIR, { recursive: true, force: true });
}
