import * as Comlink from 'comlink';
import type { Command, DesignDocument } from '../design';
import type { ActionResult, PlacementExplanation } from '../engine';
import type { LoadResult, SimApi, SimMessage } from './protocol';

/** The page's handle on the worker: the SimApi, with the callback proxying done here. */
export interface SimClient {
  load(design: DesignDocument): Promise<LoadResult>;
  play(): Promise<void>;
  pause(): Promise<void>;
  step(seconds: number): Promise<void>;
  setSpeed(speed: number): Promise<void>;
  apply(command: Command): Promise<ActionResult>;
  explainTask(taskRef: string): Promise<PlacementExplanation | null>;
  explainService(serviceName: string): Promise<PlacementExplanation | null>;
  subscribe(callback: (message: SimMessage) => void): Promise<void>;
}

/** Wrap any comlink endpoint: the worker in the page, a MessagePort in tests. */
export function connectSim(endpoint: Comlink.Endpoint): SimClient {
  const remote = Comlink.wrap<SimApi>(endpoint);
  return {
    load: (design) => remote.load(design),
    play: () => remote.play(),
    pause: () => remote.pause(),
    step: (seconds) => remote.step(seconds),
    setSpeed: (speed) => remote.setSpeed(speed),
    apply: (command) => remote.apply(command),
    explainTask: (taskRef) => remote.explainTask(taskRef),
    explainService: (serviceName) => remote.explainService(serviceName),
    subscribe: (callback) => remote.subscribe(Comlink.proxy(callback)),
  };
}

let client: SimClient | undefined;

/**
 * One module-level client, created on first use: React StrictMode runs effects
 * twice, and a worker per effect run would mean two simulations.
 */
export function getSimClient(): SimClient {
  client ??= connectSim(
    new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'berth-sim' }),
  );
  return client;
}
