// 发现项文案（简体中文）：与 findings-en.ts 的键一一对应（编译器检查）。
import type { findingsEn } from './findings-en';

export const findingsZhCN: Record<keyof typeof findingsEn, string> = {
  'finding.oom-kill-memcg.title': '内存 cgroup OOM 杀进程',
  'finding.oom-kill-memcg.summary': '{lead}{when}。',
  'finding.oom-kill-memcg.fromLog': '{victim}（pid {pid}）被杀，因为 {scope} 达到了限制：使用量 {usage}，限制 {limit}（failcnt {failcnt}）',
  'finding.oom-kill-memcg.fromCounter': '内核在 {scope} 中 OOM 杀掉了 {kills} 个进程（见其 oom_kill 计数）：使用量 {usage}，限制 {limit}（failcnt {failcnt}）',
  'finding.oom-kill-memcg.fromStatus': '{scope} 在达到内存限制（{limit}）时被 OOM 杀掉，{reporter} 显示：{status}。数据包中没有这次杀进程的内核日志或 cgroup 计数，因此不知道当时内存由什么构成',
  'finding.oom-kill-memcg.advice':
    '先查清是什么占满了 cgroup，再考虑调大限制：看被杀时刻的内存构成。若应用确实需要更多内存，调大容器的 limits.memory（及 requests）；若是 shmem 或页缓存占满，应从根源处理。',
  'finding.oom-kill-global.title': '整机 OOM 杀进程',
  'finding.oom-kill-global.summary': '节点内存耗尽（constraint {constraint}）：内核杀掉了 {victim}（pid {pid}，anon-rss {anonRss}）{when}。',
  'finding.oom-kill-global.advice':
    '耗尽的是整台节点而不是某个容器的限制：为每个 Pod 设置内存限制，为系统预留内存（kubelet --system-reserved/--kube-reserved、驱逐阈值），并检查 requests 是否超卖。',
  'finding.eviction.title': 'Pod 因内存压力被驱逐',
  'finding.eviction.summary': 'kubelet 因节点内存不足驱逐了 {scope}——这是 kubelet 根据节点内存压力做出的决定，不是内核 OOM{usage}。kubelet 的原话：“{message}”',
  'finding.eviction.usage': '；容器 {container} 使用了 {containerUsage}，超过了它的 requests（{request}）',
  'finding.eviction.advice':
    '当节点的 memory.available 低于驱逐阈值（--eviction-hard/--eviction-soft）时，kubelet 会驱逐 Pod，先驱逐用量超过 requests 的 Pod。把内存 requests 设得接近真实用量（关键 Pod 让 requests 等于 limits，即 Guaranteed QoS），避免调度器把节点塞得过满，并合理设置 system-reserved/kube-reserved。',
  'finding.anon-near-limit.title': '匿名内存接近限制',
  'finding.anon-near-limit.summary': '{scope}（{snapshot}）中仅匿名内存就有 {anon}，占 {limit} 限制的 {share}（阈值 {threshold}）：是应用自身的内存（堆、本地内存分配、泄漏）占满了容器。',
  'finding.anon-near-limit.advice':
    '分析应用的内存（堆转储、JVM 的 NMT、Go 的 pprof）。JVM 应把堆限制在容器限制之下（-XX:MaxRAMPercentage=60–75、MaxDirectMemorySize），glibc 可考虑 MALLOC_ARENA_MAX=2；只有增长合理时才调大限制。',
  'finding.shmem-dominant.title': '共享内存（tmpfs）占满了 cgroup',
  'finding.shmem-dominant.summary': '{scope}（{snapshot}）中 shmem/tmpfs 为 {shmem}，占使用量 {usage} 的 {share}（占限制的 {shareOfLimit}）。没有交换区时它无法回收，杀掉进程也不会释放。',
  'finding.shmem-dominant.advice': '找出内存型卷（emptyDir medium: Memory、/dev/shm、memfd）：用 emptyDir sizeLimit 限制大小，清理应用遗留在其中的文件，或改用磁盘型 emptyDir。',
  'finding.shmem-orphaned.title': '内存记在 Pod 上，却不属于任何运行中的容器',
  'finding.shmem-orphaned.summary':
    'Pod {scope}（{snapshot}）使用 {podUsage}，但其 {containerCount} 个运行中的容器只用了 {containersUsage}：有 {remainder}（占 {limit} 限制的 {shareOfLimit}）记在 Pod 自身，其中 shmem {shmemRemainder}——通常是之前的容器（init 容器或上一个实例）留在内存型 emptyDir 中的文件。',
  'finding.shmem-orphaned.advice': '列出 Pod 的内存型卷（emptyDir medium: Memory）及其内容（fincore、du）；为 emptyDir 设置 sizeLimit，删除不再需要的数据，或改用磁盘型卷。重启容器不会释放它，删除 Pod 才会。',
  'finding.page-cache-dirty.title': '脏页缓存在等待磁盘',
  'finding.page-cache-dirty.summary': '{scope}（{snapshot}）中脏页 {dirty} + 回写中 {writeback} = {total}，占 {limit} 限制的 {share}：写入速度超过了磁盘，这些页在写回之前无法回收。',
  'finding.page-cache-dirty.advice': '让写入方边写边刷盘（分批 fsync/fdatasync，大批量导入用 O_DIRECT），换更快的存储，或调低节点的 vm.dirty_background_bytes/vm.dirty_bytes；cgroup v2 的按 cgroup 回写限流也有帮助。',
  'finding.working-set-active-file.title': '活跃页缓存抬高了工作集',
  'finding.working-set-active-file.summary':
    '{scope}（{snapshot}）的工作集为 {workingSet}（使用量 {usage} − 非活跃文件页 {inactive}），而匿名内存 + shmem 只有 {anonShmem}：其中计入了 {active} 的活跃文件缓存。这就是监控（kubectl top、container_memory_working_set_bytes）远高于进程 RSS 的原因。',
  'finding.working-set-active-file.advice':
    '活跃页缓存在内存压力下可以回收，通常不是泄漏；告警应基于 RSS/匿名内存而不是工作集，或对不需要缓存的大文件使用 O_DIRECT/fadvise(DONTNEED)。kubelet 按工作集驱逐，需让它低于驱逐阈值。',
  'finding.thp-inflation.title': '透明大页抬高了匿名内存',
  'finding.thp-inflation.summary': '{scope}（{snapshot}）的 {anon} 匿名内存中有 {thp}（{share}）是透明大页。',
  'finding.thp-inflation.advice': '大页即使只用了一小部分也按整页（2 MiB）计费。在节点上把 THP 设为 madvise（/sys/kernel/mm/transparent_hugepage/enabled），或调整内存分配器（jemalloc/glibc）以避免稀疏的大页。',
  'finding.kernel-memory-high.title': '内核内存占比很高',
  'finding.kernel-memory-high.summary': '{scope}（{snapshot}）中内核内存（slab、socket、页表、栈）为 {kernel}，占 {total} 的 {share}；可回收 slab：{slabReclaimable}。',
  'finding.kernel-memory-high.advice': '查看 slab 缓存（slabtop、/proc/slabinfo）：大量文件带来的 dentry/inode 缓存、大量连接的 socket 缓冲、巨大地址空间的页表。可回收 slab 在压力下会释放；不可回收部分持续增长意味着内核对象泄漏。',
  'finding.memory-high-throttling.title': '在 memory.high 处被限流',
  'finding.memory-high-throttling.summary': '{scope}（{snapshot}）的 memory.events 中 high = {high}：该组超过了 memory.high，在达到硬限制之前就被限流并强制回收（max 事件：{max}）。',
  'finding.memory-high-throttling.advice': '限流会在 OOM 之前拖慢应用。调高 memory.high（Kubernetes MemoryQoS 会根据限制设置它），或减少工作集。',
  'finding.jvm-heap-headroom.title': 'JVM 堆给其他内存留的空间太少',
  'finding.jvm-heap-headroom.summary':
    '{scope}：JVM 最大堆为 {maxHeap}（{source}），占容器限制 {limit} 的 {heapShare}（阈值 {threshold}），只给元空间、代码缓存、线程栈、GC 结构、直接内存和 malloc arena 留下 {headroom}（{headroomShare}）。{nmt}{nmtUsage}',
  'finding.jvm-heap-headroom.nmt': '本地内存跟踪（NMT）显示堆外已提交 {nonHeap}：堆用到最大时再加上这部分，共 {projected}，占限制的 {projectedShare}。',
  'finding.jvm-heap-headroom.nmtUsage':
    'JVM 总共提交了 {nmtCommitted}，而容器使用量为 {usage}：有 {outside} 不在 JVM 自己的统计里（页缓存、shmem、其他进程、NMT 不跟踪的分配）。',
  'finding.jvm-heap-headroom.advice': '堆外至少留出限制的 25–40%：用 -XX:MaxRAMPercentage=60–75 代替固定的 -Xmx，限制 -XX:MaxDirectMemorySize 和 -XX:MaxMetaspaceSize，并用本地内存跟踪（-XX:NativeMemoryTracking=summary）核对。',
  'finding.process-rss-gap.title': '大部分内存不在任何进程中',
  'finding.process-rss-gap.summary': '{scope}（{snapshot}）的使用量为 {usage}，但其 {processCount} 个进程（{processes}）的 RSS 合计只有 {rss}：有 {gap}（{share}）不在任何进程里——页缓存、没有进程映射的 shmem，或内核内存。',
  'finding.process-rss-gap.advice': 'top、ps 和应用自身的指标都看不到这部分内存。请看内存构成：页缓存（fincore/pcstat）、tmpfs 文件（对内存型卷执行 du）、内核内存（slabinfo）。',
  'finding.oom-partial-kill.title': '进程被 OOM 杀掉，但容器仍在运行',
  'finding.oom-partial-kill.summary': '{victim}（pid {pid}）在 {scope} 中被 OOM 杀掉，但容器没有重启：应用可能在悄悄降级（少了一个工作进程）。{status}',
  'finding.oom-partial-kill.status': '{reporter} 显示该容器状态为 {state}，重启次数 {restarts}，没有 OOMKilled 状态。',
  'finding.oom-partial-kill.advice': '让子进程退出时容器也退出，或启用 memory.oom.group 让整个 cgroup 一起被杀（Kubernetes 1.28+ 在 cgroup v2 上默认开启）。',
  'finding.victim-selection.title': '为什么选中了这个进程',
  'finding.victim-selection.summary':
    '内核杀掉了 {victim}（pid {pid}）：在 OOM cgroup 的 {taskCount} 个任务中它的 badness 最高（rss + swap + 页表，按 oom_score_adj {adj} 调整，{qos}）。被杀时的 RSS：匿名 {anonRss}，文件 {fileRss}，shmem {shmemRss}。{note}',
  'finding.victim-selection.advice':
    'oom_score_adj 由 QoS 类别决定：Guaranteed 为 −997，Burstable 为 2…999（requests 越小越高），BestEffort 为 1000，pause 容器为 −998。杀掉被选中的进程只释放它的匿名内存；记在 cgroup 上的 shmem 和页缓存仍然留着。',
  'finding.victim-selection.noteShmem': '被杀进程并不持有的内存（留在 cgroup 中的 shmem：{shmem}）在杀进程后仍然计费，所以重启的进程会撞上同一堵墙。',
  'finding.when': '，时间 {time}',
  'finding.qos.guaranteed': 'Guaranteed',
  'finding.qos.burstable': 'Burstable',
  'finding.qos.besteffort': 'BestEffort',
  'finding.qos.pause': 'pause 容器',
  'finding.qos.system': '非 Pod（系统进程）',
  'finding.severity.critical': '严重',
  'finding.severity.warning': '警告',
  'finding.severity.info': '提示',
};
