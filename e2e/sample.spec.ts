import { expect, test } from './fixtures';

test.describe('first open', () => {
  test('shows the sample design and runs it', async ({ app }) => {
    await expect(app.designName).toHaveText('Sample: web on three instances');
    for (const az of ['us-east-1a', 'us-east-1b', 'us-east-1c']) {
      await expect(app.canvas.lane(az)).toContainText('1 instance');
    }
    await expect(app.canvas.service('web')).toBeVisible();
    await expect(app.dock.clock).toContainText('00:00');
    await expect(app.dock.clock).toContainText('2026-01-01T00:00:00Z');

    await app.dock.play(25);
    await expect(app.canvas.taskChips('RUNNING')).toHaveCount(3);
    await expect(app.dock.eventLog).toContainText('has reached a steady state');
    await expect(app.dock.clock).not.toContainText('00:00:00Z');
    await app.dock.pause();
    await expect(app.dock.playButton).toHaveAttribute('data-playing', 'false');
  });

  test('keeps the design across a reload', async ({ app, page }) => {
    await app.newDesign();
    await app.palette.dragInstanceInto('us-east-1b');
    await expect(app.canvas.instances).toHaveCount(1);
    await page.reload();
    await expect(app.designName).toHaveText('Untitled cluster');
    await expect(app.canvas.instances).toHaveCount(1);
  });
});
