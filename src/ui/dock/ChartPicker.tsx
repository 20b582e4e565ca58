import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  type ChartMode,
  isChartMode,
  setChartMode,
  setDeploymentService,
  setScalingService,
  setSplitListener,
  toggleChartService,
  useChartStore,
} from '../../store/chart';
import { useDesignStore } from '../../store/design';
import { serviceColor } from '../shared/service-colors';
import { useListenerGroups } from './chart/use-chart-input';
import { useScaledServiceNames } from './chart/use-scaling-facts';

const MODE_LABELS: Record<ChartMode, string> = {
  status: 'Tasks by lastStatus',
  services: 'Per service',
  deployments: 'Tasks by deployment',
  split: 'Traffic split (%)',
  traffic: 'Requests/s',
  targets: 'Healthy targets',
  calls: 'Calls between services',
  scaling: 'Scaling: metric vs target',
  scalingTasks: 'Scaling: tasks',
  instances: 'Auto Scaling group instances',
  reservation: 'Capacity reservation (%)',
  cost: 'Cost so far (USD)',
};

/** What the chart draws, and for which service or listener; a mode shows only when the design has what it draws. */
export const ChartPicker = memo(function ChartPicker() {
  const mode = useChartStore((s) => s.mode);
  const picked = useChartStore((s) => s.services);
  const deploymentPick = useChartStore((s) => s.deploymentService);
  const listenerPick = useChartStore((s) => s.listener);
  const names = useDesignStore(useShallow((s) => s.design.services.map((x) => x.serviceName)));
  const hasTraffic = useDesignStore((s) => (s.design.traffic?.length ?? 0) > 0);
  const hasCalls = useDesignStore((s) => (s.design.calls?.length ?? 0) > 0);
  const hasScaling = useDesignStore((s) => (s.design.scalableTargets?.length ?? 0) > 0);
  const hasGroups = useDesignStore((s) => (s.design.autoScalingGroups?.length ?? 0) > 0);
  const hasProviders = useDesignStore((s) => (s.design.capacityProviders?.length ?? 0) > 0);
  const scalingPick = useChartStore((s) => s.scalingService);
  const scaled = useScaledServiceNames();
  const listeners = useListenerGroups();
  const offered: ChartMode[] = [
    'status',
    'services',
    'deployments',
    ...(hasTraffic ? (['split', 'traffic', 'targets'] as const) : []),
    ...(hasCalls ? (['calls'] as const) : []),
    ...(hasScaling ? (['scaling', 'scalingTasks'] as const) : []),
    ...(hasGroups ? (['instances'] as const) : []),
    ...(hasProviders ? (['reservation'] as const) : []),
    'cost',
  ];
  const scalingService =
    scalingPick !== null && scaled.includes(scalingPick) ? scalingPick : scaled[0];
  const deploymentService =
    deploymentPick !== null && names.includes(deploymentPick) ? deploymentPick : names[0];
  const listener = listeners.find((l) => l.id === listenerPick) ?? listeners[0];
  return (
    <div className="chart-picker">
      <select
        className="chart-mode-select"
        data-testid="chart.mode"
        aria-label="What the chart shows"
        value={mode}
        onChange={(e) => setChartMode(isChartMode(e.target.value) ? e.target.value : 'status')}
      >
        {offered.map((m) => (
          <option key={m} value={m}>
            {MODE_LABELS[m]}
          </option>
        ))}
        {/* A mode picked before the design lost what it draws stays named, not blank. */}
        {!offered.includes(mode) && <option value={mode}>{MODE_LABELS[mode]}</option>}
      </select>
      {mode === 'deployments' && names.length > 0 && (
        <select
          data-testid="chart.deploymentService"
          aria-label="Whose deployments the chart shows"
          value={deploymentService}
          onChange={(e) => setDeploymentService(e.target.value)}
        >
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      )}
      {(mode === 'scaling' || mode === 'scalingTasks') && scaled.length > 1 && (
        <select
          data-testid="chart.scalingService"
          aria-label="Whose scaling the chart shows"
          value={scalingService}
          onChange={(e) => setScalingService(e.target.value)}
        >
          {scaled.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      )}
      {(mode === 'scaling' || mode === 'scalingTasks') && scaled.length === 1 && (
        <span className="chart-picker-note">{scalingService}</span>
      )}
      {mode === 'split' && listeners.length > 1 && (
        <select
          data-testid="chart.listener"
          aria-label="Whose traffic split the chart shows"
          value={listener?.id}
          onChange={(e) => setSplitListener(e.target.value)}
        >
          {listeners.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      )}
      {mode === 'split' && listeners.length === 1 && listener && (
        <span className="chart-picker-note">{listener.label}</span>
      )}
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
