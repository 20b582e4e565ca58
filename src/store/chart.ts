import { create } from 'zustand';

/**
 * Tasks stacked by lastStatus; desired / running / pending lines per picked service; or
 * requests per second through each target group, served and failed (503).
 */
export type ChartMode = 'status' | 'services' | 'traffic';

/** What the chart shows: this tab's choice, never saved with the design. */
export interface ChartState {
  mode: ChartMode;
  /** The services drawn in `services` mode; empty means every service. */
  services: readonly string[];
  /** Another branch drawn dashed beside the shown one. */
  compareBranchId: number | null;
}

export const useChartStore = create<ChartState>()(() => ({
  mode: 'status',
  services: [],
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

export function compareWith(branchId: number | null): void {
  useChartStore.setState({ compareBranchId: branchId });
}
