// A dmesg-style kernel log of a given size: real OOM reports from test/fixtures/kernel-log (the lab
// captures and a 4.18 cgroup2 report, every line `[ seconds.micros] …`) spread evenly through
// ordinary kernel chatter of a busy Kubernetes node, all time-stamped in order. Sample:
//   [ 8021.118304] cni0: port 7(veth5e1c2a9f) entered forwarding state
//   [ 8021.120017] order-service invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=999
//   [ 8021.120027] CPU: 1 UID: 0 PID: 20800 Comm: order-service Not tainted 6.18.44-fc-v669 #1 PREEMPT(none)
import { fixtureText } from '../paths';
import { Prng } from '../prng';
import { ChunkedWriter } from '../write-file';

/** Reports with exactly one `invoked oom-killer` line and one OOM event each, every line dmesg-stamped. */
export const OOM_REPORT_FIXTURES = ['kernel-log/lab-anon-oom-after-dmesg.txt', 'kernel-log/lab-orphaned-shmem-after-dmesg.txt', 'kernel-log/06-k4.18rc-cgroup2-early-format-mail-truncated.log'];

export const OOM_MARKER = 'invoked oom-killer';

const STAMP = /^\[ *(\d+)\.(\d+)\] /;

interface Report {
  /** Message of each line, and its offset in microseconds from the report's first line. */
  lines: { offsetUs: number; message: string }[];
  /** The killed task's PID as the report writes it: each copy gets its own, as a new kill would. */
  victimPid: string | null;
}

function loadReport(relative: string): Report {
  const lines: Report['lines'] = [];
  let firstUs: number | null = null;
  for (const line of fixtureText(relative).split('\n')) {
    const m = STAMP.exec(line);
    if (!m || m[1] === undefined || m[2] === undefined) continue;
    const us = Number(m[1]) * 1e6 + Number(m[2].padEnd(6, '0').slice(0, 6));
    firstUs ??= us;
    lines.push({ offsetUs: us - firstUs, message: line.slice(m[0].length) });
  }
  const victimPid = lines.map((l) => /Killed process (\d+)/.exec(l.message)?.[1]).find((pid) => pid !== undefined) ?? null;
  return { lines, victimPid };
}

function withPid(message: string, report: Report, pid: number): string {
  if (report.victimPid === null || !message.includes(report.victimPid)) return message;
  return message.replace(new RegExp(`\\b${report.victimPid}\\b`, 'g'), String(pid));
}

function stamp(us: number): string {
  const seconds = Math.floor(us / 1e6);
  const micros = String(Math.floor(us % 1e6)).padStart(6, '0');
  return `[${String(seconds).padStart(5, ' ')}.${micros}] `;
}

/** Ordinary kernel messages of a node running pods (network, storage, audit, conntrack). */
function noiseLine(rng: Prng): string {
  const veth = `veth${rng.hex(8)}`;
  const port = 1 + rng.int(40);
  switch (rng.int(16)) {
    case 0:
      return `cni0: port ${port}(${veth}) entered blocking state`;
    case 1:
      return `cni0: port ${port}(${veth}) entered disabled state`;
    case 2:
      return `device ${veth} entered promiscuous mode`;
    case 3:
      return `cni0: port ${port}(${veth}) entered forwarding state`;
    case 4:
      return `IPv6: ADDRCONF(NETDEV_CHANGE): ${veth}: link becomes ready`;
    case 5:
      return `eth0: renamed from tmp${rng.hex(5)}`;
    case 6:
      return `audit: type=1400 audit(${1700000000 + rng.int(9999999)}.${rng.int(999)}:${rng.int(99999)}): apparmor="DENIED" operation="open" class="file" profile="cri-containerd.apparmor.d" name="/proc/sys/kernel/random/boot_id" pid=${1000 + rng.int(60000)} comm="runc:[2:INIT]" requested_mask="r" denied_mask="r" fsuid=0 ouid=0`;
    case 7:
      return `overlayfs: upper fs does not support RENAME_WHITEOUT.`;
    case 8:
      return `nf_conntrack: nf_conntrack: table full, dropping packet`;
    case 9:
      return `IPVS: rr: TCP 10.96.${rng.int(255)}.${rng.int(255)}:443 - no destination available`;
    case 10:
      return `EXT4-fs (nvme0n1p${1 + rng.int(3)}): mounted filesystem ${rng.uuid()} r/w with ordered data mode. Quota mode: none.`;
    case 11:
      return `xfs filesystem being remounted at /var/lib/kubelet/pods/${rng.uuid()}/volume-subpaths/config/app/0 supports timestamps until 2038-01-19 (0x7fffffff)`;
    case 12:
      return `TCP: request_sock_TCP: Possible SYN flooding on port 10250. Sending cookies.  Check SNMP counters.`;
    case 13:
      return `br-${rng.hex(12)}: port 1(${veth}) entered disabled state`;
    case 14:
      return `systemd-journald[${300 + rng.int(200)}]: Data hash table of /var/log/journal/${rng.hex(32)}/system.journal has a fill level at 75.0 (8534 of 11377 items, 6553600 file size, 767 bytes per hash table item), suggesting rotation.`;
    default:
      return `kauditd_printk_skb: ${1 + rng.int(40)} callbacks suppressed`;
  }
}

export interface KernelLogStats {
  bytes: number;
  lines: number;
  reports: number;
}

/** Writes about `targetBytes` of log holding `reports` OOM reports (the fixtures in turn). */
export async function writeKernelLog(path: string, targetBytes: number, reports: number, seed = 1): Promise<KernelLogStats> {
  const rng = new Prng(seed);
  const templates = OOM_REPORT_FIXTURES.map(loadReport);
  const out = new ChunkedWriter(path);
  let us = 5_000_000;
  let lines = 0;
  let written = 0;
  let nextReport = 0;
  const reportEvery = targetBytes / (reports + 1);
  while (written < targetBytes || nextReport < reports) {
    if (nextReport < reports && written >= reportEvery * (nextReport + 1)) {
      const report = templates[nextReport % templates.length];
      if (!report) throw new Error('no report template');
      const pid = 30000 + nextReport * 7;
      for (const l of report.lines) {
        const line = `${stamp(us + l.offsetUs)}${withPid(l.message, report, pid)}\n`;
        out.text(line);
        written += line.length;
        lines++;
      }
      us += (report.lines[report.lines.length - 1]?.offsetUs ?? 0) + 1000;
      nextReport++;
      continue;
    }
    us += 1 + rng.int(20_000);
    const line = `${stamp(us)}${noiseLine(rng)}\n`;
    out.text(line);
    written += line.length;
    lines++;
    if ((lines & 0x3fff) === 0) await out.drain();
  }
  const bytes = await out.close();
  return { bytes, lines, reports };
}
