// Locators of Bundle → OOM events (#/bundle/<id>/oom): timeline, event cards, usage against limit,
// cgroup stats bars, task table, "show in <file>" links.
import type { Locator, Page } from '@playwright/test';
import type { Locale } from '../../../src/core/i18n/translate';
import { BundlePage } from './bundle-page';

export type StatsCategory = 'anon' | 'shmem' | 'fileCache' | 'other';

export class OomEventsPage extends BundlePage {
  readonly empty: Locator;
  readonly summary: Locator;
  readonly timeline: Locator;
  readonly timelineMode: Locator;
  readonly markers: Locator;
  readonly events: Locator;

  constructor(page: Page, locale: Locale = 'en') {
    super(page, locale);
    this.empty = page.getByTestId('oom-empty');
    this.summary = page.getByTestId('oom-summary');
    this.timeline = page.getByTestId('oom-timeline');
    this.timelineMode = page.getByTestId('oom-timeline-mode');
    this.markers = page.getByTestId('oom-timeline-marker');
    this.events = page.getByTestId('oom-event');
  }

  /** The n-th event card (1-based, in timeline order). */
  event(n: number): OomEventCard {
    return new OomEventCard(this.events.nth(n - 1));
  }
}

export class OomEventCard {
  readonly verdict: Locator;
  readonly headline: Locator;
  readonly missing: Locator;
  readonly usage: Locator;
  readonly limit: Locator;
  readonly share: Locator;
  readonly failcnt: Locator;
  readonly usageBar: Locator;
  readonly statsBars: Locator;
  readonly taskTable: Locator;
  readonly taskRows: Locator;
  readonly summary: Locator;

  constructor(readonly root: Locator) {
    this.summary = root.locator('summary');
    this.verdict = root.getByTestId('oom-verdict');
    this.headline = root.getByTestId('oom-headline');
    this.missing = root.getByTestId('oom-missing');
    this.usage = root.getByTestId('oom-usage');
    this.limit = root.getByTestId('oom-limit');
    this.share = root.getByTestId('oom-share');
    this.failcnt = root.getByTestId('oom-failcnt');
    this.usageBar = root.getByTestId('oom-usage-bar');
    this.statsBars = root.getByTestId('oom-stats-bar');
    this.taskTable = root.getByTestId('oom-task-table');
    this.taskRows = root.getByTestId('oom-task-row');
  }

  /** The stats bar of a cgroup path as the report prints it. */
  statsBar(path: string): Locator {
    return this.root.locator(`[data-testid="oom-stats-bar"][data-path="${path}"]`);
  }

  /** The bar summing the one-line (v1) stats of every cgroup printed. */
  statsSum(): Locator {
    return this.root.locator('[data-testid="oom-stats-bar"][data-scope="sum"]');
  }

  segment(bar: Locator, category: StatsCategory): Locator {
    return bar.locator(`li[data-category="${category}"]`);
  }

  taskRow(pid: number): Locator {
    return this.root.locator(`[data-testid="oom-task-row"][data-pid="${pid}"]`);
  }

  /** The sort button of a task-table column: 'rss' | 'pid' | 'name' | 'adj'. */
  sortButton(key: string): Locator {
    return this.taskTable.locator(`button[data-sort="${key}"]`);
  }

  showInFile(path: string): Locator {
    return this.root.locator(`[data-testid="oom-show-in-file"][data-file="${path}"]`);
  }
}
