import fc from 'fast-check';
import { expect } from 'vitest';

// For the fuzz tests of the gate and the importers (issue 10): hostile edits of a real
// document (one to three paths each deleted, nulled, given another type, a huge
// number, a long string or HTML) and a clock that a busy machine cannot fool.
// Test-only; kept beside the gate it feeds.

type Path = (string | number)[];

/** Every path in a JSON value, the root included. */
export function pathsOf(value: unknown, at: Path = []): Path[] {
  const here = [at];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => pathsOf(v, [...at, i])));
  if (typeof value === 'object' && value !== null)
    return here.concat(...Object.entries(value).map(([k, v]) => pathsOf(v, [...at, k])));
  return here;
}

const HTML = '<img src=x onerror=alert(1)><script>alert(2)</script>';

/** What a path's value becomes; `undefined` deletes it. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    true,
    0,
    -1,
    0.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    ' ',
    HTML,
    '__proto__',
    'constructor',
    [],
    {},
    [null],
    JSON.parse('{"__proto__": {"polluted": true}}'),
    JSON.parse(`${'['.repeat(1_000)}${']'.repeat(1_000)}`),
  ),
  fc.nat(10_000).map((n) => 'x'.repeat(n)),
  fc.string({ maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
);

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function apply(doc: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  let parent: unknown = doc;
  for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[step];
  const last = path[path.length - 1] as string | number;
  const target = parent as Record<string | number, unknown>;
  // A copy: constants are shared objects, and two edits must not make a cycle.
  if (value !== undefined) target[last] = structuredClone(value);
  else if (Array.isArray(target) && typeof last === 'number') target.splice(last, 1);
  else delete target[last];
  return doc;
}

/** The document with one to three of its paths replaced by hostile values. */
export function mutationsOf(base: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(base);
  const edit = fc.tuple(fc.nat(paths.length - 1), hostileValue);
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    let doc = clone(base);
    for (const [index, value] of edits) {
      // An earlier edit may have removed or replaced this path: skip what no longer exists.
      const path = paths[index] ?? [];
      if (path.length > 0 && !exists(doc, path.slice(0, -1))) continue;
      doc = apply(doc, path, value);
    }
    return doc;
  });
}

function exists(doc: unknown, path: Path): boolean {
  let at: unknown = doc;
  for (const step of path) {
    if (typeof at !== 'object' || at === null) return false;
    at = (at as Record<string | number, unknown>)[step];
  }
  return typeof at === 'object' && at !== null;
}

/** The fastest of a few runs, in ms: one garbage collection or a busy CI core must not fail the build. */
export function fastestMs(run: () => void, times = 5): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Refusals as the gate and the importers give them: at least one, each a path and a message. */
export function expectNamedIssues(issues: readonly { path: string; message: string }[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(typeof issue.path).toBe('string');
    expect(issue.path).not.toBe('');
    expect(typeof issue.message).toBe('string');
    expect(issue.message).not.toBe('');
  }
}
