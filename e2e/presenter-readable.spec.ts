import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

interface Clipped {
  text: string;
  overflow: { left: number; right: number; top: number; bottom: number };
}

/** Every axis tick label of the chart that reaches past the chart's own svg box. */
function clippedTicks(chart: Locator): Promise<Clipped[]> {
  return chart.evaluate((el) => {
    const svg = el.querySelector('svg.recharts-surface');
    if (!svg) return [{ text: 'no chart', overflow: { left: 0, right: 0, top: 0, bottom: 0 } }];
    const box = svg.getBoundingClientRect();
    const labels = [...el.querySelectorAll('.recharts-cartesian-axis-tick-value')];
    return labels
      .map((label) => {
        const b = label.getBoundingClientRect();
        return {
          text: label.textContent ?? '',
          overflow: {
            left: box.left - b.left,
            right: b.right - box.right,
            top: box.top - b.top,
            bottom: b.bottom - box.bottom,
          },
        };
      })
      .filter(({ overflow }) => Object.values(overflow).some((px) => px > 0.5));
  });
}

const ticks = (page: Page, axis: 'x' | 'y') =>
  page.locator(`.dock-chart .recharts-${axis}Axis-tick-labels .recharts-cartesian-axis-tick-value`);

test('presenter mode at 1280x720: every chart axis label is whole inside the chart', async ({
  app,
  page,
}) => {
  await app.openDesign('alb');
  await page.keyboard.press('p');
  await expect(page.getByTestId('app')).toHaveClass(/presenter/);
  // Past 5:00 the axis runs to 10:00: the widest last label of a short run.
  await app.dock.play(100);
  await expect(ticks(page, 'x').last()).toHaveText('10:00', { timeout: 20_000 });
  await app.dock.pause();
  await page.screenshot({ path: '/tmp/vizshots/presenter-chart.png' });

  const chart = app.dock.chart;
  expect(
    await ticks(page, 'x')
      .last()
      .evaluate((t) => getComputedStyle(t).fontSize),
  ).toBe('18px');
  expect(await clippedTicks(chart)).toEqual([]);
  const svg = await chart.locator('svg.recharts-surface').boundingBox();
  const last = await ticks(page, 'x').last().boundingBox();
  expect(last && svg && last.x + last.width <= svg.x + svg.width).toBe(true);

  // The widest y labels: dollars to the tenth of a cent, and percentages to 100%.
  for (const mode of ['Cost so far (USD)', 'Traffic split (%)']) {
    await page.getByTestId('chart.mode').selectOption({ label: mode });
    await expect(ticks(page, 'y').first()).toBeVisible();
    expect(await clippedTicks(chart), mode).toEqual([]);
  }
  await page.screenshot({ path: '/tmp/vizshots/presenter-chart-split.png' });
});

for (const design of ['steady', 'alb', 'fargate'] as const)
  test(`presenter mode at 1280x720: ${design} at fit draws its task chips 16 px or taller`, async ({
    app,
    page,
  }) => {
    await app.openDesign(design);
    await app.dock.step10(6);
    await expect(page.getByTestId('task-chip').first()).toBeVisible();
    await page.getByTestId('toolbar.presenter').click();
    await expect(page.getByTestId('app')).toHaveClass(/presenter/);
    // P refits by itself; F is the person asking again.
    await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('f');
    await expect
      .poll(async () => (await page.getByTestId('task-chip').first().boundingBox())?.height ?? 0)
      .toBeGreaterThanOrEqual(16);
    const chip = await page.getByTestId('task-chip').first().boundingBox();
    const canvas = await page.getByTestId('canvas').boundingBox();
    // The chip the fit framed is on the canvas, not panned away.
    expect(
      chip && canvas && chip.y >= canvas.y && chip.y + chip.height <= canvas.y + canvas.height,
    ).toBe(true);
    await page.screenshot({ path: `test-results/presenter-fit-${design}.png` });
  });
