import '../styles/service-colors.css';

/**
 * One colour per service, by its place in the design's `services`: the same
 * service keeps its colour across reloads, and the first services get the
 * most distinct hues. Task chips wear it as a stripe beside their lastStatus
 * fill, so the two never compete for the same channel.
 *
 * Each colour has a light and a dark value, both held at 3:1 or more against
 * every surface a stripe sits on in its theme (WCAG 1.4.11, graphics): the
 * dark ones are the same hues, lighter, since the light palette's slate and
 * brown all but vanish on the dark canvas. Components get `var(--service-N)`,
 * which base.css defines per theme, so a theme switch repaints every chip,
 * legend and chart line without a render; service-colors.test.ts holds the
 * CSS to these lists.
 */
export const SERVICE_COLORS = [
  '#2563eb', // blue
  '#c26a05', // amber
  '#0d9488', // teal
  '#db2777', // pink
  '#7c3aed', // violet
  '#5a910c', // lime
  '#b91c1c', // brick
  '#0284c7', // sky
  '#92400e', // brown
  '#475569', // slate
] as const;

/** The same ten hues for the dark theme, position by position. */
export const SERVICE_COLORS_DARK = [
  '#3b7cf5', // blue
  '#f59e0b', // amber
  '#14b8a6', // teal
  '#f472b6', // pink
  '#8b5cf6', // violet
  '#84cc16', // lime
  '#f43f3f', // brick
  '#38bdf8', // sky
  '#b97a45', // brown
  '#6b7b93', // slate
] as const satisfies { length: (typeof SERVICE_COLORS)['length'] };

/** The palette slot of the `index`th service: past ten, colours repeat. */
export function serviceColorSlot(index: number): number {
  const n = SERVICE_COLORS.length;
  return ((index % n) + n) % n;
}

/**
 * Past the palette colours repeat: beyond ten services a stripe is a hint, the name says
 * the rest. A CSS colour, good for any `style`, `fill` or `stroke`.
 */
export function serviceColor(index: number): string {
  return `var(--service-${serviceColorSlot(index)})`;
}

/** For a task that belongs to no service (RunTask): no stripe colour at all. */
export const NO_SERVICE_COLOR = 'transparent';
