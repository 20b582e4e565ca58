import { describe, expect, it } from 'vitest';
import { type DesignDocument, parseDesign } from '../../design';
import { emptyDesign } from './empty';
import { wireService } from './lb-wiring';
import {
  addLoadBalancer,
  removeLoadBalancer,
  setListenerPort,
  setTargetGroupAttribute,
  unwireService,
} from './load-balancers';
import { addService, type NewService } from './services';

const web: NewService = {
  family: 'web',
  image: 'nginx',
  cpu: 256,
  memoryMiB: 512,
  desiredCount: 2,
};

function withService(design: DesignDocument, form: Partial<NewService> = {}): DesignDocument {
  return addService(design, { ...web, ...form }).design;
}

function wired(design: DesignDocument, lb: string, service: string): DesignDocument {
  const result = wireService(design, lb, service);
  if (!('design' in result)) throw new Error(result.refusal);
  return result.design;
}

describe('adding a load balancer', () => {
  it('an ALB: CreateLoadBalancer, an HTTP:80 listener forwarding to an instance target group', () => {
    const { design, name } = addLoadBalancer(emptyDesign(), 'application', { x: 10, y: -200 });
    expect(name).toBe('alb');
    expect(parseDesign(design).ok).toBe(true);
    const [lb] = design.loadBalancers ?? [];
    const [tg] = design.targetGroups ?? [];
    const [listener] = design.listeners ?? [];
    expect(lb).toMatchObject({ Name: 'alb', Type: 'application' });
    expect(lb?.LoadBalancerArn).toMatch(
      /^arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/app\/alb\/[0-9a-f]{16}$/,
    );
    expect(tg).toMatchObject({ Protocol: 'HTTP', Port: 80, TargetType: 'instance' });
    expect(listener).toMatchObject({
      LoadBalancerArn: lb?.LoadBalancerArn,
      Protocol: 'HTTP',
      Port: 80,
    });
    expect(listener?.DefaultActions).toEqual([
      { Type: 'forward', TargetGroupArn: tg?.TargetGroupArn },
    ]);
    expect(design.layout['lb:alb']).toEqual({ x: 10, y: -200 });
  });

  it('an NLB listens on TCP:80; a Classic ELB has its own Listeners and no target group', () => {
    const nlb = addLoadBalancer(emptyDesign(), 'network').design;
    expect(nlb.listeners?.[0]).toMatchObject({ Protocol: 'TCP', Port: 80 });
    expect(nlb.targetGroups?.[0]).toMatchObject({ Protocol: 'TCP', TargetType: 'instance' });
    const elb = addLoadBalancer(emptyDesign(), 'classic').design;
    expect(elb.loadBalancers?.[0]).toMatchObject({
      Type: 'classic',
      Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 80 }],
    });
    expect(elb.targetGroups).toBeUndefined();
    expect(elb.listeners).toBeUndefined();
    expect(parseDesign(elb).ok).toBe(true);
  });

  it('two of a kind get unique names, and unique target group and listener ARNs', () => {
    const first = addLoadBalancer(emptyDesign(), 'application').design;
    const { design, name } = addLoadBalancer(first, 'application');
    expect(name).toBe('alb-2');
    const arns = (design.listeners ?? []).map((l) => l.ListenerArn);
    expect(new Set(arns).size).toBe(2);
    expect((design.targetGroups ?? []).map((g) => g.Name)).toEqual([
      'alb-targets',
      'alb-2-targets',
    ]);
    expect(parseDesign(design).ok).toBe(true);
  });
});

describe('wiring a service', () => {
  const alb = addLoadBalancer(withService(emptyDesign()), 'application').design;

  it('adds a loadBalancers entry naming the target group, container and its port', () => {
    const design = wired(alb, 'alb', 'web');
    expect(design.services[0]?.loadBalancers).toEqual([
      {
        targetGroupArn: alb.targetGroups?.[0]?.TargetGroupArn,
        containerName: 'web',
        containerPort: 80,
      },
    ]);
    expect(parseDesign(design).ok).toBe(true);
    expect(wireService(design, 'alb', 'web')).toEqual({ refusal: 'web is already behind alb.' });
  });

  it('refuses an awsvpc service on an instance target group, and offers ip when nobody else uses it', () => {
    const design = addLoadBalancer(
      withService(emptyDesign(), { networkMode: 'awsvpc' }),
      'application',
    ).design;
    const refused = wireService(design, 'alb', 'web');
    expect(refused).toEqual({
      refusal:
        'web uses awsvpc, whose tasks register by IP address, but target group alb-targets has TargetType instance: it needs ip.',
      fix: { targetGroup: 'alb-targets', targetType: 'ip' },
    });
    const fixed = wireService(design, 'alb', 'web', true);
    if (!('design' in fixed)) throw new Error(fixed.refusal);
    expect(fixed.design.targetGroups?.[0]?.TargetType).toBe('ip');
    expect(parseDesign(fixed.design).ok).toBe(true);
  });

  it('offers no fix when another service uses the group as it is', () => {
    let design = wired(alb, 'alb', 'web');
    design = withService(design, { family: 'api', networkMode: 'awsvpc' });
    const refused = wireService(design, 'alb', 'api', true);
    expect('fix' in refused).toBe(false);
    expect('refusal' in refused && refused.refusal).toMatch(/Other services use it as it is\.$/);
  });

  it('refuses a sixth target group (at most 5 a service, ecs-behavior §14.1)', () => {
    let design = withService(emptyDesign());
    for (let i = 0; i < 6; i++) design = addLoadBalancer(design, 'application').design;
    for (const name of ['alb', 'alb-2', 'alb-3', 'alb-4', 'alb-5'])
      design = wired(design, name, 'web');
    expect(design.services[0]?.loadBalancers).toHaveLength(5);
    expect(wireService(design, 'alb-6', 'web')).toEqual({
      refusal: 'web already has 5 target groups, the most ECS allows a service.',
    });
  });

  it('refuses a Classic ELB for a service that has a load balancer, and target groups after one', () => {
    const design = addLoadBalancer(wired(alb, 'alb', 'web'), 'classic').design;
    expect(wireService(design, 'elb', 'web')).toEqual({
      refusal: "web already has a load balancer, and a Classic ELB must be a service's only one.",
    });
    const other = addLoadBalancer(
      addLoadBalancer(withService(emptyDesign(), { hostPort: 8080 }), 'classic').design,
      'application',
    ).design;
    const classic = wired(other, 'elb', 'web');
    expect(classic.services[0]?.loadBalancers).toEqual([
      { loadBalancerName: 'elb', containerName: 'web', containerPort: 80 },
    ]);
    expect(wireService(classic, 'alb', 'web')).toEqual({
      refusal: 'web is behind a Classic ELB, which cannot be mixed with target groups.',
    });
  });

  it('refuses a task definition without a port mapping', () => {
    const design = structuredClone(alb);
    const td = design.taskDefinitions[0];
    if (td?.containerDefinitions[0]) delete td.containerDefinitions[0].portMappings;
    expect(wireService(design, 'alb', 'web')).toEqual({
      refusal:
        "web's task definition has no container with a port mapping, so alb would have no port to send to.",
    });
  });
});

describe('removing', () => {
  it('a load balancer takes its listener, target group, traffic and the entries naming them', () => {
    let design = wired(
      addLoadBalancer(withService(emptyDesign()), 'application').design,
      'alb',
      'web',
    );
    const listenerArn = design.listeners?.[0]?.ListenerArn ?? '';
    design = { ...design, traffic: [{ listenerArn, requestsPerSecond: 10 }] };
    expect(parseDesign(design).ok).toBe(true);
    const removed = removeLoadBalancer(design, 'alb');
    expect(removed.loadBalancers).toBeUndefined();
    expect(removed.targetGroups).toBeUndefined();
    expect(removed.listeners).toBeUndefined();
    expect(removed.traffic).toBeUndefined();
    expect(removed.services[0]?.loadBalancers).toBeUndefined();
    expect(removed.layout['lb:alb']).toBeUndefined();
    expect(parseDesign(removed).ok).toBe(true);
  });

  it('keeps another load balancer and its service entry', () => {
    let design = withService(emptyDesign());
    design = addLoadBalancer(addLoadBalancer(design, 'application').design, 'network').design;
    design = wired(wired(design, 'alb', 'web'), 'nlb', 'web');
    const removed = removeLoadBalancer(design, 'alb');
    expect(removed.loadBalancers?.map((l) => l.Name)).toEqual(['nlb']);
    expect(removed.services[0]?.loadBalancers).toEqual([design.services[0]?.loadBalancers?.[1]]);
  });

  it('an edge takes only its own entry', () => {
    let design = withService(emptyDesign());
    design = addLoadBalancer(addLoadBalancer(design, 'application').design, 'network').design;
    design = wired(wired(design, 'alb', 'web'), 'nlb', 'web');
    const unwired = unwireService(design, 'alb', 'web');
    expect(unwired.services[0]?.loadBalancers).toHaveLength(1);
    expect(unwireService(unwired, 'nlb', 'web').services[0]?.loadBalancers).toBeUndefined();
    // The load balancer and its group stay.
    expect(unwired.targetGroups).toHaveLength(2);
  });
});

describe('inspector edits', () => {
  const design = addLoadBalancer(emptyDesign(), 'application').design;

  it('moves a listener to another port, and refuses a port another listener has', () => {
    const moved = setListenerPort(design, 'alb', 0, 8080);
    expect('design' in moved && moved.design.listeners?.[0]?.Port).toBe(8080);
    const classic = addLoadBalancer(emptyDesign(), 'classic').design;
    const elb = setListenerPort(classic, 'elb', 0, 443);
    expect('design' in elb && elb.design.loadBalancers?.[0]?.Listeners?.[0]?.LoadBalancerPort).toBe(
      443,
    );
    const two = structuredClone(design);
    const first = two.listeners?.[0];
    if (first) two.listeners?.push({ ...first, Port: 443, ListenerArn: 'other' });
    expect(setListenerPort(two, 'alb', 1, 80)).toEqual({
      refusal: 'alb already has a listener on port 80.',
    });
  });

  it('sets the deregistration delay attribute, in place when it is there', () => {
    const once = setTargetGroupAttribute(
      design,
      'alb-targets',
      'deregistration_delay.timeout_seconds',
      '30',
    );
    const twice = setTargetGroupAttribute(
      once,
      'alb-targets',
      'deregistration_delay.timeout_seconds',
      '0',
    );
    expect(twice.targetGroups?.[0]?.Attributes).toEqual([
      { Key: 'deregistration_delay.timeout_seconds', Value: '0' },
    ]);
    const bad = setTargetGroupAttribute(
      design,
      'alb-targets',
      'deregistration_delay.timeout_seconds',
      '4000',
    );
    const parsed = parseDesign(bad);
    expect(parsed.ok ? [] : parsed.issues).toEqual([
      {
        path: 'targetGroups[0].Attributes',
        message: 'deregistration_delay.timeout_seconds must be 0-3600 seconds',
      },
    ]);
  });
});
