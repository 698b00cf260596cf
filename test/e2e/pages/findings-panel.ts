// Locators of the Overview's answer (#/bundle/<id>/overview): the headline card, the findings with
// their evidence, the Rosetta stone, and the stored analysis' notice with "Re-analyse".
import type { Locator, Page } from '@playwright/test';
import type { Locale } from '../../../src/core/i18n/translate';
import { AppShell } from './app-shell';

export class FindingsPanel extends AppShell {
  readonly headline: Locator;
  readonly headlineText: Locator;
  readonly headlineBar: Locator;
  readonly headlineParts: Locator;
  readonly findings: Locator;
  readonly findingItems: Locator;
  readonly rosetta: Locator;
  readonly analysisNotice: Locator;
  readonly reanalyseButton: Locator;

  constructor(page: Page, locale: Locale = 'en') {
    super(page, locale);
    this.headline = page.getByTestId('headline-card');
    this.headlineText = page.getByTestId('headline-text');
    this.headlineBar = this.headline.getByRole('img');
    this.headlineParts = this.headline.getByRole('list', { name: this.t('findingsUi.headline.parts') });
    this.findings = page.getByRole('region', { name: this.t('findingsUi.findings.title') });
    this.findingItems = this.findings.getByTestId('finding');
    this.rosetta = page.getByRole('region', { name: this.t('rosetta.title') });
    this.analysisNotice = page.getByTestId('analysis-notice');
    this.reanalyseButton = this.analysisNotice.getByRole('button', { name: this.t('findingsUi.analysis.reanalyse') });
  }

  headlinePart(category: 'anon' | 'shmem' | 'fileCache' | 'kernel' | 'other' | 'headroom'): Locator {
    return this.headlineParts.locator(`li[data-part="${category}"]`);
  }

  /** Findings of one rule (several when it fired for several groups). */
  finding(id: string): Locator {
    return this.findingItems.and(this.page.locator(`[data-finding-id="${id}"]`));
  }

  evidenceToggle(finding: Locator): Locator {
    return finding.getByRole('button', { name: this.t('findingsUi.finding.showEvidence') });
  }

  evidence(finding: Locator): Locator {
    return finding.getByTestId('evidence');
  }

  /** The evidence item that cites `file` (a path ending) at `lines` ("26" or "77–78"). */
  evidenceAt(finding: Locator, fileEnd: string, lines: string): Locator {
    return this.evidence(finding).filter({ has: this.page.locator(`a[title$="${fileEnd}"]`) }).filter({ hasText: `:${lines}` });
  }

  rosettaRow(metricId: string): Locator {
    return this.rosetta.locator(`tr[data-metric="${metricId}"]`);
  }
}
