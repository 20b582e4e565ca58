import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDesign } from '../design';
import { createSimulation, type Simulation } from '../engine/simulation';
import { useDesignStore } from './design';
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

const parsed = parseDesign(
  readFileSync(new URL('../../e2e/designs/scaling-spike.json', import.meta.url), 'utf8'),
);
if (!parsed.ok) throw new Error('the e2e design does not parse');
const design = parsed.design;

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('"Why hasn\'t it scaled yet?" against the engine', () => {
  let sim: Simulation;
  let asked = 0;
  beforeEach(() => {
    sim = createSimulation(design);
    asked = 0;
    setScalingExplainer({
      explainScaling: async (name) => {
        asked++;
        return sim.explainScaling(name);
      },
      explainCapacityProvider: async (name) => {
        asked++;
        return sim.explainCapacityProvider(name);
      },
    });
    useDesignStore.setState({ design });
  });
  afterEach(() => {
    closeScalingExplain();
    setScalingExplainer(undefined);
  });

  it("explains the service's policy, says the capacity formula is Berth's model, and follows the run", async () => {
    sim.advance(60_000);
    openScalingExplain({ kind: 'service', name: 'web' });
    await waitFor(() => useScalingExplainStore.getState().answer !== null);
    const first = useScalingExplainStore.getState().answer;
    expect(first?.kind).toBe('service');
    if (first?.kind !== 'service') return;
    expect(first.explanation.model).toContain("Berth's model");
    expect(first.explanation.policies[0]?.policyName).toBe('cpu50');

    // The spike from 2:00 fills the scale-out alarm's 3 datapoints by 5:00; the panel asks
    // again as time moves.
    sim.advance(300_000);
    useRunStore.setState({ nowMs: 300_000 });
    await waitFor(() => {
      const a = useScalingExplainStore.getState().answer;
      return a?.kind === 'service' && a.explanation.policies[0]?.alarms[0]?.state === 'ALARM';
    });
  });

  it('asks a few times a second at most, however many frames arrive', async () => {
    openScalingExplain({ kind: 'service', name: 'web' });
    await waitFor(() => useScalingExplainStore.getState().status === 'ready');
    const before = asked;
    const started = performance.now();
    for (let ms = 1; ms <= 40; ms++) {
      useRunStore.setState({ nowMs: ms * 50 });
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, SCALING_REFRESH_MS));
    const elapsed = performance.now() - started;
    expect(asked - before).toBeLessThanOrEqual(Math.ceil(elapsed / SCALING_REFRESH_MS) + 1);
    expect(asked - before).toBeGreaterThan(0);
  });

  it("follows the selection onto an Auto Scaling group's capacity provider", async () => {
    openScalingExplain({ kind: 'service', name: 'web' });
    expect(providerOfGroup(design, 'web-asg')).toBe('nodes');
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
