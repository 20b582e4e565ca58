import { expect, test } from './fixtures';

test.describe('instances the run brings', () => {
  test("an Auto Scaling group's instance appears in its lane when it registers, read-only", async ({
    app,
    page,
  }) => {
    await app.openDesign('asg');
    await expect(app.canvas.instances).toHaveCount(3);
    await app.dock.step10(1);
    await expect(app.canvas.instances).toHaveCount(3);
    await app.dock.step10(2);
    await expect(app.canvas.instances).toHaveCount(4);
    const node = app.canvas.instances.filter({ hasText: 'launched' });
    await expect(node).toContainText('c7g.large');
    await expect(node.getByTestId('instance.status')).toHaveText('ACTIVE');
    await node.getByTestId('instance.status').click();
    const inspector = page.getByTestId('inspector.instance.live');
    await expect(inspector).toContainText('not part of the design');
    await expect(inspector).toContainText('arm64');
    await page.screenshot({ path: 'test-results/screens/43-asg-instance.png' });
    // Back before it registered, it is not there.
    await app.timeline.rail.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(app.canvas.instances).toHaveCount(3);
  });
});
