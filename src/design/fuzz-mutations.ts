import fc from 'fast-check';

// Hostile edits of a real document, for the fuzz tests of the gate and the importers
// (issue 10): one to three paths of the document each deleted, nulled, given another
// type, a huge number, a long string or HTML. Test-only; kept beside the gate it feeds.

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
  if (value !== undefined) target[last] = value;
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
