// Seeking through a kept run (issue 6): one simulated hour of 150 m5.xlarge and
// 2,000 tasks, scaled 2,000 -> 1,500 -> 2,000 every ten minutes
// (seek-design.ts). Target: any moment answers in under 100 ms.
// - seek-keeper (Node): the RunKeeper plays the hour in 5 s steps, as the
//   worker does at 100x, and says what the hour costs in memory; then it seeks
//   to 30 seeded moments. Baseline: one 100x frame step (advance 5 s) right
//   after each seek, so a noisy neighbour slows both alike.
// - seek-browser (headless Chromium): the production app opens a share link
//   carrying the run at 1:00:00 (the worker replays the hour), then the
//   timeline rail is clicked at 20 seeded places; each is timed in the page
//   from pointerdown to the first animation frame after the rail shows the
//   moment. Baseline: the "+1 s" button, timed the same way on the clock.
// Timing never fails the run; with no browser it says why and skips.
// BERTH_SEEK_TRACE=1 prints each browser measurement, worker messages included.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { parseDesign } from '../design';
import { type EngineCheckpoint, restoreSimulation } from '../engine';
import { RunKeeper } from '../worker/run';
import { withBenchBrowser } from './browser-session';
import { type BrowserBench, percentile } from './frames.bench';
import { B4_INSTANCES, B4_TASKS } from './frames-design';
import { median } from './measure';
import { SEEK_DESIGN_NAME, SEEK_HOUR_MS, seededRandom, seekDesign } from './seek-design';
import type { Bench, BenchResult } from './types';

// lz-string is CommonJS with no named exports Node can see; the app's bundler finds them.
const { compressToEncodedURIComponent } = createRequire(import.meta.url)(
  'lz-string',
) as typeof import('lz-string');

/** 50 ms of wall time at 100x: what one frame of play advances. */
const FRAME_STEP_MS = 5_000;
const NODE_SEEKS = 30;
const BROWSER_SEEKS = 20;
const WARM_UP_SEEKS = 2;
const BREAKDOWN_ROUNDS = 5;
const SEED = 6;
const MB = 1024 * 1024;
const STEP_TIMEOUT_MS = 180_000;
const VIEWPORT = { width: 1440, height: 900 } as const;
/** The page has settled after a press once nothing in it changed for this long. */
const QUIET_MS = 300;

function parsedSeekDesign() {
  const parsed = parseDesign(seekDesign());
  if (!parsed.ok) throw new Error(`seek design refused:\n${parsed.message}`);
  return parsed.design;
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

function spread(values: readonly number[]): string {
  return (
    `median ${median(values).toFixed(1)}, p95 ${percentile(values, 95).toFixed(1)}, ` +
    `max ${Math.max(...values).toFixed(1)} ms`
  );
}

/** Where a seek's time goes, at one checkpoint of the hour: each step alone, median of a few. */
function seekBreakdown(keeper: RunKeeper): string {
  const parse: number[] = [];
  const restore: number[] = [];
  const snapshot: number[] = [];
  const clone: number[] = [];
  const json = JSON.stringify(keeper.simulation.checkpoint());
  for (let i = 0; i < BREAKDOWN_ROUNDS; i++) {
    const parsed = timed(() => JSON.parse(json) as EngineCheckpoint);
    parse.push(parsed.ms);
    restore.push(timed(() => restoreSimulation(parsed.value)).ms);
    const snap = timed(() => keeper.snapshot());
    snapshot.push(snap.ms);
    // What postMessage does to the reset the worker sends (snapshot + timeline).
    clone.push(
      timed(() => structuredClone({ snapshot: snap.value, timeline: keeper.timeline() })).ms,
    );
  }
  return (
    `one seek's parts: JSON.parse ${median(parse).toFixed(1)} ms, restoreSimulation ` +
    `${median(restore).toFixed(1)} ms, snapshot ${median(snapshot).toFixed(1)} ms, ` +
    `structuredClone of the reset ${median(clone).toFixed(1)} ms`
  );
}

export function runSeekKeeperBench(): BenchResult {
  const design = parsedSeekDesign();
  const keeper = new RunKeeper(design);

  // The hour, played as the worker plays it at 100x: a 5 s advance per frame.
  const hourSteps: number[] = [];
  const hourStart = performance.now();
  for (let t = FRAME_STEP_MS; t <= SEEK_HOUR_MS; t += FRAME_STEP_MS) {
    hourSteps.push(timed(() => keeper.advance(t)).ms);
  }
  const hourMs = performance.now() - hourStart;
  const memory = keeper.memory();
  const checkpoint = timed(() => JSON.stringify(keeper.simulation.checkpoint()));
  const running = keeper.snapshot().tasks.filter((t) => t.lastStatus === 'RUNNING').length;

  // Seeded moments anywhere in the hour, each followed by one frame of play from there.
  const random = seededRandom(SEED);
  const seeks: number[] = [];
  const steps: number[] = [];
  const answers: number[] = [];
  let wrong = 0;
  for (let i = 0; i < WARM_UP_SEEKS + NODE_SEEKS; i++) {
    const target = Math.round(random() * (SEEK_HOUR_MS - FRAME_STEP_MS));
    const seek = timed(() => keeper.seek(target));
    if (keeper.nowMs !== target) wrong++;
    // What the worker does next (sim-api.ts seek): a reset of the snapshot and the
    // timeline, structured-cloned by postMessage.
    const reset = timed(() =>
      structuredClone({ snapshot: keeper.snapshot(), timeline: keeper.timeline() }),
    );
    const step = timed(() => keeper.advance(keeper.nowMs + FRAME_STEP_MS));
    if (i < WARM_UP_SEEKS) continue;
    seeks.push(seek.ms);
    answers.push(seek.ms + reset.ms);
    steps.push(step.ms);
  }
  const breakdown = seekBreakdown(keeper);
  const seekMs = median(seeks);
  const stepMs = median(steps);

  return {
    name: 'seek in a kept hour',
    baselineName: '100x frame step',
    opsPerSec: 1000 / seekMs,
    baselineOpsPerSec: 1000 / stepMs,
    ratio: seekMs / stepMs,
    notes:
      `seeks/s; x = median seek / median 5 s step. ${B4_INSTANCES} m5.xlarge, ${B4_TASKS} tasks ` +
      `scaled every 10 min (${running} RUNNING at 1:00:00). The hour in 5 s steps: ` +
      `${(hourMs / 1000).toFixed(1)} s (steps ${spread(hourSteps)}). It keeps ` +
      `${memory.checkpoints} checkpoints every ${memory.checkpointEveryMs / 1000} s, ` +
      `${(memory.checkpointChars / MB).toFixed(1)} MB of JSON (chars; one-byte strings in V8), ` +
      `${memory.historyPoints} history points, ${memory.serviceEvents} service events; one ` +
      `checkpoint is ${(checkpoint.value.length / MB).toFixed(2)} MB, taken in ` +
      `${checkpoint.ms.toFixed(1)} ms. ${NODE_SEEKS} seeks: ${spread(seeks)}; with the worker's ` +
      `reset (snapshot again, structuredClone) ${spread(answers)}; steps after them ` +
      `${spread(steps)}. ${breakdown}${wrong > 0 ? `; ${wrong} SEEKS LANDED WRONG` : ''}`,
  };
}

// Page side, as a string: the Node tsconfig has no DOM types. Each measurement
// is armed, then the click happens; the page times pointerdown (window, capture
// phase, so before React sees it) to the first requestAnimationFrame after the
// watched element's data-now-ms shows the moment, and again after that frame
// painted (a task queued from the frame runs after it), and to the last change
// anywhere in the page before it goes quiet. Messages from the worker are
// timestamped on their way in, to split worker time from page time.
const PAGE_PROBE = `
(() => {
  const arrivals = [];
  const wrapped = new WeakMap();
  for (const proto of [MessagePort.prototype, Worker.prototype]) {
    const add = proto.addEventListener;
    const remove = proto.removeEventListener;
    proto.addEventListener = function (type, listener, options) {
      if (type !== 'message' || typeof listener !== 'function') return add.call(this, type, listener, options);
      let w = wrapped.get(listener);
      if (!w) {
        w = function (event) {
          const at = performance.now();
          // Chromium deserializes a message when its data is first read: time that alone.
          const data = event.data;
          const readAt = performance.now();
          const kind = data?.argumentList?.[0]?.value?.kind ?? data?.type ?? '?';
          try { return listener.call(this, event); }
          finally {
            arrivals.push({ at, kind, readMs: readAt - at, handlerMs: performance.now() - readAt });
          }
        };
        wrapped.set(listener, w);
      }
      return add.call(this, type, w, options);
    };
    proto.removeEventListener = function (type, listener, options) {
      return remove.call(this, type, (type === 'message' && wrapped.get(listener)) || listener, options);
    };
  }
  window.__seek = {
    arrivals,
    /** A clientX/Y on the rail at fraction f that is not over a mark (marks swallow the press). */
    railPoint(f) {
      const rail = document.querySelector('[data-testid="timeline"]');
      const box = rail.getBoundingClientRect();
      const y = box.top + box.height / 2;
      for (let dx = 0; dx < 40; dx++) {
        for (const sign of [1, -1]) {
          const x = Math.min(box.right - 1, Math.max(box.left + 1, box.left + f * box.width + sign * dx));
          const hit = document.elementFromPoint(x, y);
          if (hit && hit.closest('[data-testid="timeline.mark"]')) continue;
          if (hit && hit.closest('[data-testid="timeline"]') === rail) return { x, y };
        }
      }
      return null;
    },
    /** mode 'rail': wait for the moment under the press; 'change': for any new value. */
    arm(testId, mode) {
      const el = document.querySelector('[data-testid="' + testId + '"]');
      const rail = document.querySelector('[data-testid="timeline"]');
      const before = el.getAttribute('data-now-ms');
      const s = { t0: null, target: null, before };
      this.s = s;
      const onDown = (e) => {
        s.t0 = performance.now();
        s.firstArrival = arrivals.length;
        if (mode === 'rail') {
          const box = rail.getBoundingClientRect();
          const end = Number(rail.getAttribute('data-end-ms'));
          const f = Math.min(1, Math.max(0, (e.clientX - box.left) / box.width));
          s.target = String(Math.round(f * end));
        }
      };
      window.addEventListener('pointerdown', onDown, { capture: true, once: true });
      s.promise = new Promise((resolve, reject) => {
        let shown = null;
        let lastChange = null;
        const timer = setTimeout(() => {
          obs.disconnect();
          page.disconnect();
          reject(new Error('data-now-ms of ' + testId + ' stayed ' + el.getAttribute('data-now-ms') + ', wanted ' + (s.target ?? 'a change')));
        }, ${STEP_TIMEOUT_MS});
        // Anything the page still changes after the moment shows (the canvas repaints
        // its instances in turns, a few a frame): settled once quiet for ${QUIET_MS} ms.
        const page = new MutationObserver(() => {
          if (s.t0 !== null) lastChange = performance.now();
        });
        page.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        const settle = () => {
          if (performance.now() - Math.max(lastChange ?? 0, shown.shownAt) < ${QUIET_MS}) {
            setTimeout(settle, 50);
            return;
          }
          page.disconnect();
          clearTimeout(timer);
          const first = arrivals[s.firstArrival];
          resolve({
            target: shown.target,
            frameMs: shown.frameAt - s.t0,
            paintedMs: shown.paintedAt - s.t0,
            shownMs: shown.shownAt - s.t0,
            settledMs: Math.max(shown.paintedAt, lastChange ?? 0) - s.t0,
            firstMessageMs: first ? first.at - s.t0 : null,
            messages: arrivals.slice(s.firstArrival).map((a) => ({ ...a, at: a.at - s.t0 })),
          });
        };
        const obs = new MutationObserver(() => {
          if (s.t0 === null) return;
          const v = el.getAttribute('data-now-ms');
          if (mode === 'rail' ? v !== s.target : v === before) return;
          obs.disconnect();
          shown = { target: Number(v), shownAt: performance.now() };
          requestAnimationFrame(() => {
            shown.frameAt = performance.now();
            setTimeout(() => {
              shown.paintedAt = performance.now();
              settle();
            }, 0);
          });
        });
        obs.observe(el, { attributes: true, attributeFilter: ['data-now-ms'] });
      });
    },
    wait() { return this.s.promise; },
  };
})();
`;

interface PageTiming {
  target: number;
  /** pointerdown to the first animation frame after the moment shows. */
  frameMs: number;
  /** ... to a task after that frame: its paint included. */
  paintedMs: number;
  /** ... to the last change anywhere in the page before it was quiet for QUIET_MS. */
  settledMs: number;
  /** ... to the attribute change (React's commit). */
  shownMs: number;
  /** ... to the first message from the worker after the press. */
  firstMessageMs: number | null;
  messages: { at: number; kind: string; readMs: number; handlerMs: number }[];
}

function runHash(): string {
  const design = seekDesign();
  const run = { seed: design.seed, journal: [], atMs: SEEK_HOUR_MS, endMs: SEEK_HOUR_MS };
  return `#run=${compressToEncodedURIComponent(JSON.stringify({ ...design, run }))}`;
}

async function clickAndTime(
  page: Page,
  testId: string,
  mode: 'rail' | 'change',
  point: { x: number; y: number },
): Promise<PageTiming> {
  await page.evaluate(`window.__seek.arm(${JSON.stringify(testId)}, ${JSON.stringify(mode)})`);
  await page.mouse.click(point.x, point.y);
  return (await page.evaluate('window.__seek.wait()')) as PageTiming;
}

async function centreOf(page: Page, testId: string): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

function partsOf(timings: readonly PageTiming[]): string {
  const first = timings.map((t) => t.firstMessageMs ?? Number.NaN);
  const react = timings.map((t) => t.shownMs - (t.firstMessageMs ?? Number.NaN));
  const frame = timings.map((t) => t.frameMs - t.shownMs);
  const painted = timings.map((t) => t.paintedMs);
  const settled = timings.map((t) => t.settledMs);
  return (
    `press to the worker's message ${median(first).toFixed(0)} ms, to the rail's commit ` +
    `+${median(react).toFixed(0)}, to the frame +${median(frame).toFixed(0)}; painted ` +
    `${median(painted).toFixed(0)} ms; page settled ${median(settled).toFixed(0)} ms ` +
    `(max ${Math.max(...settled).toFixed(0)})`
  );
}

async function runSeekBrowserBench(): Promise<BenchResult | undefined> {
  return withBenchBrowser('seek-browser', async (browser, url) => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.addInitScript({ content: PAGE_PROBE });

    // Reopening the link replays the hour in the worker.
    const openStart = performance.now();
    await page.goto(`${url}${runHash()}`);
    await page.locator(`[data-testid="timeline"][data-end-ms="${SEEK_HOUR_MS}"]`).waitFor();
    const reopenMs = performance.now() - openStart;
    await page.getByTestId('toolbar.designName').filter({ hasText: SEEK_DESIGN_NAME }).waitFor();
    await page.locator('[data-testid="dock.step"]:enabled').waitFor();
    const running = await page
      .getByTestId('dock.chart.count.RUNNING')
      .getAttribute('data-count', { timeout: 5_000 })
      .catch(() => null);
    // Let the charts fetch their history and the page settle before timing anything.
    await page.waitForTimeout(1_000);

    const random = seededRandom(SEED);
    const step = await centreOf(page, 'dock.step');
    const seeks: PageTiming[] = [];
    const steps: PageTiming[] = [];
    let lastFraction = 1;
    for (let i = 0; i < WARM_UP_SEEKS + BROWSER_SEEKS; i++) {
      let f = random();
      // A press on the playhead's own moment changes nothing to wait for.
      while (Math.abs(f - lastFraction) < 0.02) f = random();
      lastFraction = f;
      const point = (await page.evaluate(`window.__seek.railPoint(${f})`)) as {
        x: number;
        y: number;
      } | null;
      if (!point) throw new Error(`no free place on the timeline at ${f.toFixed(3)}`);
      const seek = await clickAndTime(page, 'timeline', 'rail', point);
      const stepped = await clickAndTime(page, 'dock.clock', 'change', step);
      if (process.env.BERTH_SEEK_TRACE) console.log(JSON.stringify({ seek, stepped }));
      if (i < WARM_UP_SEEKS) continue;
      seeks.push(seek);
      steps.push(stepped);
    }
    const seekMs = median(seeks.map((t) => t.frameMs));
    const stepMs = median(steps.map((t) => t.frameMs));
    const errors = consoleErrors.length > 0 ? `; ${consoleErrors.length} console errors` : '';
    return {
      name: 'seek in the app',
      baselineName: '+1 s step',
      opsPerSec: 1000 / seekMs,
      baselineOpsPerSec: 1000 / stepMs,
      ratio: seekMs / stepMs,
      notes:
        `seeks/s; x = median seek / median step, each press to the first frame showing it. ` +
        `${B4_INSTANCES} m5.xlarge, ${B4_TASKS} tasks scaled every 10 min, ` +
        `${VIEWPORT.width}x${VIEWPORT.height}. Reopening the hour's link: ` +
        `${(reopenMs / 1000).toFixed(1)} s (${running ?? '?'} RUNNING at 1:00:00). ` +
        `${BROWSER_SEEKS} seeks: ${spread(seeks.map((t) => t.frameMs))} (${partsOf(seeks)}). ` +
        `steps: ${spread(steps.map((t) => t.frameMs))} (${partsOf(steps)})${errors}`,
    };
  });
}

export const seekBenches: (Bench | BrowserBench)[] = [
  { id: 'seek-keeper', run: runSeekKeeperBench },
  { id: 'seek-browser', run: runSeekBrowserBench },
];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const filter = process.argv[2] ?? '';
  for (const bench of seekBenches.filter((b) => b.id.includes(filter))) {
    const r = await bench.run();
    if (r) console.log(`${r.name}: x${r.ratio.toFixed(2)}; ${r.notes}`);
  }
}
