/** `mm:ss`, or `h:mm:ss` past an hour, for a virtual clock in ms. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The wall-clock time the virtual clock stands for, ISO 8601 in UTC, whole seconds. */
export function isoAt(startTime: string, ms: number): string {
  const start = Date.parse(startTime);
  if (Number.isNaN(start)) return '';
  return new Date(start + Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Seconds on a chart axis: `90` -> `1:30`. */
export function formatAxisSeconds(seconds: number): string {
  return formatClock(seconds * 1000).replace(/^0(\d:)/, '$1');
}

export function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.min(100, Math.max(0, (part / whole) * 100));
}
