// B5: panning a 500-node canvas while the simulation streams at 100x. The app's
// production build and the bare app (src/bench/bare-app: React Flow alone, 500 plain
// nodes) are built in this run with the same Vite and served side by side; headless
// Chromium (the browser e2e uses) presses on the empty canvas of each and drags the
// view in a figure of eight for 5 s, twice. The app first imports the design (500
// m5.xlarge, 2,000 tasks) through the import dialog and plays it at 100x, so frames
// stream the whole time. Figures: requestAnimationFrame deltas in the page (p95) and
// how far the view moved (so a pan that did nothing cannot pass for a fast one). The
// ratio is p95 frame time app / bare zoomed in, goal 1.1. Timing never fails the run; with no
// browser it says why and skips.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import {
  badEnvMessage,
  CHROMIUM_ARGS,
  executablePathFor,
  findChromium,
  machinePathProbes,
  NO_CHROMIUM_MESSAGE,
} from './browser';
import { type BrowserBench, percentile } from './frames.bench';
import { B5_DESIGN_NAME, B5_INSTANCES, B5_TASKS, b5Design } from './pan-design';
import { serveBuilds } from './static-server';
import type { BenchResult } from './types';
import { BARE_APP_ROOT, viteBuild } from './vite-build';

const PAN_MS = 5_000;
/** Zoomed in: where the app draws every instance (and its tasks) instead of zone summaries. */
const ZOOMED = 0.95;
const SPEED = 100;
const NODES = 500;
const VIEWPORT = { width: 1600, height: 960 } as const;
const STEP_TIMEOUT_MS = 180_000;
/** The figure of eight: amplitude in pixels and one loop's period. */
const SWING = { x: 260, y: 140, periodMs: 2_500 } as const;

// Page side, as a string: the Node tsconfig has no DOM types.
const PAGE_PROBE = `
window.__b5 = {
  start() {
    const s = { deltas: [], xs: [], running: true, t0: performance.now() };
    let last = s.t0;
    const vp = () => document.querySelector('.react-flow__viewport');
    const frame = (t) => {
      if (!s.running) return;
      s.deltas.push(t - last);
      last = t;
      const el = vp();
      if (el) s.xs.push(new DOMMatrixReadOnly(getComputedStyle(el).transform).e);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    this.s = s;
  },
  stop() {
    const s = this.s;
    s.running = false;
    return {
      deltas: s.deltas.slice(1),
      movedPx: s.xs.length ? Math.max(...s.xs) - Math.min(...s.xs) : 0,
      elapsedMs: performance.now() - s.t0,
    };
  },
  zoom() {
    const el = document.querySelector('.react-flow__viewport');
    return el ? new DOMMatrixReadOnly(getComputedStyle(el).transform).a : 0;
  },
  /** A point of the canvas where a press lands on the pane, not on a node or a control. */
  panePoint() {
    const box = document.querySelector('.react-flow').getBoundingClientRect();
    for (let fy = 0.5; fy < 0.95; fy += 0.02) {
      for (const sign of [1, -1]) {
        const y = box.top + box.height * (sign > 0 ? fy : 1 - fy);
        for (let fx = 0.3; fx < 0.7; fx += 0.01) {
          const x = box.left + box.width * fx;
          const el = document.elementFromPoint(x, y);
          if (el && el.closest('.react-flow__pane') && !el.closest('.react-flow__node, .react-flow__panel'))
            return { x, y };
        }
      }
    }
    return null;
  },
};
`;

interface PanFigures {
  deltas: number[];
  movedPx: number;
  elapsedMs: number;
}

/** Press on the pane and swing the view for PAN_MS, measuring frames in the page. */
export async function pan(page: Page): Promise<PanFigures> {
  const at = (await page.evaluate('window.__b5.panePoint()')) as { x: number; y: number } | null;
  if (!at) throw new Error('no empty canvas to press on');
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.evaluate('window.__b5.start()');
  const t0 = Date.now();
  for (let t = 0; t < PAN_MS; t = Date.now() - t0) {
    const phase = (2 * Math.PI * t) / SWING.periodMs;
    await page.mouse.move(at.x + SWING.x * Math.sin(phase), at.y + SWING.y * Math.sin(2 * phase));
  }
  const got = (await page.evaluate('window.__b5.stop()')) as PanFigures;
  await page.mouse.up();
  return got;
}

/** Wheel in over the middle of the canvas until the view is at about 1:1. */
export async function zoomIn(page: Page): Promise<number> {
  const box = await page.locator('.react-flow').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  let zoom = (await page.evaluate('window.__b5.zoom()')) as number;
  for (let i = 0; i < 40 && zoom < ZOOMED; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(60);
    zoom = (await page.evaluate('window.__b5.zoom()')) as number;
  }
  await page.waitForTimeout(500);
  return zoom;
}

/** A pan at the fitted view (what opens), then one zoomed in to about 1:1. */
async function phases(page: Page, drawn: () => Promise<number>) {
  const fitZoom = (await page.evaluate('window.__b5.zoom()')) as number;
  const fitDrawn = await drawn();
  const fit = await pan(page);
  const zoom = await zoomIn(page);
  const zoomedDrawn = await drawn();
  const zoomed = await pan(page);
  return { fit, fitZoom, zoomed, zoom, fitDrawn, zoomedDrawn };
}

export async function newPage(browser: Browser, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript({ content: PAGE_PROBE });
  return page;
}

const virtualS = async (page: Page) =>
  Number(await page.getByTestId('dock.clock').getAttribute('data-now-ms')) / 1000;

/** The app with B5's design imported and playing at 100x, its 2,000 tasks RUNNING. */
export async function openB5App(browser: Browser, url: string, errors: string[]): Promise<Page> {
  const page = await newPage(browser, errors);
  await page.goto(url);
  await page.getByTestId('canvas').waitFor();
  // The import dialog, as e2e/pages/import-dialog.ts drives it.
  await page.getByTestId('toolbar.import').click();
  await page.getByTestId('import.text').fill(JSON.stringify(b5Design()));
  await page.getByTestId('import.submit').click();
  await page.getByTestId('import').waitFor({ state: 'hidden' });
  await page.getByTestId('toolbar.designName').filter({ hasText: B5_DESIGN_NAME }).waitFor();
  await page.locator('[data-testid="dock.play"]:enabled').waitFor();
  await page.getByTestId('dock.speed').selectOption(String(SPEED));
  await page.getByTestId('dock.play').click();
  await page.locator('[data-testid="dock.play"][data-playing="true"]').waitFor();
  await page
    .locator(`[data-testid="dock.chart.count.RUNNING"][data-count="${B5_TASKS}"]`)
    .waitFor({ timeout: 60_000 })
    .catch(() => {});
  return page;
}

async function panApp(browser: Browser, url: string, errors: string[]) {
  const page = await openB5App(browser, url, errors);
  const fromS = await virtualS(page);
  // Instances are drawn inside their zone's lane nodes, or as zone summaries when small.
  const p = await phases(page, () => page.locator('[data-testid^="instance.i-"]').count());
  const toS = await virtualS(page);
  const running = await page.getByTestId('dock.chart.count.RUNNING').getAttribute('data-count');
  await page.getByTestId('dock.play').click();
  await page.locator('[data-testid="dock.play"][data-playing="false"]').waitFor();
  // The same pan with the run paused: what the streaming costs, apart from the drawing.
  const paused = await pan(page);
  await page.close();
  return { ...p, fromS, toS, running, paused };
}

async function panBare(browser: Browser, url: string, errors: string[]) {
  const page = await newPage(browser, errors);
  await page.goto(`${url}/bare/?nodes=${NODES}`);
  await page
    .locator('.react-flow__node')
    .nth(NODES - 1)
    .waitFor({ state: 'attached' });
  const p = await phases(page, () => page.locator('.react-flow__node').count());
  await page.close();
  return p;
}

function summary(f: PanFigures): string {
  const fps = f.deltas.length / (f.elapsedMs / 1000);
  return (
    `${fps.toFixed(1)} fps, p50 ${percentile(f.deltas, 50).toFixed(1)} ms, ` +
    `p95 ${percentile(f.deltas, 95).toFixed(1)} ms, max ${Math.max(...f.deltas).toFixed(0)} ms, ` +
    `view moved ${f.movedPx.toFixed(0)} px`
  );
}

async function runB5(): Promise<BenchResult | undefined> {
  const lookup = findChromium(machinePathProbes());
  if (lookup.kind !== 'found') {
    console.log(
      `B5 pan skipped: ${lookup.kind === 'bad-env' ? badEnvMessage(lookup.path) : NO_CHROMIUM_MESSAGE}`,
    );
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'berth-b5-'));
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveBuilds>> | undefined;
  try {
    const app = viteBuild('.', join(dir, 'app'));
    viteBuild(BARE_APP_ROOT, join(dir, 'bare'), { base: '/bare/' });
    server = await serveBuilds({ '/bare/': join(dir, 'bare'), '/': app.outDir });
    const executablePath = executablePathFor(lookup);
    browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: [...CHROMIUM_ARGS],
    });
    const errors: string[] = [];
    const berth = await panApp(browser, `${server.url}/`, errors);
    const bare = await panBare(browser, server.url, errors);
    const p95 = percentile(berth.zoomed.deltas, 95);
    const bareP95 = percentile(bare.zoomed.deltas, 95);
    const fitX = percentile(berth.fit.deltas, 95) / percentile(bare.fit.deltas, 95);
    const said = errors.length > 0 ? `; ${errors.length} console errors: ${errors[0]}` : '';
    const fps = (f: PanFigures) => f.deltas.length / (f.elapsedMs / 1000);
    return {
      name: 'B5 pan 500 nodes at 100x',
      baselineName: 'bare React Flow',
      opsPerSec: fps(berth.zoomed),
      baselineOpsPerSec: fps(bare.zoomed),
      ratio: p95 / bareP95,
      notes:
        `frames/s zoomed in; x = p95 frame app/bare zoomed in, goal 1.1. ${PAN_MS / 1000} s of ` +
        `dragging the view at the fitted zoom, then at about 1:1; Vite ${app.viteVersion}; ` +
        `app: ${B5_INSTANCES} m5.xlarge, playing virtual ${berth.fromS.toFixed(0)}-` +
        `${berth.toS.toFixed(0)} s, ${berth.running ?? '?'} RUNNING. ` +
        `Zoomed in (app ${berth.zoom.toFixed(2)}, ${berth.zoomedDrawn} instances drawn; bare ` +
        `${bare.zoom.toFixed(2)}, ${bare.zoomedDrawn} nodes): app ${summary(berth.zoomed)}; bare ` +
        `${summary(bare.zoomed)}; app zoomed in and paused: ${summary(berth.paused)}. Fitted (app ${berth.fitZoom.toFixed(2)}, ${berth.fitDrawn} ` +
        `instances drawn, zone summaries otherwise; bare ${bare.fitZoom.toFixed(2)}, ` +
        `${bare.fitDrawn} nodes): x${fitX.toFixed(2)}, app ${summary(berth.fit)}; bare ` +
        `${summary(bare.fit)}${said}`,
    };
  } catch (error) {
    console.log(`B5 pan skipped: ${(error as Error).message}`);
    return undefined;
  } finally {
    await browser?.close().catch(() => {});
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const panBench: BrowserBench = { id: 'pan-b5', run: runB5 };
