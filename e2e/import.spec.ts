import { expect, test } from './fixtures';

const malformed = JSON.stringify({
  formatVersion: 1,
  name: 'Broken',
  seed: 1,
  region: 'us-east-1',
  clusters: [{ clusterName: 'demo' }],
  taskDefinitions: [
    { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 512 }] },
  ],
  services: [{ serviceName: 'web', taskDefinition: 'web', desiredCount: 'three' }],
});

test.describe('importing a design', () => {
  test('a malformed design is refused by path and the current one is kept', async ({ app }) => {
    await app.importDialog.paste(malformed);
    await expect(app.importDialog.errors).toContainText('services[0].desiredCount');
    await expect(app.importDialog.errors).toContainText('expected a number');
    await app.importDialog.cancel();
    await expect(app.designName).toHaveText('Sample: web on three instances');
    await expect(app.canvas.instances).toHaveCount(3);
  });

  test('text that is not JSON is refused too', async ({ app }) => {
    await app.importDialog.chooseFile('notes.json', '{ not json');
    await expect(app.importDialog.errors).toContainText('is not valid JSON');
  });

  test('a valid file replaces the design', async ({ app }) => {
    const valid = JSON.parse(malformed);
    valid.services[0].desiredCount = 2;
    valid.containerInstances = [
      {
        ec2InstanceId: 'i-0123456789abcdef0',
        instanceType: 't3.large',
        availabilityZone: 'us-east-1b',
      },
    ];
    await app.importDialog.chooseFile('broken-fixed.json', JSON.stringify(valid));
    await expect(app.importDialog.root).toBeHidden();
    await expect(app.designName).toHaveText('Broken');
    await expect(app.canvas.instance('i-0123456789abcdef0')).toBeVisible();
  });
});

test.describe('a corrupt autosave', () => {
  test('names the field and falls back to the sample', async ({ page }) => {
    // Seed the save once: a reload must show what the app itself wrote.
    await page.addInitScript({
      content: `if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('berth.design', JSON.stringify({ formatVersion: 1, name: 'Mine', seed: -5, region: 'us-east-1', clusters: [{ clusterName: 'a' }] }));
        sessionStorage.setItem('seeded', '1');
      }`,
    });
    await page.goto('/');
    const banner = page.getByTestId('load-issue');
    await expect(banner).toContainText('could not be opened');
    await expect(banner).toContainText('seed');
    await expect(page.getByTestId('toolbar.designName')).toHaveText(
      'Sample: web on three instances',
    );
    const kept = await page.evaluate<string | null>(
      'localStorage.getItem("berth.design.rejected")',
    );
    expect(kept).toContain('"Mine"');
  });
});

test.describe('exporting a design', () => {
  test('downloads the design as JSON the import accepts', async ({ app, page }) => {
    const download = page.waitForEvent('download');
    await app.toolbar('export').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('sample-web-on-three-instances.berth.json');
    const path = await file.path();
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(path, 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      formatVersion: 1,
      services: [{ serviceName: 'web' }],
    });
    await app.importDialog.paste(text);
    await expect(app.importDialog.root).toBeHidden();
  });
});
