import { expect, test } from './fixtures';

test.describe('Fargate lanes', () => {
  test("a FARGATE service's tasks run in the Fargate lane of their zone, none on an instance", async ({
    app,
    page,
  }) => {
    await app.openDesign('fargate');
    const lane = (az: string) => page.getByTestId(`canvas.fargate.${az}`);
    const edgeChips = (az: string, status = 'RUNNING') =>
      lane(az).locator(`[data-testid="task-chip"][data-service="edge"][data-status="${status}"]`);
    // The service asks for FARGATE: its cluster gets a Fargate lane per zone before the run.
    await expect(lane('us-east-1a')).toContainText('Fargate · us-east-1a');
    await expect(lane('us-east-1c')).toContainText('No Fargate tasks');
    await app.dock.step10(4);
    // Spread over the subnets' zones, a then b: 3 and 2 (the engine's spread).
    await expect(edgeChips('us-east-1a')).toHaveCount(3);
    await expect(edgeChips('us-east-1b')).toHaveCount(2);
    await expect(lane('us-east-1c').getByTestId('task-chip')).toHaveCount(0);
    await expect(lane('us-east-1a').getByTestId('fargate.group.edge')).toContainText('edge');
    await expect(lane('us-east-1a')).toContainText('3 tasks');
    await expect(lane('us-east-1a').getByTestId('fargate.group.edge')).not.toContainText('Spot');
    // None on an instance; the EC2 service's are there.
    await expect(app.canvas.instances.locator('[data-service="edge"]')).toHaveCount(0);
    await expect(app.canvas.instances.locator('[data-service="web"]')).toHaveCount(2);
    // A chip is a task like any other: it opens the task inspector, with its zone.
    await edgeChips('us-east-1b').first().click();
    const inspector = page.getByTestId('inspector.task');
    await expect(inspector).toContainText('us-east-1b');
    await expect(inspector.getByTestId('inspector.task.status')).toContainText('RUNNING');
    await page.screenshot({ path: 'test-results/screens/44-fargate-lanes.png' });
  });
});
