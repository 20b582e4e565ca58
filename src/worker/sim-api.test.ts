import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDesign, sampleDesign } from '../design';
import { WEB_RESOURCE, webDesign } from '../engine/autoscaling/testing';
import { asgDesign, onProvider } from '../engine/capacity/testing';
import { service } from '../engine/testing/builders';
import { connectSim, type SimClient } from './client';
import type { SimMessage } from './protocol';
import { createSimApi } from './sim-api';

function sample() {
  const parsed = parseDesign(structuredClone(sampleDesign));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.design;
}

/** The real boundary: comlink over a MessageChannel, the page's client on one end (toolchain note 4). */
function connect(now: () => number = () => 0): {
  client: SimClient;
  messages: SimMessage[];
  close: () => void;
} {
  const channel = new MessageChannel();
  Comlink.expose(createSimApi({ now, tickMs: 5 }), channel.port2);
  const client = connectSim(channel.port1);
  const messages: SimMessage[] = [];
  void client.subscribe((message) => messages.push(message));
  return {
    client,
    messages,
    close: () => {
      channel.port1.close();
      channel.port2.close();
    },
  };
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('the simulation worker API over comlink', () => {
  let close = () => {};
  afterEach(() => close());

  it('loads a design and pushes a reset at time 0', async () => {
    const link = connect();
    close = link.close;
    expect(await link.client.load({ design: sample() })).toEqual({ ok: true, nowMs: 0 });
    await waitFor(() => link.messages.length > 0);
    expect(link.messages[0]).toMatchObject({ kind: 'reset', playing: false, speed: 1 });
  });

  it('steps virtual time and streams the tasks the service started', async () => {
    const link = connect();
    close = link.close;
    await link.client.load({ design: sample() });
    await link.client.step(60);
    await waitFor(() => link.messages.some((m) => m.kind === 'frame'));
    const frame = link.messages.find((m) => m.kind === 'frame');
    if (frame?.kind !== 'frame') throw new Error('no frame');
    expect(frame.frame.nowMs).toBe(60_000);
    expect(frame.frame.taskStateCounts.RUNNING).toBe(3);
  });

  it('applies UpdateService and answers with the AWS-shaped result', async () => {
    const link = connect();
    close = link.close;
    await link.client.load({ design: sample() });
    const result = await link.client.apply({
      action: 'UpdateService',
      input: { cluster: 'demo', service: 'web', desiredCount: 5 },
    });
    expect(result.error).toBeUndefined();
    await link.client.step(60);
    await waitFor(() =>
      link.messages.some((m) => m.kind === 'frame' && m.frame.taskStateCounts.RUNNING === 5),
    );
  });

  it('plays at speed x wall time, a frame per tick', async () => {
    let wall = 0;
    const link = connect(() => wall);
    close = link.close;
    await link.client.load({ design: sample() });
    await link.client.setSpeed(10);
    await link.client.play();
    await waitFor(() => {
      wall += 5;
      return link.messages.filter((m) => m.kind === 'frame').length >= 3;
    });
    await link.client.pause();
    const frames = link.messages.flatMap((m) => (m.kind === 'frame' ? [m] : []));
    expect(frames[0]?.playing).toBe(true);
    // Each tick advances 10x the wall time that passed, never more than the cap.
    expect(frames.at(-1)?.frame.nowMs ?? 0).toBeGreaterThan(0);
  });

  it('answers a command sent before any design with an error, not a throw', async () => {
    const link = connect();
    close = link.close;
    const result = await link.client.apply({ action: 'StopTask', input: { task: 'abc' } });
    expect(result.error?.code).toBe('SimulationNotLoaded');
  });
});

describe('explanations over comlink', () => {
  let close = () => {};
  afterEach(() => close());

  it('explains why a running task is on its instance, as plain data', async () => {
    const link = connect();
    close = link.close;
    await link.client.load({ design: sample() });
    await link.client.step(60);
    await waitFor(() => link.messages.some((m) => m.kind === 'frame'));
    const frame = link.messages.find((m) => m.kind === 'frame');
    if (frame?.kind !== 'frame') throw new Error('no frame');
    const task = frame.frame.tasks[0];
    if (!task) throw new Error('no task');
    const explanation = await link.client.explainTask(task.taskArn);
    expect(explanation?.ec2InstanceId).toBe(task.ec2InstanceId);
    expect(explanation?.trace.strategies[0]?.strategy).toBe(
      'spread(attribute:ecs.availability-zone)',
    );
    expect(await link.client.explainTask('no-such-task')).toBeNull();
  });

  it('explains a service whose task waits, and answers null once nothing waits', async () => {
    const link = connect();
    close = link.close;
    const design = sample();
    const unplaceable = {
      ...design,
      script: [],
      services: design.services.map((s) => ({
        ...s,
        placementConstraints: [{ type: 'memberOf' as const, expression: 'attribute:tier == gpu' }],
      })),
    };
    await link.client.load({ design: unplaceable });
    await link.client.step(10);
    const explanation = await link.client.explainService('web');
    expect(explanation?.failure?.summary).toBe('0/3 instances: 3 memberOf(attribute:tier == gpu)');
    expect(explanation?.trace.rejected).toHaveLength(3);
    await link.client.load({ design: sample() });
    await link.client.step(10);
    expect(await link.client.explainService('web')).toBeNull();
  });

  it('explains scaling and a capacity provider, and carries capacity in resets and frames', async () => {
    const link = connect();
    close = link.close;
    await link.client.load({ design: asgDesign({ services: [service('web', 1, onProvider)] }) });
    const reset = link.messages.find((m) => m.kind === 'reset');
    expect(
      reset?.kind === 'reset' && reset.snapshot.capacity?.groups[0]?.autoScalingGroupName,
    ).toBe('nodes');
    await link.client.step(180);
    const frame = link.messages.findLast((m) => m.kind === 'frame');
    expect(frame?.kind === 'frame' && frame.frame.capacity?.providers[0]?.name).toBe('cp');
    const explained = await link.client.explainCapacityProvider('cp');
    expect(explained?.reservation).toEqual({ value: 50, m: 1, n: 2 });
    expect(explained?.summary).toContain('below the target 100');
    expect(await link.client.explainCapacityProvider('nope')).toBeNull();
    // No scalable target for web: nothing to explain.
    expect(await link.client.explainScaling('web')).toBeNull();
    await link.client.load({
      design: webDesign({
        extra: {
          scalableTargets: [
            {
              ServiceNamespace: 'ecs',
              ResourceId: WEB_RESOURCE,
              ScalableDimension: 'ecs:service:DesiredCount',
              MinCapacity: 1,
              MaxCapacity: 4,
            },
          ],
        },
      }),
    });
    await link.client.step(60);
    expect((await link.client.explainScaling('web'))?.resourceId).toBe(WEB_RESOURCE);
  });
});
