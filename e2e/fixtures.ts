import { test as base, expect } from '@playwright/test';
import { BerthApp } from './pages/berth-app';

interface Fixtures {
  app: BerthApp;
  consoleErrors: string[];
}

/** Every test fails on a console error or an uncaught page error. */
export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    const app = new BerthApp(page);
    await app.open();
    await use(app);
  },
});

export { expect };
