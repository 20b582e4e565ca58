import { expect, test } from './fixtures';

test.describe('service discovery against Service Connect', () => {
  test('the inspector says how each client finds api, and turning Service Connect on redeploys the client', async ({
    app,
    page,
  }) => {
    await app.openDesign('discovery');
    await app.canvas.service('api').click();
    await expect(page.getByTestId('inspector.discovery.dns')).toHaveText(
      'Cloud Map DNS: api.berth.local (SRV, TTL 60 s)',
    );
    await expect(page.getByTestId('inspector.discovery.aliases')).toHaveText(
      'Service Connect: api.berth.local:8080',
    );
    await app.canvas.service('dns-client').click();
    const call = page.getByTestId('inspector.discovery.call.api.berth.local:8080');
    await expect(call).toHaveText(
      'Calls api.berth.local:8080 by DNS: each task keeps an answer for 60 s.',
    );
    await app.dock.step10(6);
    await page.getByTestId('inspector.serviceConnect').click();
    await expect(page.getByTestId('inspector.serviceConnect')).toBeChecked();
    // An UpdateService: the client's deployment replaces its tasks with proxied ones.
    const bar = app.canvas.service('dns-client').getByTestId('service.deployment');
    await expect(bar).toHaveAttribute('data-rollout', 'IN_PROGRESS');
    await expect(call).toHaveText(
      'Calls api.berth.local:8080 through Service Connect: endpoint changes reach it at once.',
    );
    await app.dock.step10(9);
    await expect(bar).toHaveAttribute('data-rollout', 'COMPLETED');
  });
});

test('through a redeploy of api, the DNS client fails on its edge and the Service Connect client does not', async ({
  app,
}) => {
  await app.openDesign('discovery');
  // The script redeploys api at 3:00; old tasks stop at about 3:53.
  await app.dock.step10(30);
  const dns = app.canvas.root.getByTestId('call.dns-client');
  const sc = app.canvas.root.getByTestId('call.sc-client');
  await expect(dns).toContainText('DNS · TTL 60 s');
  await expect(dns).toContainText('failed/s');
  await expect(dns).toHaveClass(/failing/);
  await expect(sc).toContainText('Service Connect · 100 req/s');
  await expect(sc).toHaveAttribute('data-failed', '0');
  // A TTL later every answer is fresh again.
  await app.dock.step10(18);
  await expect(dns).toContainText('100 req/s');
  await expect(dns).toHaveAttribute('data-failed', '0');
});
