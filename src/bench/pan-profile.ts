// What one B5 pan frame costs, by kind of work: a Chromium trace of a zoomed-in pan of
// B5's design (the bench's own steps), summed by event name per thread, in ms per
// second of panning, with the DOM size and how many DOM mutations the pan caused (a
// node that re-renders on a viewport change shows up there). A tool for people, not a
// benchmark: `npx tsx src/bench/pan-profile.ts [--paused | --bare] [--keep DIR] [--trace FILE]`.
// --keep builds into DIR once and reuses it (delete DIR to rebuild); --css RULES adds a
// style sheet to the page before the pan, to try a rule without a build; --shot FILE saves
// a screenshot of the zoomed-in view before the pan.

// First: the instance-type catalog every design lookup reads.
import '../design/instance-catalog/install';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, executablePathFor, findChromium, machinePathProbes } from './browser';
import { newPage, openB5App, pan, zoomIn } from './pan.bench';
import { serveBuilds } from './static-server';
import { BARE_APP_ROOT, viteBuild } from './vite-build';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
  'cc',
  'toplevel',
];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

const MUTATIONS = `
window.__mut = { n: 0, where: {} };
new MutationObserver((list) => {
  window.__mut.n += list.length;
  for (const m of list) {
    const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
    const key = (el && (el.getAttribute('data-testid') || el.getAttribute('class') || el.tagName)) + ' ' + m.type + (m.attributeName ? ':' + m.attributeName : '');
    window.__mut.where[key] = (window.__mut.where[key] || 0) + 1;
  }
})
  .observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
`;

function summarise(events: readonly TraceEvent[], seconds: number): string {
  const threadNames = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name)
      threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  const byThread = new Map<string, Map<string, number>>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const thread = (threadNames.get(`${e.pid}:${e.tid}`) ?? 'other').replace(/\d+$/, '');
    const sums = byThread.get(thread) ?? new Map<string, number>();
    sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
    byThread.set(thread, sums);
  }
  const lines: string[] = [];
  for (const [thread, sums] of byThread) {
    const top = [...sums].sort((a, b) => b[1] - a[1]).slice(0, 18);
    if ((top[0]?.[1] ?? 0) / seconds < 5) continue;
    lines.push(`${thread}:`);
    for (const [name, ms] of top)
      lines.push(`  ${name.padEnd(40)} ${(ms / seconds).toFixed(1).padStart(8)} ms/s`);
  }
  return lines.join('\n');
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions the page's JavaScript spent its time in, by self time. */
function hotFunctions(profile: CpuProfile, seconds: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id);
    if (!f) return;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(
      ([k, ms]) => `  ${k.slice(0, 70).padEnd(70)} ${(ms / seconds).toFixed(1).padStart(7)} ms/s`,
    )
    .join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const paused = args.includes('--paused');
  const keepAt = args.indexOf('--keep');
  const traceAt = args.indexOf('--trace');
  const cssAt = args.indexOf('--css');
  const dir = keepAt >= 0 ? (args[keepAt + 1] ?? '') : mkdtempSync(join(tmpdir(), 'berth-b5p-'));
  const bare = args.includes('--bare');
  if (!existsSync(join(dir, 'index.html')))
    viteBuild(bare ? BARE_APP_ROOT : '.', dir, bare ? { base: '/bare/' } : {});
  const lookup = findChromium(machinePathProbes());
  if (lookup.kind !== 'found') throw new Error('no Chromium');
  const server = await serveBuilds({ [bare ? '/bare/' : '/']: dir });
  const executablePath = executablePathFor(lookup);
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [...CHROMIUM_ARGS],
  });
  try {
    const errors: string[] = [];
    const page = bare
      ? await newPage(browser, errors)
      : await openB5App(browser, `${server.url}/`, errors);
    if (bare) {
      await page.goto(`${server.url}/bare/?nodes=500`);
      await page.locator('.react-flow__node').nth(499).waitFor({ state: 'attached' });
    }
    await page.addInitScript({ content: MUTATIONS });
    await page.evaluate(MUTATIONS);
    const css = cssAt >= 0 ? args[cssAt + 1] : undefined;
    if (css) await page.addStyleTag({ content: css });
    const zoom = await zoomIn(page);
    if (paused && !bare) {
      await page.getByTestId('dock.play').click();
      await page.locator('[data-testid="dock.play"][data-playing="false"]').waitFor();
    }
    await page.waitForTimeout(500);
    const shotAt = args.indexOf('--shot');
    if (shotAt >= 0) await page.screenshot({ path: args[shotAt + 1] ?? 'b5.png' });
    const dom = await page.evaluate('document.querySelectorAll("*").length');
    const chips = await page.locator('[data-testid="task-chip"]').count();
    const before = (await page.evaluate('window.__mut.n')) as number;
    await page.evaluate('window.__mut.where = {}');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await browser.startTracing(page, { categories: CATEGORIES });
    const got = await pan(page);
    const buffer = await browser.stopTracing();
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const after = (await page.evaluate('window.__mut.n')) as number;
    if (traceAt >= 0) writeFileSync(args[traceAt + 1] ?? 'trace.json', buffer);
    const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
    const seconds = got.elapsedMs / 1000;
    const sorted = [...got.deltas].sort((a, b) => a - b);
    const p95 = sorted[Math.ceil(0.95 * sorted.length) - 1] ?? Number.NaN;
    console.log(
      `${paused ? 'paused' : 'playing'}, zoom ${zoom.toFixed(2)}: ${(got.deltas.length / seconds).toFixed(1)} fps, ` +
        `p95 ${p95.toFixed(1)} ms, moved ${got.movedPx.toFixed(0)} px; DOM ${dom} elements, ` +
        `${chips} chips; ${after - before} DOM mutations during the pan${errors.length ? `; errors: ${errors[0]}` : ''}`,
    );
    const where = (await page.evaluate('window.__mut.where')) as Record<string, number>;
    const most = Object.entries(where)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8);
    console.log(`mutated: ${most.map(([k, n]) => `${k} x${n}`).join('; ')}`);
    console.log(summarise(traceEvents, seconds));
    console.log(`JavaScript, self time:\n${hotFunctions(profile, seconds)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
