import { describe, expect, it } from 'vitest';
import { STATUS_COLORS } from '../status';
import { contrast, css, deltaE, variables } from './colour-testing';
import {
  SERVICE_COLORS,
  SERVICE_COLORS_DARK,
  serviceColor,
  serviceColorSlot,
} from './service-colors';

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
