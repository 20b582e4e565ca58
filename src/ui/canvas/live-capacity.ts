import { useMemo } from 'react';
import type { CapacityView } from '../../engine';
import { type RunState, useRunStore } from '../../store/run';
import { fargateIndexOf } from './fargate-tasks';

/** An instance a group launched that is still booting: no container instance yet. */
export interface BootingInstance {
  instanceId: string;
  group: string;
  availabilityZone: string;
  instanceType: string;
  launchedAtMs: number;
}

/** What of the run's capacity decides the canvas's nodes (not their numbers). */
export interface CanvasCapacity {
  booting: readonly BootingInstance[];
  /** Per cluster, the zones with a Fargate task now. */
  fargateZones: Readonly<Record<string, readonly string[]>>;
  /** One height for every Fargate lane. */
  fargateHeight: number;
}

export const NO_CAPACITY: CanvasCapacity = { booting: [], fargateZones: {}, fargateHeight: 0 };

function bootingKey(capacity: CapacityView | undefined): string {
  if (!capacity) return '';
  const lines: string[] = [];
  for (const g of capacity.groups)
    for (const i of g.instances)
      if (i.lifecycleState === 'Pending' && i.containerInstanceArn === undefined)
        lines.push(
          `${i.instanceId}|${g.autoScalingGroupName}|${i.availabilityZone}|${i.instanceType}|${i.launchedAtMs}`,
        );
  return lines.join('\n');
}

function parseBooting(key: string): BootingInstance[] {
  if (key === '') return [];
  return key.split('\n').map((line) => {
    const [instanceId = '', group = '', availabilityZone = '', instanceType = '', at = '0'] =
      line.split('|');
    return { instanceId, group, availabilityZone, instanceType, launchedAtMs: Number(at) };
  });
}

function fargateKey(s: RunState): string {
  const index = fargateIndexOf(s.tasks);
  const clusters = Object.entries(index.zones).map(([c, zones]) => `${c}=${zones.join(',')}`);
  return clusters.length === 0 ? '' : `${index.height}|${clusters.sort().join(';')}`;
}

/**
 * The run's capacity as the canvas lays it out: booting instances and the zones with
 * Fargate tasks. Keyed by strings, so a frame that changes only numbers (a reservation,
 * a task's status) keeps the same value and no node is rebuilt.
 */
export function useCanvasCapacity(): CanvasCapacity {
  const booting = useRunStore((s) => bootingKey(s.capacity));
  const fargate = useRunStore(fargateKey);
  return useMemo(() => {
    if (booting === '' && fargate === '') return NO_CAPACITY;
    const index = fargateIndexOf(useRunStore.getState().tasks);
    return {
      booting: parseBooting(booting),
      fargateZones: fargate === '' ? {} : index.zones,
      fargateHeight: fargate === '' ? 0 : index.height,
    };
  }, [booting, fargate]);
}
