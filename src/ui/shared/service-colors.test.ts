import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATUS_COLORS } from '../status';
import {
  SERVICE_COLORS,
  SERVICE_COLORS_DARK,
  serviceColor,
  serviceColorSlot,
} from './service-colors';

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function linear(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map(linear) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** CIE L*a*b* (D65), for a perceptual distance between two colours. */
function lab(hex: string): Rgb {
  const [r, g, b] = rgb(hex).map(linear) as Rgb;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

function deltaE(a: string, b: string): number {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

const css = (name: string) => readFileSync(new URL(`../styles/${name}`, import.meta.url), 'utf8');

/** The `--name: value` declarations of one `selector { ... }` block of a stylesheet. */
function variables(sheet: string, selector: string): Map<string, string> {
  const start = sheet.indexOf(`${selector} {`);
  const body = sheet.slice(start, sheet.indexOf('}', start));
  return new Map(
    [...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}

const THEMES = {
  light: { selector: ':root', palette: SERVICE_COLORS },
  dark: { selector: ':root[data-theme="dark"]', palette: SERVICE_COLORS_DARK },
} as const;

// Where a stripe or swatch sits: node panels (chips), the canvas (legend, zone cards), soft panels.
const SURFACES = ['--panel', '--panel-soft', '--canvas-bg', '--bg'];

describe.each(Object.entries(THEMES))(
  'service colours, %s theme',
  (theme, { selector, palette }) => {
    const surfaces = variables(css('base.css'), selector);

    it('has ten colours, each at 3:1 or more on every surface it sits on (WCAG 1.4.11)', () => {
      expect(palette).toHaveLength(10);
      for (const name of SURFACES) {
        const surface = surfaces.get(name);
        expect(surface, `${theme} ${name}`).toMatch(/^#[0-9a-f]{6}$/);
        for (const color of palette)
          expect(
            contrast(color, surface ?? ''),
            `${color} on ${name} ${surface}`,
          ).toBeGreaterThanOrEqual(3);
      }
    });

    it('is what service-colors.css gives --service-N in this theme', () => {
      const defined = variables(css('service-colors.css'), selector);
      for (const [i, color] of palette.entries()) expect(defined.get(`--service-${i}`)).toBe(color);
    });

    it('keeps every pair of the ten apart at a glance (CIE76 distance of 20 or more)', () => {
      for (const [i, a] of palette.entries())
        for (const b of palette.slice(i + 1)) expect(deltaE(a, b), `${a} ${b}`).toBeGreaterThan(20);
    });

    it('keeps the first two, the usual web and worker, far apart', () => {
      expect(deltaE(palette[0], palette[1])).toBeGreaterThan(60);
    });

    // A white hairline parts stripe from fill too; the hues alone must not blur together.
    it('stripes stand out from every lastStatus fill they sit beside', () => {
      for (const stripe of palette)
        for (const fill of Object.values(STATUS_COLORS))
          expect(deltaE(stripe, fill), `${stripe} on ${fill}`).toBeGreaterThan(15);
    });
  },
);

describe('service colour slots', () => {
  it('is stable by position and wraps past the palette', () => {
    expect(serviceColor(3)).toBe('var(--service-3)');
    expect(serviceColor(10)).toBe('var(--service-0)');
    expect(serviceColorSlot(-1)).toBe(9);
  });
});
