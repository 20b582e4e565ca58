import type { DesignDocument, Listener, TargetGroup } from '../../../design';
import { hex16, uniqueName } from '../ids';
import { listenersOf, loadBalancerNamed } from '../load-balancers';

const ACCOUNT = '123456789012';

/** The first port from 8080 up that no listener of the load balancer holds (ELB: one per port). */
function freePort(taken: readonly number[]): number {
  let port = 8080;
  while (taken.includes(port)) port++;
  return port;
}

/**
 * CreateTargetGroup (TargetType `instance`, port 80) and CreateListener on the load
 * balancer's next free port forwarding to it: a second way in, for a second service or a
 * second revision. A Classic ELB has no target groups: refused, saying so.
 * Model: the listener is new rather than a rule on port 80, so nothing 80 serves changes.
 */
export function addTargetGroup(
  design: DesignDocument,
  lbName: string,
): { design: DesignDocument; name: string; port: number } | { refusal: string } {
  const lb = loadBalancerNamed(design, lbName);
  if (!lb) return { refusal: `There is no load balancer ${lbName}.` };
  if (lb.Type === 'classic' || lb.LoadBalancerArn === undefined)
    return {
      refusal: `${lbName} is a Classic Load Balancer: it sends to instances, not target groups.`,
    };
  const name = uniqueName(`${lbName}-tg`, new Set((design.targetGroups ?? []).map((g) => g.Name)));
  const port = freePort(listenersOf(design, lb).map((l) => l.Port ?? 0));
  const protocol = lb.Type === 'network' ? 'TCP' : 'HTTP';
  const arn = (resource: string) =>
    `arn:aws:elasticloadbalancing:${design.region}:${ACCOUNT}:${resource}`;
  const TargetGroupArn = arn(`targetgroup/${name}/${hex16(`${design.seed}:tg:${name}`)}`);
  const group: TargetGroup = {
    Name: name,
    Protocol: protocol,
    Port: 80,
    TargetType: 'instance',
    ...(lb.Type === 'application' ? { HealthCheckPath: '/' } : {}),
    TargetGroupArn,
  };
  const short = lb.Type === 'network' ? 'net' : 'app';
  const lbHex = lb.LoadBalancerArn.split('/').pop() ?? hex16(lbName);
  const listener: Listener = {
    LoadBalancerArn: lb.LoadBalancerArn,
    Protocol: protocol,
    Port: port,
    DefaultActions: [{ Type: 'forward', TargetGroupArn }],
    ListenerArn: arn(
      `listener/${short}/${lbName}/${lbHex}/${hex16(`${design.seed}:l:${lbName}:${port}`)}`,
    ),
  };
  return {
    design: {
      ...design,
      targetGroups: [...(design.targetGroups ?? []), group],
      listeners: [...(design.listeners ?? []), listener],
    },
    name,
    port,
  };
}
