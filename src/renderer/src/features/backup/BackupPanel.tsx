// Export the whole workspace to one .oomscope-backup.zip, and import one back (on the Library).
// Import refuses a damaged or foreign archive with the reason; bundles already in the library are
// skipped unless the user asks for copies; all of a backup is stored in one transaction.
import { useRef, useState, type ReactNode } from 'react';
import { backupFileName, findDuplicates, planBackupImport, type BackupError, type DuplicateChoice, type MessageKey } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { useToasts } from '../../app/toasts';
import { db } from '../../db/database';
import { newId } from '../../db/ids';
import { version as appVersion } from '../../../../../package.json';
import { collectWorkspace, existingBundles, runBackupWorker, storeRestored } from './backup-client';
import { restoreBundle } from './backup-records';
import type { ReadBundle } from './protocol';
import './backup.css';

interface PendingImport {
  bundles: ReadBundle[];
  duplicates: string[];
}

export function BackupPanel(): ReactNode {
  const { t } = useI18n();
  const toasts = useToasts();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);

  const errorText = (error: BackupError): string => t(`backup.error.${error.code}` as MessageKey, error.params);
  const fail = (key: 'backup.exportFailed' | 'backup.importFailed', message: string): void => {
    toasts.show({ message: { key, params: { message } }, kind: 'error', timeoutMs: 15_000 });
  };

  const exportBackup = async (): Promise<void> => {
    setBusy('export');
    try {
      const bundles = await collectWorkspace(db);
      if (bundles.length === 0) {
        toasts.show({ message: { key: 'backup.nothing' } });
        return;
      }
      const now = new Date();
      const reply = await runBackupWorker({ type: 'write', bundles, appVersion, createdAt: now.toISOString() });
      if (reply.type !== 'written') throw new Error(reply.type === 'error' ? reply.message : reply.type);
      const url = URL.createObjectURL(reply.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = backupFileName(now);
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      const c = reply.manifest.counts;
      toasts.show({ message: { key: 'backup.exported', params: { bundles: c.bundles, files: c.files, notes: c.notes } } });
    } catch (error) {
      fail('backup.exportFailed', error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };

  const store = async (bundles: readonly ReadBundle[], choice: DuplicateChoice): Promise<void> => {
    setBusy('import');
    try {
      const plan = planBackupImport(bundles, await existingBundles(db), choice, newId);
      const now = new Date().toISOString();
      const restored = plan.add.map((b) => restoreBundle(b, b.raw, now));
      await storeRestored(db, restored);
      const notes = restored.reduce((n, r) => n + r.notes.length, 0);
      const params = { bundles: restored.length, notes, skipped: plan.skipped.length };
      toasts.show({ message: { key: plan.skipped.length > 0 ? 'backup.importedSkipped' : 'backup.imported', params }, timeoutMs: 10_000 });
    } catch (error) {
      fail('backup.importFailed', error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };

  const importBackup = async (file: File): Promise<void> => {
    setBusy('import');
    try {
      const reply = await runBackupWorker({ type: 'read', file });
      if (reply.type === 'refused') return fail('backup.importFailed', errorText(reply.error));
      if (reply.type !== 'read') return fail('backup.importFailed', reply.type === 'error' ? reply.message : reply.type);
      const duplicates = findDuplicates(reply.bundles, await existingBundles(db));
      if (duplicates.length > 0) {
        setPending({ bundles: reply.bundles, duplicates: duplicates.map((d) => d.existing.title) });
        return;
      }
      await store(reply.bundles, 'skip');
    } catch (error) {
      fail('backup.importFailed', error instanceof Error ? error.message : String(error));
    } finally {
      setBusy((b) => (b === 'import' ? null : b));
    }
  };

  return (
    <section className="backup-panel" aria-label={t('backup.title')}>
      <span className="backup-title">{t('backup.title')}</span>
      <button type="button" disabled={busy !== null} onClick={() => void exportBackup()}>
        {busy === 'export' ? t('backup.exporting') : t('backup.export')}
      </button>
      <button type="button" disabled={busy !== null} onClick={() => input.current?.click()}>
        {busy === 'import' ? t('backup.importing') : t('backup.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        hidden
        data-testid="backup-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importBackup(file);
        }}
      />
      <span className="faint backup-hint">{t('backup.hint')}</span>
      {pending && (
        <DuplicatesDialog
          pending={pending}
          onChoose={(choice) => {
            const bundles = pending.bundles;
            setPending(null);
            if (choice) void store(bundles, choice);
          }}
        />
      )}
    </section>
  );
}

function DuplicatesDialog({ pending, onChoose }: { pending: PendingImport; onChoose: (choice: DuplicateChoice | null) => void }): ReactNode {
  const { t } = useI18n();
  const titles = pending.duplicates.length > 3 ? `${pending.duplicates.slice(0, 3).join(', ')}, …` : pending.duplicates.join(', ');
  return (
    <dialog
      className="backup-dialog"
      aria-label={t('backup.duplicates.title')}
      ref={(el) => {
        if (el && !el.open) el.showModal();
      }}
      onCancel={(e) => {
        e.preventDefault();
        onChoose(null);
      }}
    >
      <h2>{t('backup.duplicates.title')}</h2>
      <p>{t('backup.duplicates.body', { count: pending.duplicates.length, total: pending.bundles.length, titles })}</p>
      <div className="backup-dialog-bar">
        <button type="button" onClick={() => onChoose(null)}>
          {t('backup.cancel')}
        </button>
        <button type="button" onClick={() => onChoose('keep-both')}>
          {t('backup.duplicates.keep')}
        </button>
        <button type="button" className="primary" autoFocus onClick={() => onChoose('skip')}>
          {t('backup.duplicates.skip')}
        </button>
      </div>
    </dialog>
  );
}
