// Growth of run time with input size, as a ratio rather than a wall-clock threshold: the time per call
// on an input 10× larger divided by the time on the base input. Linear code gives about 10; quadratic
// code about 100. Each size is timed as the median of several batches, each batch repeating the call
// until it has run long enough for the clock to be meaningful, so the ratio holds on a slow CI machine.
//   growthRatio((text) => parse(text), (n) => 'a'.repeat(n), 20_000)  → ≈ 10

const MIN_BATCH_MS = 15;
const BATCHES = 5;

function perCallMs(run: () => void): number {
  run(); // warm-up: JIT and caches
  const samples: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    let calls = 0;
    const start = performance.now();
    let elapsed: number;
    do {
      run();
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < MIN_BATCH_MS);
    samples.push(elapsed / calls);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

export function growthRatio<T>(fn: (input: T) => unknown, make: (size: number) => T, baseSize: number, factor = 10): number {
  const small = make(baseSize);
  const large = make(baseSize * factor);
  const smallMs = perCallMs(() => fn(small));
  const largeMs = perCallMs(() => fn(large));
  return largeMs / Math.max(smallMs, 1e-6);
}
