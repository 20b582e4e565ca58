import * as Comlink from 'comlink';
import type { Command } from '../design';
import type {
  CapacityProviderExplanation,
  PlacementExplanation,
  ScalingExplanation,
} from '../engine';
import type {
  ApplyResult,
  HistoryQuery,
  LoadResult,
  RunRequest,
  SimApi,
  SimMessage,
} from './protocol';
import type { HistoryWindow, RunMemory, RunSpec } from './run';

/** The page's handle on the worker: the SimApi, with the callback proxying done here. */
export interface SimClient {
  load(request: RunRequest): Promise<LoadResult>;
  play(): Promise<void>;
  pause(): Promise<void>;
  step(seconds: number): Promise<void>;
  setSpeed(speed: number): Promise<void>;
  apply(command: Command): Promise<ApplyResult>;
  seek(atMs: number): Promise<void>;
  switchBranch(branchId: number): Promise<void>;
  history(query: HistoryQuery): Promise<HistoryWindow | null>;
  spec(): Promise<RunSpec | null>;
  memory(): Promise<RunMemory | null>;
  explainTask(taskRef: string): Promise<PlacementExplanation | null>;
  explainService(serviceName: string): Promise<PlacementExplanation | null>;
  explainScaling(serviceName: string): Promise<ScalingExplanation | null>;
  explainCapacityProvider(name: string): Promise<CapacityProviderExplanation | null>;
  subscribe(callback: (message: SimMessage) => void): Promise<void>;
}

/** Wrap any comlink endpoint: the worker in the page, a MessagePort in tests. */
export function connectSim(endpoint: Comlink.Endpoint): SimClient {
  const remote = Comlink.wrap<SimApi>(endpoint);
  return {
    load: (request) => remote.load(request),
    play: () => remote.play(),
    pause: () => remote.pause(),
    step: (seconds) => remote.step(seconds),
    setSpeed: (speed) => remote.setSpeed(speed),
    apply: (command) => remote.apply(command),
    seek: (atMs) => remote.seek(atMs),
    switchBranch: (branchId) => remote.switchBranch(branchId),
    history: (query) => remote.history(query),
    spec: () => remote.spec(),
    memory: () => remote.memory(),
    explainTask: (taskRef) => remote.explainTask(taskRef),
    explainService: (serviceName) => remote.explainService(serviceName),
    explainScaling: (serviceName) => remote.explainScaling(serviceName),
    explainCapacityProvider: (name) => remote.explainCapacityProvider(name),
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
