import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const first = 'i-0a1b2c3d4e5f60001';
const second = 'i-0a1b2c3d4e5f60002';

/** Shift+drag on the canvas from just outside `from`'s top left corner to the middle of `to`. */
async function boxSelect(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('nodes are not on screen');
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x - 12, a.y - 12);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
}

test.describe('editing on the canvas', () => {
  test.beforeEach(async ({ app }) => {
    await app.openDesign('steady');
    await expect(app.canvas.instances).toHaveCount(3);
  });

  test('a box selects two instances and Delete removes both', async ({ app, page }) => {
    await boxSelect(page, app.canvas.instance(first), app.canvas.instance(second));
    await expect(app.canvas.root.locator('.react-flow__node.selected')).toHaveCount(2);
    await page.keyboard.press('Delete');
    await expect(app.canvas.instances).toHaveCount(1);
    await expect(app.canvas.instance('i-0a1b2c3d4e5f60003')).toBeVisible();
    // One delete, one undo step.
    await app.toolbar('undo').click();
    await expect(app.canvas.instances).toHaveCount(3);
  });

  test('two selected: the inspector lists both with their totals; a row narrows to it', async ({
    app,
    page,
  }) => {
    await boxSelect(page, app.canvas.instance(first), app.canvas.instance(second));
    const multi = page.getByTestId('inspector.multi');
    await expect(multi).toContainText('2 selected');
    await expect(page.getByTestId('inspector.multi.totals')).toContainText(
      /2 instances: [\d,]+ CPU units/,
    );
    await expect(multi.getByRole('button', { name: /^EC2/ })).toHaveCount(2);
    await page.getByTestId(`inspector.multi.row.instance:${second}`).click();
    await expect(page.getByTestId('inspector.instance')).toContainText(second);
    await expect(multi).toHaveCount(0);
  });

  test('Delete in the several-selected inspector removes them all, as one undo step', async ({
    app,
    page,
  }) => {
    await boxSelect(page, app.canvas.instance(first), app.canvas.instance(second));
    await page.getByTestId('inspector.multi.delete').click();
    await expect(app.canvas.instances).toHaveCount(1);
    await app.toolbar('undo').click();
    await expect(app.canvas.instances).toHaveCount(3);
  });

  test('a box-selected pair moves together, as one undo step', async ({ app, page }) => {
    await boxSelect(page, app.canvas.instance(first), app.canvas.instance(second));
    const rect = app.canvas.root.locator('.react-flow__nodesselection-rect');
    await expect(rect).toBeVisible();
    const box = await rect.boundingBox();
    const before = await app.canvas.instance(second).boundingBox();
    if (!box || !before) throw new Error('no selection on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 120, { steps: 10 });
    await page.mouse.up();
    await expect
      .poll(async () => ((await app.canvas.instance(second).boundingBox())?.y ?? 0) - before.y)
      .toBeGreaterThan(60);
    await expect(app.canvas.lane('us-east-1a')).toContainText('1 instance');
    await expect(app.canvas.lane('us-east-1b')).toContainText('1 instance');
    // One undo step takes both back (the link's own open is the step before).
    await app.toolbar('undo').click();
    await expect
      .poll(async () =>
        Math.abs(((await app.canvas.instance(second).boundingBox())?.y ?? 0) - before.y),
      )
      .toBeLessThan(4);
    await expect(app.designName).toHaveText('Steady: web on three instances');
  });

  test('Shift+click adds a second instance to the selection', async ({ app, page }) => {
    await app.canvas.selectInstance(first);
    await page.keyboard.down('Shift');
    await app.canvas.selectInstance(second);
    await page.keyboard.up('Shift');
    await expect(app.canvas.root.locator('.react-flow__node.selected')).toHaveCount(2);
  });

  test('Ctrl+C and Ctrl+V paste a copy of a service under a new name', async ({ app, page }) => {
    await app.canvas.service('web').locator('.node-title').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect(app.canvas.service('web-2')).toBeVisible();
    await expect(app.canvas.service('web-2').locator('.node-title')).toHaveText('web-2');
    // The copy is selected: the inspector shows it.
    await expect(app.page.getByTestId('inspector')).toContainText('web-2');
  });

  test('Ctrl+D duplicates an instance in its zone', async ({ app, page }) => {
    await app.canvas.selectInstance(first);
    await page.keyboard.press('Control+d');
    await expect(app.canvas.instances).toHaveCount(4);
    await expect(app.canvas.lane('us-east-1a')).toContainText('2 instances');
  });

  test('F zooms to fit and M toggles the minimap', async ({ app, page }) => {
    await expect(page.getByTestId('rf__minimap')).toBeVisible();
    await app.canvas.root.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('m');
    await expect(page.getByTestId('rf__minimap')).toHaveCount(0);
    await page.keyboard.press('m');
    await expect(page.getByTestId('rf__minimap')).toBeVisible();
    await app.canvas.dragBody(app.canvas.instance(first), { x: 400, y: 200 });
    const moved = await app.canvas.viewport();
    await page.keyboard.press('f');
    await expect.poll(async () => (await app.canvas.viewport()).x).not.toBeCloseTo(moved.x, 0);
  });

  test('the right-click menu says what applies, and duplicates a service', async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await app.canvas.service('web').locator('.node-title').click({ button: 'right' });
    const menu = page.getByTestId('canvas.menu');
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem')).toHaveText([
      /Inspect/,
      /Duplicate/,
      /Copy/,
      /Paste.*Copy an instance or a service first/,
      /Delete/,
      /Zoom to fit/,
    ]);
    await expect(page.getByTestId('canvas.menu.paste')).toBeDisabled();
    mkdirSync('/tmp/allshots', { recursive: true });
    await page.screenshot({ path: '/tmp/allshots/canvas-context-menu.png' });
    await page.getByTestId('canvas.menu.duplicate').click();
    await expect(menu).toHaveCount(0);
    await expect(app.canvas.service('web-2')).toBeVisible();

    // On the empty canvas: paste now applies, delete says where it does.
    await app.canvas.root
      .locator('.react-flow__pane')
      .click({ button: 'right', position: { x: 30, y: 30 } });
    await expect(page.getByTestId('canvas.menu.delete')).toBeDisabled();
    await expect(page.getByTestId('canvas.menu.paste')).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
  });

  test('during a run the menu says a duplicated service restarts the run', async ({
    app,
    page,
  }) => {
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => app.timeline.nowMs()).toBeGreaterThan(0);
    await app.canvas.service('web').locator('.node-title').click({ button: 'right' });
    await expect(page.getByTestId('canvas.menu.duplicate')).toContainText(
      'Restarts the run at 0:00',
    );
  });
});

test.describe('the design overview', () => {
  test('renaming a cluster relabels its frame and moves its services and instances', async ({
    app,
    page,
  }) => {
    await app.openDesign('steady');
    await app.canvas.root.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    const field = page.getByTestId('inspector.cluster.demo');
    await field.fill('prod');
    await field.press('Enter');
    await expect(app.canvas.cluster('prod')).toBeVisible();
    await expect(app.canvas.cluster('prod')).toContainText('prod');
    await expect(app.canvas.cluster('demo')).toHaveCount(0);
    await expect(app.canvas.lane('us-east-1a', 'prod')).toContainText('1 instance');
    await expect(app.canvas.servicesBandOf('prod')).toBeVisible();

    await page.getByTestId('inspector.cluster.add').click();
    await expect(app.canvas.cluster('cluster')).toBeVisible();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: '/tmp/allshots/design-overview-clusters.png' });
    await page.getByTestId('inspector.cluster.cluster.remove').click();
    await expect(app.canvas.cluster('cluster')).toHaveCount(0);
    await expect(page.getByTestId('inspector.cluster.prod.remove')).toBeDisabled();

    const name = page.getByTestId('inspector.design.name');
    await name.fill('Workshop layout');
    await name.press('Enter');
    await expect(app.designName).toHaveText('Workshop layout');
  });
});
