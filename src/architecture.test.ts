import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Imports point ui -> store -> worker -> engine -> design, never back; main-thread code
 * (ui, store) takes engine and worker modules as types only. cli, bench and scenarios sit on the engine.
 */
type Layer =
  | 'design'
  | 'engine'
  | 'worker'
  | 'store'
  | 'ui'
  | 'cli'
  | 'bench'
  | 'scenarios'
  | 'root';
const RANK: Record<Layer, number> = {
  design: 0,
  engine: 1,
  scenarios: 1.5,
  worker: 2,
  cli: 2,
  bench: 2,
  store: 3,
  ui: 4,
  root: 5,
};
const SRC = import.meta.dirname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function layerOf(path: string): Layer {
  const top = relative(SRC, path).split(/[\\/]/)[0] ?? '';
  return (
    (['design', 'engine', 'worker', 'store', 'ui', 'cli', 'bench', 'scenarios'] as const).find(
      (l) => l === top,
    ) ?? 'root'
  );
}

interface ImportLine {
  from: string;
  typeOnly: boolean;
  target: string;
}

function importsOf(path: string): ImportLine[] {
  const text = readFileSync(path, 'utf8');
  const out: ImportLine[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) {
    const spec = m[3] ?? '';
    if (!spec.startsWith('.')) continue;
    out.push({ from: path, typeOnly: m[2] !== undefined, target: resolve(path, '..', spec) });
  }
  return out;
}

describe('layering', () => {
  const all = files(SRC);

  it('finds the source', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it('never imports upward', () => {
    const bad: string[] = [];
    for (const file of all) {
      const from = layerOf(file);
      for (const imp of importsOf(file)) {
        const to = layerOf(imp.target);
        if (to === from) continue;
        if (RANK[to] > RANK[from])
          bad.push(`${relative(SRC, file)} -> ${relative(SRC, imp.target)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('main-thread code takes engine and worker as types only (the worker clients excepted)', () => {
    const bad: string[] = [];
    for (const file of all) {
      const from = layerOf(file);
      if (from !== 'ui' && from !== 'store' && from !== 'root') continue;
      for (const imp of importsOf(file)) {
        const to = layerOf(imp.target);
        if (to === 'engine' && !imp.typeOnly)
          bad.push(`${relative(SRC, file)} -> ${relative(SRC, imp.target)}`);
        if (
          to === 'worker' &&
          !imp.typeOnly &&
          !/worker[\\/](\w+[\\/])?client(\.ts)?$/.test(imp.target)
        ) {
          bad.push(`${relative(SRC, file)} -> ${relative(SRC, imp.target)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
