import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

/** Press on the load balancer's dot and let go over the service, as a person draws a wire. */
async function wire(page: Page, lb: string, service: Locator): Promise<void> {
  const from = await page.getByTestId(`lb.${lb}.handle`).boundingBox();
  const to = await service.locator('.service-size').boundingBox();
  if (!from || !to) throw new Error('handle or service is not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

test('a person adds an ALB, wires a service to it, is told why another cannot be, and deletes the wire', async ({
  app,
  page,
}) => {
  await app.newDesign();
  await app.palette.dragInstanceInto('us-east-1a');
  await app.palette.dragServiceOntoCanvas({ family: 'web', desiredCount: 2 });
  await app.palette.fillService({ family: 'api', networkMode: 'awsvpc', desiredCount: 1 });
  await app.canvas.dropFrom(app.palette.serviceCard, app.canvas.servicesBand, { x: 460, y: 70 });
  await expect(app.canvas.service('api')).toBeVisible();

  // The card lands in the row above the cluster, wherever over the canvas it is let go.
  await app.canvas.dropFrom(page.getByTestId('palette.lb.application'), app.canvas.servicesBand, {
    x: 200,
    y: 30,
  });
  const alb = page.getByTestId('lb.alb');
  await expect(alb).toBeVisible();
  await expect(alb.getByTestId('lb.listeners')).toHaveText('HTTP:80');
  await expect(page.getByTestId('inspector.lb.type')).toContainText('Application Load Balancer');
  await expect(page.getByTestId('inspector.lb.services')).toContainText('None yet');
  const albBox = await alb.boundingBox();
  const bandBox = await app.canvas.servicesBand.boundingBox();
  expect(albBox && bandBox && albBox.y + albBox.height < bandBox.y).toBe(true);

  await wire(page, 'alb', app.canvas.service('web'));
  const edge = page.getByTestId('edge.web');
  await expect(edge).toContainText('alb-targets');
  await expect(edge).toHaveAttribute('data-lb', 'alb');

  // awsvpc tasks register by IP: the instance target group web uses cannot take them.
  await wire(page, 'alb', app.canvas.service('api'));
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText(
    'api not wired to alb: api uses awsvpc, whose tasks register by IP address, but target group alb-targets has TargetType instance: it needs ip. Other services use it as it is.',
  );
  await expect(page.getByTestId('edge.api')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/lb-wiring.png' });

  // The edge says how many targets are healthy once the run plays.
  await app.dock.step10(6);
  await expect(edge).toContainText(/alb-targets \d✓/);

  // Select the wire by its label and delete it.
  await edge.click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('edge.web')).toHaveCount(0);
  await expect(alb).toBeVisible();
  // The run is playing, so that was UpdateService with no loadBalancers: web has no group.
  await expect(app.canvas.service('web').getByTestId('service.targetGroups')).toHaveCount(0);
});

test('the inspector edits a listener port and the drain, naming the field it refuses', async ({
  app,
  page,
}) => {
  await app.newDesign();
  await page.getByTestId('palette.lb.network').click();
  await expect(page.getByTestId('lb.nlb').getByTestId('lb.listeners')).toHaveText('TCP:80');
  const port = page.getByTestId('inspector.lb.listener.0.port');
  await port.fill('8080');
  await port.press('Enter');
  await expect(page.getByTestId('lb.nlb').getByTestId('lb.listeners')).toHaveText('TCP:8080');

  const delay = page.getByTestId('inspector.lb.targetGroup.nlb-targets.delay');
  await expect(delay).toHaveValue('300');
  await delay.fill('4000');
  await delay.press('Enter');
  await expect(page.getByTestId('inspector.lb.targetGroup.nlb-targets.delay.error')).toHaveText(
    'deregistration_delay.timeout_seconds must be 0-3600 seconds',
  );
  await delay.fill('30');
  await delay.press('Enter');
  await expect(app.inspector.json).toHaveCount(1);
  await expect(delay).toHaveValue('30');
});

test('Delete removes a selected load balancer with its wires; undo brings both back', async ({
  app,
  page,
}) => {
  await app.openDesign('alb');
  const front = page.getByTestId('lb.front');
  await expect(page.getByTestId('edge.web')).toBeVisible();
  await front.locator('.node-title').click();
  await expect(page.getByTestId('inspector.loadBalancer')).toBeVisible();
  await expect(page.getByTestId('inspector.lb.services')).toHaveText('web');
  await page.keyboard.press('Delete');
  await expect(front).toHaveCount(0);
  await expect(page.getByTestId('edge.web')).toHaveCount(0);
  await app.toolbar('undo').click();
  await expect(front).toBeVisible();
  await expect(page.getByTestId('edge.web')).toBeVisible();
});
