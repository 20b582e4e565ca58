import { expect, test } from './fixtures';

/**
 * Not a check: refreshes docs/screenshot.png (the README's picture) and a set
 * of screens in test-results/screens for review. Run with BERTH_SCREENSHOT=1.
 */
test.skip(!process.env.BERTH_SCREENSHOT, 'set BERTH_SCREENSHOT=1 to refresh screenshots');

const at = (name: string) => `test-results/screens/${name}.png`;

test('screens of the sample at work', async ({ app, page }) => {
  await page.screenshot({ path: at('01-first-open') });
  // Step, rather than play, so the pictures are the same every run.
  for (let i = 0; i < 12; i++) await page.getByTestId('dock.step10').click();
  for (let i = 0; i < 4; i++) await page.getByTestId('dock.step').click();
  await expect(app.dock.clock).toContainText('02:04');
  await app.canvas.service('web').click();
  await page.screenshot({ path: at('02-scaling-out') });
  await page.screenshot({ path: 'docs/screenshot.png' });
  for (let i = 0; i < 12; i++) await page.getByTestId('dock.step10').click();
  await app.canvas.instance('i-0a1b2c3d4e5f60003').click();
  await page.screenshot({ path: at('03-instance-terminated') });
});

test('screens of building from empty', async ({ app, page }) => {
  await app.newDesign();
  await page.screenshot({ path: at('04-empty') });
  await app.palette.dragInstanceInto('us-east-1a', 'm5.large');
  await app.palette.dragInstanceInto('us-east-1b', 'c5.large');
  await app.palette.dragServiceOntoCanvas({ family: 'api', desiredCount: 3 });
  await page.getByTestId('dock.step').click();
  await page.getByTestId('dock.step').click();
  await page.screenshot({ path: at('05-built-pending') });
  await app.inspector.setDesiredCount(-1);
  await page.screenshot({ path: at('06-invalid-field') });
});

test('screens of import errors', async ({ app, page }) => {
  await app.importDialog.paste(
    '{"formatVersion":1,"name":"x","seed":"one","region":"mars","clusters":[]}',
  );
  await expect(app.importDialog.errors).toBeVisible();
  await page.screenshot({ path: at('07-import-errors') });
});

test('screen of a refused autosave', async ({ page }) => {
  await page.addInitScript({
    content: `localStorage.setItem('berth.design', '{"formatVersion":1,"name":"Mine","seed":-5}')`,
  });
  await page.goto('/');
  await expect(page.getByTestId('load-issue')).toBeVisible();
  await page.screenshot({ path: at('08-load-issue') });
});
