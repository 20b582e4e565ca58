import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BerthApp } from './pages/berth-app';

/** Screenshots for review, only when asked: SSHOTS_DIR=/tmp/sshots. */
async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.SSHOTS_DIR;
  if (!dir) return;
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${dir}/${name}-${width}x${height}.png` });
  }
  await page.setViewportSize({ width: 1600, height: 960 });
}

/** Write filler until the origin's storage takes not one more character. */
async function fillStorage(page: Page): Promise<number> {
  return page.evaluate(() => {
    let size = 1 << 20;
    let keys = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`test.fill.${keys}`, 'x'.repeat(size));
        keys += 1;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return keys;
  });
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  return readFile(await file.path(), 'utf8');
}

test.describe('storage hardening', () => {
  test('a full storage: the notice says so, the design stays on the canvas, Export keeps it', async ({
    app,
    page,
  }) => {
    const before = await app.canvas.instances.count();
    expect(await fillStorage(page)).toBeGreaterThan(0);
    await app.palette.dragInstanceInto('us-east-1b', 'c5.large');
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText("This browser's storage is full");
    await expect(notice).toContainText('Export keeps it in a file');
    await expect(app.canvas.instances).toHaveCount(before + 1);
    await shoot(page, 'storage-full-notice');

    // The notice's Export, and the toolbar's, both write the design on screen.
    const fromNotice = JSON.parse(
      await downloaded(page, () => notice.getByTestId('notice.action').click()),
    );
    expect(fromNotice.containerInstances).toHaveLength(before + 1);
    expect(fromNotice.run).toBeDefined();
    const fromToolbar = JSON.parse(await downloaded(page, () => app.toolbar('export').click()));
    expect(fromToolbar.containerInstances).toHaveLength(before + 1);

    // Making room lets the next save land, and says so.
    await page.evaluate(() => {
      for (let i = 0; localStorage.getItem(`test.fill.${i}`) !== null; i++)
        localStorage.removeItem(`test.fill.${i}`);
    });
    await app.palette.dragInstanceInto('us-east-1a', 'c5.large');
    await expect(notice).toContainText('Saving works again');
    const saved = await page.evaluate(() => localStorage.getItem('berth.design'));
    expect(JSON.parse(saved ?? '{}').containerInstances).toHaveLength(before + 2);
  });

  test('no storage at all (blocked site data): said at open, and the design works in the tab', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const app = new BerthApp(page);
    await app.open();
    await expect(page.getByTestId('notice')).toContainText(
      'This browser does not let Berth save (private mode or blocked storage)',
    );
    const before = await app.canvas.instances.count();
    await app.palette.dragInstanceInto('us-east-1b', 'c5.large');
    await expect(app.canvas.instances).toHaveCount(before + 1);
  });

  test('two tabs on one design: each sees the other’s saves', async ({ app, page, context }) => {
    const second = new BerthApp(await context.newPage());
    await second.open();
    const before = await app.canvas.instances.count();
    await expect(second.canvas.instances).toHaveCount(before);

    await app.palette.dragInstanceInto('us-east-1b', 'c5.large');
    await expect(second.canvas.instances).toHaveCount(before + 1);
    await expect(second.page.getByTestId('notice')).toContainText(
      'Another tab saved a newer version of this design',
    );
    await shoot(second.page, 'storage-other-tab');

    // And back: the second tab's edit builds on the first's, and reaches it.
    await second.palette.dragInstanceInto('us-east-1a', 'c5.large');
    await expect(app.canvas.instances).toHaveCount(before + 2);
    await expect(second.canvas.instances).toHaveCount(before + 2);
    const revision = await page.evaluate(() => localStorage.getItem('berth.design.revision'));
    expect(JSON.parse(revision ?? '{}').rev).toBeGreaterThanOrEqual(2);
  });

  test('an edit that meets a newer save from another tab keeps both', async ({ app, page }) => {
    await app.palette.dragInstanceInto('us-east-1a', 'c5.large');
    const before = await app.canvas.instances.count();
    // Another tab's save whose storage event this tab has not heard yet (a tab never hears
    // its own writes): a newer revision of the autosave, under another name.
    await page.evaluate(() => {
      const design = JSON.parse(localStorage.getItem('berth.design') ?? '{}');
      const text = JSON.stringify({ ...design, name: 'Saved in another tab' });
      let h = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
      }
      localStorage.setItem('berth.design', text);
      const hash = `${(h >>> 0).toString(16)}:${text.length}`;
      localStorage.setItem(
        'berth.design.revision',
        JSON.stringify({ rev: 99, tab: 'other', hash }),
      );
    });
    await app.palette.dragInstanceInto('us-east-1b', 'c5.large');
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('this tab had edits of its own');
    await expect(app.designName).toHaveText('Saved in another tab');
    await expect(app.canvas.instances).toHaveCount(before);

    // This tab's edit is in the library, and opens with its instance.
    await page.getByTestId('toolbar.designs').click();
    const row = page.getByTestId('designs.row').filter({ hasText: '(this tab,' });
    await expect(row).toHaveCount(1);
    await shoot(page, 'storage-kept-both');
    await row.getByRole('button', { name: 'Open' }).click();
    await expect(app.canvas.instances).toHaveCount(before + 1);
    await expect(app.designName).toContainText('(this tab,');
  });

  test('a link too long to carry: Share says so and offers the file', async ({ app, page }) => {
    const design = JSON.parse(BerthApp.designText('steady'));
    // 60,000 characters that do not compress: a long workshop's worth of link.
    let noise = '';
    let x = 12345;
    while (noise.length < 60_000) {
      x = (x * 1103515245 + 12345) % 2147483648;
      noise += x.toString(36);
    }
    design.taskDefinitions[0].containerDefinitions[0].environment = [
      { name: 'NOISE', value: noise },
    ];
    await page.goto(BerthApp.linkFor(JSON.stringify(design)));
    await expect(page.getByTestId('notice')).toContainText('Opened the shared design');

    await app.toolbar('share').click();
    const status = page.getByTestId('share.status');
    await expect(status).toContainText(/This link would be \d+ KB, longer than chat apps/);
    await expect(status).toContainText('send the design as a file instead');
    await expect(page.getByTestId('share.link')).toHaveCount(0);
    await shoot(page, 'share-too-long');
    const file = JSON.parse(
      await downloaded(page, () => page.getByTestId('share.download').click()),
    );
    expect(file.taskDefinitions[0].containerDefinitions[0].environment[0].value).toBe(noise);
    await expect(page.getByTestId('share')).toHaveCount(0);
  });

  test('a link cut short opens nothing: the last good design stays, with the message', async ({
    app,
    page,
  }) => {
    await expect(app.designName).toHaveText('Sample: web on three instances');
    const link = BerthApp.linkTo('alb-rules');
    await page.goto(link.slice(0, Math.floor(link.length / 2)));
    await expect(page.getByTestId('load-issue')).toContainText('Your design is unchanged');
    await expect(app.designName).toHaveText('Sample: web on three instances');
  });
});
