import type { Locator } from '@playwright/test';
import { b4Design } from '../src/bench/frames-design';
import { expect, test } from './fixtures';
import { BerthApp } from './pages/berth-app';

const fontPx = (locator: Locator) =>
  locator.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));

test.use({ viewport: { width: 1280, height: 720 } });

test('presenter mode at 1280x720: large chips, numbers, axes and events, and the canvas first', async ({
  app,
  page,
}) => {
  await app.openDesign('alb');
  await app.dock.play(10);
  const chip = page.getByTestId('task-chip').first();
  await expect(chip).toBeVisible();
  await expect(app.dock.eventLog.locator('li').first()).toBeVisible();
  await app.dock.pause();
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toBeVisible();
  const canvasWidth = (await app.canvas.root.boundingBox())?.width ?? 0;

  await page.keyboard.press('p');
  await expect(page.getByTestId('app')).toHaveClass(/presenter/);
  await expect(page.getByTestId('toolbar.presenter')).toHaveAttribute('aria-pressed', 'true');

  // Palette and inspector fold to rails; the canvas takes their room.
  await expect(inspector).toBeHidden();
  await expect(page.getByTestId('palette')).toBeHidden();
  await expect(page.getByTestId('side.right.toggle')).toBeVisible();
  expect((await app.canvas.root.boundingBox())?.width ?? 0).toBeGreaterThan(canvasWidth + 400);

  expect(await fontPx(chip)).toBeGreaterThanOrEqual(16);
  for (const text of [
    app.dock.eventLog.locator('li > span').first(),
    app.dock.eventLog.locator('li time').first(),
    page.getByTestId('dock.chart.count.RUNNING'),
    page.locator('.service-counts td').first(),
    page.locator('.dock-chart .recharts-cartesian-axis-tick-value').first(),
    page.locator('.canvas-bar .legend li').first(),
  ])
    expect(await fontPx(text)).toBeGreaterThanOrEqual(18);
  expect(await fontPx(page.getByTestId('dock.clock.elapsed'))).toBeGreaterThanOrEqual(18);

  // The rail opens the inspector over the canvas, and closes it again.
  await page.getByTestId('side.right.toggle').click();
  await expect(inspector).toBeVisible();
  await page.getByTestId('side.right.toggle').click();
  await expect(inspector).toBeHidden();

  // Kept across a reload; the button turns it off.
  await page.reload();
  await app.canvas.root.waitFor();
  await expect(page.getByTestId('app')).toHaveClass(/presenter/);
  await page.getByTestId('toolbar.presenter').click();
  await expect(page.getByTestId('app')).not.toHaveClass(/presenter/);
  await expect(inspector).toBeVisible();
});

test('P in a text field types a P', async ({ app, page }) => {
  await app.openDesign('alb');
  const field = page.getByTestId('palette').locator('input').first();
  await field.fill('');
  await field.press('p');
  await expect(field).toHaveValue('p');
  await expect(page.getByTestId('app')).not.toHaveClass(/presenter/);
});

test('a 150-instance cluster at fit shows one summary per zone; a click zooms in to its instances', async ({
  app,
  page,
}) => {
  await page.goto(BerthApp.linkFor(JSON.stringify(b4Design())));
  await app.canvas.root.waitFor();
  const summaries = page.locator('[data-testid^="zone-summary.us-east-1"]');
  await expect(summaries).toHaveCount(3);
  await expect(app.canvas.instances).toHaveCount(0);
  const b = page.getByTestId('zone-summary.us-east-1b');
  await expect(b.getByTestId('zone-summary.instances')).toHaveText('50 instances');
  // Fitted to the short lanes: the summaries are on screen, large.
  await expect(b).toBeInViewport();
  expect((await b.boundingBox())?.width ?? 0).toBeGreaterThan(100);

  // Playing, the summaries count what the instance nodes would show.
  await app.dock.play(100);
  await expect(page.getByTestId('dock.chart.count.RUNNING')).toHaveAttribute('data-count', '2000', {
    timeout: 30_000,
  });
  await app.dock.pause();
  const running = await summaries.evaluateAll((els) =>
    els.reduce((n, el) => n + Number(el.getAttribute('data-running')), 0),
  );
  expect(running).toBe(2000);
  await expect(b.getByTestId('zone-summary.cpu')).toContainText(/CPU \d+%/);

  await b.click();
  await expect(summaries).toHaveCount(0);
  await expect(app.canvas.instance('i-0b400000000000001')).toBeInViewport();
  await expect(page.getByTestId('task-chip').first()).toBeVisible();
});
