import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSim } from '../worker/client';
import { createSimApi } from '../worker/sim-api';
import { useDesignStore } from './design';
import { importDesign, setAttributes } from './design-actions';
import { sampleDocument } from './design-storage';
import { updateService } from './edits';
import { closeExplain, explainService, explainTask, useExplainStore } from './explain';
import { useRunStore } from './run';
import { useSessionStore } from './session';
import { connectSimulation, step } from './sim-control';

const channel = new MessageChannel();

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('the explain panel against a running simulation', () => {
  beforeAll(async () => {
    const waiting = updateService({ ...sampleDocument(), script: [] }, 'web', {
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:tier == gpu' }],
    });
    expect(importDesign(JSON.stringify(waiting)).ok).toBe(true);
    Comlink.expose(createSimApi({ now: () => 0, tickMs: 5 }), channel.port2);
    await connectSimulation(connectSim(channel.port1));
    await waitFor(() => useRunStore.getState().status === 'ready');
    step(20);
    await waitFor(() => useRunStore.getState().services.web?.placementFailure !== undefined);
  });
  afterAll(() => {
    channel.port1.close();
    channel.port2.close();
  });

  it('explains why the service waits, and follows it until its tasks are placed', async () => {
    explainService('web');
    expect(useSessionStore.getState().selection).toEqual({ kind: 'service', name: 'web' });
    await waitFor(() => useExplainStore.getState().explanation !== null);
    const { explanation, marks } = useExplainStore.getState();
    expect(explanation?.failure?.summary).toBe('0/3 instances: 3 memberOf(attribute:tier == gpu)');
    expect(
      Object.values(marks)
        .map((m) => m.kind)
        .sort(),
    ).toEqual(['closest', 'rejected', 'rejected']);

    const id = useDesignStore.getState().design.containerInstances[1]?.ec2InstanceId ?? '';
    expect(setAttributes(id, [{ name: 'tier', value: 'gpu' }])).toEqual([]);
    await waitFor(() => (useRunStore.getState().services.web?.pendingCount ?? 0) > 0);
    await waitFor(() => useExplainStore.getState().explanation === null);
    expect(useExplainStore.getState().target).toEqual({ kind: 'service', name: 'web' });
  });

  it('explains a placed task and closes when the run restarts', async () => {
    const task = Object.values(useRunStore.getState().tasks)[0];
    if (!task) throw new Error('no task');
    explainTask(task.taskArn);
    await waitFor(() => useExplainStore.getState().explanation !== null);
    expect(useExplainStore.getState().marks[task.ec2InstanceId ?? '']).toEqual({ kind: 'chosen' });
    useDesignStore.setState({ design: { ...useDesignStore.getState().design, seed: 7 } });
    await waitFor(() => useExplainStore.getState().target === null);
    closeExplain();
  });
});
