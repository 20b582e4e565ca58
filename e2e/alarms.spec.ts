import { expect, test } from './fixtures';

test('an alarm entering ALARM during a deployment shows in the inspector and rolls it back', async ({
  app,
  page,
}) => {
  await app.openDesign('alarm-rollback');
  await app.canvas.service('web').click();
  // At 2:00 the script deploys web:2, then reports error rates of 12 (threshold 5).
  await app.dock.step10(15);
  const alarm = page.getByTestId('inspector.alarm.web-errors');
  await expect(alarm).toHaveAttribute('data-state', 'OK');
  await expect(alarm).toContainText('OK');
  await app.dock.step10(10);
  await expect(alarm).toHaveAttribute('data-state', 'ALARM');
  await expect(alarm).toContainText('In alarm');
  await expect(alarm).toHaveAttribute(
    'title',
    /^Threshold Crossed: 2 out of the last 2 datapoints/,
  );
  const bar = app.canvas.service('web').getByTestId('service.deployment');
  await expect(bar).toHaveAttribute('data-rollback', 'true');
  await expect(bar).toHaveAttribute('data-revision', 'web:1');
});
