import { describe, expect, it } from 'vitest';
import type { CapacityView, CostView, Frame, ScalableTargetView } from '../engine';
import { asgDesign, onProvider } from '../engine/capacity/testing';
import { createSimulation } from '../engine/simulation';
import { minutes, service } from '../engine/testing/builders';
import { receive, useRunStore } from './run';
import { emptyRunData, fromSnapshot, withFrame, zeroCounts } from './run-data';

// The page keeps capacity, scaling and cost from resets and frames, and keeps their
// objects while nothing in them changed.

const frame = (nowMs: number, over: Partial<Frame> = {}): Frame => ({
  nowMs,
  tasks: [],
  removedTaskArns: [],
  instances: [],
  services: [],
  events: [],
  serviceEvents: [],
  metrics: [],
  taskStateCounts: zeroCounts(),
  history: [],
  ...over,
});

const capacity = (desired: number): CapacityView => ({
  groups: [
    {
      autoScalingGroupName: 'nodes',
      minSize: 0,
      maxSize: 4,
      desiredCapacity: desired,
      instanceTypes: ['m5.large'],
      availabilityZones: ['us-east-1a'],
      instances: [],
    },
  ],
  providers: [],
});
const scaling: ScalableTargetView[] = [
  {
    resourceId: 'service/test/web',
    serviceName: 'web',
    clusterName: 'test',
    minCapacity: 1,
    maxCapacity: 4,
    desiredCount: 2,
    policies: [],
    activities: [],
  },
];
const cost = (totalUsd: number): CostView => ({
  priceDate: '2026-01-01',
  totalUsd,
  usdPerHour: 0.1,
  instances: [],
  fargate: { vcpuHours: 0, gbHours: 0, usd: 0, spotVcpuHours: 0, spotGbHours: 0, spotUsd: 0 },
});

describe('capacity, scaling and cost in the run store', () => {
  it('takes them from a frame, keeps the same object while equal, and the last one when a frame has none', () => {
    let data = withFrame(
      emptyRunData(),
      frame(1000, { capacity: capacity(1), scaling, cost: cost(0) }),
    );
    const first = data.capacity;
    expect(first?.groups[0]?.desiredCapacity).toBe(1);
    data = withFrame(
      data,
      frame(2000, { capacity: capacity(1), scaling: structuredClone(scaling) }),
    );
    expect(data.capacity).toBe(first);
    expect(data.scaling?.[0]?.serviceName).toBe('web');
    expect(data.cost?.totalUsd).toBe(0);
    data = withFrame(data, frame(3000, { capacity: capacity(2), cost: cost(0.5) }));
    expect(data.capacity?.groups[0]?.desiredCapacity).toBe(2);
    expect(data.cost?.totalUsd).toBe(0.5);
  });

  it('a reset replaces them with the snapshot, absent when the run has none', () => {
    const sim = createSimulation(asgDesign({ services: [service('web', 1, onProvider)] }));
    sim.advance(minutes(1));
    const data = fromSnapshot(sim.snapshot());
    expect(data.capacity?.providers[0]?.name).toBe('cp');
    expect(data.scaling).toBeUndefined();
    expect(data.cost).toBeDefined();
    const task = Object.values(data.tasks)[0];
    expect(task?.capacityProviderName).toBe('cp');
  });

  it('the store folds resets and frames in for the selectors', () => {
    const sim = createSimulation(asgDesign({ services: [service('web', 1, onProvider)] }));
    receive({
      kind: 'reset',
      reason: 'load',
      snapshot: sim.snapshot(),
      timeline: { branchId: 1, branches: [], endMs: 0, marks: [], journal: [] },
      playing: false,
      speed: 1,
    });
    expect(useRunStore.getState().capacity?.groups[0]?.desiredCapacity).toBe(0);
    receive({
      kind: 'frame',
      frame: sim.advance(minutes(1)),
      endMs: minutes(1),
      playing: false,
      speed: 1,
    });
    expect(useRunStore.getState().capacity?.groups[0]?.desiredCapacity).toBe(2);
  });
});
