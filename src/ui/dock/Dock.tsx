import { memo } from 'react';
import { ChartCounts } from './ChartCounts';
import { Clock } from './Clock';
import { EventLog } from './EventLog';
import { RunStatus } from './RunStatus';
import { ServiceCounts } from './ServiceCounts';
import { SpeedSelect } from './SpeedSelect';
import { TaskChart } from './TaskChart';
import { TimeControls } from './TimeControls';

/** Below the canvas: transport and clock, tasks over time, and what the services said. */
export const Dock = memo(function Dock() {
  return (
    <footer className="dock" data-testid="dock">
      <section className="dock-run">
        <TimeControls />
        <div className="clock-row">
          <Clock />
          <SpeedSelect />
        </div>
        <RunStatus />
        <ServiceCounts />
      </section>
      <section className="dock-chart">
        <h3 className="dock-title">Tasks by lastStatus</h3>
        <ChartCounts />
        <TaskChart />
      </section>
      <EventLog />
    </footer>
  );
});
