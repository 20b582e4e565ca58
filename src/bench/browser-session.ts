// The production build served locally and a headless Chromium to look at it: what
// every browser benchmark starts with, and says why it skips when it cannot.

import type { Browser } from '@playwright/test';
import { chromium } from '@playwright/test';
import {
  badEnvMessage,
  CHROMIUM_ARGS,
  executablePathFor,
  findChromium,
  machinePathProbes,
  NO_CHROMIUM_MESSAGE,
} from './browser';
import { buildAndPreview } from './preview-server';

/**
 * Run `use` with a browser and the app's address; undefined (and a line saying why)
 * when there is no browser or the build fails. Both are closed however `use` ends.
 */
export async function withBenchBrowser<T>(
  label: string,
  use: (browser: Browser, url: string) => Promise<T>,
): Promise<T | undefined> {
  const lookup = findChromium(machinePathProbes());
  if (lookup.kind !== 'found') {
    const why = lookup.kind === 'bad-env' ? badEnvMessage(lookup.path) : NO_CHROMIUM_MESSAGE;
    console.log(`${label} skipped: ${why}`);
    return undefined;
  }
  let server: Awaited<ReturnType<typeof buildAndPreview>>;
  try {
    server = await buildAndPreview();
  } catch (error) {
    console.log(`${label} skipped: ${(error as Error).message}`);
    return undefined;
  }
  const executablePath = executablePathFor(lookup);
  const browser = await chromium
    .launch({ ...(executablePath ? { executablePath } : {}), args: [...CHROMIUM_ARGS] })
    .catch(async (error: Error) => {
      await server.close();
      throw error;
    });
  try {
    return await use(browser, server.url);
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}
