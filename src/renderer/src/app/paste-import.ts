// Text pasted into the window (outside a text field) becomes a file of a new bundle, named after the
// moment it was pasted: engineers paste `dmesg | grep -A40 oom` or a memory.stat from a terminal.
import { itemFromFile, itemsFromFileList } from '../platform/drop';
import type { ImportItem } from '../platform/types';

/** True when the paste is meant for an editable element (a note, a search box, Monaco). */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return true;
  return target.closest('.monaco-editor') !== null;
}

export function pastedFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `pasted-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}.txt`;
}

/** Files of the clipboard as they are; else its text as one file. Empty when there is nothing. */
export function itemsFromClipboard(data: DataTransfer, now: Date): ImportItem[] {
  if (data.files.length > 0) return itemsFromFileList(data.files);
  const text = data.getData('text/plain');
  if (text.trim() === '') return [];
  const name = pastedFileName(now);
  return [itemFromFile(new File([text], name, { type: 'text/plain' }), name)];
}
