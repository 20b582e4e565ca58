import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const clock = (page: Page) => page.getByTestId('dock.clock.elapsed');
const legend = (page: Page, id: string) => page.getByTestId(`chart.legend.${id}`);

/** A room's projector: every mode is looked at at this size. */
async function wide(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function shoot(page: Page, mode: string): Promise<void> {
  // The chart fetches a few times a second: let the last window land before the picture.
  await page.waitForTimeout(600);
  await page.screenshot({ path: `test-results/screens/chart-${mode}.png` });
}

async function newImage(page: Page, image: string): Promise<void> {
  const field = page.getByTestId('inspector.image');
  await field.fill(image);
  await field.press('Enter');
}

test.describe('charts for deployments and traffic', () => {
  test('a canary reads 10% on the new target group, then 100%; requests and healthy targets per group', async ({
    app,
    page,
  }) => {
    await wide(page);
    await app.openDesign('canary');
    await app.dock.step10(3);
    await app.canvas.service('web').click();
    await newImage(page, 'public.ecr.aws/nginx/nginx:1.28');
    await page.getByTestId('chart.mode').selectOption({ label: 'Traffic split (%)' });
    await expect(app.dock.chart).toHaveAttribute('data-mode', 'split');
    await expect(page.getByTestId('chart.mode').locator('option')).toContainText([
      'Traffic split (%)',
      'Requests/s',
      'Healthy targets',
    ]);
    // Green takes 10% from 0:53 (healthy 10 s after it runs): the minute 1:00-2:00 is all 10%.
    await app.dock.step10(12);
    await expect(clock(page)).toHaveText('02:30');
    await expect(legend(page, 'tg.green')).toHaveAttribute('data-value', '10');
    await expect(legend(page, 'tg.green')).toContainText('green10%');
    await expect(legend(page, 'tg.blue')).toHaveAttribute('data-value', '90');
    await expect(app.dock.chart.locator('.series-split')).toHaveCount(2);
    await shoot(page, 'split-canary');
    // Two minutes on, all of it: the minute 3:00-4:00 went to green alone.
    await app.dock.step10(12);
    await expect(clock(page)).toHaveText('04:30');
    await expect(legend(page, 'tg.green')).toHaveAttribute('data-value', '100');
    await expect(legend(page, 'tg.blue')).toHaveAttribute('data-value', '0');
    await shoot(page, 'split');

    await page.getByTestId('chart.mode').selectOption({ label: 'Requests/s' });
    await expect(app.dock.chart).toHaveAttribute('data-mode', 'traffic');
    await expect(app.dock.chart.locator('.series-served')).toHaveCount(2);
    await expect(app.dock.chart.locator('.series-failed')).toHaveCount(2);
    // 200 requests/s at the listener, all to green in the minute before 4:30.
    await expect(legend(page, 'tg.green.served')).toHaveAttribute('data-value', '200');
    await expect(legend(page, 'tg.green.failed')).toHaveAttribute('data-value', '0');
    await shoot(page, 'requests');

    await page.getByTestId('chart.mode').selectOption({ label: 'Healthy targets' });
    await expect(app.dock.chart).toHaveAttribute('data-mode', 'targets');
    await expect(legend(page, 'tg.green.healthy')).toHaveAttribute('data-value', '3');
    await shoot(page, 'targets');
  });

  test('tasks by deployment: both revisions during a rolling update, inside the min-max band', async ({
    app,
    page,
  }) => {
    await wide(page);
    await app.openDesign('steady');
    await app.dock.step10(6);
    await app.canvas.service('web').click();
    await newImage(page, 'public.ecr.aws/nginx/nginx:1.28');
    await page.getByTestId('chart.mode').selectOption({ label: 'Tasks by deployment' });
    await expect(app.dock.chart).toHaveAttribute('data-mode', 'deployments');
    await expect(page.getByTestId('chart.deploymentService')).toHaveValue('web');
    // Min 100% / max 200% of 3: the three new tasks start beside the three old ones.
    await app.dock.step10(3);
    await expect(clock(page)).toHaveText('01:30');
    await expect(legend(page, 'deployment.web:1')).toHaveText('web:13');
    await expect(legend(page, 'deployment.web:2')).toHaveText('web:2 (PRIMARY)3');
    await expect(legend(page, 'bounds')).toContainText('3–6');
    await expect(app.dock.chart.locator('.series-deployment')).toHaveCount(2);
    await expect(app.dock.chart.locator('.series-band')).toHaveCount(1);
    await expect(app.dock.chart.locator('.series-healthy')).toHaveCount(1);
    await shoot(page, 'deployments');
    // Done: all three on web:2, web:1's series drawn down to nothing.
    await app.dock.step10(6);
    await expect(legend(page, 'deployment.web:2')).toHaveAttribute('data-value', '3');
    await expect(legend(page, 'deployment.web:1')).toHaveAttribute('data-value', '0');
    await expect(legend(page, 'healthy')).toHaveText('healthy3');
    // The modes that were there still draw as before.
    await page.getByTestId('chart.mode').selectOption({ label: 'Tasks by lastStatus' });
    await expect(app.dock.series('RUNNING')).toHaveCount(1);
    await expect(app.dock.count('RUNNING')).toHaveAttribute('data-count', '3');
    await page.getByTestId('chart.mode').selectOption({ label: 'Per service' });
    await expect(app.dock.chart.locator('.series-band')).toHaveCount(1);
    await expect(app.dock.chart.locator('.series-running')).toHaveCount(1);
  });

  test('calls between services: the DNS client fails through the redeploy, Service Connect does not', async ({
    app,
    page,
  }) => {
    await wide(page);
    await app.openDesign('discovery');
    await page.getByTestId('chart.mode').selectOption({ label: 'Calls between services' });
    await expect(app.dock.chart).toHaveAttribute('data-mode', 'calls');
    // The script redeploys api at 3:00; the DNS client keeps stale answers for their 60 s TTL.
    await app.dock.step10(27);
    await expect(clock(page)).toHaveText('04:30');
    const key = page.getByTestId('dock.chart.legend');
    await expect(key.locator('li')).toHaveText([
      /^dns-client → api\.berth\.local:8080 \(DNS\)served\/s[\d.]+failed\/s[\d.]+$/,
      /^sc-client → api\.berth\.local:8080 \(Service Connect\)served\/s100failed\/s0$/,
    ]);
    // 1,350 failed in the minute before 4:00: 22.5 a second.
    await expect(legend(page, 'call.0.failed')).toHaveAttribute('data-value', '22.5');
    await expect(legend(page, 'call.1.failed')).toHaveAttribute('data-value', '0');
    await expect(app.dock.chart.locator('.series-failed')).toHaveCount(2);
    await shoot(page, 'calls');
  });
});
