import { expect, test } from './fixtures';

const [a, b, c] = ['i-0a1b2c3d4e5f60001', 'i-0a1b2c3d4e5f60002', 'i-0a1b2c3d4e5f60003'];

test.describe('why not placed?', () => {
  test('a task with nowhere to go shows its reasons; an attribute lets it place', async ({
    app,
  }) => {
    await app.openDesign('unplaceable');
    await expect(app.designName).toHaveText('Placement: a batch task with nowhere to go');
    await app.dock.play(10);

    const badge = app.canvas.unplacedBadge('batch');
    await expect(badge).toContainText('1 not placed');
    await badge.click();

    await expect(app.why.title).toHaveText('Why not placed?');
    await expect(app.why.summary).toHaveText(
      '0/3 instances: 1 insufficient memory, 2 memberOf(attribute:tier == batch)',
    );
    await expect(app.why.consoleSentence).toContainText(
      'service batch was unable to place a task because no container instance met all of its requirements.',
    );
    await expect(app.why.closestMatch).toContainText(
      'is missing an attribute required by your task.',
    );
    await expect(app.why.counts).toHaveCount(2);
    await expect(app.why.instanceRow(c)).toContainText('needs 6144 MiB memory');
    await expect(app.why.instanceRow(b)).toHaveAttribute('data-verdict', 'rejected');
    // The canvas marks the decision: the closest match apart, the others dimmed.
    await expect(app.canvas.instance(a)).toHaveAttribute('data-placement', 'closest');
    await expect(app.canvas.instance(c)).toHaveAttribute('data-placement', 'rejected');

    await app.canvas.selectInstance(b);
    await app.inspector.addAttribute('tier', 'batch');
    await expect(app.canvas.instance(b).getByTestId('instance.attribute.tier')).toHaveText(
      'tier=batch',
    );
    await expect(app.canvas.chipsOn(b, 'RUNNING').filter({ hasText: 'b' })).toHaveCount(1);
    await expect(badge).toBeHidden();
    await expect(app.why.bar).toContainText('every task has a place now');
    await expect(app.canvas.instance(c)).not.toHaveAttribute('data-placement', /.*/);
  });

  test('a memberOf expression is checked as typed, and a valid one applies live', async ({
    app,
    page,
  }) => {
    await app.openDesign('unplaceable');
    await app.dock.play(10);
    await app.canvas.unplacedBadge('batch').click();
    await expect(app.why.summary).toBeVisible();

    await app.inspector.typeConstraint(0, 'attribute:ecs.instance-type ==');
    const error = page.getByTestId('inspector.constraint.0.expression.error');
    await expect(error).toContainText('^');
    await expect(error).toHaveAttribute('data-position', '30');

    await app.inspector.typeConstraint(0, 'attribute:ecs.instance-type equals m5.large', true);
    await expect(page.getByTestId('inspector.constraint.0.expression.canonical')).toHaveText(
      '✓ attribute:ecs.instance-type == m5.large',
    );
    await expect(app.canvas.unplacedBadge('batch')).toBeHidden();
    await expect(app.canvas.taskChips('RUNNING').filter({ hasText: 'b' })).toHaveCount(1);
    await expect(app.why.nothingWaits).toBeVisible();
  });
});

test.describe('why here?', () => {
  test('a running task shows the chosen instance and each strategy step', async ({ app }) => {
    await app.openDesign('steady');
    await app.dock.play(25);
    await expect(app.canvas.taskChips('RUNNING')).toHaveCount(3);
    await app.dock.pause();

    await app.canvas.chipsOn(b).first().click();
    await expect(app.page.getByTestId('inspector.task')).toBeVisible();
    await expect(app.why.title).toHaveText('Why here?');
    await expect(app.why.placed).toContainText(b);
    await expect(app.canvas.instance(b)).toHaveAttribute('data-placement', 'chosen');
    await expect(app.canvas.instance(a)).toHaveAttribute('data-placement', 'outranked');
    await expect(app.why.strategies).toHaveCount(2);
    await expect(app.why.strategies.first()).toContainText(
      'spread(attribute:ecs.availability-zone)',
    );
    await expect(app.why.strategies.nth(1)).toContainText('spread(instanceId)');
    await expect(app.why.instanceRow(b)).toHaveAttribute('data-verdict', 'chosen');

    // Selecting something else closes the panel and clears its marks.
    await app.canvas.selectInstance(a);
    await expect(app.canvas.instance(b)).not.toHaveAttribute('data-placement', /.*/);
    await expect(app.why.bar).toBeHidden();
  });
});

test.describe('draining', () => {
  test('draining an instance from the inspector moves its tasks elsewhere', async ({ app }) => {
    await app.openDesign('steady');
    await app.dock.play(25);
    await expect(app.canvas.chipsOn(a, 'RUNNING')).toHaveCount(1);
    await expect(app.canvas.taskChips('RUNNING')).toHaveCount(3);

    await app.canvas.selectInstance(a);
    await app.inspector.setStatus('DRAINING');
    await expect(app.canvas.instance(a)).toHaveAttribute('data-status', 'DRAINING');
    await expect(app.canvas.chipsOn(a)).toHaveCount(0, { timeout: 30_000 });
    await expect(app.canvas.taskChips('RUNNING')).toHaveCount(3);
    await expect(app.inspector.json).toContainText('"status": "DRAINING"');
  });
});

test.describe('changing the instance type', () => {
  test('a bigger instance makes room; the run restarts and places the task', async ({ app }) => {
    await app.openDesign('unplaceable');
    await app.canvas.service('batch').click();
    await app.inspector.typeConstraint(0, 'attribute:ecs.instance-type == r5.large', true);
    await app.dock.play(10);
    await expect(app.canvas.unplacedBadge('batch')).toContainText('1 not placed');
    await app.canvas.selectInstance(c);
    await app.inspector.setInstanceType('r5.large');
    await expect(app.canvas.chipsOn(c, 'RUNNING').filter({ hasText: 'b' })).toHaveCount(1);
    await expect(app.canvas.unplacedBadge('batch')).toBeHidden();
  });
});

test.describe('instances and network modes', () => {
  test('an instance added while the run goes on registers live, without a restart', async ({
    app,
  }) => {
    await app.openDesign('steady');
    await app.dock.play(25);
    await expect(app.canvas.taskChips('RUNNING')).toHaveCount(3);
    await app.dock.pause();
    const before = Number(await app.dock.clock.getAttribute('data-now-ms'));
    expect(before).toBeGreaterThan(0);
    await app.palette.dragInstanceInto('us-east-1a', 'c5.large');
    await expect(app.canvas.instances).toHaveCount(4);
    const added = app.canvas.instances.filter({ hasText: 'c5.large' });
    await expect(added.getByTestId('instance.status')).toHaveText('ACTIVE');
    expect(Number(await app.dock.clock.getAttribute('data-now-ms'))).toBeGreaterThanOrEqual(before);
    await expect(app.canvas.taskChips('RUNNING')).toHaveCount(3);
  });

  test('a DAEMON in awsvpc mode puts one task on each instance, each taking an ENI', async ({
    app,
  }) => {
    await app.newDesign();
    await app.palette.dragInstanceInto('us-east-1a', 'm5.large');
    await app.palette.dragInstanceInto('us-east-1b', 'm5.large');
    await app.palette.dragServiceOntoCanvas({
      family: 'agent',
      scheduling: 'DAEMON',
      networkMode: 'awsvpc',
    });
    await expect(app.canvas.service('agent')).toContainText('DAEMON');
    await app.dock.play(25);
    await expect(app.canvas.taskChips('RUNNING')).toHaveCount(2);
    for (const instance of await app.canvas.instances.all()) {
      await expect(instance.getByTestId('instance.eni')).toHaveText('eni 1/2');
    }
  });

  test('a static host port in bridge mode holds one of the 100 ports', async ({ app }) => {
    await app.newDesign();
    await app.palette.dragInstanceInto('us-east-1a', 'm5.large');
    await app.palette.dragServiceOntoCanvas({ family: 'api', desiredCount: 2, hostPort: 8080 });
    await app.dock.play(25);
    // One task per instance with a static port: the second has no place.
    await expect(app.canvas.taskChips('RUNNING')).toHaveCount(1);
    await expect(app.canvas.instances.first().getByTestId('instance.ports')).toContainText(
      'ports 6/100',
    );
    await expect(app.canvas.unplacedBadge('api')).toContainText('1 not placed');
    await app.canvas.unplacedBadge('api').click();
    await expect(app.why.summary).toContainText('0/1 instances');
  });
});

test.describe('why not placed?, while the canvas changes', () => {
  // A new-user defect: dropping an instance with the panel open crashed the app
  // (React error #185, maximum update depth).
  test('dropping an instance from the palette with the panel open places the task', async ({
    app,
  }) => {
    app.page.on('console', (m) => console.log('CONSOLE', m.type(), m.text().slice(0, 600)));
    await app.openDesign('unplaceable');
    await app.dock.play(10);
    await app.canvas.unplacedBadge('batch').click();
    await expect(app.why.title).toHaveText('Why not placed?');

    await app.palette.dragInstanceInto('us-east-1a', 'm5.large');
    await expect(app.canvas.instances).toHaveCount(4);
    // The new instance is selected; the pinned panel stays in the bar and counts it.
    await expect(app.page.getByTestId('inspector.instance')).toBeVisible();
    await expect(app.why.bar).toContainText('Why not placed?');
    await app.why.bar.getByRole('button', { name: 'Show details' }).click();
    await expect(app.why.summary).toContainText('0/4 instances');
    await app.dock.play(10);
    await expect(app.why.summary).toContainText('0/4 instances');
  });
});
