// Acceptance on the lab bundles (test/fixtures/lab/*.tar.gz, Linux 6.18.44, cgroup v1): every
// bundle imports as an archive and as a folder, yields its capture times in order, and its pod and
// container groups carry the numbers its cgroup files hold (TRUTH.md of each bundle).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importBundle, type ImportedBundle } from '../bundle/import-pipeline';
import { sourceFromBytes } from '../bundle/sources';
import { walkGroups, type MemoryGroup } from '../model/memory-group';
import type { Snapshot } from '../model/snapshot';
import { isOwnChargesGroup, OWN_CHARGES_SUFFIX } from '../diff/own-charges';
import { assembleSnapshots } from './assemble-snapshots';
import { isRemainderGroup, REMAINDER_KEY_SUFFIX } from './remainder';

const LAB = join(import.meta.dirname, '../../../test/fixtures/lab');
const MiB = 1024 * 1024;

async function importLab(name: string): Promise<ImportedBundle> {
  const outcome = await importBundle([sourceFromBytes(`${name}.tar.gz`, new Uint8Array(readFileSync(join(LAB, `${name}.tar.gz`))))]);
  if (outcome.kind !== 'imported') throw new Error(`${name}: ${outcome.kind}`);
  return outcome.bundle;
}

/** The same files given one by one, as a folder import hands them over. */
async function asFolder(bundle: ImportedBundle): Promise<ImportedBundle> {
  const outcome = await importBundle(bundle.files.map((f) => sourceFromBytes(f.path, new Uint8Array(Buffer.concat(f.raw ?? [])))));
  if (outcome.kind !== 'imported') throw new Error(outcome.kind);
  return outcome.bundle;
}

function snapshotsOf(bundle: ImportedBundle): Snapshot[] {
  return assembleSnapshots(bundle.files.map(({ path, formatId, data }) => ({ path, formatId, data })));
}

function groups(s: Snapshot, role: MemoryGroup['role']): MemoryGroup[] {
  return [...walkGroups(s.groups)].filter((g) => g.role === role && !g.orphaned);
}

function one<T>(list: T[]): T {
  expect(list).toHaveLength(1);
  return list[0] as T;
}

const BUNDLES: Record<string, { labels: string[]; pod: [string, string, string, 'burstable' | 'guaranteed', number]; containers: Record<string, [string, number]> }> = {
  'anon-oom': { labels: ['before', 'during', 'after'], pod: ['1148d3cc-4df4-427f-b394-0de161d2b891', 'orders-7c9d5b8f4-k2x9p', 'shop', 'burstable', 64 * MiB], containers: { orders: ['6c82500b0bc2', 64 * MiB] } },
  'dirty-writeback': {
    labels: ['before', 'during', 'after'],
    pod: ['e2170c20-81aa-4d16-9143-da990b695f5b', 'image-importer-5f6d8c7b9-q8w4z', 'registry', 'burstable', 256 * MiB],
    containers: { importer: ['ee88b79b8212', 256 * MiB] },
  },
  'memory-pressure-near-limit': {
    labels: ['before', 'during', 'after'],
    pod: ['585d22b5-b5d7-466b-8bb6-9f2114fe4a28', 'report-builder-0', 'analytics', 'guaranteed', 128 * MiB],
    containers: { report: ['e0e93a76a8da', 128 * MiB] },
  },
  'orphaned-shmem': {
    labels: ['init-running', 'before', 'during', 'after'],
    pod: ['8053180c-b0f1-4cb6-9d6d-c68c5af49d48', 'api-7f8c9d6b5-h7j2k', 'ml', 'burstable', 128 * MiB],
    containers: { 'warm-cache': ['222f087a701e', 128 * MiB], api: ['5e5f644350da', 128 * MiB] },
  },
  'page-cache-read': {
    labels: ['before', 'during', 'after'],
    pod: ['4aea1020-e040-44ac-b9a2-de900e0a6449', 'search-indexer-0', 'search', 'guaranteed', 256 * MiB],
    containers: { indexer: ['495debd3ca5a', 256 * MiB] },
  },
};

// From each bundle's TRUTH.md: bundle, snapshot, group, usage, total_rss, total_cache, total_shmem,
// total_inactive_file, working set, failcnt, max_usage.
const TRUTH: [string, string, 'pod' | 'container', number, number, number, number, number, number, number, number][] = [
  ['anon-oom', 'before', 'container', 14147584, 13713408, 12288, 0, 4096, 14143488, 0, 14147584],
  ['anon-oom', 'before', 'pod', 14409728, 13713408, 12288, 0, 4096, 14405632, 0, 14409728],
  ['anon-oom', 'during', 'container', 56086528, 55656448, 8192, 0, 0, 56086528, 0, 56086528],
  ['anon-oom', 'during', 'pod', 56348672, 55656448, 8192, 0, 0, 56348672, 0, 56348672],
  ['anon-oom', 'after', 'container', 217088, 0, 0, 0, 0, 217088, 22, 67108864],
  ['dirty-writeback', 'before', 'container', 5500928, 5316608, 4096, 0, 4096, 5496832, 0, 5500928],
  ['dirty-writeback', 'before', 'pod', 5763072, 5316608, 4096, 0, 4096, 5758976, 0, 5763072],
  ['dirty-writeback', 'during', 'container', 267788288, 1167360, 259022848, 0, 245370880, 22417408, 123, 267792384],
  ['dirty-writeback', 'during', 'pod', 268054528, 1167360, 259026944, 0, 248520704, 19533824, 0, 268054528],
  ['dirty-writeback', 'after', 'container', 266342400, 0, 259022848, 0, 259002368, 7340032, 1286, 267792384],
  ['dirty-writeback', 'after', 'pod', 266604544, 0, 259022848, 0, 259002368, 7602176, 0, 268054528],
  ['memory-pressure-near-limit', 'before', 'container', 121106432, 120664064, 4096, 0, 4096, 121102336, 0, 121106432],
  ['memory-pressure-near-limit', 'during', 'container', 134086656, 121716736, 11620352, 0, 11620352, 122466304, 402979, 134217728],
  ['memory-pressure-near-limit', 'after', 'container', 133038080, 120664064, 11575296, 0, 11575296, 121462784, 962861, 134217728],
  ['orphaned-shmem', 'init-running', 'container', 89903104, 5316608, 83902464, 83886080, 8192, 89894912, 0, 89903104],
  ['orphaned-shmem', 'init-running', 'pod', 90165248, 5316608, 83902464, 83886080, 8192, 90157056, 0, 90165248],
  ['orphaned-shmem', 'before', 'pod', 93818880, 9510912, 83906560, 83886080, 12288, 93806592, 0, 93818880],
  ['orphaned-shmem', 'before', 'container', 9699328, 9510912, 4096, 0, 4096, 9695232, 0, 9699328],
  ['orphaned-shmem', 'during', 'pod', 121344000, 36773888, 83906560, 83886080, 8192, 121335808, 0, 121344000],
  ['orphaned-shmem', 'during', 'container', 37224448, 36773888, 4096, 0, 4096, 37220352, 0, 37224448],
  ['orphaned-shmem', 'after', 'pod', 84287488, 0, 83886080, 83886080, 0, 84287488, 52, 134217728],
  ['orphaned-shmem', 'after', 'container', 184320, 0, 0, 0, 0, 184320, 0, 50376704],
  ['page-cache-read', 'before', 'container', 5529600, 5320704, 4096, 0, 0, 5529600, 0, 5529600],
  ['page-cache-read', 'during', 'container', 163074048, 5320704, 157290496, 0, 157290496, 5783552, 0, 164126720],
  ['page-cache-read', 'after', 'container', 163860480, 6332416, 157290496, 0, 0, 163860480, 0, 164126720],
];

const imported = new Map<string, { archive: Snapshot[]; folder: Snapshot[]; bundle: ImportedBundle }>();

beforeAll(async () => {
  for (const name of Object.keys(BUNDLES)) {
    const bundle = await importLab(name);
    imported.set(name, { archive: snapshotsOf(bundle), folder: snapshotsOf(await asFolder(bundle)), bundle });
  }
});

function lab(name: string) {
  const entry = imported.get(name);
  if (!entry) throw new Error(name);
  return entry;
}

describe.each(Object.entries(BUNDLES))('lab bundle %s', (name, expected) => {
  it('yields its capture times in time order, as an archive and as a folder', () => {
    const { archive, folder } = lab(name);
    expect(archive.map((s) => s.label)).toEqual(expected.labels);
    expect(folder.map((s) => s.label)).toEqual(expected.labels);
    expect(folder).toEqual(archive);
    for (const s of archive) {
      expect(s).toMatchObject({ host: 'vm', kernelRelease: '6.18.44-fc-v669', cgroupVersion: 1 });
      expect(s.capturedAt).toMatch(/^2026-11-22T12:09:\d\d\.\d{3}Z$/);
      expect(s.id).toBe(`${name}/${s.label}`);
      expect(s.files).toContain(`${name}/${s.label}/manifest.json`);
      expect(s.files.every((f) => f.startsWith(`${name}/${s.label}/`))).toBe(true);
    }
  });

  it('names the pod and its containers, with limits, keyed by UID and container name', () => {
    const [uid, podName, namespace, qos, limit] = expected.pod;
    for (const s of lab(name).archive) {
      const pod = one(groups(s, 'pod'));
      expect(pod).toMatchObject({ key: `pod:${uid}`, podUid: uid, podName, podNamespace: namespace, qosClass: qos, limitBytes: limit, cgroupVersion: 1 });
      expect(pod.path).toBe(`/oomlab/kubepods${qos === 'burstable' ? '/burstable' : ''}/pod${uid}`);
      expect(pod.sources['limitBytes']).toMatchObject({ file: expect.stringMatching(/memory\.limit_in_bytes$/), line: 1, key: 'memory.limit_in_bytes', rawText: String(limit) });
      for (const c of groups(s, 'container')) {
        const known = expected.containers[c.containerName ?? ''];
        expect(known, `container ${c.containerName} in ${s.label}`).toBeDefined();
        expect(c.key).toBe(`pod:${uid}/container:${c.containerName}`);
        expect(c.containerId?.slice(0, 12)).toBe(known?.[0]);
        expect(c.limitBytes).toBe(known?.[1]);
        expect(c).toMatchObject({ podUid: uid, podName, podNamespace: namespace, qosClass: qos });
        expect(pod.children).toContain(c);
      }
    }
  });

  it('carries what every cgroup file says (usage, limit, max usage, failcnt, oom_kill), with its source line', () => {
    const { archive, bundle } = lab(name);
    const text = (path: string) => Buffer.concat(bundle.files.find((f) => f.path === path)?.raw ?? []).toString('utf8').trim();
    let checked = 0;
    for (const s of archive) {
      for (const g of walkGroups(s.groups)) {
        if (g.orphaned) continue;
        const usage = g.sources['usageBytes'];
        expect(usage?.key).toBe('memory.usage_in_bytes');
        expect(g.usageBytes).toBe(Number(text(usage?.file ?? '')));
        expect(g.maxUsageBytes).toBe(Number(text(usage?.file.replace('memory.usage_in_bytes', 'memory.max_usage_in_bytes') ?? '')));
        expect(g.events.failcnt).toBe(Number(text(usage?.file.replace('memory.usage_in_bytes', 'memory.failcnt') ?? '')));
        const oomControl = text(usage?.file.replace('memory.usage_in_bytes', 'memory.oom_control') ?? '');
        expect(g.events.oomKill).toBe(Number(/oom_kill (\d+)/.exec(oomControl)?.[1]));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(expected.labels.length * 2);
  });
});

describe('lab numbers from TRUTH.md', () => {
  it.each(TRUTH)('%s %s %s', (name, label, role, usage, rss, cache, shmem, inactive, ws, failcnt, maxUsage) => {
    const snapshot = lab(name).archive.find((s) => s.label === label);
    expect(snapshot).toBeDefined();
    const g = one(groups(snapshot as Snapshot, role));
    expect(g.usageBytes).toBe(usage);
    expect(g.breakdown.anonBytes).toBe(rss);
    expect(g.breakdown.fileBytes).toBe(cache);
    expect(g.breakdown.shmemBytes).toBe(shmem);
    expect(g.breakdown.inactiveFileBytes).toBe(inactive);
    expect(g.workingSetBytes).toBe(ws);
    expect(g.events.failcnt).toBe(failcnt);
    expect(g.maxUsageBytes).toBe(maxUsage);
    expect(g.sources['breakdown.shmemBytes']).toMatchObject({ file: expect.stringMatching(/memory\.stat$/), key: 'total_shmem', rawText: String(shmem) });
  });
});

describe('orphaned-shmem: charges no current container owns', () => {
  const pod = (label: string) => one(groups(lab('orphaned-shmem').archive.find((s) => s.label === label) as Snapshot, 'pod'));
  const remainderOf = (g: MemoryGroup) => one(g.children.filter((c) => c.orphaned && c.role === 'other'));

  it('shows the pod remainder in before, during and after (84119552 bytes, 83886080 of it shmem)', () => {
    for (const label of ['before', 'during']) {
      const r = remainderOf(pod(label));
      expect(r).toMatchObject({
        key: 'pod:8053180c-b0f1-4cb6-9d6d-c68c5af49d48/(not owned by any container)',
        path: '/oomlab/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48 (remainder)',
        role: 'other',
        orphaned: true,
        usageBytes: 84119552,
        podName: 'api-7f8c9d6b5-h7j2k',
      });
      expect(r.breakdown.shmemBytes).toBe(83886080);
      expect(r.breakdown.fileBytes).toBe(83902464);
      expect(r.breakdown.anonBytes).toBe(0);
      expect(r.sources['breakdown.shmemBytes']).toMatchObject({ key: 'total_shmem', rawText: '83886080' });
    }
    const after = remainderOf(pod('after'));
    expect(after.usageBytes).toBe(84287488 - 184320);
    expect(after.breakdown.shmemBytes).toBe(83886080);
  });

  it('is the remainder the diff and the rules look for', () => {
    expect(REMAINDER_KEY_SUFFIX).toBe(OWN_CHARGES_SUFFIX);
    const p = pod('during');
    const r = remainderOf(p);
    expect(isRemainderGroup(r)).toBe(true);
    expect(isOwnChargesGroup(r, p)).toBe(true);
  });

  it('adds up: the pod equals its container plus the remainder, without double counting', () => {
    const p = pod('before');
    const sum = p.children.reduce((n, c) => n + (c.usageBytes ?? 0), 0);
    expect(sum).toBe(p.usageBytes);
    expect(p.children.map((c) => c.role)).toEqual(['container', 'other']);
  });

  it('shows the init container while it runs, and its name', () => {
    const init = one(groups(lab('orphaned-shmem').archive[0] as Snapshot, 'container'));
    expect(init).toMatchObject({ containerName: 'warm-cache', usageBytes: 89903104 });
    expect(remainderOf(pod('init-running')).usageBytes).toBe(90165248 - 89903104);
  });

  it('joins the app process by /proc/<pid>/cgroup, with its status figures and oom_score_adj', () => {
    const container = one(groups(lab('orphaned-shmem').archive.find((s) => s.label === 'before') as Snapshot, 'container'));
    expect(container.processes).toEqual([
      {
        pid: 21065,
        name: 'api-server',
        rssBytes: 15280 * 1024,
        rssAnonBytes: 9288 * 1024,
        rssFileBytes: 5992 * 1024,
        rssShmemBytes: 0,
        swapBytes: 0,
        oomScoreAdj: 999,
        source: expect.objectContaining({ file: 'orphaned-shmem/before/proc/21065/status', key: 'VmRSS' }),
      },
    ]);
  });

  it('counts the kill in the victim cgroup only (memory.oom_control)', () => {
    const p = pod('after');
    expect(p.events.oomKill).toBe(0);
    expect(one(groups(lab('orphaned-shmem').archive.at(-1) as Snapshot, 'container')).events.oomKill).toBe(1);
  });
});
