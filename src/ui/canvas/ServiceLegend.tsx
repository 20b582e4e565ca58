import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useDesignStore } from '../../store/design';
import { serviceColor } from '../shared/service-colors';

/** Which stripe colour is which service, in the design's order (the order the colours follow). */
export const ServiceLegend = memo(function ServiceLegend() {
  const names = useDesignStore(useShallow((s) => s.design.services.map((x) => x.serviceName)));
  if (names.length === 0) return null;
  return (
    <ul
      className="legend service-legend"
      data-testid="legend.services"
      aria-label="Service colours"
    >
      {names.map((name, i) => (
        <li key={name} data-testid={`legend.service.${name}`} data-service-color={serviceColor(i)}>
          <span className="legend-stripe" style={{ background: serviceColor(i) }} />
          {name}
        </li>
      ))}
    </ul>
  );
});
