import '../../styles/chart-colors.css';
import { serviceColor } from '../../shared/service-colors';

/**
 * The chart's own colours, a light and a dark value each, both 3:1 or more against the
 * panels a line sits on in its theme (colors.test.ts reads base.css for them). As with
 * the service palette, components get `var(--chart-…)`, defined per theme in
 * chart-colors.css, so a theme switch repaints every line and swatch without a render.
 */
export const CHART_COLORS = {
  /**
   * Deployments by the order they first had tasks: the old revision and the new one read
   * as two distinct hues from the back of a room, and a deployment keeps its hue as it
   * goes from PRIMARY to ACTIVE (a rollback must not swap the colours under the viewer).
   */
  deploy: {
    light: ['#2563eb', '#ea580c', '#059669', '#7c3aed', '#db2777', '#475569'],
    dark: ['#60a5fa', '#fb923c', '#34d399', '#a78bfa', '#f472b6', '#94a3b8'],
  },
  /** Failed requests: reds apart enough to tell two calls' failures side by side. */
  failed: {
    light: ['#c81e1e', '#ea580c', '#9f1239', '#e11d48'],
    dark: ['#f87171', '#fb923c', '#fda4af', '#f43f5e'],
  },
  /** Calls' served lines: the palette after the reds' neighbours. */
  call: {
    light: ['#2563eb', '#0d9488', '#7c3aed', '#0284c7', '#4d7c0f'],
    dark: ['#60a5fa', '#2dd4bf', '#a78bfa', '#38bdf8', '#a3e635'],
  },
  /** Target groups named blue and green are drawn so. */
  group: {
    light: ['#2563eb', '#15803d'],
    dark: ['#60a5fa', '#4ade80'],
  },
} as const;

export type ChartPalette = keyof typeof CHART_COLORS;

const slotOf = (palette: ChartPalette, index: number) => {
  const n = CHART_COLORS[palette].light.length;
  return ((index % n) + n) % n;
};

/** The CSS colour of a palette's `index`th slot: past the palette, colours repeat. */
export function chartColor(palette: ChartPalette, index: number): string {
  return `var(--chart-${palette}-${slotOf(palette, index)})`;
}

export function deploymentColor(index: number): string {
  return chartColor('deploy', index);
}

export function failedColor(index: number): string {
  return chartColor('failed', index);
}

/**
 * A target group's colour: blue/green deployments name their groups after colours, and a
 * group called green drawn orange would mislead; the rest take the palette by position.
 */
export function targetGroupColor(name: string, index: number): string {
  const n = name.toLowerCase();
  if (/\bblue\b|(^|-)blue($|-)/.test(n)) return chartColor('group', 0);
  if (/\bgreen\b|(^|-)green($|-)/.test(n)) return chartColor('group', 1);
  return serviceColor(index + 2);
}

export function callColor(index: number): string {
  return chartColor('call', index);
}
