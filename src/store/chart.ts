import { create } from 'zustand';

/**
 * What the chart draws: tasks stacked by lastStatus; desired / running / pending lines per
 * picked service; one service's tasks stacked by deployment; each listener's traffic split
 * between its target groups (%); requests per second through each target group, served and
 * failed (503); healthy targets per target group; requests per second of each call between
 * services, served and failed; a scaled service's metric against its target, and its
 * desired / running / pending tasks, each scaling activity marked; each Auto Scaling group's
 * instances; each capacity provider's CapacityProviderReservation; the run's cost so far.
 */
export type ChartMode =
  | 'status'
  | 'services'
  | 'deployments'
  | 'split'
  | 'traffic'
  | 'targets'
  | 'calls'
  | 'scaling'
  | 'scalingTasks'
  | 'instances'
  | 'reservation'
  | 'cost';

export const CHART_MODES: readonly ChartMode[] = [
  'status',
  'services',
  'deployments',
  'split',
  'traffic',
  'targets',
  'calls',
  'scaling',
  'scalingTasks',
  'instances',
  'reservation',
  'cost',
];

export function isChartMode(value: string): value is ChartMode {
  return (CHART_MODES as readonly string[]).includes(value);
}

/** What the chart shows: this tab's choice, never saved with the design. */
export interface ChartState {
  mode: ChartMode;
  /** The services drawn in `services` mode; empty means every service. */
  services: readonly string[];
  /** The service drawn in `deployments` mode; null means the first one. */
  deploymentService: string | null;
  /** The listener (ARN or `#index`) drawn in `split` mode; null means the first one. */
  listener: string | null;
  /** The scaled service `scaling` and `scalingTasks` draw; null means the first one. */
  scalingService: string | null;
  /** Another branch drawn dashed beside the shown one. */
  compareBranchId: number | null;
}

export const useChartStore = create<ChartState>()(() => ({
  mode: 'status',
  services: [],
  deploymentService: null,
  listener: null,
  scalingService: null,
  compareBranchId: null,
}));

export function setChartMode(mode: ChartMode): void {
  useChartStore.setState({ mode });
}

export function toggleChartService(name: string): void {
  useChartStore.setState((s) => ({
    services: s.services.includes(name)
      ? s.services.filter((n) => n !== name)
      : [...s.services, name],
  }));
}

export function setDeploymentService(name: string): void {
  useChartStore.setState({ deploymentService: name });
}

export function setSplitListener(id: string): void {
  useChartStore.setState({ listener: id });
}

export function setScalingService(name: string): void {
  useChartStore.setState({ scalingService: name });
}

export function compareWith(branchId: number | null): void {
  useChartStore.setState({ compareBranchId: branchId });
}
