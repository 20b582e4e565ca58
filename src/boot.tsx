import '@xyflow/react/dist/style.css';
import './ui/styles/base.css';
import './ui/styles/shell.css';
import './ui/styles/canvas.css';
import './ui/styles/nodes.css';
import './ui/styles/panels.css';
import './ui/styles/dock.css';
import './ui/styles/alarms.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startSimulation } from './store/sim-control';
import { App } from './ui/app/App';

/** Runs once the instance-type catalog is installed: the stores open a design on import. */
export function boot(root: HTMLElement): void {
  // Outside React: StrictMode runs effects twice, and there must be one worker.
  void startSimulation();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
