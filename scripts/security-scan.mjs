#!/usr/bin/env node
// `npm run security:scan`: Doyensec's Electronegativity (the Electron security checklist as static
// checks) over src/ — main, preload, renderer page and all — for the Electron version in package.json.
// Fails when a HIGH finding is not in scripts/electronegativity-reviewed.json, when a file cannot be
// parsed (a file it cannot read is a file it did not check), or when a reviewed entry no longer
// matches a finding or names a proving test that does not exist. Prints, e.g.:
//   electronegativity 1.10.3 on src/ (Electron 45.4.1): 41 checks, 0 unreviewed high, 1 reviewed high, 2 medium, 3 low
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SCANNED = 'src';
// Asks GitHub which Electron releases exist: a network request, and about upgrades rather than about
// this code (the Electron version is pinned in package.json and upgraded on purpose).
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const electronVersion = String(pkg.devDependencies?.electron ?? '').replace(/^[^\d]*/, '');
const toolVersion = JSON.parse(readFileSync(require.resolve('@doyensec/electronegativity/package.json'), 'utf8')).version;
const reviewed = JSON.parse(readFileSync(join(ROOT, 'scripts/electronegativity-reviewed.json'), 'utf8')).reviewed;

// The tool fetches fresh translations from GitHub when it starts. The project makes no network
// request in its tests: refuse every outgoing connection of this process before the tool loads.
for (const name of ['http', 'https', 'net', 'tls']) {
  const mod = require(name);
  const refuse = () => {
    throw new Error('network disabled for the security scan');
  };
  for (const fn of ['request', 'get', 'connect', 'createConnection']) if (typeof mod[fn] === 'function') mod[fn] = refuse;
}
const run = require('@doyensec/electronegativity');
// The tool logs a line when it cannot fetch fresh translations (offline): keep the output about findings.
const log = console.log;
console.log = (...args) => {
  if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args);
};
const result = await run(
  {
    input: join(ROOT, SCANNED),
    isRelative: true,
    customScan: [],
    excludeFromScan: EXCLUDED_CHECKS,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);
console.log = log;

const findings = result.issues.map((i) => ({
  check: i.id,
  file: `${SCANNED}/${i.file}`.replace(/\\/g, '/'),
  line: i.location?.line ?? 0,
  severity: i.severity.name,
  confidence: i.confidence.name,
  manualReview: Boolean(i.manualReview),
  description: String(i.description ?? ''),
}));
const isReviewed = (f) => reviewed.some((r) => r.check === f.check && r.file === f.file);
const problems = [];

for (const error of result.errors) {
  if (!error.tolerable) problems.push(`could not parse ${error.file}: ${error.message}`);
}
for (const r of reviewed) {
  if (!r.reason || !r.provedBy) problems.push(`reviewed entry ${r.check} ${r.file} needs a reason and a provedBy test`);
  for (const proof of [].concat(r.provedBy ?? [])) {
    if (!existsSync(join(ROOT, proof))) problems.push(`reviewed entry ${r.check} ${r.file}: proving test ${proof} does not exist`);
  }
  if (!findings.some((f) => f.check === r.check && f.file === r.file)) problems.push(`reviewed entry ${r.check} ${r.file} matches no finding any more: remove it`);
}

const rows = findings
  .slice()
  .sort((a, b) => ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'].indexOf(a.severity) - ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'].indexOf(b.severity));
for (const f of rows) {
  const note = isReviewed(f) ? 'reviewed (see scripts/electronegativity-reviewed.json)' : f.severity === 'HIGH' ? 'NOT REVIEWED' : '';
  log(`  ${f.severity.padEnd(6)} ${f.confidence.padEnd(9)} ${f.check.padEnd(28)} ${`${f.file}:${f.line}`.padEnd(28)} ${f.description}${note ? ` — ${note}` : ''}`);
}
const high = findings.filter((f) => f.severity === 'HIGH');
const unreviewedHigh = high.filter((f) => !isReviewed(f));
for (const f of unreviewedHigh) problems.push(`HIGH ${f.check} at ${f.file}:${f.line} is not reviewed`);
const count = (s) => findings.filter((f) => f.severity === s).length;
log(
  `electronegativity ${toolVersion} on ${SCANNED}/ (Electron ${electronVersion}): ${result.globalChecks + result.atomicChecks} checks, ` +
    `${unreviewedHigh.length} unreviewed high, ${high.length - unreviewedHigh.length} reviewed high, ${count('MEDIUM')} medium, ${count('LOW')} low`,
);
if (problems.length > 0) {
  for (const p of problems) console.error(`security-scan: ${p}`);
  process.exit(1);
}
