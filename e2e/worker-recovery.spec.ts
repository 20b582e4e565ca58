import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BerthApp } from './pages/berth-app';

/**
 * The simulation's worker dies or hangs mid-run: the page notices within a few seconds,
 * says so in one sentence, keeps the design and the journal, and restarts the run where
 * it stopped. The faults are the suite's own: only a page opened with `__BERTH_TEST__`
 * defined before its scripts (src/worker/test-faults.ts) has `window.__berthTest`.
 */

type Fault = 'throw' | 'hang' | 'crash';

async function openWithFaults(page: Page): Promise<BerthApp> {
  await page.addInitScript(() => {
    (globalThis as { __BERTH_TEST__?: boolean }).__BERTH_TEST__ = true;
  });
  const app = new BerthApp(page);
  await app.openDesign('steady');
  return app;
}

function inject(page: Page, fault: Fault): Promise<boolean | undefined> {
  return page.evaluate(
    (kind) =>
      (window as { __berthTest?: { fault(kind: Fault): Promise<boolean> } }).__berthTest?.fault(
        kind,
      ),
    fault,
  );
}

/** What the person made: the saved design and the canvas's nodes. */
async function designOnScreen(page: Page): Promise<{ saved: string | null; nodes: string[] }> {
  const saved = await page.evaluate(() => localStorage.getItem('berth.design'));
  const nodes = await page
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? '').sort());
  return { saved, nodes };
}

const nowMs = async (app: BerthApp) => Number(await app.dock.clock.getAttribute('data-now-ms'));

/** Play the steady design at 10x with one command applied, until it has run a while. */
async function playWithACommand(app: BerthApp): Promise<void> {
  await app.dock.step10(2);
  await app.canvas.service('web').click();
  await app.inspector.setDesiredCount(4);
  await expect(app.dock.serviceRow('web').getByTestId('dock.service.desired')).toHaveText('4');
  await app.dock.play(10);
  await expect(app.dock.serviceRow('web').getByTestId('dock.service.running')).toHaveText('4');
  await expect.poll(() => nowMs(app)).toBeGreaterThan(40_000);
}

async function stopsAndRestarts(page: Page, fault: Fault, reason: RegExp): Promise<void> {
  const app = await openWithFaults(page);
  await playWithACommand(app);
  const before = await designOnScreen(page);
  const chips = await app.canvas.serviceChips('web').count();
  expect(chips).toBe(4);

  expect(await inject(page, fault)).toBe(true);
  const armedAt = Date.now();
  const banner = page.getByTestId('dock.workerStopped');
  await expect(banner).toBeVisible({ timeout: 6_000 });
  // Noticed within a few seconds: a heartbeat a second, 3 s of silence for a hang.
  expect(Date.now() - armedAt).toBeLessThan(6_000);
  await expect(page.getByTestId('dock.workerStopped.text')).toHaveText(reason);
  await expect(page.getByTestId('dock.workerStopped.text')).toContainText(
    'Your design and the command you applied are kept.',
  );

  // Frozen where it stopped; the design, the canvas and the journal as they were.
  const stoppedAt = await nowMs(app);
  expect(stoppedAt).toBeGreaterThan(40_000);
  await expect(app.dock.playButton).toBeDisabled();
  expect(await designOnScreen(page)).toEqual(before);
  await expect(app.canvas.serviceChips('web')).toHaveCount(4);
  await expect(app.timeline.marksOf('command')).toHaveCount(1);
  // The chart keeps what it drew, though nothing answers its refreshes now.
  await page.waitForTimeout(500);
  expect(Number(await app.dock.chart.getAttribute('data-points'))).toBeGreaterThan(1);

  const restore = page.getByTestId('dock.workerStopped.restore');
  const s = Math.floor(stoppedAt / 1000);
  await expect(restore).toHaveText(
    `Restart from ${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`,
  );
  const chartAtRestart = await app.dock.chart.innerHTML();
  await restore.click();
  await expect(banner).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText('The simulation restarted from');
  // The same virtual moment, the tasks back, the command still in the journal.
  await expect.poll(() => nowMs(app)).toBe(stoppedAt);
  await expect(app.dock.serviceRow('web').getByTestId('dock.service.running')).toHaveText('4');
  await expect(app.canvas.serviceChips('web')).toHaveCount(4);
  await expect(app.timeline.marksOf('command')).toHaveCount(1);
  expect(await designOnScreen(page)).toEqual(before);
  // And it plays on.
  await app.dock.play();
  await expect.poll(() => nowMs(app)).toBeGreaterThan(stoppedAt);
  // The chart follows the new worker: its refreshes were not left waiting on the old one.
  await expect.poll(() => app.dock.chart.innerHTML()).not.toBe(chartAtRestart);
}

test.describe('the simulation worker stops', () => {
  test('an exception inside the engine: said, kept, restarted where it stopped', async ({
    page,
  }) => {
    await stopsAndRestarts(
      page,
      'throw',
      /^The simulation stopped: the engine failed at \d+:\d\d \(test fault: the engine threw on purpose\)\./,
    );
  });

  test('a step that never returns: the heartbeat notices, the worker is ended, the run restarts', async ({
    page,
  }) => {
    await stopsAndRestarts(
      page,
      'hang',
      /^The simulation stopped: it did not answer for \d+ seconds, so it was ended\./,
    );
  });

  test('an error escaping the worker: said in the dock, not the console; Restart at 0:00 keeps the journal', async ({
    page,
  }) => {
    const app = await openWithFaults(page);
    await playWithACommand(app);
    expect(await inject(page, 'crash')).toBe(true);
    await expect(page.getByTestId('dock.workerStopped.text')).toHaveText(
      /^The simulation stopped: its worker failed \(.*test fault: an error escaped the worker\)\./,
      { timeout: 6_000 },
    );
    await page.getByTestId('dock.workerStopped.restart').click();
    await expect(page.getByTestId('dock.workerStopped')).toBeHidden();
    await expect.poll(() => nowMs(app)).toBe(0);
    // The command is still the run's: played again at its moment.
    await expect(app.timeline.marksOf('command')).toHaveCount(1);
    await app.dock.step10(3);
    await expect(app.dock.serviceRow('web').getByTestId('dock.service.desired')).toHaveText('4');
  });

  test('a page opened as people open it has no way to inject a fault', async ({ app, page }) => {
    await app.openDesign('steady');
    expect(await page.evaluate(() => '__berthTest' in window)).toBe(false);
    expect(await inject(page, 'throw')).toBeUndefined();
  });
});
