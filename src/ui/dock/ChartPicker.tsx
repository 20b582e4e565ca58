import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { setChartMode, toggleChartService, useChartStore } from '../../store/chart';
import { useDesignStore } from '../../store/design';
import { serviceColor } from '../shared/service-colors';

/** What the chart draws: all tasks by lastStatus, or the services picked. */
export const ChartPicker = memo(function ChartPicker() {
  const mode = useChartStore((s) => s.mode);
  const picked = useChartStore((s) => s.services);
  const names = useDesignStore(useShallow((s) => s.design.services.map((x) => x.serviceName)));
  const hasTraffic = useDesignStore((s) => (s.design.traffic?.length ?? 0) > 0);
  return (
    <div className="chart-picker">
      <select
        data-testid="chart.mode"
        aria-label="What the chart shows"
        value={mode}
        onChange={(e) =>
          setChartMode(
            e.target.value === 'services' || e.target.value === 'traffic'
              ? e.target.value
              : 'status',
          )
        }
      >
        <option value="status">Tasks by lastStatus</option>
        <option value="services">Per service</option>
        {hasTraffic && <option value="traffic">Traffic (requests/s)</option>}
      </select>
      {mode === 'services' &&
        names.map((name, i) => {
          const on = picked.length === 0 || picked.includes(name);
          return (
            <button
              type="button"
              key={name}
              className={`chart-service${on ? ' on' : ''}`}
              style={{ borderColor: serviceColor(i) }}
              aria-pressed={on}
              data-testid={`chart.service.${name}`}
              onClick={() => toggleChartService(name)}
            >
              <span className="legend-swatch" style={{ background: serviceColor(i) }} />
              {name}
            </button>
          );
        })}
    </div>
  );
});
