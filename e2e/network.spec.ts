import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BerthApp } from './pages/berth-app';

async function exported(page: Page): Promise<Record<string, unknown>> {
  const download = page.waitForEvent('download');
  await page.getByTestId('toolbar.export').click();
  const path = await (await download).path();
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

/** The fargate fixture with its awsvpc service as the palette makes one: no networkConfiguration. */
function fargateWithoutNetwork(): string {
  const design = JSON.parse(BerthApp.designText('fargate')) as {
    services: Record<string, unknown>[];
  };
  for (const s of design.services) delete s.networkConfiguration;
  return JSON.stringify(design);
}

const subnetBox = (page: Page, zone: string) =>
  page.getByTestId(`inspector.network.subnet.${zone}`);

/** The subnet id a zone's checkbox stands for, as its label shows it. */
const subnetOf = (page: Page, zone: string) =>
  page
    .locator('label', { has: subnetBox(page, zone) })
    .locator('code')
    .innerText();

test('an awsvpc service’s subnets, security groups and public IP, set in the inspector and exported', async ({
  app,
  page,
}) => {
  await page.goto(BerthApp.linkFor(fargateWithoutNetwork()));
  await app.canvas.root.waitFor();

  // A bridge service has no such section.
  await app.canvas.service('web').click();
  await expect(page.getByTestId('inspector.service')).toBeVisible();
  await expect(page.getByTestId('inspector.network')).toHaveCount(0);

  // The awsvpc one shows the defaults, a subnet in each zone of the cluster's instances
  // (a and b), and says export writes them.
  await app.canvas.service('edge').click();
  const section = page.getByTestId('inspector.network');
  await expect(section).toBeVisible();
  await expect(page.getByTestId('inspector.network.defaults')).toContainText('export');
  await expect(subnetBox(page, 'us-east-1a')).toBeChecked();
  await expect(subnetBox(page, 'us-east-1b')).toBeChecked();
  await expect(subnetBox(page, 'us-east-1c')).not.toBeChecked();
  await expect(page.getByTestId('inspector.network.assignPublicIp')).toHaveValue('DISABLED');
  const a = await subnetOf(page, 'us-east-1a');
  expect(a).toMatch(/^subnet-[0-9a-f]+$/);

  // The first edit writes the configuration; the hint goes.
  await subnetBox(page, 'us-east-1b').uncheck();
  await expect(subnetBox(page, 'us-east-1b')).not.toBeChecked();
  await expect(page.getByTestId('inspector.network.defaults')).toHaveCount(0);
  // The last subnet stays: awsvpc tasks need one for their network interfaces.
  await subnetBox(page, 'us-east-1a').click();
  await expect(page.getByTestId('inspector.network.subnets.error')).toContainText(
    'needs at least one subnet',
  );
  // The message's long JSON path wraps inside the inspector instead of running off it.
  const inspectorBox = await page.getByTestId('inspector').boundingBox();
  const errorBox = await page.getByTestId('inspector.network.subnets.error').boundingBox();
  expect((errorBox?.x ?? 0) + (errorBox?.width ?? 0)).toBeLessThanOrEqual(
    (inspectorBox?.x ?? 0) + (inspectorBox?.width ?? 0),
  );
  await expect(subnetBox(page, 'us-east-1a')).toBeChecked();

  // A security group id is checked in place, then taken.
  const groups = page.getByTestId('inspector.network.securityGroups');
  await groups.fill('sg-web');
  await groups.press('Enter');
  await expect(page.getByTestId('inspector.network.securityGroups.error')).toHaveText(
    'sg-web is not a security group id (sg- and 8 or 17 hex digits)',
  );
  await groups.fill('sg-0123abcd');
  await groups.press('Enter');
  await expect(page.getByTestId('inspector.network.securityGroups.error')).toHaveCount(0);

  // The gate's own words beside the field: six security groups.
  await groups.fill('sg-00000001, sg-00000002, sg-00000003, sg-00000004, sg-00000005, sg-00000006');
  await groups.press('Enter');
  await expect(page.getByTestId('inspector.network.securityGroups.error')).toContainText(
    'allows at most 5 security groups',
  );
  await groups.press('Escape');
  await expect(groups).toHaveValue('sg-0123abcd');

  // At 1440x900, as a person on a laptop sees it.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
  await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  mkdirSync('/tmp/allshots', { recursive: true });
  await page.screenshot({ path: '/tmp/allshots/network-section.png' });

  const design = (await exported(page)) as { services: Record<string, unknown>[] };
  const edge = design.services.find((s) => s.serviceName === 'edge');
  expect(edge?.networkConfiguration).toEqual({
    awsvpcConfiguration: {
      subnets: [a],
      securityGroups: ['sg-0123abcd'],
      assignPublicIp: 'DISABLED',
    },
  });
});

test('during a run, new subnets are an UpdateService: a deployment, no restart', async ({
  app,
  page,
}) => {
  await app.openDesign('fargate');
  await app.dock.step10(4);
  const lane = (az: string) => page.getByTestId(`canvas.fargate.${az}`);
  await expect(lane('us-east-1c').getByTestId('task-chip')).toHaveCount(0);

  await app.canvas.service('edge').click();
  // The fixture's own subnets are none of the zones': they show as typed ids.
  await expect(page.getByTestId('inspector.network.otherSubnets')).toHaveValue(
    'subnet-private-a, subnet-private-b',
  );
  await expect(page.getByTestId('inspector.network.live')).toBeVisible();
  await expect(page.getByTestId('inspector.deployments').locator('tbody tr')).toHaveCount(1);

  // A click, not check(): the box follows the run, which takes the UpdateService a moment later.
  await subnetBox(page, 'us-east-1c').click();
  await expect(subnetBox(page, 'us-east-1c')).toBeChecked();
  await expect(page.getByTestId('inspector.deployments').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await expect(app.dock.clock).toHaveAttribute('data-now-ms', '40000');

  // The new deployment's tasks spread over the three zones: some land in c.
  await app.dock.step10(4);
  await expect(lane('us-east-1c').getByTestId('task-chip').first()).toBeVisible();
  await expect(subnetBox(page, 'us-east-1c')).toBeChecked();
});

test('an awsvpc service dropped from the palette can be given its network, as the issue asked', async ({
  app,
  page,
}) => {
  await app.openDesign('steady');
  await app.palette.dragServiceOntoCanvas({
    family: 'api',
    networkMode: 'awsvpc',
    desiredCount: 1,
  });
  await expect(page.getByTestId('inspector.service').locator('h2')).toHaveText('api');
  await expect(page.getByTestId('inspector.network.defaults')).toBeVisible();
  // An EC2 task gets no public IP: ECS refuses ENABLED for that launch type.
  await expect(
    page.getByTestId('inspector.network.assignPublicIp').locator('option[value="ENABLED"]'),
  ).toBeDisabled();
  const checked = page.getByTestId('inspector.network.subnets').locator('label', {
    has: page.locator('input:checked'),
  });
  const subnets = await checked.locator('code').allInnerTexts();
  expect(subnets.length).toBeGreaterThan(0);

  const groups = page.getByTestId('inspector.network.securityGroups');
  await groups.fill('sg-0123456789abcdef0');
  await groups.press('Enter');
  await expect(page.getByTestId('inspector.network.defaults')).toHaveCount(0);

  const design = (await exported(page)) as { services: Record<string, unknown>[] };
  expect(design.services.find((s) => s.serviceName === 'api')?.networkConfiguration).toEqual({
    awsvpcConfiguration: {
      subnets,
      securityGroups: ['sg-0123456789abcdef0'],
      assignPublicIp: 'DISABLED',
    },
  });
});
