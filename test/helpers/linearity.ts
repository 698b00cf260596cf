// Growth of run time with input size, as a ratio rather than a wall-clock threshold: the CPU time
// per call on an input 10× larger divided by the CPU time on the base input. Linear code gives about
// 10; quadratic code about 100. CPU time of this process (process.cpuUsage), not wall-clock time, so
// that other processes on a busy CI machine do not count; batches of the two sizes alternate, each
// repeats the call until it has used enough CPU to measure, and the lowest of several batches is
// kept (interruptions only ever add time).
//   growthRatio((text) => parse(text), (n) => 'a'.repeat(n), 20_000)  → ≈ 10

// 20 ms batches let one collection swing a ratio by ±3 on a loaded 2-core machine (docker-inspect once measured
// 16.7 in CI); at 50 ms the spread of the same case under load is 8.7–10.9.
const MIN_BATCH_MICROS = 50_000;
const BATCHES = 5;

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

function batchMicrosPerCall(run: () => void): number {
  let calls = 0;
  const start = cpuMicros();
  let used: number;
  do {
    run();
    calls++;
    used = cpuMicros() - start;
  } while (used < MIN_BATCH_MICROS);
  return used / calls;
}

export function growthRatio<T>(fn: (input: T) => unknown, make: (size: number) => T, baseSize: number, factor = 10): number {
  const small = make(baseSize);
  const large = make(baseSize * factor);
  const runSmall = () => void fn(small);
  const runLarge = () => void fn(large);
  // Warm-up: JIT and caches.
  runSmall();
  runLarge();
  let smallBest = Number.POSITIVE_INFINITY;
  let largeBest = Number.POSITIVE_INFINITY;
  for (let b = 0; b < BATCHES; b++) {
    smallBest = Math.min(smallBest, batchMicrosPerCall(runSmall));
    largeBest = Math.min(largeBest, batchMicrosPerCall(runLarge));
  }
  return largeBest / Math.max(smallBest, 1e-3);
}
