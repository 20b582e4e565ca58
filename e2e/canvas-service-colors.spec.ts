import { expect, test } from './fixtures';

test.describe('service colours on task chips', () => {
  test('web and worker, both "W", wear different stripes, and the legend names both', async ({
    app,
  }) => {
    await app.newDesign();
    await app.palette.dragInstanceInto('us-east-1a', 'm5.large');
    await app.palette.dragServiceOntoCanvas({ family: 'web', desiredCount: 2 });
    await app.palette.dragServiceOntoCanvas({ family: 'worker', desiredCount: 2 });
    await app.dock.play(25);
    await expect(app.canvas.taskChips('RUNNING')).toHaveCount(4);

    const web = app.canvas.serviceChips('web');
    const worker = app.canvas.serviceChips('worker');
    await expect(web).toHaveCount(2);
    await expect(worker).toHaveCount(2);
    // Same initial, so the letter alone cannot tell them apart.
    await expect(web.first()).toHaveText('w');
    await expect(worker.first()).toHaveText('w');

    const webColor = await web.first().getAttribute('data-service-color');
    const workerColor = await worker.first().getAttribute('data-service-color');
    expect(webColor).toMatch(/^var\(--service-\d\)$/);
    expect(workerColor).toMatch(/^var\(--service-\d\)$/);
    expect(webColor).not.toBe(workerColor);
    for (const chip of await web.all())
      await expect(chip).toHaveAttribute('data-service-color', webColor ?? '');
    // The stripe is painted, not just labelled, and the lastStatus fill stays as it was.
    expect(await app.canvas.stripeColor(web.first())).toBe(
      await app.canvas.stripeColor(web.nth(1)),
    );
    expect(await app.canvas.stripeColor(web.first())).not.toBe(
      await app.canvas.stripeColor(worker.first()),
    );
    await expect(web.first()).toHaveCSS('background-color', 'rgb(34, 160, 107)');

    await expect(app.canvas.serviceLegend('web')).toHaveAttribute(
      'data-service-color',
      webColor ?? '',
    );
    await expect(app.canvas.serviceLegend('worker')).toHaveAttribute(
      'data-service-color',
      workerColor ?? '',
    );
    await expect(app.canvas.serviceLegend('web')).toHaveText('web');
    await expect(app.canvas.serviceLegend('worker')).toHaveText('worker');
  });
});
