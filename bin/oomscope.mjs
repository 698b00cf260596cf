#!/usr/bin/env node
// The CLI entry: loads the built src/cli (npm run build writes out/cli/main.js).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/cli/main.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('oomscope: the CLI is not built yet. Run "npm ci && npm run build" in the OOMScope folder first.\n');
  process.exit(2);
}
const { main } = await import(pathToFileURL(built).href);
await main();
