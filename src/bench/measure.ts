export interface Candidate {
  setUp(): void;
  round(): void;
}

function elapsedMs(round: () => void): number {
  const start = performance.now();
  round();
  return performance.now() - start;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// Rounds alternate between the candidates, so a noisy neighbour on a shared
// machine slows both alike; warm-up rounds let the JIT settle first, and the
// median ignores the odd round hit by a GC pause. setUp is not timed.
export function compareMedians(
  a: Candidate,
  b: Candidate,
  options: { warmUpRounds: number; rounds: number },
): { aMs: number; bMs: number } {
  const aTimes: number[] = [];
  const bTimes: number[] = [];
  for (let i = 0; i < options.warmUpRounds + options.rounds; i++) {
    a.setUp();
    const aMs = elapsedMs(a.round);
    b.setUp();
    const bMs = elapsedMs(b.round);
    if (i >= options.warmUpRounds) {
      aTimes.push(aMs);
      bTimes.push(bMs);
    }
  }
  return { aMs: median(aTimes), bMs: median(bTimes) };
}
