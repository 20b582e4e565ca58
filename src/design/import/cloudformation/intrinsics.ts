/**
 * CloudFormation's intrinsic functions, evaluated where a template alone can say what they
 * give: Ref and Fn::GetAtt of its own resources and parameters, pseudo parameters,
 * Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::If with the template's Conditions,
 * Fn::FindInMap, Fn::GetAZs and Fn::Base64. What needs another stack or the account
 * (Fn::ImportValue, SSM parameters) comes back with the reason.
 */

export type Resolution = { ok: true; value: unknown } | { ok: false; why: string };

/** What `{ "Ref": "AWS::NoValue" }` gives: the property is left out, as CloudFormation does. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

export interface IntrinsicContext {
  ref(name: string): Resolution;
  getAtt(logicalId: string, attribute: string): Resolution;
  condition(name: string): Resolution;
  mapping(map: string, topKey: string, secondKey: string): Resolution;
  region: string;
}

const ok = (value: unknown): Resolution => ({ ok: true, value });
const fail = (why: string): Resolution => ({ ok: false, why });

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The intrinsic a one-key object is, if it is one. */
export function intrinsicOf(v: unknown): { fn: string; arg: unknown } | undefined {
  if (!isObject(v)) return undefined;
  const keys = Object.keys(v);
  const [fn] = keys;
  if (keys.length !== 1 || fn === undefined) return undefined;
  if (fn === 'Ref' || fn === 'Condition' || fn.startsWith('Fn::')) return { fn, arg: v[fn] };
  return undefined;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** Standard base64 of the text's UTF-8 bytes (Fn::Base64; no btoa, which takes Latin-1 only). */
export function base64(textValue: string): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes = new TextEncoder().encode(textValue);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += chars[(n >> 18) & 63];
    out += chars[(n >> 12) & 63];
    out += i + 1 < bytes.length ? chars[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? chars[n & 63] : '=';
  }
  return out;
}

function evaluateList(values: readonly unknown[], ctx: IntrinsicContext): Resolution {
  const out: unknown[] = [];
  for (const v of values) {
    const r = evaluate(v, ctx);
    if (!r.ok) return r;
    if (r.value !== NO_VALUE) out.push(r.value);
  }
  return ok(out);
}

function args(arg: unknown, fn: string, n: number): unknown[] | Resolution {
  if (!Array.isArray(arg) || arg.length < n) return fail(`${fn} takes a list of ${n}`);
  return arg;
}

function sub(arg: unknown, ctx: IntrinsicContext): Resolution {
  const [template, vars] = Array.isArray(arg) ? arg : [arg, {}];
  if (typeof template !== 'string') return fail('Fn::Sub takes a string');
  const own: Record<string, unknown> = {};
  if (isObject(vars)) {
    for (const [k, v] of Object.entries(vars)) {
      const r = evaluate(v, ctx);
      if (!r.ok) return r;
      own[k] = r.value;
    }
  }
  let failure: Resolution | undefined;
  // A name stops at `$`: `${${${...` with no `}` would rescan the rest from every `${`.
  const out = template.replace(/\$\{([^$}]*)\}/g, (whole, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    const trimmed = name.trim();
    let r: Resolution;
    if (Object.hasOwn(own, trimmed)) r = ok(own[trimmed]);
    else if (trimmed.includes('.') && !trimmed.startsWith('AWS::')) {
      const dot = trimmed.indexOf('.');
      r = ctx.getAtt(trimmed.slice(0, dot), trimmed.slice(dot + 1));
    } else r = ctx.ref(trimmed);
    if (!r.ok) {
      failure ??= r;
      return whole;
    }
    const t = text(r.value);
    if (t === undefined) failure ??= fail(`\${${trimmed}} is not a string in Fn::Sub`);
    return t ?? whole;
  });
  return failure ?? ok(out);
}

function condition(v: unknown, ctx: IntrinsicContext): Resolution {
  const r = evaluate(v, ctx);
  if (!r.ok) return r;
  if (typeof r.value === 'boolean') return r;
  if (r.value === 'true' || r.value === 'false') return ok(r.value === 'true');
  return fail('a condition must be true or false');
}

function evalIntrinsic(fn: string, arg: unknown, ctx: IntrinsicContext): Resolution {
  switch (fn) {
    case 'Ref':
      return typeof arg === 'string' ? ctx.ref(arg) : fail('Ref takes a name');
    case 'Condition':
      return typeof arg === 'string' ? ctx.condition(arg) : fail('Condition takes a name');
    case 'Fn::GetAtt': {
      const parts = typeof arg === 'string' ? arg.split(/\.(.*)/s, 2) : arg;
      if (!Array.isArray(parts) || parts.length !== 2) return fail('Fn::GetAtt takes [id, name]');
      const attr = evaluate(parts[1], ctx);
      if (!attr.ok) return attr;
      const [id] = parts;
      if (typeof id !== 'string' || typeof attr.value !== 'string')
        return fail('Fn::GetAtt takes [id, name]');
      return ctx.getAtt(id, attr.value);
    }
    case 'Fn::Sub':
      return sub(arg, ctx);
    case 'Fn::Join': {
      const a = args(arg, fn, 2);
      if (!Array.isArray(a)) return a;
      const list = evaluate(a[1], ctx);
      if (!list.ok) return list;
      if (typeof a[0] !== 'string' || !Array.isArray(list.value))
        return fail('Fn::Join takes [delimiter, list]');
      const parts = list.value.map(text);
      if (parts.some((p) => p === undefined)) return fail('Fn::Join joins strings only');
      return ok(parts.join(a[0]));
    }
    case 'Fn::Select': {
      const a = args(arg, fn, 2);
      if (!Array.isArray(a)) return a;
      const index = evaluate(a[0], ctx);
      const list = evaluate(a[1], ctx);
      if (!index.ok) return index;
      if (!list.ok) return list;
      const i = Number(index.value);
      if (!Array.isArray(list.value) || !Number.isInteger(i))
        return fail('Fn::Select takes [index, list]');
      return i >= 0 && i < list.value.length
        ? ok(list.value[i])
        : fail(`Fn::Select index ${i} is outside the list of ${list.value.length}`);
    }
    case 'Fn::Split': {
      const a = args(arg, fn, 2);
      if (!Array.isArray(a)) return a;
      const source = evaluate(a[1], ctx);
      if (!source.ok) return source;
      const t = text(source.value);
      if (typeof a[0] !== 'string' || t === undefined)
        return fail('Fn::Split takes [delimiter, string]');
      return ok(t.split(a[0]));
    }
    case 'Fn::If': {
      const a = args(arg, fn, 3);
      if (!Array.isArray(a)) return a;
      if (typeof a[0] !== 'string') return fail('Fn::If takes [condition, then, else]');
      const c = ctx.condition(a[0]);
      if (!c.ok) return c;
      return evaluate(c.value === true ? a[1] : a[2], ctx);
    }
    case 'Fn::Equals': {
      const a = args(arg, fn, 2);
      if (!Array.isArray(a)) return a;
      const l = evaluateList(a.slice(0, 2), ctx);
      if (!l.ok) return l;
      const [x, y] = l.value as unknown[];
      return ok(JSON.stringify(text(x) ?? x) === JSON.stringify(text(y) ?? y));
    }
    case 'Fn::Not': {
      const a = args(arg, fn, 1);
      if (!Array.isArray(a)) return a;
      const c = condition(a[0], ctx);
      return c.ok ? ok(!c.value) : c;
    }
    case 'Fn::And':
    case 'Fn::Or': {
      if (!Array.isArray(arg)) return fail(`${fn} takes a list of conditions`);
      const values: boolean[] = [];
      for (const v of arg) {
        const c = condition(v, ctx);
        if (!c.ok) return c;
        values.push(c.value === true);
      }
      return ok(fn === 'Fn::And' ? values.every(Boolean) : values.some(Boolean));
    }
    case 'Fn::FindInMap': {
      const a = args(arg, fn, 3);
      if (!Array.isArray(a)) return a;
      const keys = evaluateList(a.slice(0, 3), ctx);
      if (!keys.ok) return keys;
      const [m, k1, k2] = (keys.value as unknown[]).map(text);
      if (m === undefined || k1 === undefined || k2 === undefined)
        return fail('Fn::FindInMap takes [map, key, key]');
      return ctx.mapping(m, k1, k2);
    }
    case 'Fn::GetAZs': {
      const region = evaluate(arg, ctx);
      if (!region.ok) return region;
      const name = text(region.value) || ctx.region;
      // Model: a region's first three zones, as the design's zones are named (a, b, c).
      return ok(['a', 'b', 'c'].map((l) => `${name}${l}`));
    }
    case 'Fn::Base64': {
      const r = evaluate(arg, ctx);
      if (!r.ok) return r;
      const t = text(r.value);
      return t === undefined ? fail('Fn::Base64 takes a string') : ok(base64(t));
    }
    case 'Fn::ImportValue':
      return fail('Fn::ImportValue cannot be resolved inside this template');
    default:
      return fail(`${fn} is not evaluated by Berth`);
  }
}

/** A value with every intrinsic in it evaluated, or the first reason one cannot be. */
export function evaluate(value: unknown, ctx: IntrinsicContext): Resolution {
  const intrinsic = intrinsicOf(value);
  if (intrinsic) return evalIntrinsic(intrinsic.fn, intrinsic.arg, ctx);
  if (Array.isArray(value)) return evaluateList(value, ctx);
  if (!isObject(value)) return ok(value);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const r = evaluate(v, ctx);
    if (!r.ok) return r;
    if (r.value !== NO_VALUE) out[k] = r.value;
  }
  return ok(out);
}

export const LEFT_OUT: unique symbol = Symbol('left out');

/**
 * A template value with its intrinsics evaluated: what cannot be is left out, and
 * `warn` says where and why (`...Subnets[0]: Fn::ImportValue cannot be resolved inside
 * this template; left out`). Items of lists and properties of objects are left out one
 * by one; `path` is the template path of `value`.
 */
export function resolveValue(
  value: unknown,
  path: string,
  ctx: IntrinsicContext,
  warn: (path: string, message: string) => void,
): unknown {
  if (intrinsicOf(value)) {
    const r = evaluate(value, ctx);
    if (!r.ok) {
      warn(path, `${r.why}; left out`);
      return LEFT_OUT;
    }
    return r.value === NO_VALUE ? LEFT_OUT : r.value;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    value.forEach((v, i) => {
      const r = resolveValue(v, `${path}[${i}]`, ctx, warn);
      if (r !== LEFT_OUT) out.push(r);
    });
    return out;
  }
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const key = /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
    const r = resolveValue(v, `${path}${key}`, ctx, warn);
    if (r !== LEFT_OUT) out[k] = r;
  }
  return out;
}
