import type { RateCurve } from '../../design';

const DAY_S = 86_400;

/** Requests a constant-or-stepped rate sends in [a, b) (seconds). */
function stepped(spec: RateCurve, a: number, b: number): number {
  const steps = [...(spec.steps ?? [])].sort((x, y) => x.at - y.at);
  let total = 0;
  let from = a;
  let rate = spec.requestsPerSecond ?? 0;
  for (const step of steps) {
    if (step.at >= b) break;
    if (step.at > from) {
      total += rate * (step.at - from);
      from = step.at;
    }
    rate = step.requestsPerSecond;
  }
  return total + rate * Math.max(0, b - from);
}

/** ∫ min + (max - min)(1 + cos(2π(t - peak)/day))/2 dt over [a, b): exact. */
function daily(d: NonNullable<RateCurve['daily']>, a: number, b: number): number {
  const w = (2 * Math.PI) / DAY_S;
  const half = (d.max - d.min) / 2;
  const sin = (t: number) => Math.sin(w * (t - d.peakAtSecond));
  return (d.min + half) * (b - a) + (half / w) * (sin(b) - sin(a));
}

/** Requests the spec sends between two moments of the run, in ms: a rate's exact integral. */
export function requestsBetween(spec: RateCurve, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  const a = fromMs / 1000;
  const b = toMs / 1000;
  let total = spec.daily ? daily(spec.daily, a, b) : 0;
  if (spec.requestsPerSecond !== undefined || spec.steps) total += stepped(spec, a, b);
  for (const spike of spec.spikes ?? []) {
    const overlap = Math.min(b, spike.at + spike.durationSeconds) - Math.max(a, spike.at);
    if (overlap > 0) total += spike.requestsPerSecond * overlap;
  }
  return total;
}

/** The rate at one moment (requests per second), for a chart or a test. */
export function rateAt(spec: RateCurve, atMs: number): number {
  return requestsBetween(spec, atMs, atMs + 1) * 1000;
}
