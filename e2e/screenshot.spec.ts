import { expect, test } from './fixtures';

/**
 * Not a check: refreshes docs/screenshot.png (the README's picture) and a set
 * of screens in test-results/screens for review. Run with BERTH_SCREENSHOT=1.
 */
test.skip(!process.env.BERTH_SCREENSHOT, 'set BERTH_SCREENSHOT=1 to refresh screenshots');

const at = (name: string) => `test-results/screens/${name}.png`;

test('screens of the sample at work', async ({ app, page }) => {
  await page.screenshot({ path: at('01-first-open') });
  // Step, rather than play, so the pictures are the same every run.
  for (let i = 0; i < 12; i++) await page.getByTestId('dock.step10').click();
  for (let i = 0; i < 4; i++) await page.getByTestId('dock.step').click();
  await expect(app.dock.clock).toContainText('02:04');
  await app.canvas.service('web').click();
  await page.screenshot({ path: at('02-scaling-out') });
  await page.screenshot({ path: 'docs/screenshot.png' });
  for (let i = 0; i < 12; i++) await page.getByTestId('dock.step10').click();
  // The terminated instance has left the picture, as it leaves the cluster.
  await expect(app.canvas.instance('i-0a1b2c3d4e5f60003')).toHaveCount(0);
  await page.screenshot({ path: at('03-instance-terminated') });
});

test('screens of building from empty', async ({ app, page }) => {
  await app.newDesign();
  await page.screenshot({ path: at('04-empty') });
  await app.palette.dragInstanceInto('us-east-1a', 'm5.large');
  await app.palette.dragInstanceInto('us-east-1b', 'c5.large');
  await app.palette.dragServiceOntoCanvas({ family: 'api', desiredCount: 3 });
  await page.getByTestId('dock.step').click();
  await page.getByTestId('dock.step').click();
  await page.screenshot({ path: at('05-built-pending') });
  await app.inspector.setDesiredCount(-1);
  await page.screenshot({ path: at('06-invalid-field') });
});

test('screens of import errors', async ({ app, page }) => {
  await app.importDialog.paste(
    '{"formatVersion":1,"name":"x","seed":"one","region":"mars","clusters":[]}',
  );
  await expect(app.importDialog.errors).toBeVisible();
  await page.screenshot({ path: at('07-import-errors') });
});

test('screen of a refused autosave', async ({ page }) => {
  await page.addInitScript({
    content: `localStorage.setItem('berth.design', '{"formatVersion":1,"name":"Mine","seed":-5}')`,
  });
  await page.goto('/');
  await expect(page.getByTestId('load-issue')).toBeVisible();
  await page.screenshot({ path: at('08-load-issue') });
});

for (const [width, height] of [
  [1600, 960],
  [1280, 720],
] as const) {
  const size = `${width}x${height}`;
  test.describe(`placement screens at ${size}`, () => {
    test.use({ viewport: { width, height } });

    test('why not placed, then fixed', async ({ app, page }) => {
      await app.openDesign('unplaceable');
      await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
      for (let i = 0; i < 3; i++) await page.getByTestId('dock.step10').click();
      await expect(app.canvas.unplacedBadge('batch')).toBeVisible();
      await page.screenshot({ path: at(`10-unplaced-${size}`) });
      await app.canvas.unplacedBadge('batch').click();
      await expect(app.why.summary).toBeVisible();
      await page.screenshot({ path: at(`11-why-not-placed-${size}`) });
      await app.why.instanceRow('i-0a1b2c3d4e5f60003').scrollIntoViewIfNeeded();
      await page.screenshot({ path: at(`11b-why-not-placed-rows-${size}`) });
      await page.getByTestId('inspector').evaluate((el) => el.scrollTo(0, 0));
      if (width === 1600) await page.screenshot({ path: 'docs/screenshot-why.png' });
      await page.getByTestId('inspector').evaluate((el) => el.scrollTo(0, 10_000));
      await page.screenshot({ path: at(`12-service-placement-${size}`) });
      await app.inspector.typeConstraint(0, 'attribute:tier == (batch');
      await page.getByTestId('inspector.constraints').scrollIntoViewIfNeeded();
      await page.screenshot({ path: at(`13-query-error-${size}`) });
      await app.inspector.typeConstraint(0, 'attribute:tier == batch');
      await app.canvas.selectInstance('i-0a1b2c3d4e5f60002');
      await app.inspector.addAttribute('tier', 'batch');
      await page.getByTestId('dock.step10').click();
      await page.screenshot({ path: at(`14-instance-attributes-${size}`) });
    });

    test('why here, and draining', async ({ app, page }) => {
      await app.openDesign('steady');
      await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
      for (let i = 0; i < 3; i++) await page.getByTestId('dock.step10').click();
      await app.canvas.chipsOn('i-0a1b2c3d4e5f60002').first().click();
      await expect(app.why.placed).toBeVisible();
      await page.screenshot({ path: at(`15-why-here-${size}`) });
      await app.why.strategies.last().scrollIntoViewIfNeeded();
      await page.screenshot({ path: at(`15b-why-here-strategies-${size}`) });
      await app.why.close();
      await app.canvas.selectInstance('i-0a1b2c3d4e5f60001');
      await app.inspector.setStatus('DRAINING');
      for (let i = 0; i < 4; i++) await page.getByTestId('dock.step10').click();
      await page.screenshot({ path: at(`16-draining-${size}`) });
      await app.toolbar('share').click();
      await page.screenshot({ path: at(`17-share-${size}`) });
    });
  });
}

for (const [width, height] of [
  [1440, 900],
  [1280, 720],
] as const) {
  test(`screens of a held run: timeline, branch, compare at ${width}x${height}`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height });
    for (let i = 0; i < 6; i++) await page.getByTestId('dock.step10').click();
    await app.canvas.service('web').click();
    await app.inspector.setDesiredCount(5);
    for (let i = 0; i < 6; i++) await page.getByTestId('dock.step10').click();
    await app.timeline.rail.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
    await app.inspector.setDesiredCount(2);
    for (let i = 0; i < 4; i++) await page.getByTestId('dock.step10').click();
    await app.timeline.compare.selectOption({ index: 1 });
    await expect(app.dock.chart.locator('.series-compare')).toHaveCount(1);
    await page.waitForTimeout(400);
    await page.screenshot({ path: at(`20-branch-compare-${width}x${height}`) });
    await page.getByTestId('chart.mode').selectOption('services');
    await page.waitForTimeout(400);
    await page.screenshot({ path: at(`21-services-${width}x${height}`) });
  });
}

for (const [width, height] of [
  [1440, 900],
  [1280, 720],
] as const) {
  test(`screens of deployments at ${width}x${height}`, async ({ app, page }) => {
    await page.setViewportSize({ width, height });
    await app.openDesign('steady');
    for (let i = 0; i < 6; i++) await page.getByTestId('dock.step10').click();
    await app.canvas.service('web').click();
    const image = page.getByTestId('inspector.image');
    await image.fill('public.ecr.aws/nginx/nginx:1.28');
    await image.press('Enter');
    for (let i = 0; i < 5; i++) await page.getByTestId('dock.step10').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: at(`30-rolling-${width}x${height}`) });
    await page.getByTestId('inspector.deployment').scrollIntoViewIfNeeded();
    await page.screenshot({ path: at(`31-rolling-inspector-${width}x${height}`) });
    await page.getByTestId('chart.mode').selectOption('services');
    for (let i = 0; i < 3; i++) await page.getByTestId('dock.step10').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: at(`33-rolling-chart-${width}x${height}`) });
    await app.openDesign('bad-deploy');
    for (let i = 0; i < 5; i++) await page.getByTestId('dock.step10').click();
    await app.canvas.service('web').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: at(`32-rollback-${width}x${height}`) });
  });
}

for (const [width, height] of [
  [1440, 900],
  [1280, 720],
] as const) {
  test(`screens of a load balancer at ${width}x${height}`, async ({ app, page }) => {
    await page.setViewportSize({ width, height });
    await app.openDesign('alb');
    for (let i = 0; i < 3; i++) await page.getByTestId('dock.step10').click();
    await app.canvas.service('web').click();
    await app.inspector.setDesiredCount(2);
    await page.getByTestId('dock.step').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: at(`34-alb-draining-${width}x${height}`) });
  });
}

for (const [width, height] of [
  [1440, 900],
  [1280, 720],
] as const) {
  test(`screens of a canary at ${width}x${height}`, async ({ app, page }) => {
    await page.setViewportSize({ width, height });
    await app.openDesign('canary');
    for (let i = 0; i < 3; i++) await page.getByTestId('dock.step10').click();
    await app.canvas.service('web').click();
    const image = page.getByTestId('inspector.image');
    await image.fill('public.ecr.aws/nginx/nginx:1.28');
    await image.press('Enter');
    for (let i = 0; i < 12; i++) await page.getByTestId('dock.step10').click();
    await page.getByTestId('chart.mode').selectOption('traffic');
    await page.waitForTimeout(400);
    await page.screenshot({ path: at(`35-canary-${width}x${height}`) });
  });
}

test('screen of the canary settings in the inspector at 1440x900', async ({ app, page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.openDesign('canary');
  await app.canvas.service('web').click();
  await page.getByTestId('inspector.strategy').scrollIntoViewIfNeeded();
  await page.screenshot({ path: at('36-canary-settings-1440x900') });
});

for (const [width, height] of [
  [1440, 900],
  [1280, 720],
] as const) {
  test(`screens of service discovery against Service Connect at ${width}x${height}`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await app.openDesign('discovery');
    for (let i = 0; i < 29; i++) await page.getByTestId('dock.step10').click();
    await app.canvas.service('dns-client').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: at(`37-discovery-${width}x${height}`) });
  });

  test(`screens of an alarm rolling a deployment back at ${width}x${height}`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await app.openDesign('alarm-rollback');
    await app.canvas.service('web').click();
    for (let i = 0; i < 25; i++) await page.getByTestId('dock.step10').click();
    await page.getByTestId('inspector.alarms').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await page.screenshot({ path: at(`38-alarm-${width}x${height}`) });
  });

  test(`screens of a rolling update's traffic split at ${width}x${height}`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await app.openDesign('alb-rules');
    for (let i = 0; i < 12; i++) await page.getByTestId('dock.step10').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: at(`39-alb-rules-${width}x${height}`) });
  });
}

for (const [w, h] of [
  [1440, 900],
  [1280, 720],
] as const) {
  test(`screens of the instance-type search at ${w}x${h}`, async ({ app: _app, page }) => {
    await page.setViewportSize({ width: w, height: h });
    const input = page.getByTestId('palette.instanceType');
    await input.click();
    await input.fill('gpu');
    await expect(page.getByTestId('type-option.g4dn.xlarge')).toBeVisible();
    await page.screenshot({ path: at(`40-type-search-gpu-${w}`) });
    await input.fill('arm64 2 vcpu');
    await page.screenshot({ path: at(`41-type-search-arm-${w}`) });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.screenshot({ path: at(`42-type-picked-${w}`) });
  });
}
