export interface BenchResult {
  name: string;
  baselineName: string;
  opsPerSec: number;
  baselineOpsPerSec: number;
  ratio: number;
  notes: string;
}

// `id` is what `npm run bench -- <filter>` matches against.
export interface Bench {
  id: string;
  run(): BenchResult;
}
