/**
 * How the e2e suite reaches the test faults (protocol.ts's TestFault), and nothing else can.
 *
 * The suite runs against the production build (playwright.config.ts builds and previews),
 * so a build mode cannot gate them. Instead the page looks for `__BERTH_TEST__ === true`
 * on the global object when it starts the worker: Playwright's addInitScript defines it
 * before the app's first script runs. A design, a share link or a URL cannot define a
 * global (the app renders nothing from them as HTML or script), so they cannot reach the
 * faults. Only then is the worker named TEST_WORKER_NAME, and only a worker of that name
 * honours `fault()`; only then does the page expose `window.__berthTest`.
 */
export const TEST_WORKER_NAME = 'berth-sim-test';

/** Whether the e2e suite opened this page. */
export function testHooksEnabled(): boolean {
  return (globalThis as { __BERTH_TEST__?: unknown }).__BERTH_TEST__ === true;
}
