// Notes on a finding and on an OOM event (the "Add note" buttons of the findings list and the OOM
// cards): typed in the dialog, still there after a reload, listed in the Notes tab under their target.
import { expect, test } from './clean-page';
import { LibraryPage } from './pages/library-page';
import { NotesPage } from './pages/notes-page';

test.use({ locale: 'en-US' });

test('a note on a finding and on an OOM event survive a reload and are listed by target', async ({ page }, testInfo) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openSampleButton.click();
  await expect(page).toHaveURL(/#\/bundle\/[^/]+\/overview$/, { timeout: 30_000 });
  const notes = new NotesPage(page);

  const findingTitle = notes.t('finding.shmem-orphaned.title');
  await notes.noteButton(findingTitle).first().click();
  const findingDialog = notes.dialog(findingTitle);
  await notes.editor(findingTitle).fill('The emptyDir of warm-cache: cap it with sizeLimit.');
  await notes.closeButton(findingDialog).click();

  await notes.oomTab.click();
  const eventLabel = notes.t('notes.target.oomEvent', { file: 'orphaned-shmem/after/dmesg-T.txt', line: 1 });
  await notes.noteButton(eventLabel).first().click();
  await notes.editor(eventLabel).fill('api-server died with only 47.5 MiB anon of its own.');
  await notes.closeButton(notes.dialog(eventLabel)).click();

  await page.reload();
  await notes.notesTab.click();
  await expect(notes.notesGroup(notes.t('notes.target.finding', { name: findingTitle, scope: 'pod:8053180c-b0f1-4cb6-9d6d-c68c5af49d48' }))).toContainText('cap it with sizeLimit');
  await expect(notes.notesGroup(eventLabel)).toContainText('47.5 MiB anon of its own');
  await page.screenshot({ path: testInfo.outputPath('notes-by-target.png'), fullPage: true });
});
