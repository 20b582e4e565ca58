// The seek benchmarks' run: B4's design (150 m5.xlarge, 2,000 tasks) with a
// script that keeps the hour busy, so every checkpoint and every replay has
// tasks starting and stopping: the service goes 2,000 -> 1,500 -> 2,000 every
// ten simulated minutes. Shared by the Node bench (RunKeeper) and the browser
// bench (a share link), so both seek through the same hour.

import { B4_DESIGN_NAME, b4Design } from './frames-design';

export const SEEK_HOUR_MS = 3_600_000;
export const SEEK_DESIGN_NAME = `${B4_DESIGN_NAME}, scaled every 10 minutes`;
const CHANGE_EVERY_S = 600;
const LOW = 1_500;
const HIGH = 2_000;

/** One UpdateService every ten minutes of the hour, alternating 1,500 and 2,000. */
export function seekScript(): object[] {
  const script: object[] = [];
  for (let at = CHANGE_EVERY_S, i = 0; at < SEEK_HOUR_MS / 1000; at += CHANGE_EVERY_S, i++) {
    script.push({
      at,
      action: 'UpdateService',
      input: { cluster: 'bench', service: 'api', desiredCount: i % 2 === 0 ? LOW : HIGH },
    });
  }
  return script;
}

/** The raw document, as the import gate and a share link take it. */
export function seekDesign(): Record<string, unknown> {
  return { ...b4Design(), name: SEEK_DESIGN_NAME, script: seekScript() };
}

/** A small seeded generator (mulberry32): the same targets every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
