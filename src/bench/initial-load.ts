// What a page loads before it can draw, read from a Vite build: the scripts and
// module preloads dist/index.html names (the initial JavaScript), the chunks the entry
// then imports dynamically as it starts (to first render), their gzip sizes, and which
// modules make them up, grouped by package or source folder. Pure over file contents,
// so it is tested without a build.

import { gzipSync } from 'node:zlib';

/** One entry of Vite's .vite/manifest.json. */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** One built chunk and the bytes each module accounts for in it (from its source map). */
export interface ChunkReport {
  fileName: string;
  /** Module id (absolute path or package path) -> bytes of the minified chunk. */
  modules: Record<string, number>;
}

/** The JavaScript files index.html loads itself: module scripts and modulepreloads. */
export function htmlScripts(html: string): string[] {
  const out: string[] = [];
  const tag = /<(script|link)\b[^>]*>/gi;
  for (const m of html.matchAll(tag)) {
    const t = m[0];
    const isScript = /^<script/i.test(t) && /type=["']module["']/i.test(t);
    const isPreload = /^<link/i.test(t) && /rel=["']modulepreload["']/i.test(t);
    const url = /(?:src|href)=["']([^"']+)["']/i.exec(t)?.[1];
    if ((isScript || isPreload) && url && !/^(data:|https?:)/.test(url)) out.push(url);
  }
  return out.map((u) => u.replace(/^\.?\//, '').replace(/^.*?assets\//, 'assets/'));
}

/** The chunks `keys` import statically, with themselves, as manifest keys. */
function staticClosure(manifest: Manifest, keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const k of manifest[key].imports ?? []) visit(k);
  };
  for (const k of keys) visit(k);
  return [...seen];
}

export interface InitialLoad {
  /** index.html's own scripts and everything they import statically. */
  initial: string[];
  /** Plus what the entry imports dynamically as it starts, and their static imports. */
  firstRender: string[];
}

/**
 * The initial files, checked against index.html: a file the HTML loads must be in
 * the manifest's static closure of the entry, or the manifest is not this build's.
 */
export function initialLoad(manifest: Manifest, html: string): InitialLoad {
  const entries = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  const initialKeys = staticClosure(manifest, entries);
  const files = (keys: readonly string[]) => keys.map((k) => manifest[k]?.file ?? k);
  const initial = files(initialKeys);
  for (const f of htmlScripts(html)) {
    if (!initial.includes(f)) throw new Error(`index.html loads ${f}, not in the manifest's entry`);
  }
  // What the entry's own chunks start as the page opens: the catalog may sit in a chunk the
  // entry imports statically (its loader), not in the entry itself.
  const started = initialKeys.flatMap((k) => manifest[k]?.dynamicImports ?? []);
  const firstRender = files(staticClosure(manifest, [...initialKeys, ...started]));
  return { initial, firstRender };
}

/** Without the source map comment the benchmark's build adds: the page never fetches it. */
export const withoutMapComment = (code: string): string =>
  code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '');

export const gzipBytes = (content: string | Buffer): number =>
  gzipSync(content, { level: 9 }).length;

/** `node_modules/@xyflow/react/...` -> `@xyflow/react`; `src/ui/inspector/X.tsx` -> `src/ui/inspector`. */
export function moduleGroup(id: string, root: string): string {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  // The last node_modules: pnpm's store nests the package under its own.
  const nm = [...clean.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1);
  if (nm?.[1]) return nm[1];
  if (!clean.startsWith(root)) return clean.startsWith('vite/') ? 'vite runtime' : clean;
  const parts = clean.slice(root.length).replace(/^\//, '').split('/');
  // The folder, at most three deep: src/ui/inspector, src/design/import, src.
  return parts.slice(0, -1).slice(0, 3).join('/') || parts[0]!;
}

export interface Group {
  name: string;
  /** Bytes of minified code. */
  bytes: number;
  /** The chunk's gzip bytes shared out by minified bytes: an estimate, said as such. */
  gzipShare: number;
}

/** The biggest groups in `files`, each chunk's gzip size shared out by minified bytes. */
export function biggestGroups(
  report: readonly ChunkReport[],
  files: readonly string[],
  gzipOf: (file: string) => number,
  root: string,
  top: number,
): Group[] {
  const groups = new Map<string, Group>();
  for (const chunk of report) {
    if (!files.includes(chunk.fileName)) continue;
    const total = Object.values(chunk.modules).reduce((a, b) => a + b, 0) || 1;
    const gz = gzipOf(chunk.fileName);
    for (const [id, chars] of Object.entries(chunk.modules)) {
      const name = moduleGroup(id, root);
      const g = groups.get(name) ?? { name, bytes: 0, gzipShare: 0 };
      g.bytes += chars;
      g.gzipShare += (gz * chars) / total;
      groups.set(name, g);
    }
  }
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes).slice(0, top);
}
