// The real ImportFs on node:fs/promises (import-sources.ts declares the interface; tests use fakes
// and, in node-fs.test.ts, a temporary folder with real symlinks and a FIFO).
import { constants } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import type { ImportFs } from './import-sources';

// O_NONBLOCK: opening a FIFO that replaced a chosen file must not hang main (ignored for regular files).
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export const nodeImportFs: ImportFs = {
  stat: (path) => stat(path),
  lstat: (path) => lstat(path),
  readdir: (path) => readdir(path, { withFileTypes: true }),
  async readRange(path, offset, length) {
    const handle = await open(path, READ_FLAGS);
    try {
      if (!(await handle.stat()).isFile()) throw new Error('Not a regular file.');
      const buffer = new Uint8Array(length);
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await handle.read(buffer, filled, length - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      // A short read returns a copy: a view would still carry (and send over IPC) the whole buffer.
      return filled === length ? buffer : buffer.slice(0, filled);
    } finally {
      await handle.close();
    }
  },
};
