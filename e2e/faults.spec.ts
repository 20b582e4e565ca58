import { expect, test } from './fixtures';

test.describe('faults from the inspector', () => {
  test('"Deploy a revision that fails to start" trips the circuit breaker, which rolls back', async ({
    app,
    page,
  }) => {
    await app.openDesign('steady');
    await app.dock.step10(6);
    await app.canvas.service('web').click();
    // During a run each box is an UpdateService: it shows checked once the run has it.
    await page.getByTestId('inspector.circuitBreaker').click();
    await expect(page.getByTestId('inspector.circuitBreaker')).toBeChecked();
    await page.getByTestId('inspector.rollback').click();
    await expect(page.getByTestId('inspector.rollback')).toBeChecked();
    await page.getByTestId('inspector.deployFailToStart').click();
    const bar = app.canvas.service('web').getByTestId('service.deployment');
    await expect(bar).toHaveAttribute('data-revision', 'web:2');
    // Its tasks fail to start 13 s in; three failed starts trip the breaker (§9.1).
    await app.dock.step10(3);
    await expect(bar).toHaveAttribute('data-rollback', 'true');
    await expect(bar).toHaveAttribute('data-revision', 'web:1');
    await expect(bar).toHaveAttribute('title', /^ECS deployment circuit breaker: rolling back/);
    // The old revision kept serving all along; the rollback starts web:1 tasks beside it.
    await expect(app.dock.serviceRow('web').getByTestId('dock.service.running')).toHaveText(
      /^[3-6]$/,
    );
    await app.dock.step10(8);
    await expect(bar).toHaveAttribute('data-rollout', 'COMPLETED');
    await expect(bar).toHaveAttribute('data-revision', 'web:1');
  });
});
