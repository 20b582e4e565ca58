import { expect, test } from './fixtures';

const clock = (page: import('@playwright/test').Page) => page.getByTestId('dock.clock.elapsed');

test.describe('deployments', () => {
  test('a new image from the inspector rolls out as web:2 within min 100% / max 200%', async ({
    app,
    page,
  }) => {
    await app.openDesign('steady');
    await app.dock.step10(6);
    await expect(clock(page)).toHaveText('01:00');
    await app.canvas.service('web').click();
    await expect(page.getByTestId('inspector.bounds')).toHaveText(
      'With desired 3: at least 3 healthy, at most 6 running or pending.',
    );
    const image = page.getByTestId('inspector.image');
    await image.fill('public.ecr.aws/nginx/nginx:1.28');
    await image.press('Enter');

    const bar = app.canvas.service('web').getByTestId('service.deployment');
    await expect(bar).toHaveAttribute('data-revision', 'web:2');
    await expect(bar).toHaveAttribute('data-rollout', 'IN_PROGRESS');
    await expect(page.getByTestId('inspector.deployments').locator('tbody tr')).toHaveCount(2);
    await app.dock.step10(3);
    // New tasks run, not yet healthy (40 s); the three old ones still serve.
    await expect(bar).toHaveAttribute('data-old-running', '3');
    await app.dock.step10(6);
    await expect(bar).toHaveAttribute('data-rollout', 'COMPLETED');
    await expect(bar).toHaveAttribute('data-new-healthy', '3');
    await expect(bar).toHaveAttribute('data-old-running', '0');
    await expect(page.getByTestId('inspector.deployments').locator('tbody tr')).toHaveCount(1);
    await expect(app.dock.eventLog).toContainText(
      /deployment ecs-svc\/\d{19} deployment completed/,
    );
    await expect(app.canvas.service('web').getByTestId('service.size')).toContainText('web:2');
    // Per service, the chart draws the healthy line and the bounds' band of the deployment.
    await page.getByTestId('chart.mode').selectOption('services');
    await expect(app.dock.chart.locator('.series-band')).toHaveCount(1);
    await expect(app.dock.chart.locator('.series-healthy')).toHaveCount(1);

    // Back into the middle of the deployment: its state then.
    await app.timeline.rail.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 9; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect(clock(page)).toHaveText('01:30');
    await expect(bar).toHaveAttribute('data-rollout', 'IN_PROGRESS');
    await expect(bar).toHaveAttribute('data-old-running', '3');
  });

  test('a revision that never starts trips the circuit breaker, which rolls back to web:1', async ({
    app,
    page,
  }) => {
    await app.openDesign('bad-deploy');
    await app.dock.step10(4);
    const bar = app.canvas.service('web').getByTestId('service.deployment');
    // At 0:30 the script deploys web:2; its three tasks fail to start at 0:35, the
    // breaker trips (3 of 3) and a new deployment rolls back to web:1.
    await expect(bar).toHaveAttribute('data-revision', 'web:1');
    await expect(bar).toHaveAttribute('data-rollback', 'true');
    await expect(bar).toContainText('rolling back');
    await expect(bar).toHaveAttribute(
      'title',
      /^ECS deployment circuit breaker: rolling back to deploymentId ecs-svc\/\d{19}\.$/,
    );
    await expect(app.dock.eventLog).toContainText(
      'service web is unable to consistently start tasks successfully.',
    );
    // The old revision kept serving all along (min 100%).
    await expect(app.dock.serviceRow('web').getByTestId('dock.service.running')).toHaveText('3');
    await app.canvas.service('web').click();
    const rows = page.getByTestId('inspector.deployments').locator('tbody tr');
    await app.dock.step10(8);
    await expect(bar).toHaveAttribute('data-rollout', 'COMPLETED');
    await expect(bar).toHaveAttribute('data-revision', 'web:1');
    await expect(rows).toHaveCount(1);
    await expect(app.dock.serviceRow('web').getByTestId('dock.service.running')).toHaveText('3');

    // The log, filtered to health and failed starts: the throttle's message alone.
    await page.getByTestId('eventlog.kind').selectOption('health');
    await expect(app.dock.eventLog.getByTestId('eventlog.item')).toHaveCount(1);
    await expect(app.dock.eventLog).toContainText('unable to consistently start tasks');
    await page.getByTestId('eventlog.kind').selectOption('deployment');
    await expect(app.dock.eventLog).toContainText(
      /deployment ecs-svc\/\d{19} deployment completed/,
    );
    await page.getByTestId('eventlog.kind').selectOption('');
  });

  test('the bounds are checked as typed, and the circuit breaker is a checkbox', async ({
    app,
    page,
  }) => {
    await app.openDesign('steady');
    await app.canvas.service('web').click();
    const max = page.getByTestId('inspector.maximumPercent');
    await max.fill('1500');
    await max.press('Enter');
    await expect(page.getByTestId('inspector.maximumPercent.error')).toHaveText(
      'Must be at most 1000 %',
    );
    await max.fill('150');
    await max.press('Enter');
    await page.getByTestId('inspector.circuitBreaker').check();
    await expect(page.getByTestId('inspector.rollback')).toBeEnabled();
    await page.getByTestId('inspector.rollback').check();
    await expect(app.inspector.json).toContainText('"deploymentCircuitBreaker"');
    await expect(app.inspector.json).toContainText('"maximumPercent": 150');
  });
});

test.describe('load balancers', () => {
  test('targets are initial, then healthy; a scale-in drains one for the deregistration delay', async ({
    app,
    page,
  }) => {
    await app.openDesign('alb');
    const tg = app.canvas.service('web').getByTestId('service.targetGroup.web');
    await app.dock.step10(3);
    // RUNNING at 0:12, one passing check 10 s later.
    await expect(tg).toHaveAttribute('data-healthy', '3');
    await expect(app.dock.eventLog).toContainText(/registered 3 targets in \(target-group arn:/);
    await app.canvas.service('web').click();
    await app.inspector.setDesiredCount(2);
    await page.getByTestId('dock.step').click();
    await expect(tg).toHaveAttribute('data-draining', '1');
    await expect(page.locator('[data-testid="task-chip"][data-target="draining"]')).toHaveCount(1);
    await expect(page.locator('[data-testid="task-chip"][data-status="DEACTIVATING"]')).toHaveCount(
      1,
    );
    await expect(app.dock.eventLog).toContainText('has begun draining connections on 1 tasks.');
    // The delay is 60 s here (deregistration_delay.timeout_seconds), then SIGTERM.
    await app.dock.step10(6);
    await expect(tg).toHaveAttribute('data-draining', '0');
    await expect(tg).toHaveAttribute('data-healthy', '2');
  });

  test("the chart draws each target group's requests per second, served and 503", async ({
    app,
    page,
  }) => {
    await app.openDesign('alb');
    await page.getByTestId('chart.mode').selectOption('traffic');
    await expect(app.dock.chart).toHaveAttribute('data-mode', 'traffic');
    await app.dock.step10(12);
    await expect(app.dock.chart.locator('.series-served')).toHaveCount(1);
    await expect(app.dock.chart.locator('.series-failed')).toHaveCount(1);
    await expect(page.getByTestId('dock.chart.legend')).toContainText('503/s');
  });

  test('a canary moves 10% of traffic, then 100%, then the old revision goes', async ({
    app,
    page,
  }) => {
    await app.openDesign('canary');
    await app.dock.step10(3);
    await app.canvas.service('web').click();
    await expect(page.getByTestId('inspector.strategy')).toHaveValue('CANARY');
    const image = page.getByTestId('inspector.image');
    await image.fill('public.ecr.aws/nginx/nginx:1.28');
    await image.press('Enter');
    const bar = app.canvas.service('web').getByTestId('service.deployment');
    await expect(bar).toHaveAttribute('data-stage', 'SCALE_UP');
    // Green runs at 0:43 and is healthy 10 s later: 10% of production traffic.
    await app.dock.step10(3);
    await expect(bar).toHaveAttribute('data-stage', 'PRODUCTION_TRAFFIC_SHIFT');
    await expect(bar).toHaveAttribute('data-traffic', '10');
    await expect(bar).toContainText('canary 10%');
    // The load balancer above the cluster, its edge to the service labelled live.
    await expect(page.getByTestId('lb.front')).toContainText('HTTP:80');
    await expect(page.getByTestId('edge.web')).toContainText('new 10%');
    await expect(
      app.canvas.service('web').getByTestId('service.targetGroup.green'),
    ).toHaveAttribute('data-healthy', '3');
    // Two minutes later, all of it; a minute's bake, then blue drains (30 s) and stops.
    await app.dock.step10(12);
    await expect(bar).toHaveAttribute('data-traffic', '100');
    await app.dock.step10(12);
    await expect(bar).toHaveAttribute('data-rollout', 'COMPLETED');
    await page.getByTestId('chart.mode').selectOption('traffic');
    await expect(app.dock.chart.locator('.series-served')).toHaveCount(2);
  });

  test('faults: a zone fails and its tasks move; a target fails its checks and is replaced', async ({
    app,
    page,
  }) => {
    await app.openDesign('alb');
    await app.dock.step10(3);
    await page.getByTestId('canvas.lane.us-east-1a.fail').click();
    await expect(app.canvas.instance('i-0a1b2c3d4e5f60001')).toHaveCount(0);
    await app.dock.step10(5);
    await expect(app.dock.serviceRow('web').getByTestId('dock.service.running')).toHaveText('3');
    await app.canvas.service('web').click();
    await page.getByTestId('inspector.failTarget.web').click();
    await expect(page.locator('[data-testid="task-chip"][data-target="unhealthy"]')).toHaveCount(1);
    // Start-first: the replacement starts now; the failing task stops when it is healthy.
    await app.dock.step10(9);
    await expect(app.dock.eventLog).toContainText('is unhealthy in (target-group web)');
    await expect(page.locator('[data-testid="task-chip"][data-target="unhealthy"]')).toHaveCount(0);
    await expect(app.canvas.service('web').getByTestId('service.targetGroup.web')).toHaveAttribute(
      'data-healthy',
      '3',
    );
  });

  test('a CODE_DEPLOY service deploys through CodeDeploy: canary 10% for five minutes', async ({
    app,
    page,
  }) => {
    await app.openDesign('codedeploy');
    await app.dock.step10(3);
    await app.canvas.service('web').click();
    const image = page.getByTestId('inspector.image');
    await image.fill('public.ecr.aws/nginx/nginx:1.28');
    await image.press('Enter');
    const bar = app.canvas.service('web').getByTestId('service.deployment');
    await expect(bar).toHaveAttribute('data-stage', 'SCALE_UP');
    await app.dock.step10(3);
    await expect(bar).toHaveAttribute('data-traffic', '10');
    await app.dock.step10(30);
    await expect(bar).toHaveAttribute('data-traffic', '100');
    await app.dock.step10(12);
    await expect(bar).toHaveAttribute('data-rollout', 'COMPLETED');
    await expect(bar).toHaveAttribute('data-revision', 'web:2');
  });
});
