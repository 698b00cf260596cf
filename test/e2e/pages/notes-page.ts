// Locators of notes everywhere (Overview, group detail, snapshot button and dialog, Files/Monaco,
// the Notes tab), the incident status and conclusion, and — on the Library — the notes search and
// the backup buttons.
import type { Locator, Page } from '@playwright/test';
import type { Locale } from '../../../src/core/i18n/translate';
import { BundlePage } from './bundle-page';
import { LibraryPage } from './library-page';

export class NotesPage extends BundlePage {
  readonly bundleNotes: Locator;
  readonly groupNotes: Locator;
  readonly notes: Locator;
  readonly notesTabPanel: Locator;
  readonly notesGroups: Locator;
  readonly notesEmpty: Locator;
  readonly status: Locator;
  readonly conclusion: Locator;
  readonly conclusionView: Locator;
  readonly noteGlyphs: Locator;
  readonly noteLines: Locator;
  readonly monacoHover: Locator;

  constructor(page: Page, locale: Locale = 'en') {
    super(page, locale);
    this.bundleNotes = page.getByRole('region', { name: this.t('notes.section.bundle'), exact: true });
    this.groupNotes = this.groupDetail.getByRole('region', { name: this.t('notes.section.group'), exact: true });
    this.notes = page.getByTestId('note');
    this.notesTabPanel = page.getByTestId('notes-tab');
    this.notesGroups = page.getByTestId('notes-group');
    this.notesEmpty = page.getByTestId('notes-empty');
    this.status = page.getByRole('combobox', { name: this.t('incident.status') });
    this.conclusion = page.getByRole('textbox', { name: this.t('incident.conclusion') });
    this.conclusionView = page.getByRole('group', { name: this.t('incident.conclusionPreview') });
    this.noteGlyphs = this.rawView.locator('.raw-note-glyph');
    this.noteLines = this.rawView.locator('.raw-note-line');
    this.monacoHover = page.locator('.monaco-hover').filter({ hasText: /\S/ });
  }

  /** "Add note" of a section of notes (the bundle, a group) or a dialog. */
  addNoteIn(section: Locator, targetLabel: string): Locator {
    return section.getByRole('button', { name: this.t('notes.addTo', { target: targetLabel }), exact: true });
  }

  /** The textarea of the note being edited on a target. */
  editor(targetLabel: string): Locator {
    return this.page.getByRole('textbox', { name: this.t('notes.editor', { target: targetLabel }), exact: true });
  }

  doneButton(scope: Locator): Locator {
    return scope.getByRole('button', { name: this.t('notes.done'), exact: true });
  }

  /** The small button that opens a target's notes in a dialog (snapshot, finding, OOM event). */
  noteButton(targetLabel: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^(${escape(this.t('notes.addTo', { target: targetLabel }))}|${escape(this.t('notes.on', { target: targetLabel }))})$`) });
  }

  dialog(targetLabel: string): Locator {
    return this.page.getByRole('dialog', { name: this.t('notes.on', { target: targetLabel }), exact: true });
  }

  closeButton(dialog: Locator): Locator {
    return dialog.getByRole('button', { name: this.t('notes.close'), exact: true });
  }

  deleteButton(note: Locator): Locator {
    return note.getByRole('button', { name: this.t('notes.delete'), exact: true });
  }

  editButton(note: Locator): Locator {
    return note.getByRole('button', { name: this.t('notes.edit'), exact: true });
  }

  undoButton(): Locator {
    return this.page.getByRole('button', { name: this.t('notes.undo'), exact: true });
  }

  notesGroup(label: string): Locator {
    return this.notesGroups.filter({ has: this.page.getByRole('heading', { name: label, exact: true }) });
  }

  /** Selects whole lines `from`…`to` of the raw view with the keyboard (the editor must show the file). */
  async selectLines(from: number, to: number): Promise<void> {
    await this.rawLines.click();
    const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
    await this.page.keyboard.press(`${mod}+Home`);
    for (let i = 1; i < from; i++) await this.page.keyboard.press('ArrowDown');
    for (let i = from; i < to; i++) await this.page.keyboard.press('Shift+ArrowDown');
    await this.page.keyboard.press('Shift+End');
  }

  /** Right-click on the selection, then "Add note to lines" in Monaco's menu (it acts once hovered). */
  async addNoteFromContextMenu(line: number): Promise<void> {
    await this.rawView.locator('.view-line').nth(line - 1).click({ button: 'right' });
    const item = this.page.getByRole('menuitem', { name: this.t('notes.lines.add') });
    await item.hover();
    await item.click();
  }

  async addNoteShortcut(): Promise<void> {
    await this.page.keyboard.press(process.platform === 'darwin' ? 'Meta+Alt+KeyN' : 'Control+Alt+KeyN');
  }
}

export class LibraryWithNotes extends LibraryPage {
  readonly notesSearch: Locator;
  readonly searchResults: Locator;
  readonly searchHits: Locator;
  readonly exportBackup: Locator;
  readonly importBackup: Locator;

  constructor(page: Page, locale: Locale = 'en') {
    super(page, locale);
    this.notesSearch = page.getByRole('searchbox', { name: this.t('notes.search.label') });
    this.searchResults = page.getByTestId('notes-search-results');
    this.searchHits = page.getByTestId('notes-search-hit');
    const backup = page.getByRole('region', { name: this.t('backup.title'), exact: true });
    this.exportBackup = backup.getByRole('button', { name: this.t('backup.export') });
    this.importBackup = backup.getByRole('button', { name: this.t('backup.import') });
  }

  duplicatesDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.t('backup.duplicates.title') });
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
