import type { DesignIssue } from '../../issues';

export type Json = Record<string, unknown>;

export const isMap = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A manifest as the mapping reads it: every field is read through `get`, which marks its
 * path as used, so whatever no mapping read can be named afterwards (`unread`): nothing
 * in a manifest is dropped in silence.
 */
export class ManifestReader {
  private readonly used = new Set<string>();
  private readonly children: ManifestReader[] = [];

  /** `prefix` names where a child reader's map is (`http.additional_rules[0].`). */
  constructor(
    readonly doc: Json,
    private readonly prefix = '',
    readonly warnings: DesignIssue[] = [],
    readonly issues: DesignIssue[] = [],
  ) {}

  /** Readers of the maps of a list (`http.additional_rules`), reporting into this one. */
  items(path: string): ManifestReader[] {
    const list = this.get(path);
    if (!Array.isArray(list)) return [];
    return list.flatMap((item, i) => {
      const at = `${this.prefix}${path}[${i}]`;
      if (!isMap(item)) {
        this.issues.push({ path: at, message: 'must be a map' });
        return [];
      }
      const child = new ManifestReader(item, `${at}.`, this.warnings, this.issues);
      this.children.push(child);
      return [child];
    });
  }

  /** The value at a dotted path (`http.healthcheck.path`), marked as read. */
  get(path: string): unknown {
    this.used.add(path);
    return this.peek(path);
  }

  /** The value at a path, not marked: to look at a field's form before reading its parts. */
  peek(path: string): unknown {
    let at: unknown = this.doc;
    for (const key of path.split('.')) {
      if (!isMap(at)) return undefined;
      at = at[key];
    }
    return at;
  }

  /** Marks a path read without reading it: a field the mapping covers by other means. */
  touch(path: string): void {
    this.used.add(path);
  }

  warn(path: string, message: string): void {
    this.warnings.push({ path: `${this.prefix}${path}`, message });
  }

  fail(path: string, message: string): void {
    this.issues.push({ path: `${this.prefix}${path}`, message });
  }

  str(path: string): string | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    this.fail(path, 'must be a string');
    return undefined;
  }

  int(path: string): number | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return undefined;
    const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
    if (typeof n === 'number' && Number.isInteger(n)) return n;
    this.fail(path, 'must be a whole number');
    return undefined;
  }

  bool(path: string): boolean | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    this.fail(path, 'must be true or false');
    return undefined;
  }

  /** A Go duration (`15s`, `2m30s`, `250ms`) in seconds; a bare number is seconds. */
  seconds(path: string): number | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return undefined;
    const s = parseDuration(v);
    if (s === undefined) this.fail(path, 'must be a duration such as 30s, 2m or 1h30m');
    return s;
  }

  /**
   * Paths of the manifest no mapping read. A map is named whole when nothing below it
   * was read and `whole(path)` says it is one thing (a field with its own note);
   * otherwise its parts are, so `network.connect` is named, not all of `network`.
   */
  unread(whole: (path: string, value: unknown) => boolean = () => true): string[] {
    const out: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (path !== '' && this.used.has(path)) return;
      const below = path === '' ? '' : `${path}.`;
      const anyUsedBelow = [...this.used].some((u) => u.startsWith(below));
      const empty = isMap(value) && Object.keys(value).length === 0;
      if (
        path !== '' &&
        (!isMap(value) || empty || (!anyUsedBelow && whole(`${this.prefix}${path}`, value)))
      ) {
        out.push(path);
        return;
      }
      if (isMap(value)) for (const [k, v] of Object.entries(value)) walk(v, `${below}${k}`);
    };
    walk(this.doc, '');
    return [
      ...out.map((p) => `${this.prefix}${p}`),
      ...this.children.flatMap((c) => c.unread(whole)),
    ];
  }
}

const UNITS: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 1e-6, ns: 1e-9 };

export function parseDuration(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const text = v.trim();
  if (text === '0') return 0;
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(h|ms|us|ns|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return undefined;
  return parts.reduce((sum, p) => sum + Number(p[1]) * (UNITS[p[2] ?? ''] ?? 0), 0);
}

/** Shell-style words, as Copilot splits a string `command` or `entrypoint` (google/shlex). */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < text.length)
        word = (word ?? '') + (text[++i] ?? '');
      else word = (word ?? '') + c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + (text[++i] ?? '');
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** 16 hex characters from a text: stable ids for the ARNs AWS would have made. */
export function hexId(text: string, length = 16): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).slice(0, length);
}
