// Assembles every OOM report of a kernel log into one `OomEvent`, line by line, keeping only the
// report being read (mm/oom_kill.c dump_header → dump_tasks → dump_oom_summary → __oom_kill_process).
// Reports may start mid-way (grep context, pasted fragments), be cut, hold elisions, or repeat
// the kill per task (memory.oom.group). Sample (kernel 5.15, cgroup v2):
//   stress-ng-vm invoked oom-killer: gfp_mask=0x1100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=1000
//   memory: usage 102400kB, limit 102400kB, failcnt 6402
//   Memory cgroup out of memory: Killed process 183960 (stress-ng-vm) total-vm:299192kB, anon-rss:93176kB, …
import type { LogRecord } from './log-records';
import { isElisionMarker, isGrepSeparator } from './line-prefix';
import * as m from './oom-messages';
import * as t from './oom-tables';
import { MAX_TASKS_PER_REPORT, OomDraft, Stage, inferColumns, taskFromRow, victimFromKilled } from './oom-draft';
import type { KernelMemoryEvent, OomEvent, OomReportPart } from './oom-types';
import type { WarningSink } from './warning-sink';

/** A report with no line of its own for this many kernel lines is over (it was cut). */
const MAX_FOREIGN_LINES = 100;
/** No report takes longer than this to print, even on a slow serial console. */
const MAX_REPORT_GAP_SECONDS = 60;
/** After an elision marker, a jump of this much means the next lines belong to another invocation. */
const ELIDED_GAP_SECONDS = 1;
const MAX_REPORT_LINES = 250_000;
const RECENT_EVENTS = 16;
/** First characters of the other starter lines: oom-kill/oom_reaper, Task(s) in/state, Kill(ed), Memory cgroup…, Out of memory, memory:/memory+swap:, kmem:, swap:. */
const STARTER_FIRST_CHARS = new Set([...'oTKMOmks'].map((c) => c.charCodeAt(0)));

const PART_NAMES: Record<OomReportPart, string> = {
  invocation: 'the "invoked oom-killer" line',
  kill: 'the "Killed process" line',
  'memcg-usage': 'the memory cgroup usage line',
  'task-table': 'the task table',
};

export class OomAssembler {
  readonly events: OomEvent[] = [];
  readonly otherEvents: KernelMemoryEvent[] = [];
  private draft: OomDraft | null = null;

  constructor(private readonly warnings: WarningSink) {}

  /** No report is open: the next line can only start one. */
  get idle(): boolean {
    return this.draft === null;
  }

  push(rec: LogRecord): void {
    const msg = rec.message.trim();
    if (msg === '' || isGrepSeparator(msg)) return;
    const d = this.draft;
    if (isElisionMarker(msg)) {
      if (d) {
        d.elisionPending = true;
        d.event.elided = true;
      }
      return;
    }
    if (d && d.mode !== 'none' && this.modeLine(d, msg, rec)) return;
    if (this.starterLine(msg, rec)) return;
    if (d && !d.killed && this.bodyLine(d, msg, rec)) return;
    this.otherLine(msg, rec);
  }

  /** `key N` lines of a block-form stats dump, `key:N` lines after `Mem-Info:`. */
  private modeLine(d: OomDraft, msg: string, rec: LogRecord): boolean {
    if (d.mode === 'block-stats') {
      const stat = t.parseBlockStat(msg);
      if (stat) {
        d.addStat(stat.key, stat.value, stat.text);
        d.touch(rec);
        return true;
      }
    } else {
      const pairs = t.parseMemInfoPairs(msg);
      if (pairs) {
        Object.assign(d.event.memInfoPages, pairs);
        d.touch(rec);
        return true;
      }
    }
    d.mode = 'none';
    return false;
  }

  /** Lines only an OOM report prints: each may open a report, or close the current one and open the next. */
  private starterLine(msg: string, rec: LogRecord): boolean {
    const invoked = m.parseInvoked(msg);
    if (invoked) {
      this.finalize();
      const d = this.open(rec, Stage.invoked);
      d.hasInvoked = true;
      d.oomSpecific = true;
      d.event.trigger = { comm: invoked.comm, pid: null, gfpMask: invoked.gfpMask, order: invoked.order, oomScoreAdj: invoked.oomScoreAdj, gfpFlags: invoked.gfpFlags, line: rec.line };
      if (invoked.cut) d.markCut(rec.line);
      return true;
    }
    const first = msg.charCodeAt(0);
    if (first === 91) return this.taskLine(msg, rec);
    if (!STARTER_FIRST_CHARS.has(first)) return false;
    const reaper = m.parseReaperLine(msg);
    if (reaper) {
      this.reaperLine(reaper, rec);
      return true;
    }
    const group = m.parseOomGroupLine(msg);
    if (group !== null) {
      const d = this.draftFor(rec, Stage.after, false, true);
      d.event.oomGroupMemcg = group;
      return true;
    }
    if (msg.includes('Killed process ')) {
      const k = m.parseKilledLine(msg);
      if (k) {
        this.killedLine(k, rec);
        return true;
      }
    }
    if (msg.includes('Kill process ')) {
      const c = m.parseKillProcessLine(msg);
      if (c) {
        const d = this.draftFor(rec, Stage.chosen, this.draft?.event.chosen != null);
        d.event.chosen = { pid: c.pid, comm: c.comm, score: c.score, line: rec.line };
        this.reasonEvidence(d, c.reason);
        return true;
      }
    }
    if (m.isNoKillableLine(msg)) {
      const d = this.draftFor(rec, Stage.killed, this.draft?.killed === true);
      d.event.noKillableProcesses = true;
      d.killed = true;
      return true;
    }
    const ok = m.parseOomKillLine(msg);
    if (ok) {
      const d = this.draftFor(rec, Stage.oomKill, this.draft?.event.oomKillTask != null);
      const e = d.event;
      e.oomKillTask = { comm: ok.task, pid: ok.pid, uid: ok.uid, line: rec.line };
      e.constraint = ok.constraint;
      e.cpuset = ok.cpuset ?? e.cpuset;
      e.memsAllowed = ok.memsAllowed ?? e.memsAllowed;
      if (ok.oomMemcg !== null) e.oomMemcg = ok.oomMemcg;
      if (ok.taskMemcg !== null) e.taskMemcg = ok.taskMemcg;
      if (ok.constraint === 'CONSTRAINT_MEMCG') d.evidence('memcg', 'constraint=CONSTRAINT_MEMCG');
      if (ok.oomMemcg !== null) d.evidence('memcg', 'oom_memcg');
      if (ok.globalOom) d.evidence('global', 'global_oom');
      if (ok.cut) d.markCut(rec.line);
      return true;
    }
    const taskIn = m.parseTaskIn(msg);
    if (taskIn) {
      const d = this.draftFor(rec, Stage.taskIn, this.draft?.event.taskMemcg != null && this.draft.stage >= Stage.taskIn);
      d.event.taskMemcg = taskIn.taskMemcg;
      if (taskIn.oomMemcg !== null) d.event.oomMemcg = taskIn.oomMemcg;
      d.evidence('memcg', 'task-in-limit-of');
      if (taskIn.cut) d.markCut(rec.line);
      return true;
    }
    const counter = m.parseCounterLine(msg);
    if (counter) {
      const d = this.draftFor(rec, Stage.counters, this.draft?.counterNames.has(counter.name) === true);
      d.counter(counter, rec.line);
      d.evidence('memcg', 'memcg-counters');
      return true;
    }
    const preMerge = m.parsePreMergeMemoryLine(msg);
    if (preMerge) {
      const d = this.draftFor(rec, Stage.counters, this.draft?.counterNames.has('memory') === true);
      d.counter({ name: 'memory', usageBytes: preMerge.usageBytes, limitBytes: preMerge.limitBytes, unlimited: preMerge.unlimited, failcnt: null }, rec.line);
      d.evidence('memcg', 'memcg-counters');
      // The 4.18-rc cgroup2 dump printed memory.stat of the OOM memcg right after, with no header.
      this.openStats(d, d.event.oomMemcg, rec.line);
      return true;
    }
    const stats = t.parseStatsHeader(msg);
    if (stats) {
      const d = this.draftFor(rec, Stage.stats, false);
      d.evidence('memcg', 'memcg-stats');
      if (stats.cut) d.markCut(rec.line);
      if (stats.inline === null) this.openStats(d, stats.path, rec.line);
      else {
        const values = t.parseInlineStats(stats.inline);
        if (values.cut) d.markCut(rec.line);
        d.addStats({ path: stats.path, stats: values.stats, statsText: values.statsText, form: 'v1-line', line: rec.line });
      }
      return true;
    }
    if (t.isTasksStateLine(msg)) {
      const d = this.draftFor(rec, Stage.tasks, this.draft?.tasksStateSeen === true);
      d.tasksStateSeen = true;
      return true;
    }
    return false;
  }

  private openStats(d: OomDraft, path: string | null, line: number): void {
    const entry = { path, stats: Object.create(null) as Record<string, number>, statsText: Object.create(null) as Record<string, string>, form: 'block' as const, line };
    if (d.addStats(entry)) {
      d.currentStats = entry;
      d.currentStatKeys = 0;
      d.mode = 'block-stats';
    }
  }

  /** The task table's header and rows (`[ pid ] …`, `[  1234] …`). */
  private taskLine(msg: string, rec: LogRecord): boolean {
    const header = t.parseTaskHeader(msg);
    if (header) {
      const d = this.draftFor(rec, Stage.tasks, this.draft?.taskColumns != null);
      d.taskColumns = header;
      d.oomSpecific = true;
      return true;
    }
    const current = this.draft;
    const columns = current && !current.killed ? current.taskColumns : null;
    const row = t.parseTaskRow(msg, columns ? columns.length - 1 : null);
    if (!row) return false;
    const inferred = columns ?? inferColumns(row.values);
    if (!inferred) return false;
    const d = this.draftFor(rec, Stage.tasks, false, false, false);
    if (!columns) d.rowsInferred = true;
    d.addTask(taskFromRow(row, inferred, rec.line));
    return true;
  }

  private killedLine(k: m.KilledLine, rec: LogRecord): void {
    const open = this.draft;
    if (open && open.killed && open.event.oomGroupMemcg !== null && open.event.victim !== null) {
      open.event.groupKills.push(victimFromKilled(k, rec.line));
      if (k.cut) open.markCut(rec.line);
      open.touch(rec);
      return;
    }
    const d = this.draftFor(rec, Stage.killed, open?.event.victim?.source === 'killed-line' || open?.killed === true);
    d.event.victim = victimFromKilled(k, rec.line);
    d.killed = true;
    if (k.cut) d.markCut(rec.line);
    this.reasonEvidence(d, k.reason);
  }

  private reasonEvidence(d: OomDraft, reason: m.KillReason): void {
    if (reason === 'memcg') d.evidence('memcg', 'kill-line:Memory cgroup out of memory');
    else if (reason === 'global') d.evidence('global', 'kill-line:Out of memory');
  }

  private reaperLine(r: m.ReaperLine, rec: LogRecord): void {
    const reaped = { pid: r.pid, comm: r.comm, anonRssBytes: r.anonRssBytes, fileRssBytes: r.fileRssBytes, shmemRssBytes: r.shmemRssBytes, line: rec.line };
    const d = this.draft;
    const attach = (draft: OomDraft): void => {
      draft.event.reaped = reaped;
      draft.killed = true;
      draft.stage = Stage.after;
      draft.touch(rec);
    };
    if (!r.reaped) {
      this.other('oom-reaper', rec, { comm: r.comm, pid: r.pid });
      return;
    }
    if (d && d.event.reaped === null && killedPid(d.event, r.pid)) return attach(d);
    // The reaper runs asynchronously: its line may come after the next report has begun.
    for (let i = this.events.length - 1; i >= Math.max(0, this.events.length - RECENT_EVENTS); i--) {
      const e = this.events[i];
      if (e && e.reaped === null && killedPid(e, r.pid)) {
        e.reaped = reaped;
        return;
      }
    }
    // The reaper only runs on a task the OOM killer killed: without a kill line it still names the victim.
    if (d && !d.killed && d.event.victim === null) return attach(d);
    this.other('oom-reaper', rec, { comm: r.comm, pid: r.pid });
  }

  /** Lines a report holds that other kernel messages print too (hardware, trace, registers, Mem-Info). */
  private bodyLine(d: OomDraft, msg: string, rec: LogRecord): boolean {
    const early = d.stage <= Stage.trace;
    const cpu = early && d.event.trigger?.pid == null ? m.parseCpuLine(msg) : null;
    if (cpu) {
      d.event.trigger ??= { comm: cpu.comm, pid: null, gfpMask: null, order: null, oomScoreAdj: null, gfpFlags: null, line: rec.line };
      d.event.trigger.pid = cpu.pid;
      d.event.kernelRelease = cpu.kernelRelease;
      d.stage = Stage.header;
      d.touch(rec);
      return true;
    }
    const cpuset = early ? m.parseCpusetLine(msg) : null;
    if (cpuset) {
      d.event.cpuset = cpuset.cpuset;
      d.event.memsAllowed = cpuset.memsAllowed;
      d.touch(rec);
      return true;
    }
    const frame = early ? t.traceFunction(msg) : null;
    if (frame) {
      const kind = frame.uncertain ? null : t.frameKind(frame.name);
      if (kind) d.evidence(kind, `call-trace:${frame.name}`);
      d.stage = Stage.trace;
      d.touch(rec);
      return true;
    }
    if (t.isReportBodyLine(msg)) {
      if (msg === 'Mem-Info:') {
        d.mode = 'meminfo';
        d.evidence('global', 'Mem-Info');
      }
      d.touch(rec);
      return true;
    }
    return false;
  }

  private otherLine(msg: string, rec: LogRecord): void {
    const failure = m.parseAllocationFailure(msg);
    if (failure) this.other('page-allocation-failure', rec, failure);
    else if (m.isMemcgOomLine(msg)) this.other('memcg-oom', rec, {});
    const d = this.draft;
    if (!d) return;
    if (d.killed || ++d.foreignLines > MAX_FOREIGN_LINES) this.finalize();
  }

  private other(type: KernelMemoryEvent['type'], rec: LogRecord, facts: { comm?: string | null; pid?: number | null; order?: number | null; gfpMask?: string | null }): void {
    this.otherEvents.push({
      type,
      line: rec.line,
      time: rec.time,
      host: rec.host,
      comm: facts.comm ?? null,
      pid: facts.pid ?? null,
      order: facts.order ?? null,
      gfpMask: facts.gfpMask ?? null,
      text: rec.message.trim().slice(0, 500),
    });
  }

  /**
   * The report a starter line belongs to: the open one, or a new one when the line cannot continue
   * it (a part already seen, a step back in the report's order, a kill already done, a time jump).
   */
  private draftFor(rec: LogRecord, stage: number, repeated: boolean, afterKill = false, oomSpecific = true): OomDraft {
    let d = this.draft;
    if (d && this.startsNewReport(d, rec, stage, repeated, afterKill)) {
      this.finalize();
      d = null;
    }
    if (!d) d = this.open(rec, stage);
    d.stage = Math.max(d.stage, stage);
    if (oomSpecific) d.oomSpecific = true;
    d.touch(rec);
    if (d.lineCount >= MAX_REPORT_LINES) {
      this.warnings.add('oom-report-too-long', `The OOM report starting at line ${d.event.lines.start} runs past ${MAX_REPORT_LINES} lines; it was closed there.`, rec.line, {
        line: d.event.lines.start,
        count: MAX_REPORT_LINES,
      });
      this.finalize();
      return this.open(rec, stage);
    }
    return d;
  }

  private startsNewReport(d: OomDraft, rec: LogRecord, stage: number, repeated: boolean, afterKill: boolean): boolean {
    if (repeated) return true;
    if (d.killed && !afterKill) return true;
    if (stage < d.stage) return true;
    const now = rec.time?.uptimeSeconds;
    if (now == null || d.lastUptime === null) return false;
    const gap = now - d.lastUptime;
    return gap > MAX_REPORT_GAP_SECONDS || (d.elisionPending && gap >= ELIDED_GAP_SECONDS);
  }

  private open(rec: LogRecord, stage: number): OomDraft {
    const d = new OomDraft(rec);
    d.stage = stage;
    d.touch(rec);
    this.draft = d;
    return d;
  }

  finalize(): void {
    const d = this.draft;
    if (!d) return;
    this.draft = null;
    // A lone task row with nothing else is not evidence of an OOM report.
    if (!d.oomSpecific) return;
    const e = d.finish();
    const start = e.lines.start;
    if (d.rowsInferred) {
      this.warnings.add('oom-task-columns-inferred', `Task rows of the OOM report at line ${start} have no header line; their columns were inferred.`, start, { line: start });
    }
    if (d.tasksDropped > 0) {
      this.warnings.add('oom-task-table-capped', `The OOM report at line ${start} lists more than ${MAX_TASKS_PER_REPORT} tasks; ${d.tasksDropped} were left out.`, start, {
        line: start,
        count: d.tasksDropped,
      });
    }
    if (e.missing.length > 0) {
      const parts = e.missing.map((p) => PART_NAMES[p]).join(', ');
      this.warnings.add('oom-report-incomplete', `The OOM report at lines ${start}–${e.lines.end} lacks ${parts}.`, start, {
        line: start,
        end: e.lines.end,
        missing: e.missing.join(', '),
      });
    }
    if (e.elided) this.warnings.add('oom-report-elided', `The OOM report at line ${start} has lines left out ("..." in the text).`, start, { line: start });
    if (e.cutLines.length > 0) {
      const firstCut = e.cutLines[0] ?? start;
      this.warnings.add('oom-line-cut', `${e.cutLines.length} line(s) of the OOM report at line ${start} are cut short (first: line ${firstCut}).`, firstCut, {
        line: start,
        count: e.cutLines.length,
      });
    }
    this.events.push(e);
  }

  finish(): void {
    this.finalize();
  }
}

function killedPid(e: OomEvent, pid: number): boolean {
  return e.victim?.pid === pid || e.groupKills.some((k) => k.pid === pid) || e.oomKillTask?.pid === pid || e.chosen?.pid === pid;
}
