import type { ContainerDefinition } from '../../aws-shapes';
import type { Listener, ListenerRule, LoadBalancer, TargetGroup } from '../../elb-shapes';
import { ensurePort, portOf } from './containers';
import { type Ctx, elbName } from './context';
import { hexId, isMap, type ManifestReader } from './reader';

type Container = ContainerDefinition & Record<string, unknown>;
type Loose<T> = T & Record<string, unknown>;

export interface LoadBalancing {
  loadBalancers: Loose<LoadBalancer>[];
  targetGroups: Loose<TargetGroup>[];
  listeners: Loose<Listener>[];
  listenerRules: Loose<ListenerRule>[];
  /** CreateService `loadBalancers`. */
  entries: { targetGroupArn: string; containerName: string; containerPort: number }[];
  /** Copilot's grace period: `http.healthcheck.grace_period` (or the NLB's), 60 s by default. */
  gracePeriodSeconds?: number;
  /** The ALB's target group, for `count.requests` and `count.response_time`. */
  alb?: { lbArn: string; tgArn: string };
}

/** Copilot's deregistration delay when the manifest gives none (manifest/lb_web_svc.go: 60). */
const DEREGISTRATION_DELAY_SECONDS = 60;
const GRACE_PERIOD_SECONDS = 60;

function arns(ctx: Ctx, lbName: string, kind: 'app' | 'net') {
  const prefix = `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.accountId}`;
  const lbId = hexId(`lb:${lbName}`);
  return {
    lb: `${prefix}:loadbalancer/${kind}/${lbName}/${lbId}`,
    tg: (tgName: string) => `${prefix}:targetgroup/${tgName}/${hexId(`tg:${tgName}`)}`,
    listener: (port: number) =>
      `${prefix}:listener/${kind}/${lbName}/${lbId}/${hexId(`listener:${lbName}:${port}`)}`,
    rule: (port: number, priority: number) =>
      `${prefix}:listener-rule/${kind}/${lbName}/${lbId}/${hexId(`listener:${lbName}:${port}`)}/${hexId(`rule:${lbName}:${port}:${priority}`)}`,
  };
}

/** The container a load balancer sends to, and the port it sends on (Copilot's rules). */
function targetOf(
  ctx: Ctx,
  r: ManifestReader,
  base: string,
  containers: Container[],
  defaultPort: number | undefined,
): { container: Container; port: number } | undefined {
  const name = r.str(`${base}target_container`) ?? ctx.name;
  const container = containers.find((c) => c.name === name);
  if (!container) {
    r.fail(`${base}target_container`, `${name} is neither the service nor one of its sidecars`);
    return undefined;
  }
  const own = container.portMappings?.[0]?.containerPort;
  const port = r.int(`${base}target_port`) ?? (name === ctx.name ? defaultPort : own) ?? own;
  if (port === undefined) {
    ctx.m.fail(
      base === 'nlb.' ? 'nlb.target_port' : 'image.port',
      'is required to receive traffic',
    );
    return undefined;
  }
  return { container, port };
}

/** A routing rule's target group (partials/cf/alb.yml), its health check as the manifest says. */
function targetGroupOf(r: ManifestReader, base: string, name: string, arn: string, port: number) {
  const tg: Loose<TargetGroup> = {
    Name: name,
    TargetGroupArn: arn,
    Protocol: port === 443 ? 'HTTPS' : 'HTTP',
    Port: port,
    TargetType: 'ip',
  };
  const at = `${base}healthcheck`;
  const hc = r.peek(at);
  if (typeof hc === 'string') r.touch(at);
  tg.HealthCheckPath = typeof hc === 'string' ? hc : (r.str(`${at}.path`) ?? '/');
  const hcPort = isMap(hc) ? r.int(`${at}.port`) : undefined;
  if ((hcPort ?? port) === 443) tg.HealthCheckProtocol = 'HTTPS';
  if (hcPort !== undefined) tg.HealthCheckPort = String(hcPort);
  let graceSeconds: number | undefined;
  if (isMap(hc)) {
    const codes = r.str(`${at}.success_codes`);
    if (codes) tg.Matcher = { HttpCode: codes };
    const healthy = r.int(`${at}.healthy_threshold`);
    if (healthy !== undefined) tg.HealthyThresholdCount = healthy;
    const unhealthy = r.int(`${at}.unhealthy_threshold`);
    if (unhealthy !== undefined) tg.UnhealthyThresholdCount = unhealthy;
    const interval = r.seconds(`${at}.interval`);
    if (interval !== undefined) tg.HealthCheckIntervalSeconds = Math.round(interval);
    const timeout = r.seconds(`${at}.timeout`);
    if (timeout !== undefined) tg.HealthCheckTimeoutSeconds = Math.round(timeout);
    graceSeconds = r.seconds(`${at}.grace_period`);
  }
  const version = r.str(`${base}version`);
  if (version)
    tg.ProtocolVersion = version.toLowerCase() === 'grpc' ? 'GRPC' : version.toUpperCase();
  const delay = r.seconds(`${base}deregistration_delay`) ?? DEREGISTRATION_DELAY_SECONDS;
  tg.Attributes = [
    { Key: 'deregistration_delay.timeout_seconds', Value: String(Math.round(delay)) },
    { Key: 'stickiness.enabled', Value: String(r.bool(`${base}stickiness`) ?? false) },
  ];
  return { tg, graceSeconds };
}

/** Copilot's rule path: a leading slash added, a trailing one dropped; `''` is `/`. */
function rulePath(raw: string | undefined): string {
  const path = raw ?? '/';
  return path.startsWith('/') ? path.replace(/\/+$/, '') || '/' : `/${path}`;
}

/**
 * An Application Load Balancer for `http` (internet-facing for a Load Balanced Web
 * Service, internal for a Backend Service), listening on 80 (443 with an alias), a
 * target group per routing rule (`http` itself, then each of `http.additional_rules`)
 * on its container's port. The main rule's path `/` is the listener's default action
 * (unless `allowed_source_ips` limits it); any other path is a rule matching it and
 * what is below it, as Copilot writes (`/api`, `/api/*`; `/` alone as `/*`), with a
 * source-ip condition for `allowed_source_ips`, and the listener answering 404 where
 * no rule matches.
 */
function albOf(ctx: Ctx, containers: Container[], out: LoadBalancing, internal: boolean) {
  const { m } = ctx;
  const imagePort = portOf(m.peek('image.port'))?.port;
  const lbName = elbName(ctx.family);
  const a = arns(ctx, lbName, 'app');
  const rules = [
    { r: m, base: 'http.' },
    ...m.items('http.additional_rules').map((r) => ({ r, base: '' })),
  ];
  const https = m.peek('http.alias') !== undefined;
  if (https) {
    m.touch('http.alias');
    m.warn(
      'http.alias',
      'names DNS records and a certificate, which Berth does not model: the listener is HTTPS on 443, without its certificate or host-header conditions',
    );
  }
  const redirect = https && m.bool('http.redirect_to_https') !== false;
  const ports = https ? [443, 80] : [80];
  const routed = ports.filter((port) => !(port === 80 && redirect));
  const defaults = new Map<number, Loose<Listener>['DefaultActions']>();
  let priority = 0;
  let rootPriority = 50000;
  for (const [i, { r, base }] of rules.entries()) {
    const target = targetOf(ctx, r, base, containers, imagePort);
    if (!target) continue;
    ensurePort(target.container, target.port, 'tcp');
    const tgName = elbName(ctx.family, i === 0 ? '-http' : `-http-${i}`);
    const tgArn = a.tg(tgName);
    const { tg, graceSeconds } = targetGroupOf(r, base, tgName, tgArn, target.port);
    out.targetGroups.push(tg);
    if (i === 0) {
      if (graceSeconds !== undefined) out.gracePeriodSeconds = Math.round(graceSeconds);
      out.alb = { lbArn: a.lb, tgArn };
    }
    out.entries.push({
      targetGroupArn: tgArn,
      containerName: target.container.name,
      containerPort: target.port,
    });
    const path = rulePath(r.str(`${base}path`));
    const forward = [{ Type: 'forward' as const, TargetGroupArn: tgArn }];
    const sources = r.get(`${base}allowed_source_ips`);
    const sourceIps = Array.isArray(sources) ? sources.map(String) : [];
    if (i === 0 && path === '/' && sourceIps.length === 0) {
      for (const port of routed) defaults.set(port, forward);
      continue;
    }
    // Copilot's rule priorities (cf-custom-resources alb-rule-priority-generator.js):
    // paths from 1 up, catch-alls (`/`) from 50000 down, so they match last.
    let at = rootPriority;
    if (path === '/') rootPriority -= 1;
    else {
      priority += 1;
      at = priority;
    }
    const values = path === '/' ? ['/*'] : [path, `${path}/*`];
    const conditions: Loose<ListenerRule>['Conditions'] = [
      ...(sourceIps.length > 0
        ? [{ Field: 'source-ip' as const, SourceIpConfig: { Values: sourceIps } }]
        : []),
      { Field: 'path-pattern', PathPatternConfig: { Values: values } },
    ];
    for (const port of routed)
      out.listenerRules.push({
        ListenerArn: a.listener(port),
        RuleArn: a.rule(port, at),
        Priority: at,
        Conditions: conditions,
        Actions: forward,
      });
  }
  if (out.targetGroups.length === 0) return;
  out.loadBalancers.push({
    Name: lbName,
    LoadBalancerArn: a.lb,
    Type: 'application',
    Scheme: internal ? 'internal' : 'internet-facing',
  });
  for (const port of ports)
    out.listeners.push({
      LoadBalancerArn: a.lb,
      ListenerArn: a.listener(port),
      Protocol: port === 443 ? 'HTTPS' : 'HTTP',
      Port: port,
      DefaultActions: !routed.includes(port)
        ? [
            {
              Type: 'redirect',
              RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' },
            },
          ]
        : (defaults.get(port) ?? [
            {
              Type: 'fixed-response',
              FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain' },
            },
          ]),
    });
}

/**
 * `nlb`: a Network Load Balancer of the service's own (partials/cf/nlb.yml), a listener
 * on `nlb.port` (tcp unless it says udp or tls) and a target group on the target port;
 * TLS ends at the listener, so its group is TCP.
 */
function nlbOf(ctx: Ctx, containers: Container[], out: LoadBalancing) {
  const { m } = ctx;
  const m2 = /^(\d+)(?:\/(tcp|udp|tls))?$/i.exec(m.str('nlb.port') ?? '');
  if (!m2) {
    m.fail('nlb.port', 'is required, as 80, 80/tcp, 53/udp or 443/tls');
    return;
  }
  const listenPort = Number(m2[1]);
  const protocol = (m2[2] ?? 'tcp').toUpperCase() as 'TCP' | 'UDP' | 'TLS';
  const target = targetOf(ctx, m, 'nlb.', containers, listenPort);
  if (!target) return;
  ensurePort(target.container, target.port, protocol === 'UDP' ? 'udp' : 'tcp');
  const lbName = elbName(ctx.family, '-nlb');
  const a = arns(ctx, lbName, 'net');
  const tgName = elbName(ctx.family, '-nlb');
  const tgArn = a.tg(tgName);
  const tg: Loose<TargetGroup> = {
    Name: tgName,
    TargetGroupArn: tgArn,
    Protocol: protocol === 'TLS' ? 'TCP' : protocol,
    Port: target.port,
    TargetType: 'ip',
  };
  const at = 'nlb.healthcheck';
  const hcPort = m.int(`${at}.port`);
  if (hcPort !== undefined) tg.HealthCheckPort = String(hcPort);
  const healthy = m.int(`${at}.healthy_threshold`);
  if (healthy !== undefined) tg.HealthyThresholdCount = healthy;
  const unhealthy = m.int(`${at}.unhealthy_threshold`);
  if (unhealthy !== undefined) tg.UnhealthyThresholdCount = unhealthy;
  const interval = m.seconds(`${at}.interval`);
  if (interval !== undefined) tg.HealthCheckIntervalSeconds = Math.round(interval);
  const timeout = m.seconds(`${at}.timeout`);
  if (timeout !== undefined) tg.HealthCheckTimeoutSeconds = Math.round(timeout);
  const grace = m.seconds(`${at}.grace_period`);
  if (grace !== undefined && out.gracePeriodSeconds === undefined)
    out.gracePeriodSeconds = Math.round(grace);
  const delay = m.seconds('nlb.deregistration_delay') ?? DEREGISTRATION_DELAY_SECONDS;
  tg.Attributes = [
    { Key: 'deregistration_delay.timeout_seconds', Value: String(Math.round(delay)) },
  ];
  const sticky = m.bool('nlb.stickiness');
  if (sticky && protocol !== 'TLS')
    tg.Attributes.push({ Key: 'stickiness.enabled', Value: 'true' });
  out.targetGroups.push(tg);
  out.loadBalancers.push({
    Name: lbName,
    LoadBalancerArn: a.lb,
    Type: 'network',
    Scheme: 'internet-facing',
  });
  const listener: Loose<Listener> = {
    LoadBalancerArn: a.lb,
    ListenerArn: a.listener(listenPort),
    Protocol: protocol,
    Port: listenPort,
    DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }],
  };
  const policy = m.str('nlb.ssl_policy');
  if (protocol === 'TLS') listener.SslPolicy = policy ?? 'ELBSecurityPolicy-TLS13-1-2-2021-06';
  out.listeners.push(listener);
  out.entries.push({
    targetGroupArn: tgArn,
    containerName: target.container.name,
    containerPort: target.port,
  });
}

/** The load balancers a manifest asks for, by its type (Copilot's service types). */
export function loadBalancingOf(ctx: Ctx, containers: Container[]): LoadBalancing {
  const { m } = ctx;
  const out: LoadBalancing = {
    loadBalancers: [],
    targetGroups: [],
    listeners: [],
    listenerRules: [],
    entries: [],
  };
  const http = m.peek('http');
  if (ctx.type === 'Load Balanced Web Service') {
    if (http === false) m.touch('http');
    else albOf(ctx, containers, out, false);
    if (isMap(m.peek('nlb'))) nlbOf(ctx, containers, out);
    if (http === false && !isMap(m.peek('nlb')))
      m.fail('http', 'is false and there is no nlb: a Load Balanced Web Service needs one of them');
  } else if (ctx.type === 'Backend Service' && isMap(http)) {
    albOf(ctx, containers, out, true);
  }
  if (out.entries.length > 0) out.gracePeriodSeconds ??= GRACE_PERIOD_SECONDS;
  return out;
}
