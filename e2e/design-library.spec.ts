import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';

test.describe('designs saved in the browser', () => {
  test('save as "Workshop A", start a new design, open "Workshop A" again', async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await app.openDesign('steady');
    await expect(app.canvas.instances).toHaveCount(3);

    await page.getByTestId('toolbar.designs').click();
    const dialog = page.getByTestId('designs');
    await expect(dialog.getByTestId('designs.empty')).toBeVisible();
    await dialog.getByTestId('designs.saveName').fill('Workshop A');
    await dialog.getByTestId('designs.saveAs').click();
    await dialog.getByTestId('designs.saveName').fill('Workshop B');
    await dialog.getByTestId('designs.saveAs').click();
    await expect(dialog.getByTestId('designs.row')).toHaveCount(2);
    await expect(dialog.getByTestId('designs.row').first()).toContainText('KB');
    mkdirSync('/tmp/allshots', { recursive: true });
    await page.screenshot({ path: '/tmp/allshots/designs-list.png' });
    await dialog.getByTestId('designs.close').click();
    await expect(app.designName).toHaveText('Workshop B');

    await app.newDesign();
    await expect(app.canvas.instances).toHaveCount(0);

    await page.getByTestId('toolbar.designs').click();
    await dialog
      .locator('[data-testid="designs.row"][data-name="Workshop A"]')
      .getByTestId('designs.open')
      .click();
    await expect(dialog).toHaveCount(0);
    await expect(app.designName).toHaveText('Workshop A');
    await expect(app.canvas.instances).toHaveCount(3);

    // The list survives a reload: it lives in this browser, not in the tab.
    await page.reload();
    await page.getByTestId('toolbar.designs').click();
    await expect(dialog.getByTestId('designs.row')).toHaveCount(2);
  });

  test('rename, and delete with Undo', async ({ app, page }) => {
    await page.getByTestId('toolbar.designs').click();
    const dialog = page.getByTestId('designs');
    await dialog.getByTestId('designs.saveName').fill('Review');
    await dialog.getByTestId('designs.saveAs').click();
    const row = dialog.getByTestId('designs.row');
    await row.getByTestId('designs.rename').click();
    await dialog.getByTestId('designs.renameInput').fill('Review 2');
    await dialog.getByTestId('designs.renameInput').press('Enter');
    await expect(row).toHaveAttribute('data-name', 'Review 2');

    await row.getByTestId('designs.delete').click();
    await expect(dialog.getByTestId('designs.empty')).toBeVisible();
    await dialog.getByTestId('designs.close').click();
    await page.getByTestId('notice.action').click();
    await page.getByTestId('toolbar.designs').click();
    await expect(dialog.getByTestId('designs.row')).toHaveAttribute('data-name', 'Review 2');
    await expect(app.designName).toBeVisible();
  });
});
