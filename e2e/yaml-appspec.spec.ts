import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { BerthApp } from './pages/berth-app';

/**
 * A CodeDeploy AppSpec written in YAML, as people write them: the page and the worker
 * each load the YAML reader for it (neither has it at first render), so the deployment
 * runs and the link opens with no load issue, before and after a reload.
 */
function withYamlAppSpec(): string {
  const design = JSON.parse(
    readFileSync(new URL('./designs/codedeploy.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown> & { taskDefinitions: Record<string, unknown>[] };
  const [web] = design.taskDefinitions;
  if (!web) throw new Error('codedeploy.json has no task definition');
  const web2 = JSON.parse(JSON.stringify(web)) as typeof web & {
    containerDefinitions: { image: string }[];
  };
  for (const c of web2.containerDefinitions) c.image = 'public.ecr.aws/nginx/nginx:1.28';
  const content = [
    'version: 0.0',
    'Resources:',
    '  - TargetService:',
    '      Type: AWS::ECS::Service',
    '      Properties:',
    '        TaskDefinition: "web:2"',
    '        LoadBalancerInfo:',
    '          ContainerName: web',
    '          ContainerPort: 80',
  ].join('\n');
  return JSON.stringify({
    ...design,
    taskDefinitions: [web, web2],
    script: [
      {
        at: 30,
        action: 'CreateDeployment',
        input: {
          applicationName: 'shop',
          deploymentGroupName: 'web',
          revision: { revisionType: 'AppSpecContent', appSpecContent: { content } },
        },
      },
    ],
  });
}

test('a YAML AppSpec opens without a load issue and its canary shifts 10% of traffic', async ({
  app,
  page,
}) => {
  await page.goto(BerthApp.linkFor(withYamlAppSpec()));
  await app.canvas.root.waitFor();
  await expect(page.getByTestId('load-issue')).toHaveCount(0);
  await page.reload();
  await app.canvas.root.waitFor();
  await expect(page.getByTestId('load-issue')).toHaveCount(0);
  await app.dock.step10(12);
  await expect(app.dock.eventLog).toContainText('shifted 10% of production traffic', {
    timeout: 20_000,
  });
});
