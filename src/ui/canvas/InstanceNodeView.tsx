import type { NodeProps } from '@xyflow/react';
import { memo, useCallback, useMemo } from 'react';
import type { CustomAttribute } from '../../store/edits';
import { ON_PREMISES } from '../../store/edits/palette';
import { useExplainStore } from '../../store/explain';
import type { RunState } from '../../store/run';
import { AttributeTags } from './AttributeTags';
import type { InstanceNode } from './flow-nodes';
import { NODE_HANDLE } from './geometry';
import { InstanceMeters } from './InstanceMeters';
import { PlacementRibbon } from './PlacementRibbon';
import { usePaintedRun } from './paint-budget';
import { ResourceBar } from './ResourceBar';
import { TaskChips } from './TaskChips';
import { useBodyPan } from './use-body-pan';

/** Custom attributes of a live instance: PutAttributes from a script shows up here too. */
function liveCustom(attributes: Readonly<Record<string, string>>): CustomAttribute[] {
  return Object.entries(attributes)
    .filter(([name]) => !name.startsWith('ecs.'))
    .map(([name, value]) => (value === '' ? { name } : { name, value }));
}

/** An EC2 container instance: design facts from props, live numbers from the run store. */
export const InstanceNodeView = memo(function InstanceNodeView({
  data,
  selected,
}: NodeProps<InstanceNode>) {
  const id = data.ec2InstanceId;
  // Live numbers on the canvas's paint budget: 150 nodes changing in one frame repaint over a few.
  const live = usePaintedRun(useCallback((s: RunState) => s.instances[id], [id]));
  const mark = useExplainStore((s) => s.marks[id]);
  const onPointerDown = useBodyPan();
  const liveAttributes = live?.attributes;
  const attributes = useMemo(
    () => (liveAttributes ? liveCustom(liveAttributes) : data.customAttributes),
    [liveAttributes, data.customAttributes],
  );
  const cpuTotal = live?.registeredCpu ?? data.registeredCpu;
  const memTotal = live?.registeredMemoryMiB ?? data.registeredMemoryMiB;
  const status = live?.status ?? (data.status === 'DRAINING' ? 'DRAINING' : 'NOT RUNNING');
  const classes = ['node', 'instance-node'];
  if (selected) classes.push('selected');
  if (mark) classes.push(`mark-${mark.kind}`);
  return (
    <div
      className={classes.join(' ')}
      data-testid={`instance.${id}`}
      data-status={status}
      data-placement={mark?.kind}
      onPointerDown={onPointerDown}
    >
      {mark && <PlacementRibbon mark={mark} />}
      <div className="node-body">
        <header className={`node-header ${NODE_HANDLE}`}>
          <span className="node-kind">{data.az === ON_PREMISES ? 'EXT' : 'EC2'}</span>
          <span className="node-title">{data.instanceType}</span>
          {data.live && (
            <span className="node-tag" title="Launched during the run; not part of the design">
              launched
            </span>
          )}
          <span
            className={`pill status-${status.toLowerCase().replace(' ', '-')}`}
            data-testid="instance.status"
          >
            {status}
          </span>
        </header>
        <div className="node-id">{id}</div>
        <ResourceBar
          label="CPU"
          used={live ? live.registeredCpu - live.remainingCpu : 0}
          total={cpuTotal}
          unit="units"
          testId="instance.cpu"
        />
        <ResourceBar
          label="Mem"
          used={live ? live.registeredMemoryMiB - live.remainingMemoryMiB : 0}
          total={memTotal}
          unit="MiB"
          testId="instance.memory"
        />
        <InstanceMeters live={live} showEni={data.showEni} />
        <AttributeTags attributes={attributes} />
        <TaskChips
          ec2InstanceId={id}
          emptyText={status === 'DRAINING' ? 'Draining: takes no new tasks' : 'No tasks'}
        />
      </div>
    </div>
  );
});
