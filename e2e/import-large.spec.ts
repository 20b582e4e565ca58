import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { B4_DESIGN_NAME } from '../src/bench/frames-design';
import { largeDesign } from '../src/worker/import/large-design';
import { expect, test } from './fixtures';

const MB = 1024 * 1024;
const SAMPLE_INSTANCE = 'i-0a1b2c3d4e5f60001';
// Built once: the 150-instance B4 cluster with task-definition families to 10.5 MB.
const large = Buffer.from(JSON.stringify(largeDesign(10.5 * MB)));

interface Watch {
  __longTasks?: { start: number; ms: number }[];
}

/** Long tasks the page runs from now on, kept on window for the test to read. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { start: number; ms: number }[] = [];
    (window as Watch).__longTasks = seen;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask' });
  });
}

/** How long the page takes to paint its next frame: what a click or a key waits for. */
const frameMs = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const asked = performance.now();
        requestAnimationFrame(() => resolve(performance.now() - asked));
      }),
  );

async function chooseLarge(page: Page, name = 'design.json'): Promise<void> {
  await page.getByTestId('toolbar.import').click();
  await page.getByTestId('import.mode.new').check();
  await page
    .getByTestId('import.file')
    .setInputFiles({ name, mimeType: 'application/json', buffer: large });
}

test.describe('a very large import', () => {
  test('a 10 MB design loads in the background while the page keeps answering', async ({
    app,
    page,
  }) => {
    await app.open();
    await watchLongTasks(page);
    await chooseLarge(page);
    const progress = page.getByTestId('import.progress');
    await expect(progress).toBeVisible();
    await expect(page.getByTestId('import.progress.text')).toContainText('MB');
    if (process.env.BERTH_SHOTS) {
      mkdirSync('/tmp/lgshots', { recursive: true });
      await page.screenshot({ path: `/tmp/lgshots/progress-${page.viewportSize()?.width}.png` });
    }

    // While it loads: select a node, type in the palette, and the page answers each time.
    const answers: number[] = [];
    await app.canvas.selectInstance(SAMPLE_INSTANCE);
    answers.push(await frameMs(page));
    await page.getByTestId('palette.service.family').fill('typed-while-importing');
    answers.push(await frameMs(page));
    await expect(page.getByTestId('palette.service.family')).toHaveValue('typed-while-importing');
    for (let i = 0; i < 3; i++) answers.push(await frameMs(page));
    for (const ms of answers) expect(ms).toBeLessThan(200);

    // Then the design arrives, as itself, one undo step from the sample.
    await expect(app.designName).toHaveText(B4_DESIGN_NAME, { timeout: 30_000 });
    await expect(progress).toBeHidden();
    const longTasks = await page.evaluate(() => (window as Watch).__longTasks ?? []);
    test.info().annotations.push({
      type: 'long tasks (ms)',
      description: longTasks.map((t) => Math.round(t.ms)).join(', ') || 'none',
    });
    await app.toolbar('undo').click();
    await expect(app.designName).toHaveText('Sample: web on three instances');
  });

  test('Cancel ends the import and the design stays as it was', async ({ app, page }) => {
    await app.open();
    await chooseLarge(page);
    await expect(page.getByTestId('import.progress')).toBeVisible();
    await page.getByTestId('import.cancel').click();
    await expect(page.getByTestId('import.progress')).toBeHidden();
    // The dialog is back, unchanged; the design is the sample still.
    await expect(page.getByTestId('import.submit')).toBeVisible();
    await expect(app.designName).toHaveText('Sample: web on three instances');
    await page.waitForTimeout(1_500);
    await expect(app.designName).toHaveText('Sample: web on three instances');
  });

  test('a file over the limit is refused with its size named, before it is read', async ({
    app,
    page,
  }) => {
    await app.open();
    await page.getByTestId('toolbar.import').click();
    await page.getByTestId('import.file').setInputFiles({
      name: 'huge.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(40 * MB, 0x20),
    });
    await expect(app.importDialog.errors).toHaveText(
      'huge.json is 40 MB; Berth imports up to 32 MB',
    );
    await expect(app.designName).toHaveText('Sample: web on three instances');
  });
});
