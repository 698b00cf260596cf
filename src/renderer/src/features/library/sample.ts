// The sample incident shipped with the app, read relative to the page (http in a browser,
// file:// in Electron): ./samples/<name>/index.json lists its files.
//   { "name": "orphaned-shmem", "title": "…", "files": ["before/dmesg.txt", …] }
import type { ImportItem } from '../../platform/types';

export const SAMPLE_NAME = 'orphaned-shmem';

interface SampleIndex {
  name: string;
  title?: string;
  files: string[];
}

/** Reads a file shipped beside the page. fetch() refuses file:// URLs in Chromium; XMLHttpRequest still reads them in Electron. */
export async function fetchBytes(url: string): Promise<ArrayBuffer> {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return await response.arrayBuffer();
  } catch (error) {
    if (!url.startsWith('file:') && window.location.protocol !== 'file:') throw error;
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', url);
      xhr.responseType = 'arraybuffer';
      xhr.onload = () => (xhr.response instanceof ArrayBuffer ? resolve(xhr.response) : reject(new Error(`${url}: no content`)));
      xhr.onerror = () => reject(new Error(`${url}: cannot be read`));
      xhr.send();
    });
  }
}

function isSampleIndex(value: unknown): value is SampleIndex {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && Array.isArray(v.files) && v.files.every((f) => typeof f === 'string');
}

export async function loadSample(name: string = SAMPLE_NAME): Promise<{ title: string; items: ImportItem[] }> {
  const base = new URL(`./samples/${encodeURIComponent(name)}/`, window.location.href);
  const index: unknown = JSON.parse(new TextDecoder().decode(await fetchBytes(new URL('index.json', base).href)));
  if (!isSampleIndex(index)) throw new Error(`samples/${name}/index.json is not a sample index.`);
  const items: ImportItem[] = [];
  for (const rel of index.files) {
    if (rel.includes('..') || rel.startsWith('/')) continue;
    const bytes = await fetchBytes(new URL(rel.split('/').map(encodeURIComponent).join('/'), base).href);
    const blob = new Blob([bytes]);
    items.push({
      displayPath: `${index.name}/${rel}`,
      sizeBytes: blob.size,
      blob,
      readSlice: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
    });
  }
  return { title: index.title ?? index.name, items };
}
