import { describe, expect, it } from 'vitest';
import { placeTask } from './place-task';
import { instance, request } from './testing/builders';
import { noRng } from './testing/seeded-rng';

const m5only = { type: 'memberOf' as const, expression: 'attribute:ecs.instance-type =~ m5.*' };

describe('placement failure (§4.6)', () => {
  it('sums up per reason and names the closest match', () => {
    const instances = [
      ...Array.from({ length: 4 }, (_, i) =>
        instance({ id: `m5-${i}`, type: 'm5.large', freeMemoryMiB: 256 }),
      ),
      instance({ id: 't3-0', type: 't3.micro' }),
      instance({ id: 't3-1', type: 't3.micro' }),
    ];
    const decision = placeTask(
      request({ memoryMiB: 512 }, { constraints: [m5only] }),
      instances,
      noRng,
    );
    expect(decision.containerInstanceArn).toBeUndefined();
    expect(decision.failure).toEqual({
      closestMatchArn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/default/t3-0',
      reason: 'ATTRIBUTE',
      closestMatch:
        'The closest matching container-instance t3-0 is missing an attribute required by your task.',
      summary:
        '0/6 instances: 4 insufficient memory, 2 memberOf(attribute:ecs.instance-type =~ m5.*)',
    });
  });

  it.each([
    [
      { cpu: 4096 },
      {},
      'RESOURCE:CPU',
      'The closest matching container-instance x has insufficient CPU units available.',
    ],
    [
      { memoryMiB: 8192 },
      {},
      'RESOURCE:MEMORY',
      'The closest matching container-instance x has insufficient memory available.',
    ],
    [
      { networkMode: 'awsvpc' as const },
      { eniLimit: 0 },
      'RESOURCE:ENI',
      'The closest matching container-instance x encountered error "RESOURCE:ENI".',
    ],
    [
      {},
      { agentConnected: false },
      'AGENT',
      'The closest matching container-instance x encountered error "AGENT".',
    ],
  ])('%j on %j: %s', (taskSpec, instanceSpec, reason, closestMatch) => {
    const decision = placeTask(request(taskSpec), [instance({ id: 'x', ...instanceSpec })], noRng);
    expect(decision.failure).toMatchObject({ reason, closestMatch });
  });

  it('the instance that passed the most filters is the closest; the first of equals', () => {
    const instances = [
      instance({ id: 'no-cpu', freeCpu: 0 }),
      instance({ id: 'no-mem-1', freeMemoryMiB: 0 }),
      instance({ id: 'no-mem-2', freeMemoryMiB: 0 }),
    ];
    expect(placeTask(request(), instances, noRng).failure?.closestMatch).toContain(
      'no-mem-1 has insufficient memory',
    );
  });

  it('no instances at all: MISSING', () => {
    expect(placeTask(request(), [], noRng).failure).toEqual({
      reason: 'MISSING',
      summary: '0/0 instances: no container instances in the cluster',
    });
  });

  it('only DRAINING instances: MISSING without a closest match', () => {
    const decision = placeTask(
      request(),
      [instance({ status: 'DRAINING' }), instance({ status: 'DRAINING' })],
      noRng,
    );
    expect(decision.failure).toEqual({
      reason: 'MISSING',
      summary: '0/2 instances: 2 status DRAINING',
    });
  });

  it('the 100-port limit reports RESOURCE:PORTS with its own label', () => {
    const full = instance({ id: 'p', tcpPorts: Array.from({ length: 95 }, (_, i) => 2000 + i) });
    const decision = placeTask(
      request({ ports: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }] }),
      [full],
      noRng,
    );
    expect(decision.failure).toEqual({
      reason: 'RESOURCE:PORTS',
      closestMatch: 'The closest matching container-instance p encountered error "RESOURCE:PORTS".',
      closestMatchArn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/default/p',
      summary: '0/1 instances: 1 reserved ports limit',
    });
  });
});
