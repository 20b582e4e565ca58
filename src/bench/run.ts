// Entry for `npm run bench [-- filter]`: runs every benchmark whose id
// contains the filter and prints one table line each. Timing never fails
// the run; the numbers are for people to read.

// First: the instance-type catalog every design lookup reads.
import '../design/instance-catalog/install';
import { bundleBench } from './bundle.bench';
import { dayBench } from './day.bench';
import { deployBenches } from './deploy.bench';
import { type BrowserBench, framesBench } from './frames.bench';
import { idleBenches } from './idle.bench';
import { memoryBenches } from './memory.bench';
import { panBench } from './pan.bench';
import { placementBenches } from './placement.bench';
import { runQueueBench } from './queue.bench';
import { scaleInBenches } from './scale-in.bench';
import { seekBenches } from './seek.bench';
import { isShown } from './shown-result';
import type { Bench, BenchResult } from './types';

const benches: readonly (Bench | BrowserBench)[] = [
  { id: 'queue', run: runQueueBench },
  ...placementBenches,
  ...scaleInBenches,
  ...idleBenches,
  ...memoryBenches,
  ...seekBenches,
  ...deployBenches,
  framesBench,
  dayBench,
  bundleBench,
  panBench,
];

function formatRate(opsPerSec: number): string {
  if (opsPerSec >= 1e6) return `${(opsPerSec / 1e6).toFixed(2)} M/s`;
  if (opsPerSec >= 1e3) return `${(opsPerSec / 1e3).toFixed(1)} k/s`;
  return `${opsPerSec.toFixed(1)} /s`;
}

function formatLine(r: BenchResult): string {
  return [
    r.name.padEnd(24),
    (isShown(r) ? r.shown : formatRate(r.opsPerSec)).padStart(12),
    `${r.baselineName}: ${isShown(r) ? r.baselineShown : formatRate(r.baselineOpsPerSec)}`.padEnd(
      28,
    ),
    `x${r.ratio.toFixed(2)}`.padStart(7),
    r.notes,
  ].join('  ');
}

const filter = process.argv[2] ?? '';
const selected = benches.filter((b) => b.id.includes(filter));
if (selected.length === 0) {
  console.log(`no benchmark matches "${filter}"; ids: ${benches.map((b) => b.id).join(', ')}`);
}
for (const bench of selected) {
  const result = await bench.run(); // undefined: skipped, and it said why
  if (result) console.log(formatLine(result));
}
