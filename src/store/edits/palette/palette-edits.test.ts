import { describe, expect, it } from 'vitest';
import { type DesignDocument, parseDesign } from '../../../design';
import { minutes } from '../../../engine/testing/builders';
import { simulate } from '../../../engine/testing/harness';
import { emptyDesign } from '../empty';
import { addInstance } from '../instances';
import { addLoadBalancer } from '../load-balancers';
import type { NewService } from '../services';
import {
  addExternalInstance,
  addNamespace,
  addRunTaskToScript,
  addServiceOn,
  addTargetGroup,
  enableFargate,
  fargateSizeFor,
  type NewTask,
  standaloneTask,
} from '.';

const FORM: NewService = {
  family: 'web',
  image: 'public.ecr.aws/nginx/nginx:1.27',
  cpu: 256,
  memoryMiB: 512,
  desiredCount: 2,
};
const TASK: NewTask = {
  family: 'report',
  image: 'public.ecr.aws/docker/library/busybox:1.36',
  cpu: 256,
  memoryMiB: 256,
  count: 2,
  launchType: 'EC2',
};

function valid(design: DesignDocument): DesignDocument {
  const parsed = parseDesign(design);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.design;
}

const ok = <T extends object>(r: T | { refusal: string }): T => {
  if ('refusal' in r) throw new Error(r.refusal);
  return r;
};

const running = (run: ReturnType<typeof simulate>, pick: (t: { group: string }) => boolean) =>
  run.sim.snapshot().tasks.filter((t) => t.lastStatus === 'RUNNING' && pick(t));

describe('an external instance', () => {
  it('is RegisterContainerInstance at 0: ecs.capability.external, its own CPU and memory, on-premises', () => {
    const { design, ec2InstanceId } = addExternalInstance(emptyDesign(), { x: 5, y: 400 });
    const d = valid(design);
    expect(d.containerInstances).toEqual([]);
    expect(d.script).toEqual([
      {
        at: 0,
        action: 'RegisterContainerInstance',
        input: {
          cluster: 'default',
          ec2InstanceId,
          availabilityZone: 'on-premises',
          totalResources: [
            { name: 'CPU', type: 'INTEGER', integerValue: 4096 },
            { name: 'MEMORY', type: 'INTEGER', integerValue: 8192 },
          ],
          attributes: [{ name: 'ecs.capability.external' }],
        },
      },
    ]);
    expect(d.layout[`instance:${ec2InstanceId}`]).toEqual({ x: 5, y: 400 });
    // A second one takes a fresh id, though neither is in containerInstances; so does an EC2 one.
    expect(addExternalInstance(d).ec2InstanceId).not.toBe(ec2InstanceId);
    expect(addInstance(d, 'm5.large', 'us-east-1a').ec2InstanceId).not.toBe(ec2InstanceId);
  });

  it('takes the EXTERNAL service, and the EC2 service stays on the EC2 instance', () => {
    let d = addInstance(emptyDesign(), 'm5.large', 'us-east-1a').design;
    const added = addExternalInstance(d);
    d = ok(addServiceOn(added.design, { ...FORM, family: 'onprem' }, 'EXTERNAL')).design;
    d = ok(addServiceOn(d, FORM, 'EC2')).design;
    const run = simulate(valid(d)).until(minutes(2));
    const external = added.ec2InstanceId;
    const onprem = running(run, (t) => t.group === 'service:onprem');
    expect(onprem.map((t) => t.ec2InstanceId)).toEqual([external, external]);
    const web = running(run, (t) => t.group === 'service:web');
    expect(web).toHaveLength(2);
    expect(web.every((t) => t.ec2InstanceId !== external)).toBe(true);
    const ci = run.sim.snapshot().instances.find((i) => i.ec2InstanceId === external);
    expect([ci?.availabilityZone, ci?.registeredCpu]).toEqual(['on-premises', 4096]);
  });
});

describe('Fargate', () => {
  it('adds FARGATE and FARGATE_SPOT to the cluster, keeping what it had', () => {
    const base = emptyDesign();
    const withOwn: DesignDocument = {
      ...base,
      clusters: [{ clusterName: 'default', capacityProviders: ['mine'] }],
    };
    const r = enableFargate(withOwn, 'default');
    expect(r.changed).toBe(true);
    expect(r.design.clusters[0]?.capacityProviders).toEqual(['mine', 'FARGATE', 'FARGATE_SPOT']);
    expect(valid(enableFargate(base).design).clusters[0]?.capacityProviders).toEqual([
      'FARGATE',
      'FARGATE_SPOT',
    ]);
    expect(enableFargate(r.design, 'default').changed).toBe(false);
  });

  it('rounds a service up to a Fargate size (§6.1) and gives it awsvpc and subnets', () => {
    expect(fargateSizeFor(256, 512)).toEqual({ cpu: 256, memoryMiB: 512 });
    expect(fargateSizeFor(300, 512)).toEqual({ cpu: 512, memoryMiB: 1024 });
    expect(fargateSizeFor(256, 3000)).toEqual({ cpu: 512, memoryMiB: 3072 });
    const d = valid(ok(addServiceOn(emptyDesign(), { ...FORM, cpu: 300 }, 'FARGATE')).design);
    expect(d.taskDefinitions[0]).toMatchObject({
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '512',
      memory: '1024',
    });
    expect(d.services[0]?.launchType).toBe('FARGATE');
    expect(d.services[0]?.placementStrategy).toBeUndefined();
    expect(d.services[0]?.networkConfiguration?.awsvpcConfiguration.subnets).toHaveLength(3);
    const run = simulate(d).until(minutes(2));
    const tasks = running(run, (t) => t.group === 'service:web');
    expect(tasks).toHaveLength(2);
    expect(tasks.every((t) => t.ec2InstanceId === undefined)).toBe(true);
  });

  it('refuses what ECS refuses: a Fargate daemon, an awsvpc external service', () => {
    expect(
      addServiceOn(emptyDesign(), { ...FORM, schedulingStrategy: 'DAEMON' }, 'FARGATE'),
    ).toEqual({
      refusal: 'The DAEMON scheduling strategy does not support the FARGATE launch type.',
    });
    expect(addServiceOn(emptyDesign(), { ...FORM, networkMode: 'awsvpc' }, 'EXTERNAL')).toEqual({
      refusal: 'External instances support the bridge, host and none network modes, not awsvpc.',
    });
  });
});

describe('a standalone task', () => {
  it('before a run: a new family and RunTask at 0 in the script; both tasks reach RUNNING', () => {
    const base = addInstance(emptyDesign(), 'm5.large', 'us-east-1a').design;
    const t = ok(standaloneTask(base, TASK));
    expect(t.register?.family).toBe('report');
    const d = valid(addRunTaskToScript(t.design, t.runTask));
    expect(d.script).toEqual([
      {
        at: 0,
        action: 'RunTask',
        input: { cluster: 'default', taskDefinition: 'report', count: 2, launchType: 'EC2' },
      },
    ]);
    const run = simulate(d).until(minutes(1));
    expect(running(run, (t) => t.group === 'family:report')).toHaveLength(2);
  });

  it('of a family the design has: no new revision; during a run it is the RunTask, now', () => {
    let d = addInstance(emptyDesign(), 'm5.large', 'us-east-1a').design;
    d = ok(addServiceOn(d, FORM, 'EC2')).design;
    const t = ok(standaloneTask(d, { ...TASK, family: 'web', count: 1 }));
    expect(t.register).toBeUndefined();
    expect(t.design).toBe(d);
    const run = simulate(valid(d)).until(minutes(1));
    run.apply({ action: 'RunTask', input: t.runTask }).until(minutes(2));
    expect(run.results[0]?.error).toBeUndefined();
    expect(running(run, (x) => x.group === 'family:web')).toHaveLength(1);
  });

  it('on Fargate: awsvpc with the cluster subnets, no instance needed', () => {
    const t = ok(standaloneTask(emptyDesign(), { ...TASK, launchType: 'FARGATE' }));
    expect(t.runTask.networkConfiguration?.awsvpcConfiguration.subnets).toHaveLength(3);
    const d = valid(addRunTaskToScript(t.design, t.runTask));
    const run = simulate(d).until(minutes(1));
    expect(running(run, (x) => x.group === 'family:report')).toHaveLength(2);
  });
});

describe('a target group', () => {
  it('is CreateTargetGroup and a listener on the next free port forwarding to it', () => {
    const lb = addLoadBalancer(emptyDesign(), 'application');
    const first = ok(addTargetGroup(lb.design, lb.name));
    const second = ok(addTargetGroup(first.design, lb.name));
    valid(second.design);
    expect([first.name, first.port, second.name, second.port]).toEqual([
      'alb-tg',
      8080,
      'alb-tg-2',
      8081,
    ]);
    const listener = second.design.listeners?.at(-1);
    const group = second.design.targetGroups?.at(-1);
    expect(listener?.DefaultActions[0]?.TargetGroupArn).toBe(group?.TargetGroupArn);
  });

  it('is refused on a Classic ELB', () => {
    const lb = addLoadBalancer(emptyDesign(), 'classic');
    expect(addTargetGroup(lb.design, lb.name)).toEqual({
      refusal: 'elb is a Classic Load Balancer: it sends to instances, not target groups.',
    });
  });
});

describe('a Cloud Map namespace', () => {
  it('is CreatePrivateDnsNamespace <cluster>.local, a second one numbered', () => {
    const first = addNamespace(emptyDesign());
    const second = addNamespace(first.design);
    const d = valid(second.design);
    expect(d.serviceDiscovery?.namespaces.map((n) => [n.Name, n.Type])).toEqual([
      ['default.local', 'DNS_PRIVATE'],
      ['default.local-2', 'DNS_PRIVATE'],
    ]);
    expect(d.serviceDiscovery?.namespaces[0]?.Id).toMatch(/^ns-[0-9a-f]{16}$/);
  });
});
