import { expect, test } from './fixtures';

const m5 = 'i-0a1b2c3d4e5f60001';

test.describe('GPUs', () => {
  test('"Why not placed?" names the GPU an m5.large does not have', async ({ app }) => {
    await app.openDesign('gpu');
    await expect(app.designName).toHaveText('GPUs: an inference service that needs one');
    await app.dock.play(10);

    const badge = app.canvas.unplacedBadge('inference');
    await expect(badge).toContainText('1 not placed');
    await badge.click();
    await expect(app.why.title).toHaveText('Why not placed?');
    await expect(app.why.summary).toHaveText('0/1 instances: 1 insufficient GPU');
    await expect(app.why.consoleSentence).toContainText(
      'service inference was unable to place a task because no container instance met all of its requirements.',
    );
    await expect(app.why.closestMatch).toContainText('has insufficient GPU available.');
    await expect(app.why.instanceRow(m5)).toContainText('needs 1 GPU, 0 free');
  });

  test('the task waits on an m5.large, then runs on a g4dn.xlarge dropped beside it', async ({
    app,
  }) => {
    await app.openDesign('gpu');
    await app.dock.play(10);

    // The m5.large has CPU and memory to spare but no GPU: the task waits, and the
    // service's events say why, in ECS's words.
    const badge = app.canvas.unplacedBadge('inference');
    await expect(badge).toContainText('1 not placed');
    await expect(app.canvas.chipsOn(m5)).toHaveCount(0);
    await expect(app.dock.eventLog).toContainText('has insufficient GPU available.');

    // The person finds a GPU type in the palette's searchable list and drops it in the zone.
    // (Not with "Why not placed?" open: a drop then crashes the page today, GPUs or not.)
    await app.palette.dragInstanceInto('us-east-1a', 'g4dn.xlarge');
    await expect(app.canvas.instances).toHaveCount(2);
    await expect(app.canvas.lane('us-east-1a')).toContainText('2 instances');

    const running = app.canvas
      .serviceChips('inference')
      .and(app.page.locator('[data-status="RUNNING"]'));
    await expect(running).toHaveCount(1);
    await expect(app.canvas.chipsOn(m5)).toHaveCount(0);
    await expect(badge).toBeHidden();
  });
});
