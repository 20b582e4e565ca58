import { expect, test } from './fixtures';

test.describe('moving nodes', () => {
  test('dragging an instance into another lane moves it to that zone, as one undo step', async ({
    app,
  }) => {
    const id = 'i-0a1b2c3d4e5f60001';
    await expect(app.canvas.lane('us-east-1a')).toContainText('1 instance');

    await app.canvas.moveNode(app.canvas.instance(id), app.canvas.lane('us-east-1c'), {
      x: 140,
      y: 260,
    });
    await expect(app.canvas.lane('us-east-1c')).toContainText('2 instances');
    await expect(app.canvas.lane('us-east-1a')).toContainText('0 instances');
    await app.canvas.instance(id).click();
    await expect(app.page.getByTestId('inspector.availabilityZone')).toHaveValue('us-east-1c');

    await app.toolbar('undo').click();
    await expect(app.canvas.lane('us-east-1a')).toContainText('1 instance');
    await expect(app.toolbar('undo')).toBeDisabled();
  });

  test('dragging a service keeps its zone-free place and makes one undo step', async ({ app }) => {
    const service = app.canvas.service('web');
    const before = await service.boundingBox();
    await app.canvas.moveNode(service, app.canvas.servicesBand, { x: 600, y: 90 });
    const after = await service.boundingBox();
    expect(Math.abs((after?.x ?? 0) - (before?.x ?? 0))).toBeGreaterThan(100);
    await app.toolbar('undo').click();
    await expect(app.toolbar('undo')).toBeDisabled();
  });
});
