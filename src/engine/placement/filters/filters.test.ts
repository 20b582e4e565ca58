import { describe, expect, it } from 'vitest';
import { placeTask } from '../place-task';
import { arnOf, instance, request, tcp, udp } from '../testing/builders';
import { placeSequence } from '../testing/place-sequence';
import { noRng, seededRng } from '../testing/seeded-rng';
import type { CandidateInstance, PlacementRequest } from '../types';

/** The first rejection of a single instance, as the trace records it. */
function rejection(req: PlacementRequest, target: CandidateInstance) {
  const decision = placeTask(req, [target], noRng);
  return decision.trace.rejected?.[0];
}

describe('instance state (§4.1)', () => {
  it.each([
    ['DRAINING', 'status DRAINING'],
    ['REGISTERING', 'status REGISTERING'],
    ['DEREGISTERING', 'status DEREGISTERING'],
    ['INACTIVE', 'status INACTIVE'],
  ] as const)('a %s instance takes no task', (status, detail) => {
    expect(rejection(request(), instance({ status }))).toMatchObject({ filter: 'status', detail });
  });

  it('a disconnected agent takes no task', () => {
    expect(rejection(request(), instance({ agentConnected: false }))).toMatchObject({
      filter: 'agent',
      detail: 'agent disconnected',
    });
  });

  it('state is checked before resources: a full DRAINING instance reports its status', () => {
    const full = instance({ status: 'DRAINING', freeMemoryMiB: 0, freeCpu: 0 });
    expect(rejection(request(), full)?.filter).toBe('status');
  });
});

describe('CPU and memory (§3.1)', () => {
  it.each([
    [{ cpu: 1024 }, { freeCpu: 512 }, 'cpu', 'needs 1024 CPU units, 512 free'],
    [{ memoryMiB: 1024 }, { freeMemoryMiB: 512 }, 'memory', 'needs 1024 MiB memory, 512 free'],
    [
      { cpu: 1024, memoryMiB: 1024 },
      { freeCpu: 0, freeMemoryMiB: 0 },
      'cpu',
      'needs 1024 CPU units, 0 free',
    ],
  ])('%j on %j is rejected by %s', (taskSpec, instanceSpec, filter, detail) => {
    expect(rejection(request(taskSpec), instance(instanceSpec))).toEqual({
      containerInstanceArn: expect.any(String),
      filter,
      detail,
    });
  });

  it('an exact fit is a fit', () => {
    const decision = placeTask(
      request({ cpu: 512, memoryMiB: 512 }),
      [instance({ freeCpu: 512, freeMemoryMiB: 512 })],
      noRng,
    );
    expect(decision.containerInstanceArn).toBeDefined();
  });
});

describe('ports (§3.3, §5)', () => {
  it('a static host port is taken per protocol', () => {
    const busy = instance({ tcpPorts: [80] });
    expect(rejection(request({ ports: [tcp(80, 80)] }), busy)).toMatchObject({
      filter: 'ports',
      detail: 'host port 80/tcp in use',
    });
    expect(rejection(request({ ports: [udp(80, 80)] }), busy)).toBeUndefined();
  });

  it('agent ports are reserved: a task cannot map host port 22', () => {
    expect(rejection(request({ ports: [tcp(22, 22)] }), instance())?.detail).toBe(
      'host port 22/tcp in use',
    );
  });

  it('bridge with a static port: one task per instance, the next fails with RESOURCE:PORTS', () => {
    const instances = [instance({ id: 'a' }), instance({ id: 'b' }), instance({ id: 'c' })];
    const req = request({ ports: [tcp(80, 80)] });
    const { steps } = placeSequence(req, instances, seededRng(1), 4);
    const placed = steps.map((s) => s.decision.containerInstanceArn).filter(Boolean);
    expect(new Set(placed).size).toBe(3);
    expect(steps[3]?.decision.failure).toMatchObject({
      reason: 'RESOURCE:PORTS',
      summary: '0/3 instances: 3 host port in use',
    });
    expect(steps[3]?.decision.failure?.closestMatch).toMatch(
      /^The closest matching container-instance [abc] is already using a port required by your task\.$/,
    );
  });

  it('bridge with dynamic ports: many per instance, lowest free port of 32768-61000 first', () => {
    const req = request({ ports: [tcp(8080), tcp(9090, 0)] });
    const { steps } = placeSequence(req, [instance({ tcpPorts: [32769] })], noRng, 3);
    expect(steps.map((s) => s.decision.hostPorts?.map((p) => p.hostPort))).toEqual([
      [32768, 32770],
      [32771, 32772],
      [32773, 32774],
    ]);
    expect(steps[0]?.decision.hostPorts?.[0]).toEqual({
      containerPort: 8080,
      hostPort: 32768,
      protocol: 'tcp',
      dynamic: true,
    });
  });

  it('host mode binds containerPort: the same task definition cannot run twice on an instance', () => {
    const req = request({ networkMode: 'host', ports: [tcp(8080)] });
    const { steps } = placeSequence(req, [instance()], noRng, 2);
    expect(steps[0]?.decision.hostPorts).toEqual([
      { containerPort: 8080, hostPort: 8080, protocol: 'tcp', dynamic: false },
    ]);
    expect(steps[1]?.decision.failure?.reason).toBe('RESOURCE:PORTS');
  });

  it.each(['awsvpc', 'none'] as const)('%s mode uses no host ports', (networkMode) => {
    const req = request({ networkMode, ports: networkMode === 'none' ? [] : [tcp(80, 80)] });
    const decision = placeTask(req, [instance({ tcpPorts: [80] })], noRng);
    expect(decision.containerInstanceArn).toBeDefined();
    expect(decision.hostPorts).toBeUndefined();
  });

  it('at most 100 reserved ports, agent defaults included; dynamic ports do not count', () => {
    const ninetyFive = Array.from({ length: 95 }, (_, i) => 1000 + i);
    const full = instance({ tcpPorts: ninetyFive });
    expect(rejection(request({ ports: [tcp(80, 80)] }), full)).toMatchObject({
      filter: 'ports',
      detail: 'needs 1 more reserved ports, 100 of 100 in use',
    });
    expect(rejection(request({ ports: [tcp(80)] }), full)).toBeUndefined();
    const ninetyNine = instance({ tcpPorts: ninetyFive.slice(0, 94) });
    expect(rejection(request({ ports: [tcp(80, 80)] }), ninetyNine)).toBeUndefined();
    expect(rejection(request({ ports: [tcp(80, 80), udp(53, 53)] }), ninetyNine)?.filter).toBe(
      'ports',
    );
  });

  it('a host port the task asks for twice fits nowhere', () => {
    expect(rejection(request({ ports: [tcp(80, 80), tcp(81, 80)] }), instance())?.detail).toBe(
      'host port 80/tcp requested twice by the task',
    );
  });

  it('dynamic ports need room in the ephemeral range', () => {
    const tiny = {
      ...instance(),
      dynamicPortRange: { from: 40000, to: 40001 },
      dynamicTcpPorts: new Set([40000]),
    };
    expect(rejection(request({ ports: [tcp(80)] }), tiny)).toBeUndefined();
    expect(rejection(request({ ports: [tcp(80), tcp(81)] }), tiny)).toMatchObject({
      filter: 'ports',
      detail: 'no free dynamic port in 40000-40001/tcp',
    });
  });
});

describe('ENI slots for awsvpc (§3.2, §5)', () => {
  it.each([
    ['t3.micro', 1],
    ['t3.medium', 2],
    ['m5.large', 2],
    ['m5.xlarge', 3],
    ['c5.large with trunking', 10],
    ['m5.xlarge with trunking', 20],
  ])('%s runs %i awsvpc tasks, then fails with RESOURCE:ENI', (_type, limit) => {
    const big = instance({ cpu: 65536, memoryMiB: 262144, eniLimit: limit });
    const { steps } = placeSequence(request({ networkMode: 'awsvpc' }), [big], noRng, limit + 1);
    expect(steps.filter((s) => s.decision.containerInstanceArn).length).toBe(limit);
    expect(steps[limit]?.decision.failure?.reason).toBe('RESOURCE:ENI');
    expect(steps[limit]?.decision.trace.rejected?.[0]?.detail).toBe(
      `needs 1 ENI slot, ${limit} of ${limit} in use`,
    );
  });

  it('bridge tasks need no ENI slot', () => {
    expect(rejection(request(), instance({ eniLimit: 0 }))).toBeUndefined();
  });
});

describe('required attributes', () => {
  const arm = { requiredAttributes: [{ name: 'ecs.cpu-architecture', value: 'arm64' }] };

  it('a value that differs is named', () => {
    expect(rejection(request(arm), instance())).toMatchObject({
      filter: 'attributes',
      detail: 'ecs.cpu-architecture is x86_64, needs arm64',
    });
  });

  it('a missing attribute is named', () => {
    const req = request({
      requiredAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' }],
    });
    expect(rejection(req, instance())?.detail).toBe(
      'missing attribute com.amazonaws.ecs.capability.logging-driver.awslogs',
    );
    expect(placeTask(req, [instance()], noRng).failure?.reason).toBe('ATTRIBUTE');
  });

  it('a matching instance passes', () => {
    expect(
      rejection(request(arm), instance({ attributes: { 'ecs.cpu-architecture': 'arm64' } })),
    ).toBeUndefined();
  });
});

describe('placement constraints (§4.4)', () => {
  it('distinctInstance: no other live task of the group on the instance', () => {
    const req = request({ group: 'service:web' }, { constraints: [{ type: 'distinctInstance' }] });
    expect(rejection(req, instance({ tasks: { 'service:web': 1 } }))).toMatchObject({
      filter: 'distinctInstance',
      detail: 'distinctInstance: 1 task of service:web already here',
    });
    expect(rejection(req, instance({ tasks: { 'service:api': 3 } }))).toBeUndefined();
  });

  it('distinctInstance spreads a service one task per instance, then stops', () => {
    const req = request({}, { constraints: [{ type: 'distinctInstance' }] });
    const { steps } = placeSequence(req, [instance(), instance()], seededRng(3), 3);
    expect(steps.filter((s) => s.decision.containerInstanceArn).length).toBe(2);
    expect(steps[2]?.decision.failure?.summary).toBe('0/2 instances: 2 distinctInstance');
  });

  it('memberOf: the rejection quotes the expression and the value it saw', () => {
    const req = request(
      {},
      { constraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ m5.*' }] },
    );
    expect(rejection(req, instance({ type: 't3.micro' }))).toMatchObject({
      filter: 'memberOf',
      detail: 'memberOf(attribute:ecs.instance-type =~ m5.*) false: ecs.instance-type is t3.micro',
    });
    expect(rejection(req, instance({ type: 'm5.xlarge' }))).toBeUndefined();
  });

  it('an expression that does not parse matches nothing and says why', () => {
    const req = request({}, { constraints: [{ type: 'memberOf', expression: 'attribute:x' }] });
    expect(rejection(req, instance())?.detail).toBe(
      "memberOf(attribute:x) invalid: at 11: expected an operator (==, !=, in, =~, ...) after 'attribute:x'",
    );
  });

  it('constraints run after the cluster filters, in the order given', () => {
    const req = request(
      { memoryMiB: 8192 },
      {
        constraints: [
          { type: 'memberOf', expression: 'attribute:ecs.availability-zone == us-east-1b' },
          { type: 'distinctInstance' },
        ],
      },
    );
    expect(
      rejection(req, instance({ az: 'us-east-1a', tasks: { 'service:web': 1 } }))?.filter,
    ).toBe('memory');
    const roomy = instance({ az: 'us-east-1a', memoryMiB: 16384, tasks: { 'service:web': 1 } });
    expect(rejection(req, roomy)?.filter).toBe('memberOf');
  });
});

describe('the trace', () => {
  it('records each rejected instance once, by the first filter that failed', () => {
    const instances = [
      instance({ id: 'drain', status: 'DRAINING' }),
      instance({ id: 'small', freeMemoryMiB: 100 }),
      instance({ id: 'ok' }),
    ];
    const decision = placeTask(request(), instances, noRng);
    expect(decision.containerInstanceArn).toBe(arnOf('ok'));
    expect(decision.trace).toMatchObject({
      instanceCount: 3,
      candidateCount: 1,
      rejectedCounts: [
        { label: 'status DRAINING', filter: 'status', reason: 'MISSING', count: 1 },
        { label: 'insufficient memory', filter: 'memory', reason: 'RESOURCE:MEMORY', count: 1 },
      ],
      rejected: [
        { containerInstanceArn: arnOf('drain'), filter: 'status', detail: 'status DRAINING' },
        {
          containerInstanceArn: arnOf('small'),
          filter: 'memory',
          detail: 'needs 512 MiB memory, 100 free',
        },
      ],
      tieBreak: { among: 1, index: 0 },
    });
  });

  it('is plain JSON', () => {
    const decision = placeTask(
      request({ ports: [tcp(80)] }),
      [instance(), instance({ freeCpu: 0 })],
      seededRng(9),
    );
    expect(JSON.parse(JSON.stringify(decision))).toEqual(decision);
  });
});
