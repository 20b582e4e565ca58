import type { Command, DesignDocument } from '../design';
import {
  type ActionResult,
  createSimulation,
  type PlacementExplanation,
  type Simulation,
} from '../engine';
import type { LoadResult, SimApi, SimMessage } from './protocol';

export interface SimApiOptions {
  /** Wall clock in ms; injectable so tests need not wait. */
  now?: () => number;
  /** Wall ms between frames while playing: 50 ms is 20 frames a second at any speed. */
  tickMs?: number;
}

/** A throttled background tab must not leap minutes of virtual time in one tick. */
const MAX_WALL_STEP_MS = 250;
const MIN_SPEED = 0.1;
const MAX_SPEED = 1000;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The object the worker exposes: it owns one simulation and plays it on the wall clock. */
export function createSimApi(options: SimApiOptions = {}): SimApi {
  const now = options.now ?? (() => performance.now());
  const tickMs = options.tickMs ?? 50;
  let sim: Simulation | undefined;
  let listener: ((message: SimMessage) => void) | undefined;
  let playing = false;
  let speed = 1;
  let timer: ReturnType<typeof setInterval> | undefined;
  let lastWallMs = 0;

  const push = (message: SimMessage) => listener?.(message);

  const advanceBy = (virtualMs: number) => {
    if (!sim) return;
    try {
      const frame = sim.advance(sim.nowMs + Math.max(0, Math.round(virtualMs)));
      push({ kind: 'frame', frame, playing, speed });
    } catch (error) {
      stopTimer();
      playing = false;
      push({ kind: 'error', message: errorText(error) });
    }
  };

  const tick = () => {
    const wall = now();
    const elapsed = Math.min(wall - lastWallMs, MAX_WALL_STEP_MS);
    lastWallMs = wall;
    advanceBy(elapsed * speed);
  };

  function startTimer() {
    if (timer !== undefined || !sim) return;
    lastWallMs = now();
    timer = setInterval(tick, tickMs);
  }

  function stopTimer() {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  }

  return {
    load(design: DesignDocument): LoadResult {
      stopTimer();
      try {
        sim = createSimulation(design);
      } catch (error) {
        sim = undefined;
        return { ok: false, message: errorText(error) };
      }
      push({ kind: 'reset', snapshot: sim.snapshot(), playing, speed });
      if (playing) startTimer();
      return { ok: true, nowMs: sim.nowMs };
    },
    play() {
      playing = true;
      startTimer();
    },
    pause() {
      playing = false;
      stopTimer();
      // One frame so the page learns it is paused even when nothing moves.
      advanceBy(0);
    },
    step(seconds: number) {
      advanceBy(seconds * 1000);
    },
    setSpeed(next: number) {
      speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, next));
    },
    apply(command: Command) {
      if (!sim) {
        return {
          at: 0,
          action: command.action,
          error: { code: 'SimulationNotLoaded', message: 'No design is loaded' },
        };
      }
      let result: ActionResult;
      try {
        result = sim.apply(command);
      } catch (error) {
        // An engine bug must reach the page as an answer, not a rejected promise nobody awaits.
        result = {
          at: sim.nowMs / 1000,
          action: command.action,
          error: { code: 'EngineError', message: errorText(error) },
        };
      }
      advanceBy(0);
      return result;
    },
    // A throw here reaches the page as a rejected promise: the panel says so.
    explainTask(taskRef: string): PlacementExplanation | null {
      return sim?.explainTask(taskRef) ?? null;
    },
    explainService(serviceName: string): PlacementExplanation | null {
      return sim?.explainService(serviceName) ?? null;
    },
    subscribe(callback) {
      listener = callback;
    },
  };
}
