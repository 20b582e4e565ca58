// B3: one simulated day of a 200-task service behind an ALB on a managed-scaling
// capacity provider (b3-design.ts): a daily traffic curve, target tracking on CPU, a
// rolling deployment at 10:00, a blue/green one at 16:00 and instance failures drawn
// from the seed.
// - Node: the runner's path (src/cli/run.ts: the design's text through the gate, played a
//   minute at a time, every event a JSON line), each line folded into a hash.
// - Baseline, in the same run: the same day stepped a simulated second at a time, visiting
//   every task and every instance each second (their views, summing a field), as a
//   time-stepped model would.
// - Browser: the production build in headless Chromium; the page starts the app's own
//   worker script and drives it as the app does (load, then step a minute at a time),
//   hashing the events of every frame the worker posts. The hash must equal Node's.
// A check run (untimed) says the day does its work: tasks started, instances launched,
// scaling activities, deployments completed, faults applied.
// Goals: under 1 s in Node, under 1.5 s in the worker. Timing never fails the run.

import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { playRun, startDesign } from '../cli/run';
import { createSimulation } from '../engine';
import { RunKeeper } from '../worker/run';
import {
  B3_BLUE_GREEN_AT,
  B3_DAY_MS,
  B3_ROLLING_AT,
  B3_TASKS,
  b3Design,
  b3ParsedDesign,
} from './b3-design';
import { withBenchBrowser } from './browser-session';
import { EVENT_HASH_SOURCE, eventHasher, HASH_START } from './event-hash';
import type { BrowserBench } from './frames.bench';
import { median } from './measure';
import type { BenchResult } from './types';

const DAY_S = B3_DAY_MS / 1000;
const MINUTE_MS = 60_000;
const NODE_ROUNDS = 3;
const BROWSER_ROUNDS = 3;
/** Virtual seconds per worker step: the runner's minute. */
const STEP_S = 60;
const STEP_TIMEOUT_MS = 180_000;

interface NodeFigures {
  ms: number;
  hash: string;
  events: number;
  chars: number;
}

/** The runner's path, timed from the design's text to the day's last event. */
function runnerDay(text: string): NodeFigures {
  const start = performance.now();
  const loaded = startDesign(text, { untilSeconds: DAY_S });
  if (!loaded.ok) throw new Error(`B3 design refused:\n${loaded.message}`);
  const hasher = eventHasher();
  for (const _ of playRun(loaded.run, { onEvent: hasher.fold }));
  return {
    ms: performance.now() - start,
    hash: hasher.digest(),
    events: hasher.state.events,
    chars: hasher.state.chars,
  };
}

interface DayCheck {
  hash: string;
  events: number;
  tasksStarted: number;
  instancesLaunched: number;
  maxInService: number;
  minInService: number;
  groupChanges: number;
  scalingActivities: number;
  minDesired: number;
  maxDesired: number;
  deploymentsCompleted: number[];
  faults: number;
  faultErrors: number;
  endRunning: number;
  endRevision: string;
}

/** The same day in minute frames through the engine's API, counting what it did. */
function checkDay(): DayCheck {
  const sim = createSimulation(b3ParsedDesign());
  const hasher = eventHasher();
  const launched = new Set<string>();
  const c: DayCheck = {
    hash: '',
    events: 0,
    tasksStarted: 0,
    instancesLaunched: 0,
    maxInService: 0,
    minInService: Number.POSITIVE_INFINITY,
    groupChanges: 0,
    scalingActivities: 0,
    minDesired: Number.POSITIVE_INFINITY,
    maxDesired: 0,
    deploymentsCompleted: [],
    faults: 0,
    faultErrors: 0,
    endRunning: 0,
    endRevision: '',
  };
  let desiredCapacity = -1;
  for (let t = 0; t <= B3_DAY_MS; t += MINUTE_MS) {
    const frame = sim.advance(t);
    for (const e of frame.events) {
      hasher.fold(JSON.stringify(e));
      if (e['detail-type'] === 'ECS Task State Change' && e.detail.lastStatus === 'RUNNING')
        c.tasksStarted++;
      if (
        e['detail-type'] === 'ECS Deployment State Change' &&
        e.detail.eventName === 'SERVICE_DEPLOYMENT_COMPLETED'
      )
        c.deploymentsCompleted.push(t / 1000);
    }
    for (const s of frame.serviceEvents)
      if (s.message.includes('Application Auto Scaling set the desired count'))
        c.scalingActivities++;
    for (const s of frame.services) {
      c.minDesired = Math.min(c.minDesired, s.desiredCount);
      c.maxDesired = Math.max(c.maxDesired, s.desiredCount);
    }
    const group = frame.capacity?.groups[0];
    if (group) {
      for (const i of group.instances) launched.add(i.instanceId);
      const inService = group.instances.filter((i) => i.lifecycleState === 'InService').length;
      c.maxInService = Math.max(c.maxInService, inService);
      if (t > 10 * MINUTE_MS) c.minInService = Math.min(c.minInService, inService);
      if (group.desiredCapacity !== desiredCapacity) {
        if (desiredCapacity >= 0) c.groupChanges++;
        desiredCapacity = group.desiredCapacity;
      }
    }
  }
  const end = sim.snapshot();
  const service = end.services[0];
  const running = end.tasks.filter((x) => x.lastStatus === 'RUNNING');
  const faults = sim.describe().actions.filter((a) => a.action === 'TerminateInstance');
  return {
    ...c,
    hash: hasher.digest(),
    events: hasher.state.events,
    instancesLaunched: launched.size,
    faults: faults.length,
    faultErrors: faults.filter((a) => a.error).length,
    endRunning: service?.runningCount ?? 0,
    endRevision: [...new Set(running.map((x) => `api:${x.revision}`))].join(', '),
  };
}

/**
 * What the worker does for each step, in Node: the run keeper's minute advances (with its
 * checkpoints every two simulated minutes) and a structured clone of each frame message,
 * so the browser's figure can be split into engine, keeper and page.
 */
interface KeeperFigures {
  ms: number;
  cloneMs: number;
  checkpoints: number;
  checkpointMs: number;
  checkpointMiB: number;
}

function keeperDay(): KeeperFigures {
  const design = b3ParsedDesign();
  const start = performance.now();
  const keeper = new RunKeeper(design);
  let cloneMs = 0;
  for (let t = STEP_S * 1000; t <= B3_DAY_MS; t += STEP_S * 1000) {
    const frame = keeper.advance(t);
    const c0 = performance.now();
    structuredClone({ kind: 'frame', frame: { ...frame, history: [] } });
    cloneMs += performance.now() - c0;
  }
  const ms = performance.now() - start - cloneMs;
  const cost = keeper.checkpointCost();
  return {
    ms,
    cloneMs,
    checkpoints: cost.taken,
    checkpointMs: cost.ms,
    checkpointMiB: cost.chars / 2 ** 20,
  };
}

/** The keeper's median round of three (after a warm-up), so one slow GC does not speak for it. */
function keeperDays(): KeeperFigures {
  const rounds = [0, 1, 2, 3].map(() => keeperDay()).slice(1);
  rounds.sort((a, b) => a.ms - b.ms);
  return rounds[1] as KeeperFigures;
}

/** Where the walk's sum goes, so nothing can skip the walk. */
export let visitedSink = 0;

/** The baseline: the same day a simulated second at a time, visiting every entity each second. */
function walkDay(): { ms: number; visits: number } {
  const start = performance.now();
  const sim = createSimulation(b3ParsedDesign());
  let visits = 0;
  let sum = 0;
  for (let t = 0; t <= B3_DAY_MS; t += 1000) {
    sim.advance(t);
    const s = sim.snapshot();
    for (const task of s.tasks) sum += task.cpu;
    for (const instance of s.instances) sum += instance.registeredCpu;
    visits += s.tasks.length + s.instances.length;
  }
  visitedSink += sum;
  return { ms: performance.now() - start, visits };
}

// Page side, as a string (the Node tsconfig has no DOM types). It speaks comlink's wire
// protocol to a fresh copy of the app's worker: APPLY messages, RAW values, and the
// subscribe callback as a MessagePort (comlink's `proxy` handler), answered per call.
const PAGE_RUNNER = `
${EVENT_HASH_SOURCE}
window.__b3 = {
  run(workerUrl, design, stepS, dayMs, hashStart) {
    return new Promise((resolve) => {
      const worker = new Worker(workerUrl, { type: 'module' });
      const pending = new Map();
      let nextId = 0;
      worker.addEventListener('message', (ev) => {
        const done = ev.data && pending.get(ev.data.id);
        if (done) { pending.delete(ev.data.id); done(ev.data); }
      });
      worker.addEventListener('error', (ev) => finish('worker error: ' + (ev.message || 'unknown')));
      const call = (name, args, transfer) => new Promise((done) => {
        const id = 'b3-' + (++nextId);
        pending.set(id, done);
        worker.postMessage({ id, type: 'APPLY', path: [name], argumentList: args.map((value) => ({ type: 'RAW', value })) }, transfer || []);
      });
      const state = { ...hashStart };
      let frames = 0, lastNowMs = -1, t0 = 0, loadMs = 0, stepped = false, error;
      const finish = (why) => {
        if (why) error = why;
        const ms = performance.now() - t0;
        worker.terminate();
        resolve({ ms, loadMs, frames, lastNowMs, hash: b3Digest(state), events: state.events, chars: state.chars, error });
      };
      const maybeDone = () => { if (stepped && lastNowMs >= dayMs) finish(); };
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = (ev) => {
        const d = ev.data;
        if (!d || d.type !== 'APPLY') return;
        const message = d.argumentList[0] && d.argumentList[0].value;
        if (message && message.kind === 'frame') {
          frames++;
          for (const e of message.frame.events) b3Fold(state, JSON.stringify(e));
          lastNowMs = message.frame.nowMs;
        } else if (message && message.kind === 'error') {
          finish('engine error: ' + message.message);
        }
        port1.postMessage({ id: d.id, type: 'RAW', value: undefined });
        maybeDone();
      };
      const subscribe = new Promise((done) => {
        const id = 'b3-' + (++nextId);
        pending.set(id, done);
        worker.postMessage({ id, type: 'APPLY', path: ['subscribe'], argumentList: [{ type: 'HANDLER', name: 'proxy', value: port2 }] }, [port2]);
      });
      (async () => {
        await subscribe;
        t0 = performance.now();
        const loaded = await call('load', [{ design }]);
        loadMs = performance.now() - t0;
        if (!loaded.value || !loaded.value.ok) return finish('load: ' + JSON.stringify(loaded.value));
        for (let at = 0; at < dayMs; at += stepS * 1000) await call('step', [Math.min(stepS, (dayMs - at) / 1000)]);
        stepped = true;
        maybeDone();
      })();
    });
  },
};
`;

interface BrowserFigures {
  ms: number;
  loadMs: number;
  frames: number;
  lastNowMs: number;
  hash: string;
  events: number;
  chars: number;
  error?: string;
}

async function workerUrl(page: Page): Promise<string> {
  const existing = page.workers()[0];
  if (existing) return existing.url();
  return (await page.waitForEvent('worker', { timeout: STEP_TIMEOUT_MS })).url();
}

async function browserDays(): Promise<BrowserFigures[] | undefined> {
  return withBenchBrowser('B3 day (browser)', async (browser, url) => {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await page.addInitScript({ content: PAGE_RUNNER });
    await page.goto(url);
    await page.getByTestId('canvas').waitFor();
    const script = await workerUrl(page);
    const design = b3ParsedDesign();
    const rounds: BrowserFigures[] = [];
    // A fresh worker each round: what opening the design costs, its JIT warm-up included.
    for (let i = 0; i < 1 + BROWSER_ROUNDS; i++) {
      const args = [script, design, STEP_S, B3_DAY_MS, HASH_START] as const;
      rounds.push(
        (await page.evaluate(`window.__b3.run(...${JSON.stringify(args)})`)) as BrowserFigures,
      );
    }
    return rounds;
  });
}

function hms(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function checkLine(c: DayCheck): string {
  return (
    `${c.events} events, ${c.tasksStarted} tasks started, service ${c.minDesired}-${c.maxDesired} desired ` +
    `(${c.scalingActivities} scaling activities), ${c.instancesLaunched} instances launched, ` +
    `${c.minInService}-${c.maxInService} in service (${c.groupChanges} group size changes), ` +
    `deployments completed at ${c.deploymentsCompleted.map(hms).join(' and ') || 'never'} ` +
    `(rolling ${hms(B3_ROLLING_AT)}, blue/green ${hms(B3_BLUE_GREEN_AT)}), ` +
    `${c.faults - c.faultErrors}/${c.faults} instance failures applied; at 24:00 ${c.endRunning} running on ${c.endRevision}`
  );
}

export async function runDayBench(): Promise<BenchResult> {
  const text = JSON.stringify(b3Design());
  const check = checkDay();
  console.log(`B3 day: ${checkLine(check)}`);

  const node: NodeFigures[] = [];
  for (let i = 0; i < 1 + NODE_ROUNDS; i++) node.push(runnerDay(text));
  const timed = node.slice(1);
  const nodeMs = median(timed.map((r) => r.ms));
  const first = timed[0];
  const nodeHash = first?.hash ?? '';
  const nodeSame = node.every((r) => r.hash === nodeHash) && check.hash === nodeHash;

  const keeper = keeperDays();
  const walk = walkDay();

  let browserNote = 'browser: skipped';
  const browser = await browserDays().catch((error: Error) => {
    browserNote = `browser: failed (${error.message.split('\n')[0]})`;
    return undefined;
  });
  if (browser) {
    const bad = browser.find((r) => r.error);
    const ok = browser.slice(1).filter((r) => !r.error);
    const browserMs = median(ok.map((r) => r.ms));
    const hashes = new Set(browser.map((r) => r.hash));
    const same = hashes.size === 1 && hashes.has(nodeHash);
    const one = browser[1] ?? browser[0];
    browserNote =
      `worker ${browserMs.toFixed(0)} ms (median of ${ok.length}, fresh worker each; ` +
      `rounds ${browser.map((r) => r.ms.toFixed(0)).join(', ')} ms, load ${one?.loadMs.toFixed(0)} ms, ` +
      `${one?.frames} frames) goal 1.5 s; ` +
      (same
        ? `hash identical (${nodeHash}, ${one?.events} events)`
        : `HASH MISMATCH: Node ${nodeHash} (${first?.events} events, ${first?.chars} chars), ` +
          `browser ${browser.map((r) => `${r.hash} (${r.events} events, ${r.chars} chars)`).join(', ')}`) +
      (bad ? `; error: ${bad.error}` : '');
  }

  return {
    name: 'B3 day',
    baselineName: 'walk every entity/s',
    opsPerSec: DAY_S / (nodeMs / 1000),
    baselineOpsPerSec: DAY_S / (walk.ms / 1000),
    ratio: walk.ms / nodeMs,
    notes:
      `sim s/s; x = walk / ours. ${B3_TASKS} tasks behind an ALB on managed scaling, a day: ` +
      `Node ${nodeMs.toFixed(0)} ms (median of ${NODE_ROUNDS}: ${timed.map((r) => r.ms.toFixed(0)).join(', ')}) goal 1 s, ` +
      `${first?.events} events, hash ${nodeHash}${nodeSame ? '' : ' (RUNS DIFFER)'}; ` +
      `the worker's keeper in Node ${keeper.ms.toFixed(0)} ms (median of 3; of it ${keeper.checkpoints} checkpoints, ` +
      `${keeper.checkpointMiB.toFixed(1)} MiB of JSON written in ${keeper.checkpointMs.toFixed(0)} ms; frame clones ` +
      `${keeper.cloneMs.toFixed(0)} ms besides); ` +
      `walk ${walk.ms.toFixed(0)} ms (${(walk.visits / 1e6).toFixed(1)} M visits); ${browserNote}`,
  };
}

export const dayBench: BrowserBench = { id: 'day-b3', run: runDayBench };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await runDayBench();
  console.log(`${r.name}: ${r.notes}`);
}
