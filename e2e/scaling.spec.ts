import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const legendValue = async (page: Page, id: string) =>
  Number(await page.getByTestId(`chart.legend.${id}`).getAttribute('data-value'));

/** The ticks the chart marks, with their virtual second and label. */
async function marks(page: Page): Promise<{ t: number; label: string }[]> {
  const items = page.getByTestId('chart.mark');
  const out: { t: number; label: string }[] = [];
  for (const item of await items.all())
    out.push({
      t: Number(await item.getAttribute('data-t')),
      label: (await item.getAttribute('data-label')) ?? '',
    });
  return out;
}

async function pick(page: Page, label: string, mode: string): Promise<void> {
  await page.getByTestId('chart.mode').selectOption({ label });
  await expect(page.getByTestId('dock.chart')).toHaveAttribute('data-mode', mode);
}

test.describe('service auto scaling and managed scaling on screen', () => {
  test('a traffic spike on a target-tracking service grows the service and then the Auto Scaling group, and the charts show both', async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await app.openDesign('scaling-spike');
    await pick(page, 'Scaling: tasks', 'scalingTasks');
    await app.dock.play(100);

    // The spike from 2:00 breaches the CPU target for 3 minutes: web scales out at 5:00.
    await expect
      .poll(() => legendValue(page, 'tasks.desired'), { timeout: 30_000 })
      .toBeGreaterThan(2);
    await expect(page.getByTestId('chart.mark').first()).toHaveAttribute('data-label', /^2 → \d+$/);
    const [scaleOut] = await marks(page);
    expect(scaleOut?.t).toBe(300);
    await expect(app.dock.chart.locator('.chart-mark-label').first()).toHaveText(/^2 → \d+$/);

    // Its new tasks wait for instances: the provider's managed scaling grows the group.
    await pick(page, 'Auto Scaling group instances', 'instances');
    await expect
      .poll(() => legendValue(page, 'asg.web-asg.inService'), { timeout: 30_000 })
      .toBeGreaterThan(1);
    await expect(page.getByTestId('chart.mark').first()).toHaveAttribute('data-label', /^1 → \d+$/);
    const [groupOut] = await marks(page);
    expect(groupOut?.t ?? 0).toBeGreaterThan(scaleOut?.t ?? Number.POSITIVE_INFINITY);
    await app.dock.pause();

    // The metric against its target, the target tracking alarm named on it.
    await pick(page, 'Scaling: metric vs target', 'scaling');
    await expect(app.dock.chart.locator('.chart-level-label').first()).toContainText('target 50%');
    await expect(page.getByTestId('chart.mark')).not.toHaveCount(0);

    // Why it scaled as it did, and the model it scaled by.
    await page.getByTestId('scaling.open').click();
    const panel = page.getByTestId('scaling.panel');
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('scaling.target')).toHaveText('service web');
    await expect(panel.getByTestId('scaling.model')).toContainText("Berth's model");
    await expect(panel.getByTestId('scaling.alarm')).not.toHaveCount(0);
    await panel.getByTestId('scaling.close').click();
    await expect(app.dock.eventLog).toBeVisible();
  });

  test("why hasn't it scaled yet: 2 of 3 datapoints at 4:10, the scale-out at 5:00, then the group's provider", async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await app.openDesign('scaling-spike');
    await app.dock.step10(25);
    await expect(page.getByTestId('dock.clock.elapsed')).toHaveText('04:10');
    await app.canvas.service('web').click();
    await page.getByTestId('scaling.open').click();
    const panel = page.getByTestId('scaling.panel');
    await expect(panel.getByTestId('scaling.target')).toHaveText('service web');
    // The spike's minutes 2:00-3:00 and 3:00-4:00 breach the target of 50%; a third is needed.
    const high = panel.getByTestId('scaling.alarm').filter({ hasText: 'AlarmHigh' });
    await expect(high.getByTestId('scaling.alarm.breaching')).toHaveText('2 of 3');
    await expect(high.locator('.scaling-datapoint.breaching')).toHaveCount(2);
    await expect(panel.getByTestId('scaling.summary')).toContainText(
      'No alarm asks for scaling yet',
    );
    await expect(panel.getByTestId('scaling.model')).toContainText("Berth's model");

    // 5:10: the third datapoint put the alarm in ALARM and web scaled out at 5:00.
    await app.dock.step10(6);
    await expect(high).toHaveAttribute('data-state', 'ALARM');
    await expect(panel.getByTestId('scaling.desired')).toContainText(
      /^desired \/ running9 \/ \d+$/,
    );

    // The group: its tasks wait in PROVISIONING, so its provider's reservation is above target.
    await page.getByTestId('asg.web-asg').click();
    await expect(panel.getByTestId('scaling.target')).toHaveText('capacity provider nodes');
    await expect(panel.getByTestId('scaling.summary')).toContainText('CapacityProviderReservation');
  });
});
