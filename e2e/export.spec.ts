import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function download(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('toolbar.exportMenu').click();
  await expect(page.getByTestId('export.menu')).toBeVisible();
  const pending = page.waitForEvent('download');
  await page.getByTestId(item).click();
  const file = await pending;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test.describe('export', () => {
  test('the canvas as PNG and as SVG, without its controls', async ({ app, page }) => {
    await app.openDesign('alb');
    const png = await download(page, 'export.png');
    expect(png.name).toMatch(/\.png$/);
    // PNG signature, and a picture the size of the canvas at 2x.
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    const width = png.bytes.readUInt32BE(16);
    expect(width).toBeGreaterThan(1000);
    const svg = await download(page, 'export.svg');
    const text = svg.bytes.toString();
    expect(text).toContain('<svg');
    expect(text).toContain('web');
    expect(text).not.toContain('react-flow__minimap');
  });
});
