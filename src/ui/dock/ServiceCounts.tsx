import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useRunStore } from '../../store/run';
import { select, useSessionStore } from '../../store/session';

const ServiceRow = memo(function ServiceRow({ name }: { name: string }) {
  const service = useRunStore((s) => s.services[name]);
  const selected = useSessionStore(
    (s) => s.selection?.kind === 'service' && s.selection.name === name,
  );
  if (!service) return null;
  return (
    <tr
      className={selected ? 'selected' : undefined}
      data-testid={`dock.service.${name}`}
      onClick={() => select({ kind: 'service', name })}
    >
      <th scope="row">{name}</th>
      <td data-testid="dock.service.desired">{service.desiredCount}</td>
      <td data-testid="dock.service.running">{service.runningCount}</td>
      <td data-testid="dock.service.pending">{service.pendingCount}</td>
    </tr>
  );
});

/** Desired, running and pending per service, as DescribeServices reports them. */
export const ServiceCounts = memo(function ServiceCounts() {
  const names = useRunStore(useShallow((s) => Object.keys(s.services)));
  return (
    <table className="service-counts" data-testid="dock.services">
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col">Desired</th>
          <th scope="col">Running</th>
          <th scope="col">Pending</th>
        </tr>
      </thead>
      <tbody>
        {names.length === 0 ? (
          <tr>
            <td colSpan={4} className="empty">
              No services yet
            </td>
          </tr>
        ) : (
          names.map((name) => <ServiceRow key={name} name={name} />)
        )}
      </tbody>
    </table>
  );
});
