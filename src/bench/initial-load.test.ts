import { describe, expect, it } from 'vitest';
import {
  biggestGroups,
  htmlScripts,
  initialLoad,
  type Manifest,
  moduleGroup,
} from './initial-load';

// The shape of Berth's own build: a tiny entry that fetches the catalog, then the app.
const manifest: Manifest = {
  'index.html': {
    file: 'assets/index-a.js',
    isEntry: true,
    imports: ['_shared-b.js'],
    dynamicImports: ['src/catalog.ts', 'src/boot.tsx'],
  },
  '_shared-b.js': { file: 'assets/shared-b.js' },
  'src/catalog.ts': { file: 'assets/catalog-c.js', isDynamicEntry: true },
  'src/boot.tsx': {
    file: 'assets/boot-d.js',
    isDynamicEntry: true,
    imports: ['index.html', '_vendor-e.js'],
    dynamicImports: ['src/export-image.ts'],
  },
  '_vendor-e.js': { file: 'assets/vendor-e.js' },
  'src/export-image.ts': { file: 'assets/export-f.js', isDynamicEntry: true },
};
const html = `<head>
  <script type="module" crossorigin src="/assets/index-a.js"></script>
  <link rel="modulepreload" crossorigin href="/assets/shared-b.js">
  <link rel="stylesheet" href="/assets/index.css">
</head>`;

describe('the initial load of a build', () => {
  it('reads the module scripts and preloads of index.html, not its styles', () => {
    expect(htmlScripts(html)).toEqual(['assets/index-a.js', 'assets/shared-b.js']);
    expect(htmlScripts('<script type="module" src="/base/assets/x.js"></script>')).toEqual([
      'assets/x.js',
    ]);
  });

  it('is the entry and its static imports; first render adds what the entry starts', () => {
    expect(initialLoad(manifest, html)).toEqual({
      initial: ['assets/index-a.js', 'assets/shared-b.js'],
      firstRender: [
        'assets/index-a.js',
        'assets/shared-b.js',
        'assets/catalog-c.js',
        'assets/boot-d.js',
        'assets/vendor-e.js',
      ],
    });
  });

  it('counts what a chunk the entry imports starts, as the catalog loader does', () => {
    const loader: Manifest = {
      ...manifest,
      'index.html': {
        file: 'assets/index-a.js',
        isEntry: true,
        imports: ['_shared-b.js', 'src/load.ts'],
        dynamicImports: ['src/boot.tsx'],
      },
      'src/load.ts': { file: 'assets/load-g.js', dynamicImports: ['src/catalog.ts'] },
    };
    const withLoader = html.replace(
      '<link rel="stylesheet"',
      '<link rel="modulepreload" crossorigin href="/assets/load-g.js">\n  <link rel="stylesheet"',
    );
    expect(initialLoad(loader, withLoader).firstRender).toContain('assets/catalog-c.js');
  });

  it('refuses an index.html that loads what the manifest does not', () => {
    expect(() => initialLoad(manifest, '<script type="module" src="/assets/other.js">')).toThrow(
      /other\.js/,
    );
  });

  it('groups modules by package and by source folder', () => {
    const root = '/repo';
    expect(moduleGroup('/repo/node_modules/@xyflow/react/dist/esm/index.js', root)).toBe(
      '@xyflow/react',
    );
    expect(moduleGroup('/repo/node_modules/.pnpm/zod@4/node_modules/zod/v4/core.js', root)).toBe(
      'zod',
    );
    expect(moduleGroup('/repo/src/ui/inspector/Form.tsx', root)).toBe('src/ui/inspector');
    expect(moduleGroup('/repo/src/main.tsx', root)).toBe('src');
    expect(moduleGroup('/repo/src/design/references.ts', root)).toBe('src/design');
    expect(moduleGroup('/repo/src/design/import/ecs/units.ts', root)).toBe('src/design/import');
    expect(moduleGroup('\0vite/preload-helper.js', root)).toBe('vite runtime');
  });

  it('shares each chunk gzip size out by rendered length', () => {
    const report = [
      {
        fileName: 'a.js',
        modules: { '/r/node_modules/zod/a.js': 300, '/r/src/ui/x/y.ts': 100 },
      },
      { fileName: 'lazy.js', modules: { '/r/q.ts': 9 } },
    ];
    expect(biggestGroups(report, ['a.js'], () => 400, '/r', 5)).toEqual([
      { name: 'zod', bytes: 300, gzipShare: 300 },
      { name: 'src/ui/x', bytes: 100, gzipShare: 100 },
    ]);
  });
});
