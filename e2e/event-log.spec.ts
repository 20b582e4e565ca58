import { expect, test } from './fixtures';
import { EventLog } from './pages/event-log';

const TASK_REF = /\(task [0-9a-f]{32}\)/g;

test.describe('the event log', () => {
  test('a scale-in of 100 tasks shows five and "+95 more", the whole list on demand', async ({
    app,
    page,
  }) => {
    const log = new EventLog(page);
    await app.openDesign('scale-in');
    await app.dock.play(100);
    await expect(app.dock.serviceRow('web').getByTestId('dock.service.running')).toHaveText('120');
    await app.dock.pause();

    await app.canvas.service('web').click();
    await app.inspector.setDesiredCount(20);
    const stopped = log.item('has stopped 100 running tasks');
    await expect(stopped).toHaveCount(1);

    const message = log.message(stopped);
    const toggle = log.toggle(stopped);
    await expect(toggle).toHaveText('+95 more');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const short = await message.innerText();
    expect(short).toMatch(/^\(service web\) has stopped 100 running tasks: \(task /);
    expect(short.match(TASK_REF)).toHaveLength(5);
    expect(short).toMatch(/\) \+95 more\.$/);

    // A button: the keyboard opens it as a click would.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle).toHaveText('show fewer');
    const full = await message.innerText();
    expect(full.match(TASK_REF)).toHaveLength(100);
    expect(new Set(full.match(TASK_REF)).size).toBe(100);
    // The first five are the same tasks, and the sentence ends as ECS ends it.
    expect(full.match(TASK_REF)?.slice(0, 5)).toEqual(short.match(TASK_REF));
    expect(full).toMatch(/\)\.\s*show fewer$/);

    await toggle.click();
    await expect(toggle).toHaveText('+95 more');
    expect((await message.innerText()).match(TASK_REF)).toHaveLength(5);
  });

  test('a message listing a few tasks stays whole', async ({ app, page }) => {
    const log = new EventLog(page);
    await app.openDesign('steady');
    await app.dock.step10(3);
    const started = log.item('has started 3 tasks');
    await expect(started).toHaveCount(1);
    await expect(log.toggle(started)).toHaveCount(0);
    expect((await log.message(started).innerText()).match(TASK_REF)).toHaveLength(3);
  });
});
