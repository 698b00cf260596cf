// Every parser of the Kubernetes, runtime and application formats on every fixture file (its own
// format or not) and on generated junk: it returns a result, never throws, and stays fast.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../registry';
import { decodeText } from '../text/decode';

const MINE = ['kubelet-summary', 'metrics-api', 'cadvisor-prometheus', 'kubectl-pod', 'kubectl-get-pods', 'kubectl-top', 'kubectl-describe-pod', 'kubectl-describe-node', 'kubectl-events', 'docker-inspect', 'crictl-inspect', 'docker-stats', 'crictl-stats', 'fincore', 'pcstat', 'hcache', 'vmtouch', 'jvm-heap-info', 'jvm-nmt', 'procdump-listing'];
const FIXTURES = join(import.meta.dirname, '../../../../test/fixtures');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return files(p);
    return n.endsWith('.expected.json') || n.endsWith('.gz') || n.endsWith('.md') ? [] : [p];
  });
}

function junk(seed: number, length: number): string {
  let x = seed;
  let out = '';
  const alphabet = '{}[]":,\\ \n\r\t-+.0123456789eE|#KkMmGgiB()=/_ax\u0000\u00e9';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet.charAt(x % alphabet.length);
  }
  return out;
}

describe('robustness of the kubernetes, runtime and application parsers', () => {
  const formats = FORMATS.filter((f) => MINE.includes(f.id));

  it('registers all of them', () => {
    expect(formats.map((f) => f.id).sort()).toEqual([...MINE].sort());
  });

  it('parses every fixture file without throwing', () => {
    const inputs = files(FIXTURES).map((p) => decodeText(new Uint8Array(readFileSync(p))).text);
    for (const f of formats) {
      for (const text of inputs) {
        const r = f.parse(text, { fileId: 'x', path: 'x' });
        expect(['parsed', 'partial', 'unusable']).toContain(r.status);
        expect(() => f.detect(text.slice(0, 65536), 'x')).not.toThrow();
      }
    }
  });

  it('survives generated junk, NUL runs, CRLF, one long line and a million empty lines', () => {
    const inputs = [junk(1, 20000), junk(2, 20000), '\u0000'.repeat(10000), 'a: b\r\n'.repeat(10000), 'x'.repeat(5_000_000), '\n'.repeat(1_000_000), '{'.repeat(50000), '- '.repeat(50000), '"'.repeat(50000)];
    for (const f of formats) {
      const start = Date.now();
      for (const text of inputs) {
        const r = f.parse(text, { fileId: 'x', path: 'x' });
        expect(r.warnings.length + (r.value ? 1 : 0)).toBeGreaterThan(0);
      }
      expect(Date.now() - start, f.id).toBeLessThan(8000);
    }
  });
});
