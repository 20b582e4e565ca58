import { expect, test } from './fixtures';

const id = 'i-0a1b2c3d4e5f60001';

test.describe('moving nodes by their header, panning from their body', () => {
  test('a drag on an instance body pans the canvas and leaves the instance in its zone', async ({
    app,
  }) => {
    const instance = app.canvas.instance(id);
    const before = await app.canvas.viewport();
    const boxBefore = await instance.boundingBox();

    // Far enough to reach the next lane, were it a move.
    await app.canvas.dragBody(instance, { x: 360, y: 60 });

    const after = await app.canvas.viewport();
    expect(after.x - before.x).toBeCloseTo(360, -1);
    expect(after.y - before.y).toBeCloseTo(60, -1);
    // The instance moved on screen with the canvas, not across it.
    const boxAfter = await instance.boundingBox();
    expect((boxAfter?.x ?? 0) - (boxBefore?.x ?? 0)).toBeCloseTo(360, -1);
    await expect(app.canvas.lane('us-east-1a')).toContainText('1 instance');
    await expect(app.canvas.lane('us-east-1b')).toContainText('1 instance');
    await expect(app.toolbar('undo')).toBeDisabled();
  });

  test('a drag by the header moves the instance into another lane', async ({ app }) => {
    await app.canvas.moveNode(app.canvas.instance(id), app.canvas.lane('us-east-1b'), {
      x: 140,
      y: 300,
    });
    await expect(app.canvas.lane('us-east-1b')).toContainText('2 instances');
    await expect(app.canvas.lane('us-east-1a')).toContainText('0 instances');
    await expect(app.toolbar('undo')).toBeEnabled();
  });

  test('a press on the header that barely moves selects, and moves nothing', async ({
    app,
    page,
  }) => {
    const header = await app.canvas.instance(id).locator('.node-handle').boundingBox();
    if (!header) throw new Error('no header');
    await page.mouse.move(header.x + 40, header.y + header.height / 2);
    await page.mouse.down();
    await page.mouse.move(header.x + 43, header.y + header.height / 2 + 2, { steps: 3 });
    await page.mouse.up();
    await expect(app.page.getByTestId('inspector.availabilityZone')).toHaveValue('us-east-1a');
    await expect(app.toolbar('undo')).toBeDisabled();
  });
});
