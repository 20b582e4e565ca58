// A production build for a benchmark: the app (root .) or the bare app
// (src/bench/bare-app), both with the app's own vite.config.ts (same Vite, same
// plugins), plus --manifest (which chunks index.html loads) and --sourcemap (which
// modules make each chunk up), into a directory of the caller's, outside the repo.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ChunkReport, Manifest } from './initial-load';
import { bytesBySource, type SourceMapLike } from './source-map-sizes';

export const BARE_APP_ROOT = 'src/bench/bare-app';
const APP_CONFIG = 'vite.config.ts';

export interface Built {
  outDir: string;
  manifest: Manifest;
  html: string;
  modules: ChunkReport[];
  /** The exact Vite that built it, so two builds are known to match. */
  viteVersion: string;
}

export function viteVersion(): string {
  const pkg = JSON.parse(readFileSync('node_modules/vite/package.json', 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Every chunk's modules and their bytes, from the .js.map files beside the chunks. */
function moduleReport(outDir: string): ChunkReport[] {
  const assets = join(outDir, 'assets');
  if (!existsSync(assets)) return [];
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js') && existsSync(join(assets, `${f}.map`)))
    .map((f) => {
      const mapFile = join(assets, `${f}.map`);
      const map = JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMapLike;
      const code = readFileSync(join(assets, f), 'utf8');
      const modules: Record<string, number> = {};
      for (const [source, bytes] of bytesBySource(code, map)) {
        const id = source.startsWith('\0') ? source : resolve(dirname(mapFile), source);
        modules[id] = (modules[id] ?? 0) + bytes;
      }
      return { fileName: `assets/${f}`, modules };
    });
}

/** Builds `root` into `outDir` (emptied), served from `base`; throws with Vite's last lines. */
export function viteBuild(
  root: string,
  outDir: string,
  options: { base?: string; sourcemap?: boolean } = {},
): Built {
  const args = ['vite', 'build', root, '--config', APP_CONFIG, '--outDir', outDir];
  args.push('--emptyOutDir', '--manifest', '--base', options.base ?? '/');
  if (options.sourcemap) args.push('--sourcemap');
  const build = spawnSync('npx', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (build.status !== 0) {
    const said = `${build.stderr ?? ''}${build.stdout ?? ''}`.trim().split('\n').slice(-3);
    throw new Error(`vite build of ${root} failed: ${said.join(' / ')}`);
  }
  return {
    outDir,
    manifest: JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest,
    html: readFileSync(join(outDir, 'index.html'), 'utf8'),
    modules: options.sourcemap ? moduleReport(outDir) : [],
    viteVersion: viteVersion(),
  };
}
