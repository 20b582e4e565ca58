import { conditionValues, type ListenerRule, type RuleCondition } from '../../design';

/**
 * ALB listener rules as ALB evaluates them (ecs-behavior §14.5): a listener's rules by
 * Priority, lowest first; the first whose every condition matches takes the request, and
 * a request no rule takes goes to the default action. Within a condition, one matching
 * value is enough. Pure: the design's rules and a request in, a rule out.
 *
 * Model: a request part the traffic entry leaves out (no `path`, no `host`, ...)
 * satisfies no condition on it, so a plain entry takes the default action.
 */

/** The parts of a request a rule can look at (a design `traffic` entry has them). */
export interface RuleRequest {
  path?: string | undefined;
  host?: string | undefined;
  method?: string | undefined;
  headers?: Record<string, string> | undefined;
  query?: Record<string, string> | undefined;
  sourceIp?: string | undefined;
}

/**
 * `*` is 0 or more characters, `?` exactly one. With `escapes` (query strings), `\*`,
 * `\?` and `\\` stand for themselves.
 */
export function wildcardMatch(
  pattern: string,
  text: string,
  opts: { ignoreCase?: boolean; escapes?: boolean } = {},
): boolean {
  const p = opts.ignoreCase ? pattern.toLowerCase() : pattern;
  const t = opts.ignoreCase ? text.toLowerCase() : text;
  const tokens: string[] = [];
  for (let i = 0; i < p.length; i++) {
    const ch = p[i] ?? '';
    if (opts.escapes && ch === '\\' && i + 1 < p.length) tokens.push(`\\${p[++i]}`);
    else tokens.push(ch);
  }
  // Greedy with one backtrack point: linear in practice for ELB's 128-character values.
  let ti = 0;
  let pi = 0;
  let starAt = -1;
  let starText = 0;
  while (ti < t.length) {
    const tok = tokens[pi];
    if (tok === '*') {
      starAt = pi++;
      starText = ti;
    } else if (tok !== undefined && (tok === '?' || tok.at(-1) === t[ti])) {
      pi++;
      ti++;
    } else if (starAt >= 0) {
      pi = starAt + 1;
      ti = ++starText;
    } else return false;
  }
  while (tokens[pi] === '*') pi++;
  return pi === tokens.length;
}

/** An address as bits: IPv4 in 32, IPv6 in 128 (`::` and a dotted IPv4 tail allowed). */
function addressBits(ip: string): { bits: bigint; width: number } | undefined {
  if (!ip.includes(':')) {
    const parts = ip.split('.');
    if (parts.length !== 4 || parts.some((x) => !/^\d{1,3}$/.test(x) || Number(x) > 255))
      return undefined;
    return { bits: parts.reduce((n, x) => (n << 8n) | BigInt(x), 0n), width: 32 };
  }
  let text = ip;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (tail) {
    const v4 = addressBits(tail);
    if (!v4) return undefined;
    const hi = Number(v4.bits >> 16n).toString(16);
    const lo = Number(v4.bits & 0xffffn).toString(16);
    text = `${text.slice(0, -tail.length)}${hi}:${lo}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0] ?? '');
  const rest = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return { bits: all.reduce((n, g) => (n << 16n) | BigInt(`0x${g}`), 0n), width: 128 };
}

/** Whether an address is in a CIDR block; IPv4 and IPv6 never match each other. */
export function inCidr(ip: string, cidr: string): boolean {
  const [base = '', size = ''] = cidr.split('/');
  const a = addressBits(ip);
  const b = addressBits(base);
  const prefix = Number(size);
  if (!a || !b || a.width !== b.width || !/^\d+$/.test(size) || prefix > a.width) return false;
  const shift = BigInt(a.width - prefix);
  return a.bits >> shift === b.bits >> shift;
}

/** A header's value by its name, which HTTP compares case-insensitively. */
function headerValue(req: RuleRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(req.headers ?? {})) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

export function conditionMatches(c: RuleCondition, req: RuleRequest): boolean {
  const any = (text: string | undefined, opts: Parameters<typeof wildcardMatch>[2]) =>
    text !== undefined && conditionValues(c).some((v) => wildcardMatch(v, text, opts));
  switch (c.Field) {
    case 'host-header':
      return any(req.host, { ignoreCase: true });
    case 'path-pattern':
      return any(req.path, {});
    case 'http-header': {
      const name = c.HttpHeaderConfig?.HttpHeaderName;
      return name !== undefined && any(headerValue(req, name), { ignoreCase: true });
    }
    case 'http-request-method':
      // Case-sensitive, no wildcards.
      return req.method !== undefined && conditionValues(c).includes(req.method);
    case 'query-string': {
      const query = Object.entries(req.query ?? {});
      const opts = { ignoreCase: true, escapes: true };
      return (c.QueryStringConfig?.Values ?? []).some((pair) =>
        query.some(
          ([k, v]) =>
            (pair.Key === undefined || wildcardMatch(pair.Key, k, opts)) &&
            wildcardMatch(pair.Value, v, opts),
        ),
      );
    }
    case 'source-ip': {
      const ip = req.sourceIp;
      return ip !== undefined && conditionValues(c).some((cidr) => inCidr(ip, cidr));
    }
  }
}

export function ruleMatches(rule: Pick<ListenerRule, 'Conditions'>, req: RuleRequest): boolean {
  return rule.Conditions.every((c) => conditionMatches(c, req));
}

/** The rule that takes the request: the lowest Priority whose conditions all match. */
export function matchRule<R extends Pick<ListenerRule, 'Conditions' | 'Priority'>>(
  rules: readonly R[],
  req: RuleRequest,
): R | undefined {
  let best: R | undefined;
  for (const r of rules)
    if ((best === undefined || r.Priority < best.Priority) && ruleMatches(r, req)) best = r;
  return best;
}

/**
 * The key a rule's route is kept under (ctx.routes): its RuleArn, else one made from its
 * listener and priority, which the gate keeps unique per listener. A listener's default
 * action is kept under the ListenerArn.
 */
export function ruleRouteKey(rule: Pick<ListenerRule, 'ListenerArn' | 'RuleArn' | 'Priority'>) {
  return rule.RuleArn ?? `${rule.ListenerArn}#priority/${rule.Priority}`;
}
