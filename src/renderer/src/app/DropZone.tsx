// The whole window accepts dropped files and folders (an overlay says so while something is
// dragged) and pasted text or files, each becoming a new bundle.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { platform } from '../platform/bridge';
import { dragHasFiles } from '../platform/drop';
import { useI18n } from './i18n';
import { useImports } from './imports';
import { isEditableTarget, itemsFromClipboard } from './paste-import';

export function DropZone(): ReactNode {
  const { t } = useI18n();
  const { importItems } = useImports();
  const [active, setActive] = useState(false);
  const depth = useRef(0);

  useEffect(() => {
    const onEnter = (e: DragEvent): void => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      depth.current++;
      setActive(true);
    };
    const onOver = (e: DragEvent): void => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent): void => {
      if (!dragHasFiles(e.dataTransfer)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setActive(false);
    };
    const onDrop = (e: DragEvent): void => {
      depth.current = 0;
      setActive(false);
      if (!e.dataTransfer || !dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      // Entries must be taken now, inside the event; the walk of folders continues afterwards.
      const pending = platform.itemsFromDrop(e.dataTransfer);
      void pending.then((items) => importItems(items));
    };
    const onPaste = (e: ClipboardEvent): void => {
      if (!e.clipboardData || isEditableTarget(e.target)) return;
      const items = itemsFromClipboard(e.clipboardData, new Date());
      if (items.length === 0) return;
      e.preventDefault();
      void importItems(items);
    };
    window.addEventListener('paste', onPaste);
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('paste', onPaste);
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [importItems]);

  if (!active) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <span>{t('library.dropHint')}</span>
    </div>
  );
}
