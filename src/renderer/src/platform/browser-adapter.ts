// The platform adapter in a plain browser (`npm run web`, the e2e tests): web APIs only.
import type { ImportItem, PlatformAdapter } from './types';
import { itemsFromDataTransfer, itemsFromFileList } from './drop';

function pickWithInput(kind: 'files' | 'folder'): Promise<ImportItem[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    if (kind === 'folder') input.webkitdirectory = true;
    input.style.display = 'none';
    input.setAttribute('data-testid', `import-input-${kind}`);
    const finish = (items: ImportItem[]): void => {
      input.remove();
      resolve(items);
    };
    input.addEventListener('change', () => finish(input.files ? itemsFromFileList(input.files) : []), { once: true });
    input.addEventListener('cancel', () => finish([]), { once: true });
    document.body.appendChild(input);
    input.click();
  });
}

export function createBrowserAdapter(): PlatformAdapter {
  return {
    kind: 'browser',
    systemLocale: () => Promise.resolve(navigator.languages?.[0] ?? navigator.language ?? 'en'),
    pickImport: pickWithInput,
    itemsFromDrop: itemsFromDataTransfer,
    // A browser has no menu or command line: nothing arrives from outside the page.
    onExternalImport: () => () => undefined,
    onMenuCommand: () => () => undefined,
    printReport: () => {
      window.print();
      return Promise.resolve(null);
    },
    releaseItems: () => undefined,
  };
}
