import { describe, expect, it } from 'vitest';
import { contrast, css, variables } from '../../shared/colour-testing';
import { CHART_COLORS, type ChartPalette, chartColor, targetGroupColor } from './colors';

const THEMES = { light: ':root', dark: ':root[data-theme="dark"]' } as const;
// A chart line or legend swatch sits on the dock's panel; the canvas bar's legend on --bg.
const SURFACES = ['--panel', '--panel-soft', '--bg'];

describe.each(Object.entries(THEMES))('chart colours, %s theme', (theme, selector) => {
  const surfaces = variables(css('base.css'), selector);
  const defined = variables(css('chart-colors.css'), selector);
  const palettes = Object.entries(CHART_COLORS) as [
    ChartPalette,
    (typeof CHART_COLORS)['deploy'],
  ][];

  it('each at 3:1 or more on every surface a line sits on (WCAG 1.4.11)', () => {
    for (const [name, { light, dark }] of palettes)
      for (const color of theme === 'light' ? light : dark)
        for (const surface of SURFACES)
          expect(
            contrast(color, surfaces.get(surface) ?? ''),
            `${name} ${color} on ${surface}`,
          ).toBeGreaterThanOrEqual(3);
  });

  it('is what chart-colors.css gives --chart-palette-N, slot by slot', () => {
    for (const [name, { light, dark }] of palettes) {
      const list = theme === 'light' ? light : dark;
      expect(dark).toHaveLength(light.length);
      for (const [i, color] of list.entries())
        expect(defined.get(`--chart-${name}-${i}`)).toBe(color);
    }
  });
});

describe('chart colour slots', () => {
  it('wrap past the palette, and blue and green groups are drawn so', () => {
    expect(chartColor('deploy', 6)).toBe('var(--chart-deploy-0)');
    expect(targetGroupColor('shop-blue', 0)).toBe('var(--chart-group-0)');
    expect(targetGroupColor('green', 3)).toBe('var(--chart-group-1)');
    expect(targetGroupColor('api', 0)).toBe('var(--service-2)');
  });
});
