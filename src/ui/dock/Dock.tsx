import { memo, useEffect } from 'react';
import { useScalingExplainStore } from '../../store/scaling-explain';
import { ScalingButton } from '../scaling/ScalingButton';
import { PanelBoundary } from '../shared/PanelBoundary';
import { BranchPicker } from '../timeline/BranchPicker';
import { Timeline } from '../timeline/Timeline';
import { ChartCounts } from './ChartCounts';
import { ChartPicker } from './ChartPicker';
import { Clock } from './Clock';
import { RunChart } from './chart/RunChart';
import { EventLog } from './EventLog';
import { ServiceCounts } from './ServiceCounts';
import { SpeedSelect } from './SpeedSelect';
import { prefetchScalingPanel, ScalingPanel } from './scaling-lazy';
import { TimeControls } from './TimeControls';
import { WorkerStopped } from './WorkerStopped';

/**
 * Below the canvas: transport and clock, the run over time with its timeline, and what the
 * services said; "Why hasn't it scaled yet?" takes the event log's place while it is open,
 * beside the chart it explains.
 */
export const Dock = memo(function Dock() {
  const scalingOpen = useScalingExplainStore((s) => s.target !== null);
  useEffect(prefetchScalingPanel, []);
  return (
    <footer className="dock" data-testid="dock">
      {/* Each part in its own PanelBoundary: a chart that fails to draw leaves play working. */}
      <section className="dock-run">
        <PanelBoundary name="time controls" className="row">
          <TimeControls />
          <div className="clock-row">
            <Clock />
            <SpeedSelect />
          </div>
          <WorkerStopped />
        </PanelBoundary>
        <PanelBoundary name="service counts">
          <ServiceCounts />
        </PanelBoundary>
      </section>
      <section className="dock-chart">
        <PanelBoundary name="chart picker" className="row">
          <div className="dock-chart-head">
            <ChartPicker />
            <ScalingButton />
            <BranchPicker />
          </div>
        </PanelBoundary>
        {/* Apart from the picker: a mode that fails to draw can be left for another. */}
        <PanelBoundary name="chart" className="chart-failed">
          <ChartCounts />
          <RunChart />
        </PanelBoundary>
        <PanelBoundary name="timeline" className="row">
          <Timeline />
        </PanelBoundary>
      </section>
      {scalingOpen ? (
        <PanelBoundary name="scaling explanation">
          <ScalingPanel />
        </PanelBoundary>
      ) : (
        <PanelBoundary name="event log">
          <EventLog />
        </PanelBoundary>
      )}
    </footer>
  );
});
