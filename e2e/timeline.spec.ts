import { expect, test } from './fixtures';
import { BerthApp } from './pages/berth-app';

const desired = (app: BerthApp) => app.dock.serviceRow('web').getByTestId('dock.service.desired');
const clock = (app: BerthApp) => app.page.getByTestId('dock.clock.elapsed');

test.describe('a run you can hold', () => {
  test('play, edit, scrub back: every view shows the earlier moment', async ({ app, page }) => {
    await app.openDesign('steady');
    await app.dock.step10(3);
    await expect(clock(app)).toHaveText('00:30');
    await app.canvas.service('web').click();
    await app.inspector.setDesiredCount(6);
    await expect(desired(app)).toHaveText('6');
    await expect(app.timeline.marksOf('command')).toHaveCount(1);
    await app.dock.step10(3);
    await expect(clock(app)).toHaveText('01:00');
    await expect(app.dock.chart).toHaveAttribute('data-running', '6');

    // Back to 0:20 with the keyboard: before the edit, desired was 3.
    await app.timeline.rail.focus();
    await page.keyboard.press('Home');
    await expect(clock(app)).toHaveText('00:00');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(clock(app)).toHaveText('00:20');
    await expect(desired(app)).toHaveText('3');
    await expect(app.inspector.desiredCount).toHaveValue('3');
    await expect(app.dock.chart).toHaveAttribute('data-running', '3');
    // The future is still there: drag the playhead to the end.
    expect(await app.timeline.endMs()).toBe(60_000);
    await app.timeline.dragTo(1);
    await expect(clock(app)).toHaveText('01:00');
    await expect(desired(app)).toHaveText('6');
  });

  test('an edit in the past starts a branch; compare, and bring the old one back', async ({
    app,
    page,
  }) => {
    await app.openDesign('steady');
    await app.dock.step10(6);
    await app.timeline.rail.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect(clock(app)).toHaveText('00:30');
    await app.canvas.service('web').click();
    await app.inspector.setDesiredCount(1);
    await expect(page.getByTestId('notice')).toContainText('A new branch starts at 0:30');
    await app.dock.step10(2);
    await expect(desired(app)).toHaveText('1');
    await expect(app.timeline.branch.locator('option')).toHaveCount(2);
    await app.timeline.compare.selectOption({ index: 1 });
    await expect(app.dock.chart).toHaveAttribute('data-compare', '1');
    await expect(app.dock.chart.locator('.series-compare')).toHaveCount(1);

    await app.timeline.branch.selectOption('1');
    await expect(desired(app)).toHaveText('3');
    await expect(app.timeline.rail).toHaveAttribute('data-end-ms', '60000');
  });

  test('Share carries the run: the link opens at the same moment with the same log', async ({
    app,
    page,
    browser,
  }) => {
    await app.openDesign('steady');
    await app.dock.step10(3);
    await app.canvas.service('web').click();
    await app.inspector.setDesiredCount(6);
    await app.canvas.selectInstance('i-0a1b2c3d4e5f60001');
    await app.inspector.setStatus('DRAINING');
    await app.dock.step10(2);
    await expect(clock(app)).toHaveText('00:50');
    const log = (await app.dock.eventLog.textContent()) ?? '';
    await app.toolbar('share').click();
    const link = await page.getByTestId('share.link').inputValue();
    expect(link).toContain('/#run=');
    await page.getByTestId('share.close').click();

    const elsewhere = await browser.newContext();
    const friend = new BerthApp(await elsewhere.newPage());
    await friend.page.goto(link);
    await expect(friend.page.getByTestId('dock.clock.elapsed')).toHaveText('00:50');
    await expect(friend.dock.serviceRow('web').getByTestId('dock.service.desired')).toHaveText('6');
    await expect(friend.dock.eventLog).toHaveText(log);
    // At 0:00 the instance was still ACTIVE: the link did not bake the drain into the design.
    await friend.timeline.rail.focus();
    await friend.page.keyboard.press('Home');
    await friend.canvas.selectInstance('i-0a1b2c3d4e5f60001');
    await expect(friend.page.getByTestId('inspector.status.ACTIVE')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await elsewhere.close();
  });

  test('a reload finds the run at the moment it was left', async ({ app, page }) => {
    await app.openDesign('steady');
    await app.dock.step10(2);
    await app.canvas.service('web').click();
    await app.inspector.setDesiredCount(5);
    await app.dock.step10(2);
    await expect(clock(app)).toHaveText('00:40');
    const log = (await app.dock.eventLog.textContent()) ?? '';
    await page.reload();
    await expect(clock(app)).toHaveText('00:40');
    await expect(desired(app)).toHaveText('5');
    await expect(app.dock.eventLog).toHaveText(log);
    await expect(app.timeline.marksOf('command')).toHaveCount(1);
  });

  test('an edit no operation covers restarts the run, and Undo brings the run back', async ({
    app,
    page,
  }) => {
    await app.openDesign('steady');
    await app.dock.step10(3);
    await app.canvas.selectInstance('i-0a1b2c3d4e5f60001');
    await app.inspector.setInstanceType('m5.xlarge');
    await expect(page.getByTestId('notice')).toContainText('restarted at 0:00');
    await expect(clock(app)).toHaveText('00:00');
    await page.getByTestId('notice.action').click();
    await expect(clock(app)).toHaveText('00:30');
    await expect(app.inspector.root).toBeVisible();
    await app.canvas.selectInstance('i-0a1b2c3d4e5f60001');
    await expect(page.getByTestId('inspector.instanceType')).toHaveValue('m5.large');
  });

  test('an instance dropped on a running cluster registers then, and is not there before', async ({
    app,
    page,
  }) => {
    await app.openDesign('steady');
    await app.dock.step10(2);
    await expect(app.canvas.instances).toHaveCount(3);
    await app.palette.dragInstanceInto('us-east-1b', 'c5.large');
    await expect(app.canvas.instances).toHaveCount(4);
    await expect(app.timeline.marksOf('command')).toHaveCount(1);
    await expect(app.timeline.marksOf('command')).toHaveAttribute(
      'title',
      /RegisterContainerInstance/,
    );
    await app.dock.step10(1);
    await app.timeline.rail.focus();
    await page.keyboard.press('Home');
    await expect(app.canvas.instances).toHaveCount(3);
    await page.keyboard.press('End');
    await expect(app.canvas.instances).toHaveCount(4);
  });

  test('clicking an event shows its moment and its service', async ({ app, page }) => {
    await app.openDesign('steady');
    await app.dock.step10(6);
    const first = app.page.getByTestId('eventlog.item').last();
    await expect(first.getByTestId('eventlog.time')).toHaveText('00:00');
    await first.getByTestId('eventlog.time').click();
    await expect(clock(app)).toHaveText('00:00');
    await expect(page.getByTestId('inspector.desiredCount')).toHaveValue('3');
    expect(await app.timeline.endMs()).toBe(60_000);
  });

  test('? lists the keys', async ({ app, page }) => {
    await app.canvas.root.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts')).toContainText('Home / End');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcuts')).toBeHidden();
  });
});
