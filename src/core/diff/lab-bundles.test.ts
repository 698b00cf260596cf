// Acceptance of the diff on the real lab bundles (test/fixtures/lab/*.tar.gz, copies of
// shared/corpus/lab), imported and assembled as the app does, with the numbers of each TRUTH.md.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleSnapshots } from '../assemble/assemble-snapshots';
import { importBundle } from '../bundle/import-pipeline';
import { sourceFromBytes } from '../bundle/sources';
import { parseFileText } from '../formats/parse-file';
import type { Snapshot } from '../model/snapshot';
import { evaluateRules } from '../rules/run-rules';
import { translator } from '../i18n/translate';
import { diffSnapshots } from './diff-snapshots';
import type { SnapshotDiff } from './diff-types';
import { ownChargesKey } from './own-charges';
import { pairFiles } from './pair-files';

interface Lab {
  snapshots: Snapshot[];
  files: { path: string; formatId: string }[];
  at(label: string): Snapshot;
  findingsOf(label: string): { id: string; scopeKey: string }[];
}

async function lab(name: string): Promise<Lab> {
  const bytes = new Uint8Array(readFileSync(new URL(`../../../test/fixtures/lab/${name}.tar.gz`, import.meta.url)));
  const outcome = await importBundle([sourceFromBytes(`${name}.tar.gz`, bytes)], { keepRaw: false });
  if (outcome.kind !== 'imported') throw new Error(`${name}: ${outcome.kind}`);
  const files = outcome.bundle.files.map(({ path, formatId, data }) => ({ path, formatId, data }));
  const snapshots = assembleSnapshots(files);
  const drafts = evaluateRules({ snapshots, oomEvents: [], workloadFacts: [] }).drafts;
  const at = (label: string): Snapshot => {
    const s = snapshots.find((x) => x.label === label);
    if (!s) throw new Error(`${name}: no snapshot ${label} in ${snapshots.map((x) => x.label).join(', ')}`);
    return s;
  };
  return { snapshots, files, at, findingsOf: (label) => drafts.filter((d) => d.snapshotId === at(label).id) };
}

function sum(d: SnapshotDiff): number {
  return d.explanation.reduce((s, e) => s + e.deltaBytes, 0);
}

function groupOf(d: SnapshotDiff, key: string) {
  const g = d.groups.find((x) => x.key === key);
  if (!g) throw new Error(`no group ${key} in ${d.groups.map((x) => x.key).join(', ')}`);
  return g;
}

const POD = 'pod:8053180c-b0f1-4cb6-9d6d-c68c5af49d48';
const API = `${POD}/container:api`;
const WARM_CACHE = `${POD}/container:warm-cache`;
const POD_ITSELF = ownChargesKey(POD);

describe('lab orphaned-shmem', async () => {
  const l = await lab('orphaned-shmem');

  it('before → during: explained by the app container’s anonymous growth; the pod’s own shmem unchanged; shmem-orphaned persisting', () => {
    const d = diffSnapshots(l.at('before'), l.at('during'), { findings: { before: l.findingsOf('before'), after: l.findingsOf('during') } });
    expect(d.scope.key).toBe(POD);
    expect(d.scope.usageDeltaBytes).toBe(121344000 - 93818880);
    expect(sum(d)).toBe(121344000 - 93818880);
    expect(d.explanation[0]).toMatchObject({ category: 'anon', key: API, deltaBytes: 36773888 - 9510912 });
    expect(d.explanation[0]?.text).toBe('+26.0 MiB anon in container api');
    const itself = groupOf(d, POD_ITSELF);
    expect(itself.before?.breakdown.shmemBytes).toBe(83886080);
    expect(itself.delta.shmemBytes).toBe(0);
    expect(itself.delta.usageBytes).toBe(0);
    expect(d.notes.some((n) => n.kind === 'unchanged-holding' && n.key === POD_ITSELF && n.category === 'shmem' && n.heldBytes === 83886080)).toBe(true);
    expect(d.explanation.some((e) => e.category === 'shmem')).toBe(false);
    expect(d.findings.persisting.map((f) => `${f.id}@${f.scopeKey}`)).toContain(`shmem-orphaned@${POD}`);
    expect(d.findings.new.concat(d.findings.resolved).map((f) => f.id)).not.toContain('shmem-orphaned');
    const [p] = groupOf(d, API).processes;
    expect(p).toMatchObject({ name: 'api-server', status: 'matched' });
    expect(p?.delta.rssAnonBytes).toBe((35912 - 9288) * 1024);
  });

  it('init-running → before: the init container’s group is gone, its shmem still charged to the pod, nothing freed', () => {
    const d = diffSnapshots(l.at('init-running'), l.at('before'));
    const warm = groupOf(d, WARM_CACHE);
    expect(warm.status).toBe('vanished');
    expect(warm.before?.breakdown.shmemBytes).toBe(83886080);
    expect(warm.chargesMovedToKey).toBe(POD_ITSELF);
    expect(groupOf(d, API).status).toBe('appeared');
    const pod = groupOf(d, POD);
    expect(pod.before?.breakdown.shmemBytes).toBe(83886080);
    expect(pod.after?.breakdown.shmemBytes).toBe(83886080);
    expect(pod.delta.shmemBytes).toBe(0);
    expect(d.explanation.filter((e) => e.category === 'shmem' && e.deltaBytes < 0)).toEqual([]);
    const moved = d.explanation.find((e) => e.kind === 'moved' && e.category === 'shmem');
    expect(moved).toMatchObject({ key: POD_ITSELF, fromKey: WARM_CACHE, movedBytes: 83886080, deltaBytes: 0 });
    expect(moved?.text).toContain('moved from container warm-cache to the pod itself');
    expect(moved?.text).not.toMatch(/freed:/);
    expect(sum(d)).toBe(93818880 - 90165248);
    const zh = diffSnapshots(l.at('init-running'), l.at('before'), { t: translator('zh-CN') });
    expect(zh.explanation.find((e) => e.kind === 'moved')?.text).toContain('从容器 warm-cache 转移到 Pod 自身');
  });

  it('during → after: the kill frees the app’s anon, the shmem stays', () => {
    const d = diffSnapshots(l.at('during'), l.at('after'));
    expect(d.explanation[0]).toMatchObject({ category: 'anon', key: API, deltaBytes: -36773888 });
    expect(groupOf(d, POD).delta.shmemBytes).toBe(0);
    expect(sum(d)).toBe(84287488 - 121344000);
  });

  it('pairs the raw files of two snapshots by group and process', () => {
    const pairs = pairFiles({ files: l.files, snapshot: l.at('before') }, { files: l.files, snapshot: l.at('during') });
    const stat = pairs.find((p) => p.key === `group:${API}:memory.stat`);
    expect(stat?.before?.path).toMatch(/^orphaned-shmem\/before\/cgroup\/.*5e5f644350da.*\/memory\.stat$/);
    expect(stat?.after?.path).toMatch(/^orphaned-shmem\/during\/cgroup\/.*5e5f644350da.*\/memory\.stat$/);
    expect(pairs.find((p) => p.key === `process:${API}:api-server:status`)).toMatchObject({ before: { path: 'orphaned-shmem/before/proc/21065/status' }, after: { path: 'orphaned-shmem/during/proc/21065/status' } });
    expect(pairs.find((p) => p.key === 'path:dmesg.txt')).toMatchObject({ before: { path: 'orphaned-shmem/before/dmesg.txt' }, after: { path: 'orphaned-shmem/during/dmesg.txt' } });
    expect(pairs.every((p) => p.before !== null && p.after !== null)).toBe(true);
  });
});

describe('lab dirty-writeback', async () => {
  const l = await lab('dirty-writeback');
  it('before → during: explained by dirty file cache', () => {
    const d = diffSnapshots(l.at('before'), l.at('during'));
    const importer = 'pod:e2170c20-81aa-4d16-9143-da990b695f5b/container:importer';
    expect(d.explanation[0]).toMatchObject({ category: 'file-dirty', key: importer, deltaBytes: 134217728 + 12582912 - 4096 });
    expect(d.explanation[0]?.text).toBe('+140.0 MiB dirty/writeback file cache in container importer');
    expect(sum(d)).toBe(268054528 - 5763072);
    const [p] = groupOf(d, importer).processes;
    expect(p).toMatchObject({ name: 'dd', renamedFrom: 'image-importer', status: 'matched' });
  });
});

describe('lab page-cache-read', async () => {
  const l = await lab('page-cache-read');
  const indexer = 'pod:4aea1020-e040-44ac-b9a2-de900e0a6449/container:indexer';

  it('before → during: 150 MiB of new file cache, all of it inactive', () => {
    const d = diffSnapshots(l.at('before'), l.at('during'));
    expect(d.explanation[0]).toMatchObject({ category: 'file-cache', key: indexer, deltaBytes: 157290496 - 4096, inactiveFileDeltaBytes: 157290496, activeFileDeltaBytes: 0 });
    expect(d.notes.some((n) => n.kind === 'working-set-jump')).toBe(false);
  });

  it('during → after: file cache moves from inactive to active, and the comparison points out the working set jump', () => {
    const d = diffSnapshots(l.at('during'), l.at('after'));
    const jump = d.notes.find((n) => n.kind === 'working-set-jump');
    expect(jump).toMatchObject({ key: indexer, deltaBytes: 163860480 - 5783552, inactiveToActiveBytes: 157290496, usageDeltaBytes: 163860480 - 163074048 });
    expect(jump?.text).toContain('150.0 MiB of file cache moved from the inactive to the active list');
    expect(d.scope.workingSetDeltaBytes).toBeGreaterThan(150 * 1024 * 1024);
    expect(Math.abs(d.scope.usageDeltaBytes ?? Infinity)).toBeLessThan(1024 * 1024);
  });
});

describe('memstat series (seed 004 layout)', () => {
  it('two samples: the growth of total_shmem is the top line', () => {
    // The later sample is seed 004's real one; the earlier one is the same text with 1 GiB less shmem (made up).
    const real = readFileSync(new URL('../../../test/fixtures/memstat-series/shmem-leak-check.log.seed004.txt', import.meta.url), 'utf8');
    const earlier = real
      .replace('Thu Nov 18 13:37:49 CST 2021', 'Thu Nov 18 13:36:49 CST 2021')
      .replace('total_cache 9075990528', 'total_cache 8002248704')
      .replace('total_shmem 9069502464', 'total_shmem 7995760640');
    const parsed = parseFileText('shmem-leak-check.log', earlier + real);
    expect(parsed.formatId).toBe('memstat-series');
    const snapshots = assembleSnapshots([{ path: 'shmem-leak-check.log', formatId: parsed.formatId, data: parsed.data }]);
    expect(snapshots.length).toBe(2);
    const d = diffSnapshots(snapshots[0] as Snapshot, snapshots[1] as Snapshot);
    expect(d.explanation[0]).toMatchObject({ category: 'shmem', deltaBytes: 9069502464 - 7995760640 });
    expect(d.explanation[0]?.text).toBe('+1.0 GiB shmem in pod kubepods-burstable-pod96bc10f9.slice');
    expect(d.scope.usageDeltaBytes).toBeNull();
  });
});
