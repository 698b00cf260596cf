// The report's OOM events: for each kernel OOM report (a LocatedOomEvent from a kernel log, e.g.
//   [ 1515.710152] api-server invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=999
//   [ 1515.710392] memory: usage 131072kB, limit 131072kB, failcnt 35
//   [ 1515.710564] Memory cgroup out of memory: Killed process 21065 (api-server) … anon-rss:48640kB …)
// the verdict, usage against limit, the victim, the largest tasks of the task table and the key lines.
import { translate, type Locale, type MessageKey } from '../i18n/translate';
import { missingPartsText, oomVerdict } from '../formats/kernel-log/verdict';
import { TASK_TABLE_PAGE_BYTES } from '../formats/kernel-log/summary';
import type { OomEvent } from '../formats/kernel-log/oom-types';
import type { Headline } from '../model/headline';
import type { EvidenceRef, LocatedOomEvent } from '../rules/rule';
import type { LineReader } from '../rules/run-rules';
import { eventEvidence } from '../rules/oom-facts';
import type { ReportEvidence, ReportOomEvent, ReportTask } from './report-model';
import { formatUptimeSeconds } from './report-time';

export const REPORT_TOP_TASKS = 10;
/** Longest excerpt per evidence reference: the cited lines only, as localizeFinding keeps them. */
export const REPORT_MAX_EXCERPT_LINES = 40;

export function readEvidence(ref: EvidenceRef, readLines: LineReader): ReportEvidence {
  const end = Math.min(ref.lineEnd, ref.lineStart + REPORT_MAX_EXCERPT_LINES - 1);
  return { file: ref.file, lineStart: ref.lineStart, lineEnd: ref.lineEnd, excerpt: readLines(ref.file, ref.lineStart, end) ?? '' };
}

/** When the kernel logged it: the wall-clock text of `dmesg -T`/journal lines, or seconds since boot. */
export function eventTimeText(event: OomEvent, locale: Locale): string {
  const time = event.time;
  if (!time) return translate(locale, 'report.timeline.noTime');
  // A bare dmesg stamp (`[ 1515.710152]`) is seconds since boot; anything else is a wall-clock text.
  if (time.uptimeSeconds !== null && /^\s*\d+(\.\d+)?\s*$/.test(time.raw)) {
    return translate(locale, 'report.timeline.uptime', { seconds: formatUptimeSeconds(time.uptimeSeconds) });
  }
  return time.raw;
}

function topTasks(event: OomEvent): ReportTask[] {
  const victimPid = event.victim?.pid ?? null;
  return event.tasks
    .map((t) => ({
      pid: t.pid,
      name: t.name,
      rssBytes: t.rssPages !== null && Number.isSafeInteger(t.rssPages * TASK_TABLE_PAGE_BYTES) ? t.rssPages * TASK_TABLE_PAGE_BYTES : null,
      oomScoreAdj: t.oomScoreAdj,
      line: t.line,
      isVictim: t.pid === victimPid,
    }))
    .sort((a, b) => (b.rssBytes ?? -1) - (a.rssBytes ?? -1) || a.pid - b.pid)
    .slice(0, REPORT_TOP_TASKS);
}

export function reportOomEvent(located: LocatedOomEvent, headline: Headline | null, locale: Locale, readLines: LineReader): ReportOomEvent {
  const e = located.event;
  const v = e.victim;
  return {
    file: located.file,
    lineStart: e.lines.start,
    lineEnd: e.lines.end,
    kindLabel: translate(locale, `oomView.kind.${e.kind}` as MessageKey),
    timeText: eventTimeText(e, locale),
    verdict: oomVerdict(e, locale, headline?.scope ?? null),
    scope: headline?.scope ?? e.oomMemcg,
    usageBytes: e.memcg?.usageBytes ?? null,
    limitBytes: e.memcg?.limitBytes ?? null,
    failcnt: e.memcg?.failcnt ?? null,
    victim: v ? { comm: v.comm, pid: v.pid, anonRssBytes: v.anonRssBytes, fileRssBytes: v.fileRssBytes, shmemRssBytes: v.shmemRssBytes, oomScoreAdj: v.oomScoreAdj } : null,
    topTasks: topTasks(e),
    taskCount: e.tasks.length,
    evidence: eventEvidence(located).map((ref) => readEvidence(ref, readLines)),
    missing: e.missing.length > 0 ? missingPartsText(e, locale) : null,
  };
}
