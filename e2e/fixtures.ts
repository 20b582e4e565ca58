import { test as base, expect } from '@playwright/test';
import { BerthApp } from './pages/berth-app';

interface Fixtures {
  app: BerthApp;
  consoleErrors: string[];
}

/** What the page's Content-Security-Policy refused, as the browser reports it to the page. */
interface CspWindow {
  __cspViolations?: string[];
}

/** Every test fails on a console error, an uncaught page error or a CSP violation. */
export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.text().includes('Content Security Policy'))
          errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      // A refusal the console does not print (a caught eval, a report-only rule) still fires
      // securitypolicyviolation in the page: keep each one until the test ends.
      await page.addInitScript(() => {
        const store: string[] = [];
        (window as CspWindow).__cspViolations = store;
        document.addEventListener('securitypolicyviolation', (event) => {
          store.push(
            `CSP ${event.effectiveDirective} refused ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
          );
        });
      });
      await use(errors);
      const violations = page.isClosed()
        ? []
        : await page.evaluate(() => (window as CspWindow).__cspViolations ?? []).catch(() => []);
      expect([...errors, ...violations], 'console errors and CSP violations').toEqual([]);
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
