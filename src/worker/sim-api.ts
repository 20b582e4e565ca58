import type { Command } from '../design';
import type {
  CapacityProviderExplanation,
  PlacementExplanation,
  ScalingExplanation,
  Snapshot,
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
import { type HistoryWindow, RunKeeper, type RunSpec } from './run';

export interface SimApiOptions {
  /** Wall clock in ms; injectable so tests need not wait. */
  now?: () => number;
  /** Wall ms between frames while playing: 50 ms is 20 frames a second at any speed. */
  tickMs?: number;
  /** Honour `fault()`: only the worker the e2e suite starts (client.ts names it so). */
  testFaults?: boolean;
}

/** A throttled background tab must not leap minutes of virtual time in one tick. */
const MAX_WALL_STEP_MS = 250;
const MIN_SPEED = 0.1;
const MAX_SPEED = 1000;
/** Marks found while playing reach the timeline about once a second. */
const TIMELINE_EVERY_MS = 1000;
/** A long replay says it is alive twice a second: the page gives up after about 3 s of silence. */
const BEAT_EVERY_MS = 500;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const isSpec = (request: RunRequest): request is RunSpec =>
  'atMs' in request && 'endMs' in request && 'seed' in request && 'journal' in request;

/** The object the worker exposes: it keeps one run and plays it on the wall clock. */
export function createSimApi(options: SimApiOptions = {}): SimApi {
  const now = options.now ?? (() => performance.now());
  const tickMs = options.tickMs ?? 50;
  let run: RunKeeper | undefined;
  let listener: ((message: SimMessage) => void) | undefined;
  let playing = false;
  let speed = 1;
  let timer: ReturnType<typeof setInterval> | undefined;
  let lastWallMs = 0;
  let lastTimelineWallMs = 0;
  let marksSent = 0;
  let lastBeatWallMs = 0;
  let pings = 0;
  let armed: TestFault | undefined;

  const push = (message: SimMessage) => listener?.(message);

  const beat = () => {
    const wall = now();
    if (wall - lastBeatWallMs < BEAT_EVERY_MS) return;
    lastBeatWallMs = wall;
    push({ kind: 'beat' });
  };
  const keeperOptions = { onProgress: beat };

  /** The armed test fault, once, inside the step as an engine bug would be. */
  const trip = () => {
    const fault = armed;
    armed = undefined;
    if (fault === 'throw') throw new Error('test fault: the engine threw on purpose');
    if (fault === 'hang') {
      // A step that never returns: nothing else runs in this worker again.
      for (;;) {
        if (now() < 0) break;
      }
    }
    if (fault === 'crash')
      setTimeout(() => {
        throw new Error('test fault: an error escaped the worker');
      });
  };

  const fail = (error: unknown) => {
    stopTimer();
    playing = false;
    push({ kind: 'error', message: errorText(error) });
  };

  const sendTimeline = () => {
    if (!run) return;
    const timeline = run.timeline();
    marksSent = run.markCount();
    lastTimelineWallMs = now();
    push({ kind: 'timeline', timeline });
  };

  const reset = (reason: 'load' | 'seek' | 'branch', snapshot?: Snapshot) => {
    if (!run) return;
    const timeline = run.timeline();
    marksSent = run.markCount();
    push({ kind: 'reset', reason, snapshot: snapshot ?? run.snapshot(), timeline, playing, speed });
  };

  const advanceBy = (virtualMs: number) => {
    if (!run) return;
    try {
      trip();
      const frame = run.advance(run.nowMs + Math.max(0, Math.round(virtualMs)));
      // The page asks for the history it draws; the frame need not carry it.
      push({ kind: 'frame', frame: { ...frame, history: [] }, endMs: run.endMs, playing, speed });
      if (run.markCount() !== marksSent && now() - lastTimelineWallMs >= TIMELINE_EVERY_MS)
        sendTimeline();
    } catch (error) {
      fail(error);
    }
  };

  const tick = () => {
    const wall = now();
    const elapsed = Math.min(wall - lastWallMs, MAX_WALL_STEP_MS);
    lastWallMs = wall;
    advanceBy(elapsed * speed);
  };

  function startTimer() {
    if (timer !== undefined || !run) return;
    lastWallMs = now();
    timer = setInterval(tick, tickMs);
  }

  function stopTimer() {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  }

  const notLoaded = (command: Command): ApplyResult => ({
    at: 0,
    action: command.action,
    error: { code: 'SimulationNotLoaded', message: 'No design is loaded' },
  });

  return {
    load(request: RunRequest): LoadResult {
      stopTimer();
      try {
        run = isSpec(request)
          ? RunKeeper.open(request, keeperOptions)
          : new RunKeeper(
              request.design,
              request.seed ?? request.design.seed,
              request.journal ?? [],
              keeperOptions,
            );
      } catch (error) {
        run = undefined;
        return { ok: false, message: errorText(error) };
      }
      reset('load');
      if (playing) startTimer();
      return { ok: true, nowMs: run.nowMs };
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
      sendTimeline();
    },
    step(seconds: number) {
      advanceBy(seconds * 1000);
    },
    setSpeed(next: number) {
      speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, next));
    },
    apply(command: Command): ApplyResult {
      if (!run) return notLoaded(command);
      try {
        const { result, frame, forked } = run.apply(command);
        push({ kind: 'frame', frame: { ...frame, history: [] }, endMs: run.endMs, playing, speed });
        sendTimeline();
        return forked ? { ...result, forked } : result;
      } catch (error) {
        // An engine bug must reach the page as an answer, not a rejected promise nobody awaits.
        return {
          at: run.nowMs / 1000,
          action: command.action,
          error: { code: 'EngineError', message: errorText(error) },
        };
      }
    },
    seek(atMs: number) {
      if (!run) return;
      try {
        const snapshot = run.seek(Math.min(Math.max(0, atMs), run.endMs));
        lastWallMs = now();
        reset('seek', snapshot);
      } catch (error) {
        fail(error);
      }
    },
    switchBranch(branchId: number) {
      if (!run) return;
      try {
        reset('branch', run.switchBranch(branchId));
      } catch (error) {
        fail(error);
      }
    },
    history(query: HistoryQuery): HistoryWindow | null {
      return (
        run?.window(query.fromMs, query.toMs, query.columns, query.keys, query.branchId) ?? null
      );
    },
    spec() {
      return run?.spec() ?? null;
    },
    memory() {
      return run?.memory() ?? null;
    },
    // A throw here reaches the page as a rejected promise: the panel says so.
    explainTask(taskRef: string): PlacementExplanation | null {
      return run?.simulation.explainTask(taskRef) ?? null;
    },
    explainService(serviceName: string): PlacementExplanation | null {
      return run?.simulation.explainService(serviceName) ?? null;
    },
    explainScaling(serviceName: string): ScalingExplanation | null {
      return run?.simulation.explainScaling(serviceName) ?? null;
    },
    explainCapacityProvider(name: string): CapacityProviderExplanation | null {
      return run?.simulation.explainCapacityProvider(name) ?? null;
    },
    subscribe(callback) {
      listener = callback;
    },
    ping() {
      pings++;
      return pings;
    },
    fault(kind: TestFault): boolean {
      if (!options.testFaults) return false;
      armed = kind;
      return true;
    },
  };
}
