// Helpers of the app benchmark: the results file the harness reads (bench/src/run.ts) and the page's
// long-task log (PerformanceObserver 'longtask': main-thread tasks over 50 ms, with their length).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

export interface AppResult {
  measure: string;
  value: string;
  target: string;
  holds: boolean | null;
}

export const RESULTS_PATH = process.env['BENCH_APP_RESULTS'] ?? '';

export function record(result: AppResult): void {
  process.stdout.write(`  [app] ${result.measure}: ${result.value} (target: ${result.target})\n`);
  if (RESULTS_PATH === '') return;
  const all = existsSync(RESULTS_PATH) ? (JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) as AppResult[]) : [];
  all.push(result);
  writeFileSync(RESULTS_PATH, JSON.stringify(all, null, 2));
}

/** Installs the long-task log before any page script runs (call before page.goto). */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = globalThis as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

export interface LongTasks {
  count: number;
  maxMs: number;
  over100: number;
}

/** Long tasks that started at or after `sinceMs` and before `untilMs` (performance.now() of the page). */
export async function longTasksSince(page: Page, sinceMs: number, untilMs = Infinity): Promise<LongTasks> {
  const tasks = await page.evaluate(() => (globalThis as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  const since = tasks.filter((t) => t.start >= sinceMs && t.start < untilMs);
  return { count: since.length, maxMs: Math.round(Math.max(0, ...since.map((t) => t.duration))), over100: since.filter((t) => t.duration > 100).length };
}

export async function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

export const seconds = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
