import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { B4_DESIGN_NAME } from '../src/bench/frames-design';
import { largeDesign } from '../src/worker/import/large-design';
import { expect, test } from './fixtures';

const MB = 1024 * 1024;
const SAMPLE_INSTANCES = ['i-0a1b2c3d4e5f60001', 'i-0a1b2c3d4e5f60002'] as const;
// Built once: the 150-instance B4 cluster with task-definition families to 10.5 MB.
const large = Buffer.from(JSON.stringify(largeDesign(10.5 * MB)));

interface Busy {
  /** How long the page's thread was held: a click or a key waited this long. */
  durationMs: number;
  /** What the import's progress line said when it began. */
  phase: string;
}
interface Watch {
  __busy?: Busy[];
}

/**
 * Every long task of the page's thread from now on (50 ms or more, as Chromium's Long Tasks
 * API reports them), with what the progress line said as it began. Long tasks, not gaps
 * between painted frames: on a two-core machine the import worker and the compositor share
 * the cores, and frames come late while the page's thread is free to answer.
 */
async function watchBusy(page: Page): Promise<void> {
  await page.evaluate(() => {
    const busy: Busy[] = [];
    (window as Watch).__busy = busy;
    const phaseAt: { at: number; phase: string }[] = [];
    // A MutationObserver hears the line change as React commits it, before any task that
    // follows: a frame-by-frame poll would give the opening's first task to "Checked".
    const note = () => {
      const line = document.querySelector('[data-testid="import.progress.text"]');
      const phase = line?.textContent ?? '';
      if (phaseAt.at(-1)?.phase !== phase) phaseAt.push({ at: performance.now(), phase });
    };
    note();
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const before = phaseAt.filter((p) => p.at <= entry.startTime).at(-1);
        busy.push({ durationMs: entry.duration, phase: before?.phase ?? '' });
      }
    }).observe({ type: 'longtask', buffered: false });
  });
}

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
    // The inspector loads on the first selection (a lazy chunk): load it before, so the
    // frames below time the import, not that first load.
    await app.canvas.selectInstance(SAMPLE_INSTANCES[0]);
    await expect(page.getByTestId('inspector')).toBeVisible();
    await watchBusy(page);
    await chooseLarge(page);
    const progress = page.getByTestId('import.progress');
    await expect(progress).toBeVisible();
    await expect(page.getByTestId('import.progress.text')).toContainText('MB');
    if (process.env.BERTH_SHOTS) {
      mkdirSync('/tmp/lgshots', { recursive: true });
      await page.screenshot({ path: `/tmp/lgshots/progress-${page.viewportSize()?.width}.png` });
    }

    // While it loads: select a node, type in the palette.
    await app.canvas.selectInstance(SAMPLE_INSTANCES[1]);
    await page.getByTestId('palette.service.family').fill('typed-while-importing');
    await expect(page.getByTestId('palette.service.family')).toHaveValue('typed-while-importing');

    // Then the design arrives, as itself, one undo step from the sample.
    await expect(app.designName).toHaveText(B4_DESIGN_NAME, { timeout: 30_000 });
    await expect(progress).toBeHidden();
    const busy = await page.evaluate(() => (window as Watch).__busy ?? []);
    // Reading, checking and the answer's way back: the page's thread never held 200 ms.
    const loading = busy.filter((b) => /^(Reading|Checking|Checked)/.test(b.phase));
    expect(Math.max(0, ...loading.map((b) => b.durationMs))).toBeLessThan(200);
    // Opening the design (the store, the canvas) is the page's work: said, not asserted.
    test.info().annotations.push({
      type: 'longest task while opening (ms)',
      description: String(Math.round(Math.max(0, ...busy.map((b) => b.durationMs)))),
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
