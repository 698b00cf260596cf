// Drag-and-drop and <input type=file> → ImportItems, with folders walked through the File and
// Directory Entries API (webkitGetAsEntry), which Chromium, Firefox, Safari and Electron all offer.
import type { ImportItem } from './types';

export function itemFromFile(file: File, displayPath: string): ImportItem {
  return {
    displayPath,
    sizeBytes: file.size,
    blob: file,
    readSlice: async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
  };
}

/** Files of an <input type=file> (multiple or webkitdirectory): the folder's relative path when there is one. */
export function itemsFromFileList(files: FileList | readonly File[]): ImportItem[] {
  return Array.from(files).map((f) => itemFromFile(f, f.webkitRelativePath || f.name));
}

/**
 * Entries must be taken while the drop event runs (the DataTransfer is emptied afterwards);
 * walking the folders may then take its time.
 */
export function itemsFromDataTransfer(dt: DataTransfer): Promise<ImportItem[]> {
  const entries: FileSystemEntry[] = [];
  const looseFiles: File[] = [];
  const items = dt.items ? Array.from(dt.items) : [];
  for (const item of items) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) looseFiles.push(file);
    }
  }
  if (items.length === 0 && dt.files) looseFiles.push(...Array.from(dt.files));
  return (async () => {
    const out: ImportItem[] = looseFiles.map((f) => itemFromFile(f, f.name));
    for (const entry of entries) await walkEntry(entry, out);
    return out;
  })();
}

async function walkEntry(entry: FileSystemEntry, out: ImportItem[]): Promise<void> {
  const path = entry.fullPath.replace(/^\/+/, '') || entry.name;
  if (isFileEntry(entry)) {
    const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
    out.push(itemFromFile(file, path));
    return;
  }
  if (isDirectoryEntry(entry)) {
    const children = await readAllEntries(entry.createReader());
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) await walkEntry(child, out);
  }
}

/** readEntries returns at most ~100 entries per call: call it until it returns none. */
async function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

function isFileEntry(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function isDirectoryEntry(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

/** True when a drag carries files (not text or a link being dragged around the page). */
export function dragHasFiles(dt: DataTransfer | null): boolean {
  if (!dt) return false;
  return Array.from(dt.types).includes('Files');
}
