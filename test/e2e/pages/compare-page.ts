// Locators of the Compare screen (#/compare?before=<bundleId>:<snapshotId>&after=…&scope=…).
import type { Locator, Page } from '@playwright/test';
import type { Locale } from '../../../src/core/i18n/translate';
import { AppShell } from './app-shell';

export type Side = 'before' | 'after';

export class ComparePage extends AppShell {
  readonly heading: Locator;
  readonly swapButton: Locator;
  readonly summary: Locator;
  readonly waterfall: Locator;
  readonly waterfallRows: Locator;
  readonly explanation: Locator;
  readonly explanationLines: Locator;
  readonly notes: Locator;
  readonly treeRows: Locator;
  readonly deltaTable: Locator;
  readonly deltaRows: Locator;
  readonly deltaFilter: Locator;
  readonly showUnchanged: Locator;
  readonly unitsSelect: Locator;
  readonly scopeSelect: Locator;
  readonly rawPairs: Locator;
  readonly rawDiffEditor: Locator;
  readonly rawBefore: Locator;
  readonly rawAfter: Locator;
  readonly seriesChart: Locator;
  readonly seriesPoints: Locator;

  constructor(page: Page, locale: Locale = 'en') {
    super(page, locale);
    this.heading = page.getByRole('heading', { name: this.t('compare.title'), level: 1 });
    this.swapButton = page.getByRole('button', { name: this.t('compare.swap') });
    this.summary = page.getByTestId('compare-summary');
    this.waterfall = page.getByTestId('waterfall');
    this.waterfallRows = this.waterfall.getByTestId('waterfall-row');
    this.explanation = page.getByTestId('explanation');
    this.explanationLines = this.explanation.locator('li');
    this.notes = page.getByTestId('notes');
    this.treeRows = page.getByTestId('tree-row');
    this.deltaTable = page.getByTestId('delta-table');
    this.deltaRows = this.deltaTable.getByTestId('delta-row');
    this.deltaFilter = this.deltaTable.getByRole('searchbox', { name: this.t('compare.table.filter') });
    this.showUnchanged = this.deltaTable.getByRole('checkbox', { name: this.t('compare.table.showUnchanged') });
    this.unitsSelect = page.getByRole('combobox', { name: this.t('compare.units') });
    this.scopeSelect = page.getByTestId('scope-select');
    this.rawPairs = page.getByTestId('raw-pair');
    this.rawDiffEditor = page.getByTestId('raw-diff-editor');
    this.rawBefore = this.rawDiffEditor.locator('.editor.original .view-lines');
    this.rawAfter = this.rawDiffEditor.locator('.editor.modified .view-lines');
    this.seriesChart = page.getByTestId('series-chart');
    this.seriesPoints = this.seriesChart.getByTestId('series-point');
  }

  private sideLabel(side: Side): string {
    return this.t(side === 'before' ? 'compare.before' : 'compare.after');
  }

  bundleSelect(side: Side): Locator {
    return this.page.getByRole('combobox', { name: `${this.sideLabel(side)}: ${this.t('compare.bundle')}` });
  }

  snapshotSelect(side: Side): Locator {
    return this.page.getByRole('combobox', { name: `${this.sideLabel(side)}: ${this.t('compare.snapshot')}` });
  }

  /** Chooses a snapshot of the side's bundle by its label (`before`, `during`, …). */
  async chooseSnapshot(side: Side, label: string): Promise<void> {
    const select = this.snapshotSelect(side);
    const option = select.locator('option').filter({ hasText: new RegExp(`^${label}( —|$)`) });
    const value = await option.getAttribute('value');
    if (value === null) throw new Error(`no snapshot ${label}`);
    await select.selectOption(value);
  }

  treeRow(key: string): Locator {
    return this.page.locator(`[data-testid="tree-row"][data-key="${key}"]`);
  }

  findings(kind: 'new' | 'resolved' | 'persisting'): Locator {
    return this.page.getByTestId(`findings-${kind}`);
  }

  rawPair(key: string): Locator {
    return this.page.locator(`[data-testid="raw-pair"][data-pair="${key}"]`);
  }

  seriesPoint(snapshotId: string): Locator {
    return this.page.locator(`[data-testid="series-point"][data-snapshot="${snapshotId}"]`);
  }
}
