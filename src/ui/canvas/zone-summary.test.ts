import { describe, expect, it } from 'vitest';
import type { DesignDocument } from '../../design';
import type { InstanceView, TaskView } from '../../engine';
import { addInstance, emptyDesign } from '../../store/edits';
import type { RunState } from '../../store/run';
import { emptyRunData } from '../../store/run-data';
import { toFlowNodes } from './flow-nodes';
import { INSTANCE_INSET, INSTANCE_WIDTH, laneContentTop } from './geometry';
import {
  INSTANCES_FROM_PX,
  nextCanvasDetail,
  SUMMARY_BELOW_PX,
  SUMMARY_FIT_MAX_ZOOM,
  SUMMARY_LANE_HEIGHT,
  SUMMARY_MIN_INSTANCES,
  zoneGroups,
  zoneTotals,
  zoneTotalsSelector,
} from './zone-summary';

function instance(id: string, over: Partial<InstanceView> = {}): InstanceView {
  return {
    containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/bench/${id}`,
    ec2InstanceId: id,
    clusterName: 'bench',
    instanceType: 'm5.xlarge',
    availabilityZone: 'us-east-1a',
    status: 'ACTIVE',
    agentConnected: true,
    registeredCpu: 4096,
    registeredMemoryMiB: 16000,
    remainingCpu: 4096,
    remainingMemoryMiB: 16000,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    reservedTcpPorts: [],
    reservedUdpPorts: [],
    dynamicPortCount: 0,
    eniUsed: 0,
    eniLimit: 3,
    attributes: {},
    ...over,
  };
}

let arn = 0;
function task(serviceName: string | undefined, lastStatus: TaskView['lastStatus']): TaskView {
  arn++;
  return {
    taskArn: `arn:task/${arn}`,
    taskId: String(arn),
    clusterName: 'bench',
    group: serviceName ? `service:${serviceName}` : 'family:batch',
    ...(serviceName !== undefined && { serviceName }),
    family: serviceName ?? 'batch',
    revision: 1,
    lastStatus,
    desiredStatus: 'RUNNING',
    healthStatus: 'UNKNOWN',
    cpu: 256,
    memoryMiB: 512,
  } as TaskView;
}

function runState(data: Partial<RunState>): RunState {
  return { ...emptyRunData(), ...data } as RunState;
}

describe('nextCanvasDetail: from the instance node on screen, with a gap between the two ways', () => {
  it.each([
    // [from, zoom, measured width, to]
    ['instances', 1, INSTANCE_WIDTH, 'instances'],
    ['instances', 0.42, INSTANCE_WIDTH, 'instances'], // the ALB design at 1280x720: 118 px
    ['instances', 0.33, INSTANCE_WIDTH, 'instances'], // 92 px: still drawn
    ['instances', 0.3, INSTANCE_WIDTH, 'zones'], // 84 px: chips are dots
    ['instances', 0.2, INSTANCE_WIDTH, 'zones'], // B4 at fit (the minimum zoom)
    ['instances', 0.3, 360, 'instances'], // a larger node (presenter mode) reads at a smaller zoom
    ['zones', 0.5, INSTANCE_WIDTH, 'zones'], // between the thresholds: stays
    ['zones', SUMMARY_FIT_MAX_ZOOM, INSTANCE_WIDTH, 'zones'], // the zones' own fit keeps them
    ['zones', 0.8, INSTANCE_WIDTH, 'instances'], // 224 px
    ['zones', 0.7, 320, 'instances'],
  ] as const)('%s at zoom %s, node %s px -> %s', (from, zoom, width, to) => {
    expect(nextCanvasDetail(from, zoom, width)).toBe(to);
  });

  it('never flips back at the zoom it just flipped at', () => {
    for (let zoom = 0.2; zoom <= 1.6; zoom += 0.01) {
      const once = nextCanvasDetail('instances', zoom);
      expect(nextCanvasDetail(once, zoom)).toBe(once);
    }
    expect(SUMMARY_FIT_MAX_ZOOM * INSTANCE_WIDTH).toBeLessThan(INSTANCES_FROM_PX);
    expect(SUMMARY_BELOW_PX).toBeLessThan(INSTANCES_FROM_PX);
  });
});

function threeZones(perZone: number): DesignDocument {
  let design = emptyDesign();
  for (const az of ['us-east-1a', 'us-east-1b', 'us-east-1c'])
    for (let i = 0; i < perZone; i++) design = addInstance(design, 'm5.xlarge', az).design;
  return design;
}

describe('zones in toFlowNodes and zoneGroups', () => {
  it('hides every instance, keeps its place, and makes the lanes as short as a summary', () => {
    const design = threeZones(10);
    const full = toFlowNodes(design, null);
    const zones = toFlowNodes(design, null, null, [], undefined, 'zones');
    const instancesOf = (nodes: typeof full) => nodes.filter((n) => n.type === 'instance');
    expect(instancesOf(zones)).toHaveLength(30);
    expect(instancesOf(zones).every((n) => n.hidden)).toBe(true);
    expect(instancesOf(full).some((n) => n.hidden)).toBe(false);
    expect(instancesOf(zones).map((n) => n.position)).toEqual(
      instancesOf(full).map((n) => n.position),
    );
    const lane = zones.find((n) => n.type === 'lane');
    expect(lane?.height).toBe(SUMMARY_LANE_HEIGHT);
    expect(full.find((n) => n.type === 'lane')?.height).toBeGreaterThan(SUMMARY_LANE_HEIGHT);
  });

  it('one group per lane that holds instances, with their ids in design order', () => {
    const design = threeZones(SUMMARY_MIN_INSTANCES);
    const nodes = toFlowNodes(design, null, null, [], undefined, 'zones');
    const groups = zoneGroups(nodes, INSTANCE_INSET, laneContentTop);
    expect(groups.map((g) => g.az)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(groups.every((g) => g.instanceIds.length === SUMMARY_MIN_INSTANCES)).toBe(true);
    const lane = nodes.find((n) => n.id === groups[1]?.id);
    expect(groups[1]?.x).toBe((lane?.position.x ?? 0) + INSTANCE_INSET);
    expect(groups[1]?.width).toBe(INSTANCE_WIDTH);
    expect(groups[0]?.y).toBe(laneContentTop);
  });

  it('a lane with fewer than SUMMARY_MIN_INSTANCES keeps its instances drawn, and the lanes room for them', () => {
    let design = threeZones(0);
    for (let i = 0; i < 6; i++) design = addInstance(design, 'm5.xlarge', 'us-east-1a').design;
    for (let i = 0; i < 2; i++) design = addInstance(design, 'm5.xlarge', 'us-east-1b').design;
    const nodes = toFlowNodes(design, null, null, [], undefined, 'zones');
    const drawn = nodes.filter((n) => n.type === 'instance' && !n.hidden);
    expect(drawn.map((n) => n.type === 'instance' && n.data.az)).toEqual([
      'us-east-1b',
      'us-east-1b',
    ]);
    const groups = zoneGroups(nodes, INSTANCE_INSET, laneContentTop);
    expect(groups.map((g) => [g.az, g.instanceIds.length])).toEqual([['us-east-1a', 6]]);
    const lowest = Math.max(...drawn.map((n) => n.position.y));
    const lane = nodes.find((n) => n.type === 'lane');
    expect((lane?.position.y ?? 0) + (lane?.height ?? 0)).toBeGreaterThan(lowest);
  });

  it('a small design at any zoom keeps every instance', () => {
    const nodes = toFlowNodes(threeZones(1), null, null, [], undefined, 'zones');
    expect(nodes.some((n) => n.hidden)).toBe(false);
    expect(zoneGroups(nodes, INSTANCE_INSET, laneContentTop)).toEqual([]);
  });
});

describe('zoneTotals', () => {
  it('sums reservations and counts tasks by service: RUNNING, and PENDING as all before it', () => {
    const a = instance('i-a', { remainingCpu: 1024, remainingMemoryMiB: 12000 });
    const b = instance('i-b', { remainingCpu: 3072, remainingMemoryMiB: 16000 });
    const lists = [
      [task('web', 'RUNNING'), task('web', 'RUNNING'), task('api', 'PENDING')],
      [task('web', 'PROVISIONING'), task('api', 'RUNNING'), task(undefined, 'RUNNING')],
    ];
    const totals = zoneTotals([a, b], lists);
    // (3072 + 1024) / 8192 = 50 %; (4000 + 0) / 32000 = 12.5 % -> 13
    expect(totals.cpuReservedPct).toBe(50);
    expect(totals.memoryReservedPct).toBe(13);
    expect(totals.registered).toBe(2);
    expect(totals.running).toBe(4);
    expect(totals.pending).toBe(2);
    expect(totals.services.map((s) => [s.name, s.running, s.pending])).toEqual([
      ['web', 2, 1],
      ['api', 1, 1],
      ['batch (task)', 1, 0],
    ]);
  });

  it('leaves out instances the run does not have yet and INACTIVE ones', () => {
    const totals = zoneTotals([undefined, instance('i-x', { status: 'INACTIVE' })], [undefined]);
    expect(totals).toMatchObject({ registered: 0, cpuReservedPct: 0, running: 0 });
  });
});

describe('zoneTotalsSelector: the same object while the zone did not change', () => {
  const ids = ['i-a', 'i-b'];
  const listA = [task('web', 'RUNNING')];
  const listB = [task('web', 'PENDING')];
  const base = runState({
    instances: { 'i-a': instance('i-a'), 'i-b': instance('i-b') },
    instanceTasks: { 'i-a': listA, 'i-b': listB },
  });

  it('returns the same totals for a frame that changed only other instances', () => {
    const select = zoneTotalsSelector(ids);
    const first = select(base);
    const other = runState({
      ...base,
      instances: { ...base.instances, 'i-z': instance('i-z') },
      instanceTasks: { ...base.instanceTasks, 'i-z': [task('web', 'RUNNING')] },
    });
    expect(select(other)).toBe(first);
  });

  it('returns the same totals when a list is rebuilt with equal counts, new ones when they move', () => {
    const select = zoneTotalsSelector(ids);
    const first = select(base);
    const rebuilt = runState({
      ...base,
      instanceTasks: { ...base.instanceTasks, 'i-a': [...listA] },
    });
    expect(select(rebuilt)).toBe(first);
    const started = runState({
      ...base,
      instanceTasks: {
        ...base.instanceTasks,
        'i-b': [{ ...listB[0], lastStatus: 'RUNNING' } as TaskView],
      },
    });
    const next = select(started);
    expect(next).not.toBe(first);
    expect([next.running, next.pending]).toEqual([2, 0]);
  });
});
