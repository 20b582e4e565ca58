import type { NodeProps } from '@xyflow/react';
import { memo, useCallback } from 'react';
import type { RunState } from '../../store/run';
import { select } from '../../store/session';
import type { BootingNode } from './capacity-nodes';
import { usePaintedRun } from './paint-budget';

/** "42 s", "3 min 05 s": virtual time since launch, in whole seconds. */
export function sinceLaunch(seconds: number): string {
  const s = Math.max(0, seconds);
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/**
 * An instance its Auto Scaling group launched that is still booting: a ghost in the lane
 * it will register into, with the time since launch. Once its agent registers it, the
 * live instance node takes its place. Its group's name selects the group.
 */
export const BootingInstanceNodeView = memo(function BootingInstanceNodeView({
  data,
}: NodeProps<BootingNode>) {
  const { launchedAtMs } = data;
  const seconds = usePaintedRun(
    useCallback((s: RunState) => Math.floor((s.nowMs - launchedAtMs) / 1000), [launchedAtMs]),
  );
  return (
    <div
      className="node booting-node"
      data-testid={`booting.${data.instanceId}`}
      data-group={data.group}
      title={`Launched by ${data.group}; its ECS agent has not registered it yet`}
    >
      <header className="node-header">
        <span className="node-kind">EC2</span>
        <span className="node-title">{data.instanceType}</span>
        <span className="pill status-booting">booting</span>
      </header>
      <div className="node-id">{data.instanceId}</div>
      <div className="booting-since" data-testid="booting.since">
        booting · {sinceLaunch(seconds)} since launch
      </div>
      <div className="booting-group">
        launched by{' '}
        <button
          type="button"
          className="booting-group-name nodrag"
          onClick={() => select({ kind: 'autoScalingGroup', name: data.group })}
        >
          {data.group}
        </button>
      </div>
    </div>
  );
});
