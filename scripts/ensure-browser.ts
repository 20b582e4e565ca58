// `npm run test:e2e` runs this before `playwright test`: it finds the
// Chromium playwright.config.ts will launch, installs one where it can, or
// stops with one line saying what to install (instead of Playwright's
// download hint). The decisions are in src/bench/browser.ts, unit-tested.

import {
  ensureBrowser,
  findChromium,
  machineHostProbes,
  machinePathProbes,
  runInstall,
} from '../src/bench/browser';

const result = ensureBrowser({
  lookup: () => findChromium(machinePathProbes()),
  host: machineHostProbes(),
  install: runInstall,
  say: (line) => console.error(line),
});

if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
if (result.installed) console.error(`Installed Chromium (${result.installed}): ${result.path}`);
