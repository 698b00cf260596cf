// Time left of an import, from its recent speed: bytes done over the last few seconds (a sliding
// window, so a slow start or a pause does not skew it for long). Nothing is said before one second
// of progress. Sample: 300 MB of 1 GB done in 3 s → about 7 s left.
import type { Translator } from '../../../core';

const WINDOW_MS = 5000;
const MIN_ELAPSED_MS = 1000;

export class ImportEta {
  private samples: { atMs: number; bytes: number }[] = [];

  /** Records progress; returns the seconds left, or null while there is too little to tell. */
  update(atMs: number, bytesDone: number, bytesTotal: number): number | null {
    const last = this.samples[this.samples.length - 1];
    if (last && bytesDone < last.bytes) this.samples = [];
    this.samples.push({ atMs, bytes: bytesDone });
    while (this.samples.length > 2 && atMs - (this.samples[1]?.atMs ?? atMs) >= WINDOW_MS) this.samples.shift();
    const first = this.samples[0];
    if (!first) return null;
    const elapsed = atMs - first.atMs;
    const done = bytesDone - first.bytes;
    if (elapsed < MIN_ELAPSED_MS || done <= 0) return null;
    return Math.max(0, ((bytesTotal - bytesDone) / done) * (elapsed / 1000));
  }
}

export function etaText(seconds: number | null, t: Translator): string {
  if (seconds === null) return t('importEta.estimating');
  const whole = Math.ceil(seconds);
  const time = whole < 60 ? t('importEta.seconds', { n: whole }) : t('importEta.minutes', { m: Math.floor(whole / 60), s: whole % 60 });
  return t('importEta.left', { time });
}
