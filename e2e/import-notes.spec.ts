import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const described = () =>
  JSON.parse(
    readFileSync(
      new URL('../src/design/import/ecs/fixtures/register-response-sleep360.json', import.meta.url),
      'utf8',
    ),
  );

// A field some tool added deep inside a container definition: its path is one long word.
const LONG_FIELD = 'kernelCapabilitiesFromTheOrganisationsHardeningBaselineVersionTwo';

test('a long path in an import note wraps inside the dialog', async ({ app, page }) => {
  await app.newDesign();
  const doc = described();
  doc.taskDefinition.containerDefinitions[0].linuxParameters = { [LONG_FIELD]: ['NET_ADMIN'] };
  await page.getByTestId('toolbar.import').click();
  await page.getByTestId('import.text').fill(JSON.stringify(doc, null, 2));
  await page.getByTestId('import.submit').click();

  const note = page.getByTestId('import.warnings').locator('li', { hasText: LONG_FIELD });
  await expect(note).toContainText(
    `taskDefinition.containerDefinitions[0].linuxParameters.${LONG_FIELD}`,
  );
  // Nothing runs past the note, its list or the dialog: the path breaks instead.
  for (const box of [note, page.getByTestId('import.warnings'), page.getByTestId('import')]) {
    const { scrollWidth, clientWidth } = await box.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  }
  const dialog = await page.getByTestId('import').boundingBox();
  const path = await note.locator('code').boundingBox();
  expect(path && dialog && path.x + path.width <= dialog.x + dialog.width).toBe(true);
  await page.getByTestId('import').screenshot({ path: '/tmp/vizshots/import-note.png' });
  await page.getByTestId('import.done').click();
});
