/**
 * Stand-ins for what AWS assigns when it creates a resource (ARN suffixes, launch
 * template ids, policy uuids): hex digits from the logical id, so the same template
 * gives the same design every time.
 */
export function hexOf(text: string, length: number): string {
  let out = '';
  let seed = 0x811c9dc5;
  while (out.length < length) {
    let h = seed;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
    seed = (h ^ 0x9e3779b9) >>> 0;
  }
  return out.slice(0, length);
}

export function uuidOf(text: string): string {
  const h = hexOf(text, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface Pseudo {
  region: string;
  accountId: string;
  stackName: string;
}

export const DEFAULT_PSEUDO: Pseudo = {
  region: 'us-east-1',
  accountId: '123456789012',
  stackName: 'berth',
};

const elb = (p: Pseudo) => `arn:aws:elasticloadbalancing:${p.region}:${p.accountId}`;

export function loadBalancerArn(p: Pseudo, name: string, type: string | undefined, id: string) {
  return `${elb(p)}:loadbalancer/${type === 'network' ? 'net' : 'app'}/${name}/${hexOf(id, 16)}`;
}

export function targetGroupArn(p: Pseudo, name: string, id: string) {
  return `${elb(p)}:targetgroup/${name}/${hexOf(id, 16)}`;
}

/** `app/front/50dc6c495c0c9188` of a load balancer ARN, whose listeners' ARNs build on it. */
export function loadBalancerPart(arn: string): string | undefined {
  return /:loadbalancer\/((?:app|net)\/[^/]+\/[^/]+)$/.exec(arn)?.[1];
}

export function listenerArn(p: Pseudo, lbArn: string, id: string) {
  return `${elb(p)}:listener/${loadBalancerPart(lbArn) ?? `app/unknown/${hexOf('unknown', 16)}`}/${hexOf(id, 16)}`;
}

export function listenerRuleArn(p: Pseudo, listener: string, id: string) {
  const part = /:listener\/(.+)$/.exec(listener)?.[1] ?? `app/unknown/${hexOf('unknown', 16)}/0`;
  return `${elb(p)}:listener-rule/${part}/${hexOf(id, 16)}`;
}

export function scalingPolicyArn(p: Pseudo, resourceId: string, policyName: string) {
  return `arn:aws:autoscaling:${p.region}:${p.accountId}:scalingPolicy:${uuidOf(`${resourceId}/${policyName}`)}:resource/ecs/${resourceId}:policyName/${policyName}`;
}
