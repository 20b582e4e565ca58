import { memo } from 'react';
import { useRunStore } from '../../store/run';

/** An instance as the rows name it: EC2 id, then zone and type from the run. */
export const InstanceLabel = memo(function InstanceLabel({ id }: { id: string }) {
  const az = useRunStore((s) => s.instances[id]?.availabilityZone);
  const type = useRunStore((s) => s.instances[id]?.instanceType);
  return (
    <span className="why-instance">
      <code>{id}</code>
      <small>{[az, type].filter(Boolean).join(' · ')}</small>
    </span>
  );
});
