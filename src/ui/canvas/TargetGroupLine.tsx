import { memo } from 'react';
import type { ServiceView } from '../../engine';

/** A service's target groups, a line each: how many targets are healthy, and the rest. */
export const TargetGroupLine = memo(function TargetGroupLine({ view }: { view: ServiceView }) {
  if (!view.targetGroups || view.targetGroups.length === 0) return null;
  return (
    <ul className="target-groups" data-testid="service.targetGroups">
      {view.targetGroups.map((tg) => {
        const rest = [
          tg.initial > 0 ? `${tg.initial} initial` : '',
          tg.draining > 0 ? `${tg.draining} draining` : '',
          tg.unhealthy > 0 ? `${tg.unhealthy} unhealthy` : '',
        ].filter(Boolean);
        return (
          <li
            key={tg.targetGroupArn}
            title={tg.targetGroupArn}
            data-testid={`service.targetGroup.${tg.name}`}
            data-healthy={tg.healthy}
            data-initial={tg.initial}
            data-draining={tg.draining}
            data-unhealthy={tg.unhealthy}
          >
            <span className="tg-kind">
              {tg.targetGroupArn.startsWith('classic:') ? 'ELB' : 'TG'}
            </span>
            <span className="tg-name">{tg.name}</span> {tg.healthy} healthy
            {rest.length > 0 ? ` · ${rest.join(' · ')}` : ''}
          </li>
        );
      })}
    </ul>
  );
});
