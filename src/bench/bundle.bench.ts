// B8: the page's initial JavaScript, gzipped, against a bare Vite app with React,
// React Flow and Recharts (src/bench/bare-app: one ReactFlow, one LineChart), both built
// in this run by the same Vite with the app's own vite.config.ts (the CLI adds
// --manifest and --sourcemap; the maps say which modules make each chunk up). Two figures: what index.html
// loads before any dynamic import (the initial JavaScript), and that plus the chunks
// the entry imports dynamically as it starts (Berth's main.tsx fetches the instance
// catalog and then the app before it draws anything: to first render). The ratio is
// the first-render one, the size a person waits for; then the biggest module groups
// Berth has beyond the bare app's, to say what to split.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { biggestGroups, gzipBytes, initialLoad, withoutMapComment } from './initial-load';
import type { ShownResult } from './shown-result';
import { BARE_APP_ROOT, type Built, viteBuild } from './vite-build';

const TOP_EXTRAS = 10;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function figures(built: Built) {
  const load = initialLoad(built.manifest, built.html);
  const gz = new Map<string, number>();
  const gzipOf = (file: string) => {
    let n = gz.get(file);
    if (n === undefined) {
      n = gzipBytes(withoutMapComment(readFileSync(join(built.outDir, file), 'utf8')));
      gz.set(file, n);
    }
    return n;
  };
  const sum = (files: readonly string[]) => files.reduce((a, f) => a + gzipOf(f), 0);
  const groups = biggestGroups(built.modules, load.firstRender, gzipOf, resolve('.'), 1_000);
  return { load, initial: sum(load.initial), firstRender: sum(load.firstRender), groups };
}

/** The worker scripts the build emits as assets (new Worker(new URL(...))). */
function workerGzip(built: Built): number {
  const files = new Set(
    Object.values(built.manifest)
      .flatMap((c) => c.assets ?? [])
      .filter((f) => f.endsWith('.js')),
  );
  return [...files].reduce(
    (a, f) => a + gzipBytes(withoutMapComment(readFileSync(join(built.outDir, f), 'utf8'))),
    0,
  );
}

function runB8(): ShownResult | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'berth-b8-'));
  try {
    const appBuilt = viteBuild('.', join(dir, 'app'), { sourcemap: true });
    const app = figures(appBuilt);
    const bareBuilt = viteBuild(BARE_APP_ROOT, join(dir, 'bare'), { sourcemap: true });
    const bare = figures(bareBuilt);
    const bareShare = new Map(bare.groups.map((g) => [g.name, g.gzipShare]));
    const extras = app.groups
      .map((g) => ({ name: g.name, extra: g.gzipShare - (bareShare.get(g.name) ?? 0) }))
      .filter((g) => g.extra > 512)
      .sort((a, b) => b.extra - a.extra)
      .slice(0, TOP_EXTRAS)
      .map((g) => `${g.name} +${kb(g.extra)}`);
    return {
      name: 'B8 first-render JS gzip',
      baselineName: 'bare app',
      opsPerSec: app.firstRender,
      baselineOpsPerSec: bare.firstRender,
      shown: kb(app.firstRender),
      baselineShown: kb(bare.firstRender),
      ratio: app.firstRender / bare.firstRender,
      notes:
        `kB gzip (level 9), x = app/bare at first render, goal <= 1. Vite ${bareBuilt.viteVersion}. ` +
        `initial (index.html, before any dynamic import): app ${kb(app.initial)} ` +
        `(${app.load.initial.join(', ')}), bare ${kb(bare.initial)}, x${(app.initial / bare.initial).toFixed(2)}; ` +
        `first render: app ${kb(app.firstRender)} (${app.load.firstRender.length} chunks), ` +
        `bare ${kb(bare.firstRender)}; the simulation worker, started at boot, ${kb(workerGzip(appBuilt))} more. Beyond the bare app (~, chunk gzip shared by minified bytes): ` +
        extras.join(', '),
    };
  } catch (error) {
    console.log(`B8 bundle skipped: ${(error as Error).message}`);
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const bundleBench = { id: 'bundle-b8', run: async () => runB8() };
