import { memo } from 'react';
import { useScalingExplainStore } from '../../store/scaling-explain';
import { ScalingButton } from '../scaling/ScalingButton';
import { ScalingPanel } from '../scaling/ScalingPanel';
import { BranchPicker } from '../timeline/BranchPicker';
import { Timeline } from '../timeline/Timeline';
import { ChartCounts } from './ChartCounts';
import { ChartPicker } from './ChartPicker';
import { Clock } from './Clock';
import { RunChart } from './chart/RunChart';
import { EventLog } from './EventLog';
import { ServiceCounts } from './ServiceCounts';
import { SpeedSelect } from './SpeedSelect';
import { TimeControls } from './TimeControls';
import { WorkerStopped } from './WorkerStopped';

/**
 * Below the canvas: transport and clock, the run over time with its timeline, and what the
 * services said; "Why hasn't it scaled yet?" takes the event log's place while it is open,
 * beside the chart it explains.
 */
export const Dock = memo(function Dock() {
  const scalingOpen = useScalingExplainStore((s) => s.target !== null);
  return (
    <footer className="dock" data-testid="dock">
      <section className="dock-run">
        <TimeControls />
        <div className="clock-row">
          <Clock />
          <SpeedSelect />
        </div>
        <WorkerStopped />
        <ServiceCounts />
      </section>
      <section className="dock-chart">
        <div className="dock-chart-head">
          <ChartPicker />
          <ScalingButton />
          <BranchPicker />
        </div>
        <ChartCounts />
        <RunChart />
        <Timeline />
      </section>
      {scalingOpen ? <ScalingPanel /> : <EventLog />}
    </footer>
  );
});
