import type { ContainerDefinition } from '../../aws-shapes';
import type { Listener, ListenerRule, LoadBalancer, TargetGroup } from '../../elb-shapes';
import { ensurePort, portOf } from './containers';
import { type Ctx, elbName } from './context';
import { hexId, isMap } from './reader';

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
    rule: (port: number) =>
      `${prefix}:listener-rule/${kind}/${lbName}/${lbId}/${hexId(`listener:${lbName}:${port}`)}/${hexId(`rule:${lbName}:${port}`)}`,
  };
}

/** The container a load balancer sends to, and the port it sends on (Copilot's rules). */
function targetOf(
  ctx: Ctx,
  containers: Container[],
  at: 'http' | 'nlb',
  defaultPort: number | undefined,
): { container: Container; port: number } | undefined {
  const { m } = ctx;
  const name = m.str(`${at}.target_container`) ?? ctx.name;
  const container = containers.find((c) => c.name === name);
  if (!container) {
    m.fail(`${at}.target_container`, `${name} is neither the service nor one of its sidecars`);
    return undefined;
  }
  const own = container.portMappings?.[0]?.containerPort;
  const port = m.int(`${at}.target_port`) ?? (name === ctx.name ? defaultPort : own) ?? own;
  if (port === undefined) {
    m.fail(at === 'http' ? 'image.port' : 'nlb.target_port', 'is required to receive traffic');
    return undefined;
  }
  return { container, port };
}

/**
 * An Application Load Balancer for `http` (internet-facing for a Load Balanced Web
 * Service, internal for a Backend Service), listening on 80 (443 with an alias),
 * with a target group on the container's port. `http.path` `/` is the listener's
 * default action; any other path a rule matching it and what is below it, as Copilot
 * writes (`/api`, `/api/*`), with the listener answering 404 otherwise.
 */
function albOf(ctx: Ctx, containers: Container[], out: LoadBalancing, internal: boolean) {
  const { m } = ctx;
  const imagePort = portOf(m.peek('image.port'))?.port;
  const target = targetOf(ctx, containers, 'http', imagePort);
  if (!target) return;
  ensurePort(target.container, target.port, 'tcp');
  const lbName = elbName(ctx.family);
  const a = arns(ctx, lbName, 'app');
  const tgName = elbName(ctx.family, '-http');
  const tgArn = a.tg(tgName);
  const hc = m.peek('http.healthcheck');
  const at = 'http.healthcheck';
  if (typeof hc === 'string') m.touch(at);
  const hcPath = typeof hc === 'string' ? hc : (m.str(`${at}.path`) ?? '/');
  const hcPort = isMap(hc) ? m.int(`${at}.port`) : undefined;
  const tg: Loose<TargetGroup> = {
    Name: tgName,
    TargetGroupArn: tgArn,
    Protocol: target.port === 443 ? 'HTTPS' : 'HTTP',
    Port: target.port,
    TargetType: 'ip',
    HealthCheckPath: hcPath,
  };
  if ((hcPort ?? target.port) === 443) tg.HealthCheckProtocol = 'HTTPS';
  if (hcPort !== undefined) tg.HealthCheckPort = String(hcPort);
  if (isMap(hc)) {
    const codes = m.str(`${at}.success_codes`);
    if (codes) tg.Matcher = { HttpCode: codes };
    const healthy = m.int(`${at}.healthy_threshold`);
    if (healthy !== undefined) tg.HealthyThresholdCount = healthy;
    const unhealthy = m.int(`${at}.unhealthy_threshold`);
    if (unhealthy !== undefined) tg.UnhealthyThresholdCount = unhealthy;
    const interval = m.seconds(`${at}.interval`);
    if (interval !== undefined) tg.HealthCheckIntervalSeconds = Math.round(interval);
    const timeout = m.seconds(`${at}.timeout`);
    if (timeout !== undefined) tg.HealthCheckTimeoutSeconds = Math.round(timeout);
    const grace = m.seconds(`${at}.grace_period`);
    if (grace !== undefined) out.gracePeriodSeconds = Math.round(grace);
  }
  const version = m.str('http.version');
  if (version)
    tg.ProtocolVersion = version.toLowerCase() === 'grpc' ? 'GRPC' : version.toUpperCase();
  const delay = m.seconds('http.deregistration_delay') ?? DEREGISTRATION_DELAY_SECONDS;
  tg.Attributes = [
    { Key: 'deregistration_delay.timeout_seconds', Value: String(Math.round(delay)) },
    { Key: 'stickiness.enabled', Value: String(m.bool('http.stickiness') ?? false) },
  ];
  out.targetGroups.push(tg);
  out.loadBalancers.push({
    Name: lbName,
    LoadBalancerArn: a.lb,
    Type: 'application',
    Scheme: internal ? 'internal' : 'internet-facing',
  });

  const rawPath = m.str('http.path') ?? '/';
  const path = rawPath.startsWith('/') ? rawPath.replace(/\/+$/, '') || '/' : `/${rawPath}`;
  const forward = [{ Type: 'forward' as const, TargetGroupArn: tgArn }];
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
  for (const port of ports) {
    const listenerArn = a.listener(port);
    const routes = !(port === 80 && redirect);
    const listener: Loose<Listener> = {
      LoadBalancerArn: a.lb,
      ListenerArn: listenerArn,
      Protocol: port === 443 ? 'HTTPS' : 'HTTP',
      Port: port,
      DefaultActions: !routes
        ? [
            {
              Type: 'redirect',
              RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' },
            },
          ]
        : path === '/'
          ? forward
          : [
              {
                Type: 'fixed-response',
                FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain' },
              },
            ],
    };
    out.listeners.push(listener);
    if (routes && path !== '/')
      out.listenerRules.push({
        ListenerArn: listenerArn,
        RuleArn: a.rule(port),
        Priority: 1,
        Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: [path, `${path}/*`] } }],
        Actions: forward,
      });
  }
  out.entries.push({
    targetGroupArn: tgArn,
    containerName: target.container.name,
    containerPort: target.port,
  });
  out.alb = { lbArn: a.lb, tgArn };
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
  const target = targetOf(ctx, containers, 'nlb', listenPort);
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
