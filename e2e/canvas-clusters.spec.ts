import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

const within = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const storefront = ['i-0f00000000000a001', 'i-0f00000000000b001'];
const batch = ['i-0b00000000000a001', 'i-0b00000000000c001'];

test.describe('two clusters in one design', () => {
  test('each cluster is its own labelled frame, holding its own instances and lanes', async ({
    app,
  }) => {
    await app.openDesign('two-clusters');
    await expect(app.canvas.clusters).toHaveCount(2);
    await expect(app.canvas.cluster('storefront')).toContainText('storefront');
    await expect(app.canvas.cluster('batch')).toContainText('batch');
    await expect(app.canvas.cluster('storefront')).toContainText('2 instances · 1 service');

    const frames = {
      storefront: await box(app.canvas.cluster('storefront')),
      batch: await box(app.canvas.cluster('batch')),
    };
    for (const [cluster, ids] of [
      ['storefront', storefront],
      ['batch', batch],
    ] as const) {
      const other = cluster === 'batch' ? 'storefront' : 'batch';
      for (const id of ids) {
        const instance = await box(app.canvas.instance(id));
        expect(within(instance, frames[cluster]), `${id} inside ${cluster}`).toBe(true);
        expect(within(instance, frames[other]), `${id} not inside ${other}`).toBe(false);
      }
      // Each frame has its own three zone lanes inside it.
      for (const az of ['us-east-1a', 'us-east-1b', 'us-east-1c'])
        expect(within(await box(app.canvas.lane(az, cluster)), frames[cluster])).toBe(true);
    }
    expect(within(await box(app.canvas.service('web')), frames.storefront)).toBe(true);
    expect(within(await box(app.canvas.service('reports')), frames.batch)).toBe(true);
    await expect(app.canvas.lane('us-east-1c', 'batch')).toContainText('1 instance');
    await expect(app.canvas.lane('us-east-1c', 'storefront')).toContainText('0 instances');
  });

  test('an instance dropped into the second frame joins that cluster', async ({ app }) => {
    await app.openDesign('two-clusters');
    await app.palette.dragInstanceInto('us-east-1b', 'm5.large', 'batch');
    await expect(app.canvas.lane('us-east-1b', 'batch')).toContainText('1 instance');
    await expect(app.canvas.cluster('batch')).toContainText('3 instances');
    await expect(app.inspector.json).toContainText('"cluster": "batch"');
  });
});
