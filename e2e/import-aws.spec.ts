import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const fixture = (path: string) =>
  readFileSync(new URL(`../src/design/import/${path}`, import.meta.url), 'utf8');

async function chooseFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  await page.getByTestId('toolbar.import').click();
  await page.getByTestId('import.mode.new').check();
  await page.getByTestId('import.file').setInputFiles(
    files.map((f) => ({
      name: f.name,
      mimeType: 'application/json',
      buffer: Buffer.from(f.text),
    })),
  );
}

test.describe('real AWS JSON in, AWS JSON out', () => {
  test('describe-task-definition output: pasted, it runs, and one task definition exports as register-task-definition input', async ({
    app,
    page,
  }) => {
    await app.newDesign();
    // What `aws ecs describe-task-definition` prints, with response-only fields.
    const described = JSON.parse(fixture('ecs/fixtures/register-response-sleep360.json'));
    described.taskDefinition.containerDefinitions[0].portBindings = [];
    await page.getByTestId('toolbar.import').click();
    await page.getByTestId('import.text').fill(JSON.stringify(described, null, 2));
    await page.getByTestId('import.submit').click();
    // What was kept but will not go out again, by path.
    await expect(page.getByTestId('import.read')).toContainText(
      'describe-task-definition output (family sleep360, revision 2)',
    );
    await expect(page.getByTestId('import.warnings')).toContainText(
      'taskDefinition.containerDefinitions[0].portBindings is not a field of ContainerDefinition',
    );
    await expect(page.getByTestId('import.warnings')).toContainText('Berth added service sleep360');
    await page.getByTestId('import.done').click();
    await expect(app.canvas.service('sleep360')).toBeVisible();

    // One task definition, exactly the AWS input: the revision stays provenance.
    await app.canvas.service('sleep360').click();
    await page.getByTestId('inspector.aws.tab.taskDefinition').click();
    await expect(page.getByTestId('inspector.aws')).toContainText('sleep360-2.json');
    const pending = page.waitForEvent('download');
    await page.getByTestId('inspector.aws.download').click();
    const file = await pending;
    expect(file.suggestedFilename()).toBe('sleep360-2.json');
    const exported = JSON.parse(await readFile(await file.path(), 'utf8'));
    expect(exported.family).toBe('sleep360');
    for (const field of [
      'taskDefinitionArn',
      'revision',
      'status',
      'registeredAt',
      'requiresAttributes',
      'compatibilities',
    ])
      expect(exported).not.toHaveProperty(field);
    expect(exported.containerDefinitions[0]).not.toHaveProperty('portBindings');
  });

  test('a CloudFormation template and a Copilot manifest dropped together merge into one design that runs', async ({
    app,
    page,
  }) => {
    await chooseFiles(page, [
      {
        name: 'fargate-public-service.json',
        text: fixture('cloudformation/fixtures/fargate-public-service.json'),
      },
      { name: 'manifest.yml', text: fixture('copilot/fixtures/lb-web-frontend.yml') },
    ]);
    await expect(page.getByTestId('import.read')).toContainText(
      'fargate-public-service.json: CloudFormation template',
    );
    await expect(page.getByTestId('import.read')).toContainText(
      'manifest.yml: AWS Copilot Load Balanced Web Service manifest (frontend)',
    );
    await expect(page.getByTestId('import.warnings')).toContainText(
      'Fn::ImportValue cannot be resolved',
    );
    await page.getByTestId('import.done').click();
    await expect(app.canvas.service('frontend')).toBeVisible();
    await app.dock.play(100);
    await expect(app.dock.count('RUNNING')).not.toHaveAttribute('data-count', '0', {
      timeout: 20_000,
    });
    await app.dock.pause();
  });

  test('export, import the export, same design', async ({ app, page }) => {
    await app.openDesign('alb');
    const pending = page.waitForEvent('download');
    await page.getByTestId('toolbar.export').click();
    const text = await readFile(await (await pending).path(), 'utf8');
    await app.newDesign();
    await app.importDialog.paste(text);
    await expect(app.importDialog.root).toBeHidden();
    const again = page.waitForEvent('download');
    await page.getByTestId('toolbar.export').click();
    const back = await readFile(await (await again).path(), 'utf8');
    const { run: _a, ...first } = JSON.parse(text);
    const { run: _b, ...second } = JSON.parse(back);
    expect(second).toEqual(first);
  });

  test('a malformed task definition is refused by path and the design is untouched', async ({
    app,
    page,
  }) => {
    await app.openDesign('alb');
    await page.getByTestId('toolbar.import').click();
    await page.getByTestId('import.text').fill(
      JSON.stringify({
        family: 'web',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '4096',
        containerDefinitions: [{ name: 'web', image: 'nginx' }],
      }),
    );
    await page.getByTestId('import.submit').click();
    await expect(page.getByTestId('import.errors')).toContainText('taskDefinitions');
    await expect(page.getByTestId('import.errors')).toContainText('memory');
    await page.getByTestId('import.cancel').click();
    await expect(app.designName).toHaveText('ALB: web behind a load balancer, dynamic host ports');
  });
});
