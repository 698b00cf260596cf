// Library: "How to collect a bundle" (the collector's commands and script, copyable) and the summary columns.
import { expect, test } from './clean-page';
import { LibraryPage } from './pages/library-page';

test('the collect panel shows the collector commands and copies the script', async ({ page, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const library = new LibraryPage(page);
  await library.goto();
  await library.collectPanel.click();
  await expect(library.collectNodeCommands).toContainText('sudo sh oomscope-collect.sh --pod <pod-name> -n <namespace>');
  await expect(library.collectDebugCommands).toContainText('kubectl debug node/<node>');
  await library.copyScriptButton.click();
  await expect(library.scriptCopied).toBeVisible();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip.startsWith('#!/bin/sh')).toBe(true);
  expect(clip).toContain('--pod-uid');
  await page.screenshot({ path: testInfo.outputPath('collect-panel.png'), fullPage: true });
});

test('the Library shows each bundle’s OOM events and worst finding', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openSampleButton.click();
  await expect(page).toHaveURL(/#\/bundle\/[^/]+\/overview$/, { timeout: 30_000 });
  await library.goto();
  const title = "Sample incident: pod OOM-killed by an init container's emptyDir (lab capture, Linux 6.18)";
  await expect(library.cells(title).nth(7)).toHaveText('1');
  await expect(library.cells(title).nth(8)).toHaveText(library.t('finding.oom-kill-memcg.title'));
});
