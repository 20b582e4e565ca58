import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BerthApp } from './pages/berth-app';

// Names are text: HTML a person pastes into a design is shown literally, never parsed,
// wherever the app shows it (toolbar, canvas, inspector JSON, import errors). Fields
// ECS restricts to letters, digits, hyphens and underscores (service, container, and
// instance attribute values) are refused at the gate, and the refusal quotes them as
// text too.

const IMG = '<img src=x onerror="window.__pwned=1">';
const BOLD = '<b>bold</b>';

type Design = Record<string, unknown> & {
  clusters: { clusterName: string }[];
  containerInstances: Record<string, unknown>[];
  services: Record<string, unknown>[];
  taskDefinitions: { containerDefinitions: Record<string, unknown>[] }[];
};

function steady(): Design {
  return JSON.parse(BerthApp.designText('steady')) as Design;
}

/** Nothing the text could have become: no handler ran, no element was made of it. */
async function expectNoMarkup(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('#root img[src="x"]')).toHaveCount(0);
  await expect(page.locator('#root b', { hasText: 'bold' })).toHaveCount(0);
  await expect(page.locator('img[onerror]')).toHaveCount(0);
}

test.describe('HTML in names is text', () => {
  test('free-text fields show the HTML literally while the design plays', async ({ app, page }) => {
    const design = steady();
    design.name = `${IMG} ${BOLD}`;
    const service = design.services[0]!;
    service.tags = [
      { key: 'owner', value: IMG },
      { key: 'note', value: BOLD },
    ];
    const container = design.taskDefinitions[0]!.containerDefinitions[0]!;
    container.environment = [
      { name: 'BANNER', value: IMG },
      { name: 'MOTTO', value: BOLD },
    ];
    await app.importDialog.paste(JSON.stringify(design));
    await expect(app.importDialog.root).toBeHidden();
    await expect(app.designName).toHaveText(`${IMG} ${BOLD}`);

    await app.canvas.service('web').click();
    await page.getByTestId('inspector.aws.tab.taskDefinition').click();
    await expect(app.inspector.json).toContainText(`"value": ${JSON.stringify(IMG)}`);
    await expect(app.inspector.json).toContainText(BOLD);

    await app.dock.play(10);
    await expect(app.dock.count('RUNNING')).toHaveAttribute('data-count', '3');
    await app.dock.pause();

    await app.canvas.selectInstance('i-0a1b2c3d4e5f60001');
    await expect(app.inspector.root).toContainText('i-0a1b2c3d4e5f60001');
    await app.canvas.service('web').click();
    await page.getByTestId('inspector.aws.tab.taskDefinition').click();
    await expect(app.inspector.json).toContainText(BOLD);
    await expect(app.designName).toHaveText(`${IMG} ${BOLD}`);
    await expectNoMarkup(page);
  });

  for (const [where, put] of [
    ['service name', (d: Design) => Object.assign(d.services[0]!, { serviceName: IMG })],
    [
      'container name',
      (d: Design) => Object.assign(d.taskDefinitions[0]!.containerDefinitions[0]!, { name: BOLD }),
    ],
    [
      'instance attribute values',
      (d: Design) =>
        Object.assign(d.containerInstances[0]!, {
          attributes: [
            { name: 'owner', value: IMG },
            { name: 'note', value: BOLD },
          ],
        }),
    ],
  ] as const) {
    test(`HTML in the ${where} is refused, the refusal quoting it as text`, async ({
      app,
      page,
    }) => {
      const design = steady();
      put(design);
      await app.importDialog.paste(JSON.stringify(design));
      const quoted = where === 'container name' ? BOLD : IMG;
      await expect(app.importDialog.errors).toContainText(JSON.stringify(quoted));
      await expectNoMarkup(page);
      await app.importDialog.cancel();
      await expect(app.designName).toHaveText('Sample: web on three instances');
    });
  }

  test('cluster names with HTML: refused as text, or shown as text', async ({ app, page }) => {
    const design = steady();
    const name = 'Clusters named in HTML';
    design.name = name;
    design.clusters = [{ clusterName: 'demo' }, { clusterName: IMG }, { clusterName: BOLD }];
    design.containerInstances.push(
      {
        cluster: IMG,
        ec2InstanceId: 'i-0a1b2c3d4e5f60009',
        instanceType: 'm5.large',
        availabilityZone: 'us-east-1a',
      },
      {
        cluster: BOLD,
        ec2InstanceId: 'i-0a1b2c3d4e5f6000a',
        instanceType: 'm5.large',
        availabilityZone: 'us-east-1b',
      },
    );
    await app.importDialog.paste(JSON.stringify(design));
    // ECS allows only letters, digits, hyphens and underscores in a cluster name; until
    // the gate says so, the design opens and the names must read as text.
    await expect(
      app.importDialog.errors.or(app.designName.filter({ hasText: name })),
    ).toBeVisible();
    if (await app.importDialog.errors.isVisible()) {
      await expect(app.importDialog.errors).toContainText(JSON.stringify(IMG));
    } else {
      await expect(app.canvas.cluster(IMG)).toContainText(IMG);
      await expect(app.canvas.cluster(BOLD)).toContainText(BOLD);
      // Zoomed out to three clusters, lanes show summaries: the inspector lists the names.
      await expect(app.inspector.root.locator(`input[value="${BOLD}"]`)).toHaveCount(1);
      await app.dock.play(10);
      await expect(app.dock.count('RUNNING')).toHaveAttribute('data-count', '3');
      await app.dock.pause();
    }
    await expectNoMarkup(page);
  });
});
