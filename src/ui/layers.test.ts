import { describe, expect, it } from 'vitest';

/**
 * The one rule about layers: ui -> store -> worker -> engine -> design. The
 * main thread (ui, store) takes engine and worker code as types only, so no
 * simulation code ships in the page; the store may use the worker's client.
 */
const sources = import.meta.glob(
  ['/src/**/*.ts', '/src/**/*.tsx', '!/src/**/*.test.ts', '!/src/**/*.test.tsx'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
) as Record<string, string>;

const IMPORT = /^import\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gms;

function imports(layer: string): { file: string; typeOnly: boolean; target: string }[] {
  return Object.entries(sources)
    .filter(([file]) => file.startsWith(`/src/${layer}/`))
    .flatMap(([file, text]) =>
      [...text.matchAll(IMPORT)].map((m) => ({
        file,
        typeOnly: Boolean(m[1]),
        target: m[2] ?? '',
      })),
    );
}

const into = (target: string, layer: string) =>
  new RegExp(`(^|/)${layer}(/|$)`).test(target) && target.startsWith('.');

describe('layer direction', () => {
  it('ui imports engine and worker as types only', () => {
    const bad = imports('ui').filter(
      (i) => !i.typeOnly && (into(i.target, 'engine') || into(i.target, 'worker')),
    );
    expect(bad).toEqual([]);
  });

  it('store imports engine as types only and of the worker only its client', () => {
    const bad = imports('store').filter(
      (i) =>
        !i.typeOnly &&
        (into(i.target, 'engine') ||
          (into(i.target, 'worker') && !/worker\/(\w+\/)?client$/.test(i.target))),
    );
    expect(bad).toEqual([]);
  });

  it('store and worker never import the ui; the worker never imports the store', () => {
    const bad = [
      ...imports('store').filter((i) => into(i.target, 'ui')),
      ...imports('worker').filter((i) => into(i.target, 'ui') || into(i.target, 'store')),
    ];
    expect(bad).toEqual([]);
  });

  it('the worker client takes nothing from the engine but types', () => {
    const bad = imports('worker').filter(
      (i) => i.file.endsWith('client.ts') && !i.typeOnly && into(i.target, 'engine'),
    );
    expect(bad).toEqual([]);
  });

  it('actually read the sources', () => {
    expect(imports('ui').length).toBeGreaterThan(20);
    expect(imports('store').length).toBeGreaterThan(10);
  });
});
