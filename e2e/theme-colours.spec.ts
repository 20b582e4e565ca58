import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function download(page: Page, item: string): Promise<Buffer> {
  await page.getByTestId('toolbar.exportMenu').click();
  const pending = page.waitForEvent('download');
  await page.getByTestId(item).click();
  return readFile(await (await pending).path());
}

/** RGBA of a few pixels of an exported image (PNG or SVG), drawn by the browser. */
function pixels(page: Page, file: Buffer, type: string, points: [number, number][]) {
  return page.evaluate(
    async ({ url, points }) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(image, 0, 0);
      return points.map(([x, y]) => [...context.getImageData(x, y, 1, 1).data]);
    },
    { url: `data:${type};base64,${file.toString('base64')}`, points },
  );
}

for (const theme of ['light', 'dark'] as const)
  test(`the canvas PNG and SVG in the ${theme} theme are the canvas as seen, on its own background`, async ({
    app,
    page,
  }) => {
    await app.openDesign('alb');
    await page.getByTestId(`toolbar.theme.${theme}`).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const png = await download(page, 'export.png');
    await writeFile(`/tmp/vizshots/export-${theme}.png`, png);
    const [corner] = await pixels(page, png, 'image/png', [[2, 2]]);
    const expected = await app.canvas.root.evaluate((el) => {
      const probe = document.createElement('div');
      probe.style.color = getComputedStyle(el).getPropertyValue('--canvas-bg');
      document.body.append(probe);
      const rgb = getComputedStyle(probe).color.match(/\d+/g)?.map(Number) ?? [];
      probe.remove();
      return rgb;
    });
    // Opaque, and the canvas colour of the theme on screen: never the other theme's, nor
    // transparent (a dark theme's light text on a document's white page).
    expect(corner?.[3]).toBe(255);
    expect(corner?.slice(0, 3)).toEqual(expected);

    const svg = await download(page, 'export.svg');
    const [svgCorner] = await pixels(page, svg, 'image/svg+xml', [[2, 2]]);
    expect(svgCorner).toEqual([...expected, 255]);
  });

/** The theme's value of a palette slot, as a computed rgb() colour. */
const slotColor = (page: Page, slot: number) =>
  page.evaluate((name) => {
    const probe = document.createElement('div');
    probe.style.color = `var(${name})`;
    document.body.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  }, `--service-${slot}`);

test('a service keeps its place in the palette and takes the theme’s value of it', async ({
  app,
  page,
}) => {
  await app.openDesign('alb');
  const stripe = app.canvas.serviceLegend('web').locator('.legend-stripe');
  const service = app.canvas.service('web');
  await page.getByTestId('toolbar.theme.light').click();
  const light = await slotColor(page, 0);
  await expect(stripe).toHaveCSS('background-color', light);
  await expect(service).toHaveAttribute('data-service-color', 'var(--service-0)');
  await page.getByTestId('toolbar.theme.dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await slotColor(page, 0);
  // service-colors.test.ts holds both values to 3:1 on their theme's surfaces.
  expect(dark).not.toBe(light);
  await expect(stripe).toHaveCSS('background-color', dark);
  await expect(service).toHaveAttribute('data-service-color', 'var(--service-0)');
});
