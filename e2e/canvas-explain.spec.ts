import { expect, test } from './fixtures';

const [a, b] = ['i-0a1b2c3d4e5f60001', 'i-0a1b2c3d4e5f60002'];

test.describe('why here? follows the selected task', () => {
  test('selecting another instance takes away the banner and the dimming', async ({ app }) => {
    await app.openDesign('steady');
    await app.dock.play(25);
    await expect(app.canvas.taskChips('RUNNING')).toHaveCount(3);
    await app.dock.pause();

    await app.canvas.chipsOn(b).first().click();
    await expect(app.why.bar).toContainText('Why here?');
    await expect(app.canvas.instance(b)).toHaveAttribute('data-placement', 'chosen');
    await expect(app.canvas.instance(a)).toHaveAttribute('data-placement', 'outranked');

    await app.canvas.selectInstance(a);
    await expect(app.why.bar).toBeHidden();
    await expect(app.why.root).toBeHidden();
    await expect(app.canvas.instances.and(app.page.locator('[data-placement]'))).toHaveCount(0);
    await expect(app.page.getByTestId('inspector.availabilityZone')).toHaveValue('us-east-1a');
  });
});
