import react from '@vitejs/plugin-react';
import type { ChunkingContext } from 'rolldown';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './build/csp-plugin';

/** The module main.tsx imports once the instance catalog is in: the app, to first render. */
const BOOT = /[\\/]src[\\/]boot\.tsx$/;

/**
 * Which roots reach a module by static imports: main.tsx's own (an entry), the boot's, or
 * neither (only lazy chunks: the inspector, charts, dialogs, importers).
 */
function staticRoot(id: string, ctx: ChunkingContext): 'entry' | 'boot' | null {
  const seen = new Set<string>();
  const todo = [id];
  let boot = false;
  for (let m = todo.pop(); m !== undefined; m = todo.pop()) {
    if (seen.has(m)) continue;
    seen.add(m);
    if (BOOT.test(m)) {
      boot = true;
      continue;
    }
    const info = ctx.getModuleInfo(m);
    if (info?.isEntry) return 'entry';
    todo.push(...(info?.importers ?? []));
  }
  return boot ? 'boot' : null;
}

/**
 * Everything the boot reaches by static imports, and only that, in one chunk. Left to
 * itself Rolldown put modules the boot shares with a lazy chunk into a common chunk with
 * some of the lazy chunk's own, which the boot then imported statically: lazy code in the
 * first render, in more pieces that gzip worse (B8). main.tsx's modules stay where they
 * are (the catalog still loads first), and the bare benchmark app, with no boot module, is
 * built as before.
 */
const roots = new Map<string, 'entry' | 'boot' | null>();
function firstRenderChunk(id: string, ctx: ChunkingContext): string | null {
  let root = roots.get(id);
  if (root === undefined) {
    root = staticRoot(id, ctx);
    roots.set(id, root);
  }
  return root === 'boot' ? 'boot' : null;
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    rolldownOptions: {
      output: {
        // Its dependencies are the boot's too, or main.tsx's, loaded before it: none to add.
        codeSplitting: {
          groups: [{ name: firstRenderChunk, includeDependenciesRecursively: false }],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['src/design/instance-catalog/install.ts'],
    testTimeout: 30_000,
  },
});
