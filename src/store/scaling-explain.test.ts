import { readFileSync } from 'node:fs';
import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSim, type SimClient } from '../worker/client';
import { createSimApi } from '../worker/sim-api';
import { useDesignStore } from './design';
import { importDesign } from './design-actions';
import { useRunStore } from './run';
import {
  closeScalingExplain,
  openScalingExplain,
  providerOfGroup,
  SCALING_REFRESH_MS,
  setScalingExplainer,
  useScalingExplainStore,
} from './scaling-explain';
import { select } from './session';
import { connectSimulation, step } from './sim-control';

const text = readFileSync(new URL('../../e2e/designs/scaling-spike.json', import.meta.url), 'utf8');
const channel = new MessageChannel();

const waitFor = async (check: () => boolean, tries = 300) => {
  for (let i = 0; i < tries && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

/** Counts the panel's questions on their way to the real worker API. */
let asked = 0;
function counting(client: SimClient): SimClient {
  return {
    ...client,
    explainScaling: (name) => {
      asked++;
      return client.explainScaling(name);
    },
    explainCapacityProvider: (name) => {
      asked++;
      return client.explainCapacityProvider(name);
    },
  };
}

describe('"Why hasn\'t it scaled yet?" against a running simulation', () => {
  beforeAll(async () => {
    expect(importDesign(text).ok).toBe(true);
    Comlink.expose(createSimApi({ now: () => 0, tickMs: 5 }), channel.port2);
    const client = connectSim(channel.port1);
    setScalingExplainer(counting(client));
    await connectSimulation(client);
    await waitFor(() => useRunStore.getState().status === 'ready');
  });
  afterAll(() => {
    closeScalingExplain();
    setScalingExplainer(undefined);
    channel.port1.close();
    channel.port2.close();
  });

  it("explains the service's policy, says the capacity formula is Berth's model, and follows the run", async () => {
    step(60);
    await waitFor(() => useRunStore.getState().nowMs === 60_000);
    openScalingExplain({ kind: 'service', name: 'web' });
    await waitFor(() => useScalingExplainStore.getState().answer !== null);
    const first = useScalingExplainStore.getState().answer;
    expect(first?.kind).toBe('service');
    if (first?.kind !== 'service') return;
    expect(first.explanation.model).toContain("Berth's model");
    expect(first.explanation.policies[0]?.policyName).toBe('cpu50');
    expect(first.explanation.policies[0]?.alarms[0]?.state).not.toBe('ALARM');

    // The spike from 2:00 fills the scale-out alarm's 3 datapoints by 5:00: the panel asks
    // again as the run moves, and says so.
    step(240);
    await waitFor(() => {
      const a = useScalingExplainStore.getState().answer;
      return a?.kind === 'service' && a.explanation.policies[0]?.alarms[0]?.state === 'ALARM';
    });
  });

  it('asks a few times a second at most, however many frames arrive', async () => {
    await waitFor(() => useScalingExplainStore.getState().status === 'ready');
    const before = asked;
    const started = performance.now();
    for (let i = 0; i < 40; i++) {
      step(1);
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, SCALING_REFRESH_MS));
    const elapsed = performance.now() - started;
    expect(asked - before).toBeGreaterThan(0);
    expect(asked - before).toBeLessThanOrEqual(Math.ceil(elapsed / SCALING_REFRESH_MS) + 1);
  });

  it("follows the selection onto an Auto Scaling group's capacity provider", async () => {
    expect(providerOfGroup(useDesignStore.getState().design, 'web-asg')).toBe('nodes');
    select({ kind: 'autoScalingGroup', name: 'web-asg' });
    expect(useScalingExplainStore.getState().target).toEqual({
      kind: 'capacityProvider',
      name: 'nodes',
    });
    await waitFor(() => useScalingExplainStore.getState().answer?.kind === 'capacityProvider');
    const answer = useScalingExplainStore.getState().answer;
    if (answer?.kind === 'capacityProvider')
      expect(answer.explanation.autoScalingGroupName).toBe('web-asg');
    select(null);
  });
});
