import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

interface LowContrast {
  ratio: number;
  text: string;
  element: string;
  color: string;
  background: string;
}

/**
 * Every visible piece of text on the page whose colour holds under 4.5:1 against what is
 * behind it (the first opaque background up its ancestors, translucent layers composited).
 * Text over a gradient, inside SVG, disabled or faded on purpose is left out.
 */
function lowContrastText(page: Page): Promise<LowContrast[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba | null => {
      const rgb = c.match(/^rgba?\(([^)]+)\)$/);
      const srgb = c.match(/^color\(srgb ([^)]+)\)$/);
      const parts = (rgb ?? srgb)?.[1]
        ?.split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      if (!parts || parts.length < 3) return null;
      const k = srgb ? 255 : 1;
      return [parts[0]! * k, parts[1]! * k, parts[2]! * k, parts[3] ?? 1];
    };
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i]! * a + under[i]! * (1 - a)).concat(1) as Rgba;
    };
    const luminance = (c: Rgba) => {
      const [r, g, b] = c.slice(0, 3).map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const backgroundOf = (el: Element): Rgba | null => {
      const layers: Rgba[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.backgroundImage !== 'none') return null;
        const c = parse(s.backgroundColor);
        if (c && c[3] > 0) {
          layers.push(c);
          if (c[3] >= 1) break;
        }
      }
      return layers.reduceRight<Rgba>((bg, layer) => over(layer, bg), [255, 255, 255, 1]);
    };
    const opacity = (el: Element) => {
      let o = 1;
      for (let e: Element | null = el; e; e = e.parentElement)
        o *= Number(getComputedStyle(e).opacity);
      return o;
    };
    const found: LowContrast[] = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('svg, .visually-hidden, [disabled], .react-flow__attribution')) continue;
      const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
      if (!ownText) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.bottom < 0 || box.top > innerHeight || box.left > innerWidth)
        continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || opacity(el) < 0.99) continue;
      const bg = backgroundOf(el);
      const fg = parse(style.color);
      if (!bg || !fg) continue;
      const r = ratio(over(fg, bg), bg);
      if (r < 4.5)
        found.push({
          ratio: Math.round(r * 100) / 100,
          text: (el.textContent ?? '').trim().slice(0, 40),
          element: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`,
          color: style.color,
          background: bg.map(Math.round).join(','),
        });
    }
    return found;
  });
}

const backgroundOfPage = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const canvasBackground = (page: Page) =>
  page.locator('.react-flow').evaluate((el) => getComputedStyle(el).backgroundColor);

test('the theme follows the system until a person picks one, and keeps the pick', async ({
  app,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await app.openDesign('alb');
  const light = await backgroundOfPage(page);
  const lightCanvas = await canvasBackground(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await backgroundOfPage(page)).not.toBe(light);
  expect(await canvasBackground(page)).not.toBe(lightCanvas);

  // A pick beats the system, and survives a reload.
  await page.getByTestId('toolbar.theme.light').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.getByTestId('toolbar.theme.light')).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await app.canvas.root.waitFor();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await backgroundOfPage(page)).toBe(light);

  await page.getByTestId('toolbar.theme.system').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`text holds 4.5:1 against its background in the ${scheme} theme`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await app.openDesign('alb');
    await app.dock.play(10);
    await expect(app.dock.eventLog.locator('li').first()).toBeVisible();
    await app.dock.pause();
    await app.canvas.root.click({ position: { x: 5, y: 5 } });
    expect(await lowContrastText(page)).toEqual([]);
  });
}
