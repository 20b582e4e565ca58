// B4: what a frame costs while the app plays a large design at 100x. The
// production build runs in headless Chromium (the browser e2e uses, found by
// src/bench/browser.ts); the design (150 instances, 2,000 tasks) goes in
// through the import dialog, as a person would paste it. For ~10 s of wall
// time playing, then ~10 s paused on the same page as the baseline:
// - frames: requestAnimationFrame deltas collected in the page (fps, p95);
// - long tasks over 50 ms (PerformanceObserver 'longtask');
// - main-thread busy ms per second (CDP Performance.getMetrics TaskDuration).
// The ratio is p95 frame time playing / paused. Timing never fails the run;
// with no browser it says why and skips.

import type { CDPSession, Page } from '@playwright/test';
import { withBenchBrowser } from './browser-session';
import { B4_DESIGN_NAME, B4_INSTANCES, B4_TASKS, b4Design } from './frames-design';
import type { BenchResult } from './types';

const WINDOW_MS = 10_000;
const SPEED = 100;
const STEP_TIMEOUT_MS = 120_000;

/** Like Bench, but measured in a browser: async, and undefined when skipped (it says why). */
export interface BrowserBench {
  id: string;
  run(): Promise<BenchResult | undefined>;
}

// Page side, as a string: the Node tsconfig has no DOM types.
const PAGE_PROBE = `
window.__b4 = {
  start() {
    const s = { deltas: [], longTasks: [], running: true, t0: performance.now() };
    let last = s.t0;
    const frame = (t) => {
      if (!s.running) return;
      s.deltas.push(t - last);
      last = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    s.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) s.longTasks.push(e.duration);
    });
    s.observer.observe({ type: 'longtask' });
    this.s = s;
  },
  stop() {
    const s = this.s;
    s.running = false;
    for (const e of s.observer.takeRecords()) s.longTasks.push(e.duration);
    s.observer.disconnect();
    // The first delta runs from start() to the first frame, not frame to frame.
    return { deltas: s.deltas.slice(1), longTasks: s.longTasks, elapsedMs: performance.now() - s.t0 };
  },
};
`;

interface WindowFigures {
  fps: number;
  p95Ms: number;
  longTasks: number;
  longestTaskMs: number;
  busyMsPerS: number;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function taskSeconds(cdp: CDPSession): Promise<{ busy: number; at: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { busy: value('TaskDuration'), at: value('Timestamp') };
}

async function measureWindow(page: Page, cdp: CDPSession): Promise<WindowFigures> {
  await page.evaluate('window.__b4.start()');
  const before = await taskSeconds(cdp);
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const after = await taskSeconds(cdp);
  const got = (await page.evaluate('window.__b4.stop()')) as {
    deltas: number[];
    longTasks: number[];
    elapsedMs: number;
  };
  return {
    fps: got.deltas.length / (got.elapsedMs / 1000),
    p95Ms: percentile(got.deltas, 95),
    longTasks: got.longTasks.length,
    longestTaskMs: Math.max(0, ...got.longTasks),
    busyMsPerS: ((after.busy - before.busy) * 1000) / (after.at - before.at),
  };
}

async function virtualSeconds(page: Page): Promise<number> {
  const ms = await page.getByTestId('dock.clock').getAttribute('data-now-ms');
  return Number(ms) / 1000;
}

function summary(w: WindowFigures): string {
  return (
    `${w.fps.toFixed(1)} fps, p95 ${w.p95Ms.toFixed(1)} ms, ` +
    `${w.longTasks} long tasks (longest ${w.longestTaskMs.toFixed(0)} ms), ` +
    `busy ${w.busyMsPerS.toFixed(0)} ms/s`
  );
}

async function runB4(): Promise<BenchResult | undefined> {
  return withBenchBrowser('B4 frames', async (browser, url) => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 960 } });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.addInitScript({ content: PAGE_PROBE });
    await page.goto(url);
    await page.getByTestId('canvas').waitFor();

    // The import dialog, as e2e/pages/import-dialog.ts drives it.
    await page.getByTestId('toolbar.import').click();
    await page.getByTestId('import.text').fill(JSON.stringify(b4Design()));
    await page.getByTestId('import.submit').click();
    await page.getByTestId('import').waitFor({ state: 'hidden' });
    await page.getByTestId('toolbar.designName').filter({ hasText: B4_DESIGN_NAME }).waitFor();
    await page.locator('[data-testid="dock.play"]:enabled').waitFor();

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });

    await page.getByTestId('dock.speed').selectOption(String(SPEED));
    const fromS = await virtualSeconds(page);
    await page.getByTestId('dock.play').click();
    await page.locator('[data-testid="dock.play"][data-playing="true"]').waitFor();
    const playing = await measureWindow(page, cdp);
    await page.getByTestId('dock.play').click();
    await page.locator('[data-testid="dock.play"][data-playing="false"]').waitFor();
    const toS = await virtualSeconds(page);
    const running = await page.getByTestId('dock.chart.count.RUNNING').getAttribute('data-count');
    const paused = await measureWindow(page, cdp);

    const errors = consoleErrors.length > 0 ? `; ${consoleErrors.length} console errors` : '';
    return {
      name: 'B4 frames at 100x',
      baselineName: 'paused',
      opsPerSec: playing.fps,
      baselineOpsPerSec: paused.fps,
      ratio: playing.p95Ms / paused.p95Ms,
      notes:
        `frames/s; x = p95 frame playing/paused. ${B4_INSTANCES} m5.xlarge, ${B4_TASKS} tasks, ` +
        `${WINDOW_MS / 1000} s each. playing (virtual ${fromS.toFixed(0)}-${toS.toFixed(0)} s, ` +
        `${running ?? '?'} RUNNING): ${summary(playing)}. paused: ${summary(paused)}${errors}`,
    };
  });
}

export const framesBench: BrowserBench = { id: 'frames-b4', run: runB4 };
