import { expect, test } from './fixtures';
import { BerthApp } from './pages/berth-app';

test.describe('sharing by link', () => {
  test('Share gives a link that opens the same design, and Undo brings back the old one', async ({
    app,
    page,
    context,
    browser,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.newDesign();
    await app.palette.dragInstanceInto('us-east-1b', 'c5.large');
    await app.toolbar('share').click();
    await expect(page.getByTestId('share.status')).toContainText('on your clipboard');
    const link = await page.getByTestId('share.link').inputValue();
    expect(link).toContain('/#run=');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(link);
    await page.getByTestId('share.close').click();

    // Someone else, with their own browser storage, opens the link.
    const elsewhere = await browser.newContext();
    const friend = new BerthApp(await elsewhere.newPage());
    const errors: string[] = [];
    friend.page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await friend.page.goto(link);
    await expect(friend.designName).toHaveText('Untitled cluster');
    await expect(friend.canvas.instances).toHaveCount(1);
    await expect(friend.page.getByTestId('notice')).toContainText('Opened the shared design');
    await expect(friend.page).toHaveURL(/\/$/);
    await friend.toolbar('undo').click();
    await expect(friend.designName).toHaveText('Sample: web on three instances');
    expect(errors).toEqual([]);
    await elsewhere.close();
  });

  test('a link the gate refuses names the field and keeps the design', async ({ app, page }) => {
    const design = JSON.parse(BerthApp.designText('steady'));
    design.seed = -5;
    await page.goto(BerthApp.linkFor(JSON.stringify(design)));
    const banner = page.getByTestId('load-issue');
    await expect(banner).toContainText('cannot be opened');
    await expect(banner).toContainText('seed');
    await expect(banner.getByRole('button', { name: 'Download the link’s text' })).toBeVisible();
    await expect(app.designName).toHaveText('Sample: web on three instances');
  });
});
