import type { AxisFormat } from './series';

/**
 * Fixed axes: the time domain grows in steps (1, 2, 5, 10, 15, 30 minutes, then hours),
 * so while a run plays the chart keeps its ticks and only its data moves; counts round
 * up to a nice maximum. Labels are short enough never to clip: 2,000 reads `2k`.
 */

const MINUTE = 60_000;
const TIME_STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];

/** The right end of the time axis for a run played to `endMs`. */
export function timeDomainEnd(endMs: number): number {
  for (const m of TIME_STEPS_MIN) if (endMs <= m * MINUTE) return m * MINUTE;
  return Math.ceil(endMs / (1440 * MINUTE)) * 1440 * MINUTE;
}

const TICK_STEPS_MS = [
  5_000,
  10_000,
  15_000,
  30_000,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  60 * MINUTE,
  120 * MINUTE,
  360 * MINUTE,
  720 * MINUTE,
  1440 * MINUTE,
];

/** About `target` ticks over [0, endMs], in virtual ms, at a round step. */
export function timeTicks(endMs: number, target = 6): number[] {
  const step = TICK_STEPS_MS.find((s) => endMs / s <= target) ?? endMs / target;
  const ticks: number[] = [];
  for (let t = 0; t <= endMs + 1e-6; t += step) ticks.push(t);
  return ticks;
}

/** A round maximum at or above `max` and ticks up to it: 7 -> 8 (0 2 4 6 8), 1,930 -> 2,000. */
export function countAxis(max: number): { max: number; ticks: number[] } {
  if (max <= 4) return { max: 4, ticks: [0, 1, 2, 3, 4] };
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough;
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) ticks.push(Math.round(v * 1000) / 1000);
  return { max: top, ticks };
}

/** `950`, `2k`, `1.5k`, `12k`, `1.2M`: fits the 48 px axis at any size. */
export function formatCount(n: number): string {
  if (Math.abs(n) < 1000) return String(n);
  if (Math.abs(n) < 1_000_000) return `${trim(n / 1000)}k`;
  return `${trim(n / 1_000_000)}M`;
}

function trim(x: number): string {
  return x >= 100 ? String(Math.round(x)) : String(Math.round(x * 10) / 10);
}

/** Any positive maximum, cents included: 0.034 -> 0.04 (0, 0.01, ... 0.04); 0 -> 0.01. */
export function niceAxis(max: number, least = 0.01): { max: number; ticks: number[] } {
  const top0 = Math.max(max, least);
  const rough = top0 / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough;
  const count = Math.ceil(top0 / step - 1e-9);
  const ticks: number[] = [];
  for (let i = 0; i <= count; i++) ticks.push(Number((i * step).toPrecision(6)));
  return { max: ticks[ticks.length - 1] ?? top0, ticks };
}

/** A percentage axis: 0-100 in quarters while everything fits, a round maximum above. */
export function percentAxis(max: number): { max: number; ticks: number[] } {
  if (max <= 100) return { max: 100, ticks: [0, 25, 50, 75, 100] };
  return countAxis(max);
}

/** `$0.42`, `$12.50`, `$1.2k`: dollars to the cent while they are few. */
export function formatUsd(v: number): string {
  if (Math.abs(v) >= 1000) return `$${formatCount(Math.round(v))}`;
  if (Math.abs(v) >= 100) return `$${Math.round(v)}`;
  // Half-cent ticks of a short run's axis keep their third decimal: $0.005, not $0.01 twice.
  const cents = Math.round(v * 100);
  return Math.abs(v * 100 - cents) < 1e-6 ? `$${v.toFixed(2)}` : `$${v.toFixed(3)}`;
}

/** A value as the legend and the y axis print it. */
export function formatValue(v: number, format: AxisFormat): string {
  if (format === 'percent') return `${Math.round(v * 10) / 10}%`;
  if (format === 'usd') return formatUsd(v);
  if (format === 'rate')
    return v >= 100 ? formatCount(Math.round(v)) : String(Math.round(v * 10) / 10);
  return formatCount(v);
}
