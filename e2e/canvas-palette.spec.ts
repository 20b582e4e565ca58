import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [p, q] = [await box(a), await box(b)];
  return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
}

test.describe('the palette adds only what its form shows', () => {
  test('a field in error blocks the service card, names the field, and adds nothing', async ({
    app,
  }) => {
    await app.newDesign();
    await app.palette.fillService({ family: 'api', cpu: 99999 });
    await expect(app.page.getByTestId('palette.service.cpu.error')).toHaveText(
      'Must be at most 10240 units',
    );
    await expect(app.palette.serviceBlocked).toHaveText(
      'Fix CPU units to add this service: Must be at most 10240 units',
    );
    await expect(app.palette.serviceCard).toHaveAttribute('aria-disabled', 'true');

    // A person can still click and drag the card; neither adds anything.
    await app.palette.serviceCard.click({ force: true });
    await app.canvas.dropFrom(
      app.palette.serviceCard,
      app.canvas.servicesBand,
      { x: 160, y: 70 },
      { force: true },
    );
    await expect(app.canvas.serviceNodes).toHaveCount(0);

    await app.palette.fillService({ cpu: 512 });
    await expect(app.palette.serviceBlocked).toBeHidden();
    await app.palette.serviceCard.click();
    await expect(app.canvas.service('api')).toContainText('512 CPU');
  });

  test('a second error keeps the card blocked until both are fixed', async ({ app }) => {
    await app.newDesign();
    await app.palette.fillService({ family: 'has space', memoryMiB: 2 });
    await expect(app.palette.serviceBlocked).toContainText('Fix Family');
    await app.palette.fillService({ family: 'ok' });
    await expect(app.palette.serviceBlocked).toContainText('Fix Memory MiB');
    await app.palette.fillService({ memoryMiB: 256 });
    await expect(app.palette.serviceCard).toHaveAttribute('aria-disabled', 'false');
  });
});

test.describe('new nodes land clear of the ones there', () => {
  test('two instances dropped at the same point do not overlap', async ({ app }) => {
    await app.newDesign();
    await app.palette.dragInstanceInto('us-east-1a');
    await app.palette.dragInstanceInto('us-east-1a');
    await expect(app.canvas.instances).toHaveCount(2);
    const [first, second] = await app.canvas.instances.all();
    if (!first || !second) throw new Error('two instances expected');
    expect(await overlap(first, second)).toBe(false);
    await expect(app.canvas.lane('us-east-1a')).toContainText('2 instances');
  });

  test('two services dropped at the same point, and one clicked in, do not overlap', async ({
    app,
  }) => {
    await app.newDesign();
    await app.palette.dragServiceOntoCanvas({ family: 'web' });
    await app.palette.dragServiceOntoCanvas({ family: 'worker' });
    // The default place of the next service is where the first one was dropped near.
    await app.palette.fillService({ family: 'cron' });
    await app.palette.serviceCard.click();
    const services = [
      app.canvas.service('web'),
      app.canvas.service('worker'),
      app.canvas.service('cron'),
    ];
    for (const s of services) await expect(s).toBeVisible();
    for (const [i, a] of services.entries())
      for (const b of services.slice(i + 1)) expect(await overlap(a, b)).toBe(false);
    const band = await box(app.canvas.servicesBand);
    for (const s of services) expect((await box(s)).y).toBeGreaterThanOrEqual(band.y);
  });

  test('a service dragged onto another is put beside it', async ({ app }) => {
    await app.newDesign();
    await app.palette.dragServiceOntoCanvas({ family: 'web' });
    await app.palette.dragServiceOntoCanvas({ family: 'worker' });
    await app.canvas.moveNode(app.canvas.service('worker'), app.canvas.service('web'), {
      x: 40,
      y: 10,
    });
    expect(await overlap(app.canvas.service('web'), app.canvas.service('worker'))).toBe(false);
  });
});
