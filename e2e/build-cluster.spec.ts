import { expect, test } from './fixtures';

test.describe('building a cluster from an empty design', () => {
  test('two instances and a service of 3 run 3 tasks; desired count 5 runs 5', async ({ app }) => {
    await app.newDesign();
    await expect(app.designName).toHaveText('Untitled cluster');
    await expect(app.canvas.instances).toHaveCount(0);

    await app.palette.dragInstanceInto('us-east-1a', 'm5.large');
    await app.palette.dragInstanceInto('us-east-1b', 'm5.large');
    await expect(app.canvas.instances).toHaveCount(2);
    await expect(app.canvas.lane('us-east-1a')).toContainText('1 instance');
    await expect(app.canvas.lane('us-east-1b')).toContainText('1 instance');

    await app.palette.dragServiceOntoCanvas({ family: 'web', desiredCount: 3 });
    await expect(app.canvas.service('web')).toBeVisible();

    await app.dock.play(25);
    await expect(app.canvas.taskChips('RUNNING')).toHaveCount(3);
    await expect(app.canvas.taskChips()).toHaveCount(3);
    await expect(app.dock.series('RUNNING')).toHaveCount(1);
    await expect(app.dock.chart).toHaveAttribute('data-running', '3');
    await expect(app.dock.count('RUNNING')).toHaveAttribute('data-count', '3');
    // Every chip sits on one of the two instances, spread over both zones.
    for (const instance of await app.canvas.instances.all()) {
      await expect(instance.getByTestId('task-chip')).not.toHaveCount(0);
    }

    await app.canvas.service('web').click();
    await app.inspector.setDesiredCount(5);
    await expect(app.canvas.taskChips('RUNNING')).toHaveCount(5);
    await expect(app.dock.chart).toHaveAttribute('data-running', '5');
    await expect(app.dock.serviceRow('web').getByTestId('dock.service.running')).toHaveText('5');
    await expect(app.dock.eventLog).toContainText('has started 2 tasks');
  });

  test('an invalid desired count is refused in place', async ({ app }) => {
    await app.newDesign();
    await app.palette.dragInstanceInto('us-east-1a');
    await app.palette.dragServiceOntoCanvas({ family: 'api', desiredCount: 1 });
    await app.inspector.setDesiredCount(-2);
    await expect(app.page.getByTestId('inspector.desiredCount.error')).toHaveText(
      'Must be at least 0',
    );
    await expect(app.canvas.service('api').getByTestId('service.desired')).toContainText('1');
  });

  test('undo and redo take back a drop and bring it again', async ({ app, page }) => {
    await app.newDesign();
    await app.palette.dragInstanceInto('us-east-1c');
    await expect(app.canvas.instances).toHaveCount(1);
    await page.keyboard.press('Control+z');
    await expect(app.canvas.instances).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(app.canvas.instances).toHaveCount(1);
    await app.toolbar('undo').click();
    await expect(app.canvas.instances).toHaveCount(0);
  });
});
