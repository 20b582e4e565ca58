import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Nothing selected: a click on the canvas's empty pane, as a person clears a selection. */
async function clearSelection(page: Page): Promise<void> {
  await page.locator('.react-flow__pane').click({ position: { x: 12, y: 12 } });
  await expect(page.getByTestId('inspector.design')).toBeVisible();
}

async function commit(page: Page, testId: string, value: string): Promise<void> {
  const field = page.getByTestId(testId);
  await field.fill(value);
  await field.press('Enter');
}

async function exported(page: Page): Promise<Record<string, unknown>> {
  const download = page.waitForEvent('download');
  await page.getByTestId('toolbar.export').click();
  const path = await (await download).path();
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

test('an Auto Scaling group, its capacity provider and CPU target tracking, set up from forms', async ({
  app,
  page,
}) => {
  await app.openDesign('steady');
  await expect(page.getByTestId('inspector.design')).toBeVisible();

  // The overview adds a group with the defaults and opens it.
  await page.getByTestId('overview.addGroup').click();
  const group = page.getByTestId('inspector.autoScalingGroup');
  await expect(group).toBeVisible();
  await expect(group.locator('h2')).toHaveText('demo-asg');
  await expect(page.getByTestId('inspector.asg.desired')).toHaveValue('2');
  await expect(page.getByTestId('inspector.asg.min')).toHaveValue('0');
  await expect(page.getByTestId('inspector.asg.max')).toHaveValue('10');
  await expect(page.getByTestId('inspector.asg.instanceType')).toHaveValue('m5.large');
  await expect(page.getByTestId('inspector.asg.zone.us-east-1a')).toBeChecked();

  // The gate's own words under the field: desired above max.
  await commit(page, 'inspector.asg.desired', '12');
  await expect(page.getByTestId('inspector.asg.desired.error')).toHaveText(
    'autoScalingGroups[0].DesiredCapacity: Desired capacity:12 must be between the specified min size:0 and max size:10',
  );
  await commit(page, 'inspector.asg.desired', '3');
  await expect(page.getByTestId('inspector.asg.desired.error')).toHaveCount(0);

  // From the overview: a capacity provider for that group, in the cluster.
  await clearSelection(page);
  await expect(page.getByTestId('overview.group.demo-asg')).toContainText('m5.large · 0 / 3 / 10');
  await page.getByTestId('overview.addProvider').click();
  const provider = page.getByTestId('inspector.capacityProvider');
  await expect(provider.locator('h2')).toHaveText('demo-asg-cp');
  await expect(page.getByTestId('inspector.cp.managedScaling')).toBeChecked();
  await expect(page.getByTestId('inspector.cp.targetCapacity')).toHaveValue('100');
  await expect(page.getByTestId('inspector.cp.terminationProtection')).not.toBeChecked();
  await expect(page.getByTestId('inspector.cp.clusters')).toHaveText('demo');

  // Its group cannot go while the provider uses it, and says so.
  await page.getByTestId('inspector.cp.group').click();
  await page.getByTestId('inspector.remove').click();
  await expect(page.getByTestId('inspector.remove.error')).toHaveText(
    'Capacity provider demo-asg-cp uses demo-asg: delete the capacity provider first.',
  );

  // The service: auto scaling on, target tracking on CPU at 50%.
  await app.canvas.service('web').click();
  await expect(page.getByTestId('inspector.service')).toBeVisible();
  await page.getByTestId('inspector.scaling.enable').click();
  await expect(page.getByTestId('inspector.scaling.min')).toHaveValue('1');
  await expect(page.getByTestId('inspector.scaling.max')).toHaveValue('10');
  await page.getByTestId('inspector.scaling.addTargetTracking').click();
  const policy = 'inspector.scaling.policy.web-cpu-target-tracking';
  await expect(page.getByTestId(`${policy}.metric`)).toHaveValue('ECSServiceAverageCPUUtilization');
  await commit(page, `${policy}.targetValue`, '50');
  await expect(page.getByTestId(`${policy}.targetValue`)).toHaveValue('50');
  await expect(page.getByTestId('inspector.json')).toBeVisible();

  // What the export holds: the AWS inputs, as the CLI takes them.
  const design = await exported(page);
  expect(design.autoScalingGroups).toEqual([
    expect.objectContaining({
      AutoScalingGroupName: 'demo-asg',
      MinSize: 0,
      MaxSize: 10,
      DesiredCapacity: 3,
      LaunchTemplate: { LaunchTemplateName: 'demo-node', Version: '$Latest' },
    }),
  ]);
  expect(design.launchTemplates).toEqual([
    expect.objectContaining({
      LaunchTemplateName: 'demo-node',
      LaunchTemplateData: expect.objectContaining({ InstanceType: 'm5.large' }),
    }),
  ]);
  expect(design.capacityProviders).toEqual([
    {
      name: 'demo-asg-cp',
      autoScalingGroupProvider: {
        autoScalingGroupArn: 'demo-asg',
        managedScaling: { status: 'ENABLED', targetCapacity: 100 },
        managedTerminationProtection: 'DISABLED',
      },
    },
  ]);
  expect(design.clusters).toEqual([
    expect.objectContaining({ clusterName: 'demo', capacityProviders: ['demo-asg-cp'] }),
  ]);
  expect(design.scalableTargets).toEqual([
    {
      ServiceNamespace: 'ecs',
      ScalableDimension: 'ecs:service:DesiredCount',
      ResourceId: 'service/demo/web',
      MinCapacity: 1,
      MaxCapacity: 10,
    },
  ]);
  expect(design.scalingPolicies).toEqual([
    expect.objectContaining({
      PolicyName: 'web-cpu-target-tracking',
      ResourceId: 'service/demo/web',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 50,
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        ScaleOutCooldown: 300,
        ScaleInCooldown: 300,
        DisableScaleIn: false,
      },
    }),
  ]);
});

test('on a running cluster, a group’s desired capacity is UpdateAutoScalingGroup now; its instance type restarts the run', async ({
  app,
  page,
}) => {
  await app.openDesign('asg');
  const group = page.getByTestId('asg.demo-asg');
  await app.dock.step10(4);
  await expect(app.dock.clock).toContainText('0:40');
  await expect(app.canvas.instances).toHaveCount(4);

  // Desired 1 -> 3 at 0:40: two instances launch from here, and the run goes on.
  await group.locator('.node-title').click();
  await expect(page.getByTestId('inspector.autoScalingGroup')).toBeVisible();
  await commit(page, 'inspector.asg.desired', '3');
  await expect(group.getByTestId('asg.desired')).toHaveText('3');
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await expect(app.dock.clock).toContainText('0:40');
  await app.dock.step10(1);
  await expect(page.locator('[data-testid^="booting.i-"]')).toHaveCount(2);
  await expect(page.getByTestId('inspector.asg.desired')).toHaveValue('3');
  await app.dock.step10(2);
  await expect(app.canvas.instances).toHaveCount(6);
  await expect(group.getByTestId('asg.inService')).toHaveText('3 InService');

  // The design still holds 0:00's group; the edit is in the run's journal.
  const design = await exported(page);
  expect(design.autoScalingGroups).toEqual([expect.objectContaining({ DesiredCapacity: 1 })]);

  // No operation changes a running group's instance type: the run restarts with it.
  await page.getByTestId('inspector.asg.instanceType').fill('m5.large');
  await page.getByTestId('inspector.asg.instanceType').press('Enter');
  await expect(page.getByTestId('notice')).toContainText('restarted at 0:00');
  await expect(app.dock.clock).toContainText('0:00');
  await expect(page.getByTestId('inspector.asg.desired')).toHaveValue('3');
});

test('on a running cluster, a policy’s target and the maximum are PutScalingPolicy and RegisterScalableTarget, at that moment', async ({
  app,
  page,
}) => {
  await app.openDesign('scaling-spike');
  await app.dock.step10(3);
  await expect(app.dock.clock).toContainText('0:30');
  await app.canvas.service('web').click();
  const policy = 'inspector.scaling.policy.cpu50';
  await commit(page, `${policy}.targetValue`, '70');
  await commit(page, 'inspector.scaling.max', '8');
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await expect(app.dock.clock).toContainText('0:30');
  await expect(page.getByTestId(`${policy}.targetValue`)).toHaveValue('70');
  await expect(page.getByTestId('inspector.scaling.max')).toHaveValue('8');
  await expect(app.timeline.marksOf('command')).toHaveCount(2);

  // Back before the edits, the form shows the policy as the run had it then.
  await app.timeline.rail.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId(`${policy}.targetValue`)).toHaveValue('50');
  await expect(page.getByTestId('inspector.scaling.max')).toHaveValue('12');
});
