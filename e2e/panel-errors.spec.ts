import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BerthApp } from './pages/berth-app';

/**
 * A panel that fails to draw says so in its own place and offers Reload panel; the rest
 * of the app keeps working. The faults are the suite's own: only a page opened with
 * `__BERTH_TEST__` defined before its scripts (src/ui/shared/test-faults.ts) has
 * `window.__berthPanelTest`, which makes a named panel throw while it renders.
 */

const instance = (n: number) => `i-0a1b2c3d4e5f6000${n}`;

async function openWithFaults(page: Page): Promise<BerthApp> {
  await page.addInitScript(() => {
    (globalThis as { __BERTH_TEST__?: boolean }).__BERTH_TEST__ = true;
  });
  const app = new BerthApp(page);
  await app.openDesign('steady');
  return app;
}

type Hook = { throwIn(panel: string): void; clear(panel?: string): void };

async function breakPanel(page: Page, panel: string): Promise<void> {
  await page.evaluate((name) => {
    const hook = (window as { __berthPanelTest?: Hook }).__berthPanelTest;
    if (!hook) throw new Error('no panel test hook');
    hook.throwIn(name);
  }, panel);
}

async function mendPanels(page: Page): Promise<void> {
  await page.evaluate(() => (window as { __berthPanelTest?: Hook }).__berthPanelTest?.clear());
}

const failed = (page: Page, panel: string): Locator =>
  page.locator(`[data-testid="panel-failed"][data-panel="${panel}"]`);

/** React reports each caught error on the console: those of the faults we made are expected. */
function forgetFaultReports(errors: string[], pattern: RegExp): void {
  const rest = errors.filter((e) => !pattern.test(e));
  errors.splice(0, errors.length, ...rest);
}

const nowMs = async (app: BerthApp) => Number(await app.dock.clock.getAttribute('data-now-ms'));

/** The canvas, the palette and the dock still answer: drag an instance in, play a while. */
async function restStillWorks(app: BerthApp): Promise<void> {
  await expect(app.canvas.instances).toHaveCount(3);
  await app.palette.dragInstanceInto('us-east-1b');
  await expect(app.canvas.instances).toHaveCount(4);
  await app.dock.play(10);
  await expect.poll(() => nowMs(app)).toBeGreaterThan(20_000);
  await app.dock.pause();
}

test.describe('a panel that fails to draw', () => {
  test('the inspector says so in its place; the rest works; Reload panel brings it back with the selection', async ({
    page,
    consoleErrors,
  }) => {
    const app = await openWithFaults(page);
    await app.canvas.selectInstance(instance(1));
    await expect(app.page.getByTestId('inspector.availabilityZone')).toHaveValue('us-east-1a');

    await breakPanel(page, 'inspector');
    const box = failed(page, 'inspector');
    await expect(box).toBeVisible();
    await expect(box.getByTestId('panel-failed.text')).toHaveText(
      'The inspector failed to draw: Test fault: the inspector was made to throw.',
    );
    await expect(box.getByTestId('panel-failed.reload')).toHaveText('Reload panel');
    await box.getByText('For a bug report').click();
    await expect(box.getByTestId('panel-failed.stack')).toContainText(
      'Error: Test fault: the inspector was made to throw',
    );
    await expect(app.inspector.root).toHaveCount(0);
    // It keeps the inspector's column: the canvas does not widen into it.
    const column = await box.boundingBox();
    expect(column?.width).toBeCloseTo(340, -1);

    await restStillWorks(app);
    // Selecting still works while the inspector is down; Reload panel then shows it.
    await app.canvas.selectInstance(instance(2));

    await mendPanels(page);
    await box.getByTestId('panel-failed.reload').click();
    await expect(box).toHaveCount(0);
    await expect(app.page.getByTestId('inspector.instance')).toContainText(instance(2));
    await expect(app.page.getByTestId('inspector.availabilityZone')).toHaveValue('us-east-1b');
    forgetFaultReports(consoleErrors, /Test fault: the inspector/);
  });

  test('a Reload panel while the fault stays fails again, and says so again', async ({
    page,
    consoleErrors,
  }) => {
    await openWithFaults(page);
    await breakPanel(page, 'inspector');
    await failed(page, 'inspector').getByTestId('panel-failed.reload').click();
    await expect(failed(page, 'inspector').getByTestId('panel-failed.text')).toHaveText(
      /^The inspector failed to draw/,
    );
    forgetFaultReports(consoleErrors, /Test fault: the inspector/);
  });

  test('the chart says so in its place; play, the picker, the event log and the canvas still work; Reload panel redraws it', async ({
    page,
    consoleErrors,
  }) => {
    const app = await openWithFaults(page);
    await breakPanel(page, 'chart');
    const box = failed(page, 'chart');
    await expect(box.getByTestId('panel-failed.text')).toHaveText(
      'The chart failed to draw: Test fault: the chart was made to throw.',
    );
    await expect(app.dock.chart).toHaveCount(0);
    await expect(page.getByTestId('dock')).toBeVisible();

    await restStillWorks(app);
    await expect(app.dock.eventLog).toBeVisible();
    await app.canvas.selectInstance(instance(1));
    await expect(app.page.getByTestId('inspector.availabilityZone')).toHaveValue('us-east-1a');

    await mendPanels(page);
    await box.getByTestId('panel-failed.reload').click();
    await expect(box).toHaveCount(0);
    await expect(app.dock.chart).toBeVisible();
    // The run it draws went on meanwhile: the chart has its points.
    await expect
      .poll(async () => Number(await app.dock.chart.getAttribute('data-points')))
      .toBeGreaterThan(0);
    forgetFaultReports(consoleErrors, /Test fault: the chart/);
  });

  test('the inspector’s code that does not arrive asks to check the connection; Retry loads it', async ({
    page,
    consoleErrors,
  }) => {
    let offline = true;
    await page.route(/\/assets\/Inspector-[^/]+\.js$/, (route) =>
      offline ? route.abort('internetdisconnected') : route.continue(),
    );
    const app = new BerthApp(page);
    await app.openDesign('steady');
    const box = failed(page, 'inspector');
    await expect(box.getByTestId('panel-failed.text')).toHaveText(
      'The inspector could not load; check the connection.',
    );
    await expect(box).toHaveAttribute('data-kind', 'load');
    await app.canvas.selectInstance(instance(3));

    offline = false;
    await box.getByTestId('panel-failed.reload').click();
    await expect(box).toHaveCount(0);
    await expect(app.page.getByTestId('inspector.instance')).toContainText(instance(3));
    forgetFaultReports(
      consoleErrors,
      /ERR_INTERNET_DISCONNECTED|Failed to fetch dynamically imported module|ChunkLoadError/,
    );
  });

  test('a page the suite did not open has no way to make a panel throw', async ({ app, page }) => {
    await expect(app.canvas.root).toBeVisible();
    expect(await page.evaluate(() => '__berthPanelTest' in window)).toBe(false);
  });
});
