/**
 * One colour per service, by its place in the design's `services`: the same
 * service keeps its colour across reloads, and the first services get the
 * most distinct hues. Task chips wear it as a stripe beside their lastStatus
 * fill, so the two never compete for the same channel. Every colour holds at
 * least 3:1 against the white node panel (WCAG 1.4.11, graphics).
 */
export const SERVICE_COLORS = [
  '#2563eb', // blue
  '#d97706', // amber
  '#0d9488', // teal
  '#db2777', // pink
  '#7c3aed', // violet
  '#65a30d', // lime
  '#b91c1c', // brick
  '#0284c7', // sky
  '#92400e', // brown
  '#475569', // slate
] as const;

/** Past the palette colours repeat: beyond ten services a stripe is a hint, the name says the rest. */
export function serviceColor(index: number): string {
  const n = SERVICE_COLORS.length;
  return SERVICE_COLORS[((index % n) + n) % n] ?? SERVICE_COLORS[0];
}

/** For a task that belongs to no service (RunTask): no stripe colour at all. */
export const NO_SERVICE_COLOR = 'transparent';
