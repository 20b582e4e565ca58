import type { DesignDocument } from '../design';
import type { PlacementExplanation } from '../engine';
import { getSimClient, type SimClient } from '../worker/client';
import { useDesignStore } from './design';
import type { ExplainTarget } from './explain-marks';
import { receive, setPlaying, setRunError, setSpeedShown, useRunStore } from './run';
import { showNotice } from './session';
import { simChange } from './sim-sync';

let client: SimClient | undefined;
let unsubscribe: (() => void) | undefined;

async function load(design: DesignDocument, announce: boolean): Promise<void> {
  if (!client) return;
  // Restarting is only news when time had passed.
  const hadRun = useRunStore.getState().nowMs > 0;
  const result = await client.load(design);
  if (!result.ok) setRunError(result.message);
  else if (announce && hadRun)
    showNotice('The design changed, so the simulation restarted at 0:00.');
}

function sync(previous: DesignDocument, next: DesignDocument): void {
  const change = simChange(previous, next);
  if (change.kind === 'reload') void load(next, true);
  if (change.kind !== 'commands' || !client) return;
  for (const command of change.commands) {
    void client.apply(command).then((result) => {
      if (result.error) showNotice(`${command.action}: ${result.error.message}`, 'error');
    });
  }
}

/** Wire a simulation client to the stores: frames in, design changes out. */
export async function connectSimulation(next: SimClient): Promise<void> {
  unsubscribe?.();
  client = next;
  await next.subscribe(receive);
  unsubscribe = useDesignStore.subscribe((state, previous) => {
    if (state.design !== previous.design) sync(previous.design, state.design);
  });
  await load(useDesignStore.getState().design, false);
}

/** The app's one simulation, in its worker. */
export function startSimulation(): Promise<void> {
  return connectSimulation(getSimClient());
}

export function play(): void {
  setPlaying(true);
  void client?.play();
}

export function pause(): void {
  setPlaying(false);
  void client?.pause();
}

export function togglePlay(playing: boolean): void {
  if (playing) pause();
  else play();
}

export function step(seconds: number): void {
  void client?.step(seconds);
}

export function setSpeed(speed: number): void {
  setSpeedShown(speed);
  void client?.setSpeed(speed);
}

/** Start the same design again from virtual time 0. */
export function restart(): void {
  void load(useDesignStore.getState().design, false);
}

/** Ask the running simulation why a task is where it is, or why a service's task waits. */
export function fetchExplanation(target: ExplainTarget): Promise<PlacementExplanation | null> {
  if (!client) return Promise.resolve(null);
  return target.kind === 'task'
    ? client.explainTask(target.arn)
    : client.explainService(target.name);
}
