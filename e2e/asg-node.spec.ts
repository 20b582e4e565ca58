import { expect, test } from './fixtures';

test.describe('Auto Scaling group on the canvas', () => {
  test('shows min / desired / max and an instance booting, which then registers', async ({
    app,
    page,
  }) => {
    await app.openDesign('asg-provider');
    const group = page.getByTestId('asg.demo-asg');
    const booting = page.locator('[data-testid^="booting.i-"]');
    await expect(group.getByTestId('asg.min')).toHaveText('1');
    await expect(group.getByTestId('asg.desired')).toHaveText('1');
    await expect(group.getByTestId('asg.max')).toHaveText('4');
    await expect(group.getByTestId('asg.provider')).toContainText('nodes');
    await expect(group.getByTestId('asg.provider')).toContainText('target 100%');

    // It launches its one instance at once; the ghost says how long it has been booting.
    await app.dock.step10(1);
    await expect(booting).toHaveCount(1);
    await expect(booting).toContainText('booting');
    await expect(booting.getByTestId('booting.since')).toContainText('10 s since launch');
    await expect(group.getByTestId('asg.booting')).toHaveText('1 booting');
    await expect(app.canvas.instances).toHaveCount(0);

    // bootSeconds 30: its agent registers it, and the instance node takes the ghost's place.
    await app.dock.step10(2);
    await expect(booting).toHaveCount(0);
    await expect(app.canvas.instances).toHaveCount(1);
    await expect(group.getByTestId('asg.inService')).toHaveText('1 InService');

    // At the minute, the provider's reservation (M 3 / N 1 = 300%) raises desired to 3: two boot.
    await app.dock.step10(3);
    await expect(group.getByTestId('asg.desired')).toHaveText('3');
    await expect(group.getByTestId('asg.reservation')).toContainText('300%');
    await expect(booting).toHaveCount(2);
    await expect(group.getByTestId('asg.booting')).toHaveText('2 booting');
    await page.screenshot({ path: 'test-results/screens/46-asg-scaling-out.png' });
    await app.dock.step10(3);
    await expect(booting).toHaveCount(0);
    await expect(app.canvas.instances).toHaveCount(3);
    await expect(group.getByTestId('asg.inService')).toHaveText('3 InService');
    // The overview counts them beside the design's own (none here).
    await expect(page.getByTestId('inspector.design.instances')).toHaveText(
      '0 + 3 launched by Auto Scaling',
    );

    // The node selects the group.
    await group.locator('.node-title').click();
    await expect(group).toHaveClass(/selected/);
  });
});
