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
  TestFault,
} from './protocol';
import type { HistoryWindow, RunMemory, RunSpec } from './run';
import { TEST_WORKER_NAME, testHooksEnabled } from './test-faults';

// The page's side of the boundary, for the store: it takes the worker through this file only.
export { type Heartbeat, startHeartbeat } from './heartbeat';
export { testHooksEnabled } from './test-faults';

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
  ping(): Promise<number>;
  fault(kind: TestFault): Promise<boolean>;
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
    ping: () => remote.ping(),
    fault: (kind) => remote.fault(kind),
  };
}

/** A running worker: its client, how it fails, and how to end it. */
export interface SimWorker {
  client: SimClient;
  /** An error escaped the worker, or a message from it could not be read. Returns an unsubscribe. */
  onFailure(listener: (reason: string) => void): () => void;
  terminate(): void;
}

/** The events a Worker fires when it fails; a MessagePort in tests fires none. */
interface FailingEndpoint extends Comlink.Endpoint {
  terminate?: () => void;
}

/** A SimWorker over any endpoint: the real Worker, or a MessagePort in tests. */
export function simWorkerOf(endpoint: FailingEndpoint): SimWorker {
  const client = connectSim(endpoint);
  return {
    client,
    onFailure(listener) {
      const onError = (event: Event) => {
        // Said by the banner; the console would only repeat it.
        event.preventDefault();
        // An ErrorEvent in a browser; Node has no such global, so read the field.
        const text = (event as { message?: unknown }).message;
        const message = typeof text === 'string' ? text : '';
        listener(message ? `its worker failed (${message})` : 'its worker failed');
      };
      const onMessageError = () => listener('a message from its worker could not be read');
      endpoint.addEventListener('error', onError as EventListener);
      endpoint.addEventListener('messageerror', onMessageError);
      return () => {
        endpoint.removeEventListener('error', onError as EventListener);
        endpoint.removeEventListener('messageerror', onMessageError);
      };
    },
    terminate() {
      endpoint.terminate?.();
      // A MessagePort has no terminate; closing it ends the conversation all the same.
      if (!endpoint.terminate && 'close' in endpoint && typeof endpoint.close === 'function')
        endpoint.close();
    },
  };
}

/** A new worker of the app's simulation. */
export function spawnSimWorker(): SimWorker {
  return simWorkerOf(
    new Worker(new URL('./sim.worker.ts', import.meta.url), {
      type: 'module',
      name: testHooksEnabled() ? TEST_WORKER_NAME : 'berth-sim',
    }),
  );
}

let current: SimWorker | undefined;

/**
 * One module-level worker, created on first use: React StrictMode runs effects twice, and
 * a worker per effect run would mean two simulations.
 */
export function getSimWorker(): SimWorker {
  current ??= spawnSimWorker();
  return current;
}

/** End the app's worker (it died or hung) and start another in its place. */
export function replaceSimWorker(): SimWorker {
  current?.terminate();
  current = spawnSimWorker();
  return current;
}

/** The app's simulation client: the current worker's, so a restarted worker is asked too. */
export function getSimClient(): SimClient {
  return getSimWorker().client;
}
