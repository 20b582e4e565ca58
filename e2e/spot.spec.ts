import { expect, test } from './fixtures';

test.describe('Fargate Spot', () => {
  test('a Spot interruption is replaced', async ({ app, page }) => {
    await app.openDesign('spot');
    const lane = (az: string) => page.getByTestId(`canvas.fargate.${az}`);
    const chips = page.locator('[data-testid^="canvas.fargate."] [data-testid="task-chip"]');
    await app.dock.step10(6);
    // Two tasks on FARGATE_SPOT, one per subnet's zone, marked Spot.
    await expect(chips.and(page.locator('[data-status="RUNNING"]'))).toHaveCount(2);
    await expect(chips.and(page.locator('[data-spot]'))).toHaveCount(2);
    await expect(lane('us-east-1a').getByTestId('fargate.group.edge')).toContainText('Spot');
    // The script interrupts the oldest at 1:30: it is asked to stop with the two-minute warning.
    await app.dock.step10(4);
    const stopping = chips.and(
      page.locator(
        ':is([data-status="DEACTIVATING"], [data-status="STOPPING"], [data-status="DEPROVISIONING"])',
      ),
    );
    await expect(stopping).toHaveCount(1);
    await stopping.click();
    const inspector = page.getByTestId('inspector.task');
    await expect(inspector).toContainText('Stop code');
    await expect(inspector).toContainText('SpotInterruption');
    await expect(inspector).toContainText('Your Spot Task was interrupted.');
    // A minute on, it has stopped and the service runs its desired count again, on Spot.
    await app.dock.step10(6);
    await expect(inspector.getByTestId('inspector.task.status')).toContainText('STOPPED');
    await expect(inspector).toContainText('SpotInterruption');
    const row = app.dock.serviceRow('edge');
    await expect(row.getByTestId('dock.service.desired')).toHaveText('2');
    await expect(row.getByTestId('dock.service.running')).toHaveText('2');
    await expect(chips.and(page.locator('[data-status="RUNNING"][data-spot]'))).toHaveCount(2);
    await page.screenshot({ path: 'test-results/screens/45-spot-replaced.png' });
  });
});
