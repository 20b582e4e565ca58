import { describe, expect, it } from 'vitest';
import { STATUS_COLORS } from '../status';
import { SERVICE_COLORS, serviceColor } from './service-colors';

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

describe('service colours', () => {
  it('has ten colours, each readable on the white node panel', () => {
    expect(SERVICE_COLORS).toHaveLength(10);
    for (const color of SERVICE_COLORS)
      expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it('keeps every pair of the ten apart at a glance (CIE76 distance of 20 or more)', () => {
    for (const [i, a] of SERVICE_COLORS.entries())
      for (const b of SERVICE_COLORS.slice(i + 1))
        expect(deltaE(a, b), `${a} ${b}`).toBeGreaterThan(20);
  });

  it('keeps the first two, the usual web and worker, far apart', () => {
    expect(deltaE(serviceColor(0), serviceColor(1))).toBeGreaterThan(60);
  });

  // A white hairline parts stripe from fill too; the hues alone must not blur together.
  it('stripes stand out from every lastStatus fill they sit beside', () => {
    for (const stripe of SERVICE_COLORS)
      for (const fill of Object.values(STATUS_COLORS))
        expect(deltaE(stripe, fill), `${stripe} on ${fill}`).toBeGreaterThan(15);
  });

  it('is stable by position and wraps past the palette', () => {
    expect(serviceColor(3)).toBe(SERVICE_COLORS[3]);
    expect(serviceColor(10)).toBe(SERVICE_COLORS[0]);
  });
});
