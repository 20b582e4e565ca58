import { describe, expect, it } from 'vitest';
import type { ListenerRule, RuleCondition } from '../../design';
import { conditionMatches, inCidr, matchRule, type RuleRequest, wildcardMatch } from './rules';

const LISTENER = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/front/1/2';

const rule = (Priority: number, ...Conditions: RuleCondition[]): ListenerRule => ({
  ListenerArn: LISTENER,
  RuleArn: `rule-${Priority}`,
  Priority,
  Conditions,
  Actions: [{ Type: 'forward', TargetGroupArn: `tg-${Priority}` }],
});
const path = (...Values: string[]): RuleCondition => ({
  Field: 'path-pattern',
  PathPatternConfig: { Values },
});
const host = (...Values: string[]): RuleCondition => ({ Field: 'host-header', Values });

describe('wildcards (ecs-behavior §14.5: * is 0 or more characters, ? exactly one)', () => {
  it.each([
    ['/api/*', '/api/orders', true],
    ['/api/*', '/api/', true],
    ['/api/*', '/api', false],
    ['/api/*', '/apix/orders', false],
    ['*.example.com', 'api.example.com', true],
    ['*.example.com', 'example.com', false],
    ['/v?/users', '/v2/users', true],
    ['/v?/users', '/v10/users', false],
    ['/v?/users', '/v/users', false],
    ['/img/*.png', '/img/a/b.png', true],
    ['/img/*.png', '/img/a.png.gz', false],
    ['*', '', true],
    ['a*b*c', 'aXbYbZc', true],
    ['a*b*c', 'aXcYb', false],
    ['/exact', '/exact', true],
    ['/exact', '/exact/', false],
  ])('%s against %s: %s', (pattern, text, expected) => {
    expect(wildcardMatch(pattern, text)).toBe(expected);
  });

  it('with escapes (query strings), \\* and \\? stand for themselves', () => {
    expect(wildcardMatch('a\\*', 'a*', { escapes: true })).toBe(true);
    expect(wildcardMatch('a\\*', 'ab', { escapes: true })).toBe(false);
    expect(wildcardMatch('a\\?', 'a?', { escapes: true })).toBe(true);
    expect(wildcardMatch('a\\?', 'ab', { escapes: true })).toBe(false);
  });
});

describe('source-ip CIDR blocks', () => {
  it.each([
    ['203.0.113.7', '203.0.113.0/24', true],
    ['203.0.114.7', '203.0.113.0/24', false],
    ['10.1.2.3', '10.0.0.0/8', true],
    ['10.1.2.3', '0.0.0.0/0', true],
    ['10.1.2.3', '10.1.2.3/32', true],
    ['10.1.2.4', '10.1.2.3/32', false],
    ['2001:db8::1', '2001:db8::/32', true],
    ['2001:db9::1', '2001:db8::/32', false],
    ['::ffff:203.0.113.7', '::ffff:203.0.113.0/120', true],
    ['203.0.113.7', '::/0', false],
    ['2001:db8::1', '0.0.0.0/0', false],
  ])('%s in %s: %s', (ip, cidr, expected) => {
    expect(inCidr(ip, cidr)).toBe(expected);
  });
});

describe('conditions: what each field compares, and its case rules', () => {
  const req: RuleRequest = {
    path: '/API/orders',
    host: 'Api.Example.com',
    method: 'POST',
    headers: { 'User-Agent': 'Mobile Safari' },
    query: { version: 'V2', debug: 'true' },
    sourceIp: '198.51.100.20',
  };
  it.each<[string, RuleCondition, boolean]>([
    ['host-header is case-insensitive', host('api.example.com'), true],
    ['host-header with a wildcard', host('*.EXAMPLE.COM'), true],
    ['host-header: one of its values is enough', host('www.example.com', 'api.*'), true],
    [
      'host-header in HostHeaderConfig',
      { Field: 'host-header', HostHeaderConfig: { Values: ['api.example.com'] } },
      true,
    ],
    ['path-pattern is case-sensitive', path('/api/*'), false],
    ['path-pattern matching case', path('/API/*'), true],
    ['path-pattern in the Values form', { Field: 'path-pattern', Values: ['/API/*'] }, true],
    [
      'http-header: the name and values case-insensitive',
      {
        Field: 'http-header',
        HttpHeaderConfig: { HttpHeaderName: 'user-agent', Values: ['*mobile*'] },
      },
      true,
    ],
    [
      'http-header the request lacks',
      { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Canary', Values: ['*'] } },
      false,
    ],
    [
      'http-request-method exact',
      { Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET', 'POST'] } },
      true,
    ],
    [
      'http-request-method is case-sensitive',
      { Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['post'] } },
      false,
    ],
    [
      'query-string key and value, case-insensitive',
      { Field: 'query-string', QueryStringConfig: { Values: [{ Key: 'version', Value: 'v2' }] } },
      true,
    ],
    [
      'query-string value under any key',
      { Field: 'query-string', QueryStringConfig: { Values: [{ Value: 'tr?e' }] } },
      true,
    ],
    [
      'query-string value under another key',
      { Field: 'query-string', QueryStringConfig: { Values: [{ Key: 'debug', Value: 'v2' }] } },
      false,
    ],
    [
      'source-ip in a block',
      { Field: 'source-ip', SourceIpConfig: { Values: ['10.0.0.0/8', '198.51.100.0/24'] } },
      true,
    ],
    [
      'source-ip outside every block',
      { Field: 'source-ip', SourceIpConfig: { Values: ['10.0.0.0/8'] } },
      false,
    ],
  ])('%s', (_label, condition, expected) => {
    expect(conditionMatches(condition, req)).toBe(expected);
  });

  it('a request without the part a condition looks at does not match it', () => {
    expect(conditionMatches(path('*'), {})).toBe(false);
    expect(conditionMatches(host('*'), { path: '/' })).toBe(false);
    expect(
      conditionMatches(
        { Field: 'source-ip', SourceIpConfig: { Values: ['0.0.0.0/0'] } },
        { path: '/' },
      ),
    ).toBe(false);
  });
});

describe('rules by priority, the first that matches all its conditions', () => {
  const rules = [
    rule(30, path('/api/*')),
    rule(10, path('/api/admin/*'), host('admin.example.com')),
    rule(20, path('/api/v?/*')),
    rule(5, host('static.example.com')),
  ];
  it.each<[string, RuleRequest, string | undefined]>([
    ['lowest priority first, not the design order', { path: '/api/v2/orders' }, 'rule-20'],
    ['a broader rule catches the rest of /api', { path: '/api/orders' }, 'rule-30'],
    [
      'every condition must match: the host fails, the next rule takes it',
      { path: '/api/admin/users', host: 'www.example.com' },
      'rule-30',
    ],
    ['every condition matches', { path: '/api/admin/users', host: 'ADMIN.example.com' }, 'rule-10'],
    ['a host rule above every path rule', { path: '/api/x', host: 'static.example.com' }, 'rule-5'],
    ['nothing matches: the default action', { path: '/', host: 'www.example.com' }, undefined],
    ['a request with nothing to match: the default action', {}, undefined],
  ])('%s', (_label, req, expected) => {
    expect(matchRule(rules, req)?.RuleArn).toBe(expected);
  });
});
