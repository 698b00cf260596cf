// Finding texts (English). Placeholders are filled by each rule; thresholds are stated in the text.
export const findingsEn = {
  'finding.oom-kill-memcg.title': 'Memory-cgroup OOM kill',
  'finding.oom-kill-memcg.summary': '{lead}{when}.',
  'finding.oom-kill-memcg.fromLog': '{victim} (pid {pid}) was killed because {scope} reached its limit: usage {usage} of limit {limit} (failcnt {failcnt})',
  'finding.oom-kill-memcg.fromCounter': 'The kernel OOM-killed {kills} process(es) in {scope} (its oom_kill counter): usage {usage} of limit {limit} (failcnt {failcnt})',
  'finding.oom-kill-memcg.fromStatus':
    '{scope} was OOM-killed at its memory limit ({limit}), as {reporter} shows: {status}. The bundle has no kernel log or cgroup counter of this kill, so the breakdown at the kill is unknown',
  'finding.oom-kill-memcg.advice':
    'Find what filled the cgroup before raising the limit: see the breakdown at the kill. If the application needs more, raise limits.memory (and requests) of the container; if shmem or page cache filled it, fix that instead.',
  'finding.oom-kill-global.title': 'Node-wide OOM kill',
  'finding.oom-kill-global.summary': 'The node ran out of memory (constraint {constraint}): the kernel killed {victim} (pid {pid}, anon-rss {anonRss}){when}.',
  'finding.oom-kill-global.advice':
    'The node, not a container limit, ran out: set memory limits on every pod, reserve memory for the system (kubelet --system-reserved/--kube-reserved, eviction thresholds), and check for overcommitted requests.',
  'finding.eviction.title': 'Pod evicted for memory pressure',
  'finding.eviction.summary':
    'The kubelet evicted {scope} because the node was low on memory — a kubelet decision on the node’s memory pressure, not a kernel OOM kill{usage}. The kubelet said: “{message}”',
  'finding.eviction.usage': '; container {container} was using {containerUsage}, above its request of {request}',
  'finding.eviction.advice':
    'The kubelet evicts when the node’s memory.available falls below its eviction threshold (--eviction-hard/--eviction-soft), starting with pods whose usage exceeds their requests. Set memory requests close to real usage (equal to limits for critical pods: Guaranteed QoS), so the scheduler does not overpack the node, and keep system-reserved/kube-reserved realistic.',
  'finding.anon-near-limit.title': 'Anonymous memory near the limit',
  'finding.anon-near-limit.summary':
    'In {scope} ({snapshot}) anonymous memory alone is {anon}, {share} of the {limit} limit (threshold {threshold}): the application’s own memory (heap, native allocations, a leak) fills the container.',
  'finding.anon-near-limit.advice':
    'Profile the application’s memory (heap dump, NMT for the JVM, pprof for Go). For the JVM cap the heap below the limit (-XX:MaxRAMPercentage=60–75, MaxDirectMemorySize), for glibc consider MALLOC_ARENA_MAX=2; raise the limit only if the growth is legitimate.',
  'finding.shmem-dominant.title': 'Shared memory (tmpfs) fills the cgroup',
  'finding.shmem-dominant.summary':
    'In {scope} ({snapshot}) shmem/tmpfs is {shmem}, {share} of the usage {usage} ({shareOfLimit} of the limit). It cannot be reclaimed without swap, and killing a process does not free it.',
  'finding.shmem-dominant.advice':
    'Find the memory-backed volume (emptyDir medium: Memory, /dev/shm, memfd): cap it with emptyDir sizeLimit, clean up files the application leaves there, or use a disk-backed emptyDir.',
  'finding.shmem-orphaned.title': 'Memory charged to the pod that no running container owns',
  'finding.shmem-orphaned.summary':
    'Pod {scope} ({snapshot}) uses {podUsage}, but its {containerCount} running container(s) use only {containersUsage}: {remainder} ({shareOfLimit} of the {limit} limit) is charged to the pod itself, of which {shmemRemainder} shmem — typically files an earlier container (an init container or a previous instance) left in a memory-backed emptyDir.',
  'finding.shmem-orphaned.advice':
    'List the pod’s memory-backed volumes (emptyDir medium: Memory) and what is in them (fincore, du); give the emptyDir a sizeLimit, delete data that is no longer needed, or move it to a disk-backed volume. Restarting the container does not free it; deleting the pod does.',
  'finding.page-cache-dirty.title': 'Dirty page cache waits for the disk',
  'finding.page-cache-dirty.summary':
    'In {scope} ({snapshot}) dirty {dirty} + writeback {writeback} = {total}, {share} of the {limit} limit: a writer outruns the disk, and these pages cannot be reclaimed until they are written back.',
  'finding.page-cache-dirty.advice':
    'Make the writer flush as it goes (fsync/fdatasync in batches, O_DIRECT for bulk imports), give it faster storage, or lower the node’s vm.dirty_background_bytes/vm.dirty_bytes; on cgroup v2 per-cgroup writeback throttling helps.',
  'finding.working-set-active-file.title': 'Working set inflated by active page cache',
  'finding.working-set-active-file.summary':
    'In {scope} ({snapshot}) the working set is {workingSet} (usage {usage} − inactive file {inactive}) while anon + shmem is only {anonShmem}: {active} of active file cache counts in it. This is why dashboards (kubectl top, container_memory_working_set_bytes) show far more than the processes’ RSS.',
  'finding.working-set-active-file.advice':
    'Active page cache is reclaimable under pressure, so this is usually not a leak; alert on RSS/anon rather than the working set, or read large files with O_DIRECT/fadvise(DONTNEED) if they should not stay cached. The kubelet evicts on the working set, so keep it below the eviction threshold.',
  'finding.thp-inflation.title': 'Transparent huge pages inflate anonymous memory',
  'finding.thp-inflation.summary': 'In {scope} ({snapshot}) {thp} of the {anon} anonymous memory ({share}) is in transparent huge pages.',
  'finding.thp-inflation.advice':
    'Huge pages are charged whole (2 MiB) even when sparsely used. Set THP to madvise on the node (/sys/kernel/mm/transparent_hugepage/enabled), or tune the allocator (e.g. jemalloc/glibc settings) to avoid sparse huge pages.',
  'finding.kernel-memory-high.title': 'Kernel memory is a large part of the usage',
  'finding.kernel-memory-high.summary':
    'In {scope} ({snapshot}) kernel memory (slab, sockets, page tables, stacks) is {kernel}, {share} of {total}; reclaimable slab: {slabReclaimable}.',
  'finding.kernel-memory-high.advice':
    'Look at the slab caches (slabtop, /proc/slabinfo): dentry/inode caches from many files, socket buffers from many connections, page tables from huge address spaces. Reclaimable slab is freed under pressure; unreclaimable growth points to a leak in kernel objects.',
  'finding.memory-high-throttling.title': 'Throttled at memory.high',
  'finding.memory-high-throttling.summary':
    'In {scope} ({snapshot}) memory.events counts high = {high}: the group went over memory.high and was throttled into reclaim below its hard limit (max events: {max}).',
  'finding.memory-high-throttling.advice':
    'Throttling slows the application before any OOM. Raise memory.high (Kubernetes MemoryQoS sets it from the limit), or reduce the working set.',
  'finding.jvm-heap-headroom.title': 'JVM heap leaves too little of the limit',
  'finding.jvm-heap-headroom.summary':
    '{scope}: the JVM’s maximum heap is {maxHeap} ({source}), {heapShare} of the {limit} limit (threshold {threshold}), leaving {headroom} ({headroomShare}) for metaspace, code cache, thread stacks, GC structures, direct buffers and malloc arenas.{nmt}{nmtUsage}',
  'finding.jvm-heap-headroom.nmt':
    ' Native Memory Tracking shows {nonHeap} committed outside the heap: the heap at its maximum plus that is {projected}, {projectedShare} of the limit.',
  'finding.jvm-heap-headroom.nmtUsage':
    ' The JVM has {nmtCommitted} committed in all against the container’s usage of {usage}: {outside} of the usage is outside the JVM’s own accounting (page cache, shmem, other processes, allocations NMT does not track).',
  'finding.jvm-heap-headroom.advice':
    'Leave at least 25–40% of the limit outside the heap: use -XX:MaxRAMPercentage=60–75 instead of a fixed -Xmx, cap -XX:MaxDirectMemorySize and -XX:MaxMetaspaceSize, and check Native Memory Tracking (-XX:NativeMemoryTracking=summary).',
  'finding.process-rss-gap.title': 'Most of the memory is in no process',
  'finding.process-rss-gap.summary':
    'In {scope} ({snapshot}) the usage is {usage}, but the RSS of its {processCount} process(es) ({processes}) adds up to {rss}: {gap} ({share}) is not in any process — page cache, shmem that no process maps, or kernel memory.',
  'finding.process-rss-gap.advice':
    'top, ps and the application’s own metrics cannot see this memory. Use the breakdown: page cache (fincore/pcstat), tmpfs files (du on memory-backed volumes), kernel memory (slabinfo).',
  'finding.oom-partial-kill.title': 'A process was OOM-killed while its container kept running',
  'finding.oom-partial-kill.summary':
    '{victim} (pid {pid}) was OOM-killed in {scope}, but the container was not restarted: the application may be silently degraded (a worker process gone).{status}',
  'finding.oom-partial-kill.status': ' {reporter} shows the container {state}, restart count {restarts}, with no OOMKilled status.',
  'finding.oom-partial-kill.advice':
    'Make the container exit when a child process dies, or enable memory.oom.group so the whole cgroup is killed together (Kubernetes 1.28+ sets it on cgroup v2 by default).',
  'finding.victim-selection.title': 'Why this process was chosen',
  'finding.victim-selection.summary':
    'The kernel killed {victim} (pid {pid}): it had the highest badness among {taskCount} task(s) in the OOM cgroup (rss + swap + page tables, scaled by oom_score_adj {adj}, {qos}). RSS at the kill: anon {anonRss}, file {fileRss}, shmem {shmemRss}.{note}',
  'finding.victim-selection.advice':
    'oom_score_adj follows the QoS class: −997 Guaranteed, 2…999 Burstable (smaller requests → higher), 1000 BestEffort, −998 for the pause container. Killing the victim frees its anonymous memory only; shmem and page cache charged to the cgroup stay.',
  'finding.victim-selection.noteShmem': ' Memory the victim did not hold (shmem left in the cgroup: {shmem}) stays charged after the kill, so a restarted process meets the same wall.',
  'finding.when': ' at {time}',
  'finding.qos.guaranteed': 'Guaranteed',
  'finding.qos.burstable': 'Burstable',
  'finding.qos.besteffort': 'BestEffort',
  'finding.qos.pause': 'pause container',
  'finding.qos.system': 'not a pod (system process)',
  'finding.severity.critical': 'critical',
  'finding.severity.warning': 'warning',
  'finding.severity.info': 'info',
} as const;
