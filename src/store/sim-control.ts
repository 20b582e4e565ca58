import type { Command, DesignDocument, RunRecord } from '../design';
import { mmss } from '../design/virtual-clock';
import type { PlacementExplanation } from '../engine';
import {
  getSimWorker,
  replaceSimWorker,
  type SimClient,
  type SimWorker,
  testHooksEnabled,
} from '../worker/client';
import type { HistoryQuery, SimMessage, TestFault } from '../worker/protocol';
import type { HistoryWindow } from '../worker/run';
import { designStorage, useDesignStore } from './design';
import type { ExplainTarget } from './explain-marks';
import {
  isPristine,
  receive,
  setPlaying,
  setRestarting,
  setRunError,
  setSpeedShown,
  setStopped,
  useRunStore,
} from './run';
import { loadRun, runBaseOf, saveRun } from './run-storage';
import { type NoticeAction, showNotice } from './session';
import { useWorkerStore } from './worker-state';
import { installTestHook } from './worker-test-hook';
import { type WorkerWatch, watchWorker } from './worker-watch';

/** The live worker's client; undefined while the worker is stopped, so calls go nowhere. */
let client: SimClient | undefined;
/** The app's worker, watched by a heartbeat; tests over a MessagePort have none. */
let worker: SimWorker | undefined;
let watch: WorkerWatch | undefined;
/** A new worker in place of a stopped one; the app's own unless a test gave another. */
let respawn: (() => SimWorker) | undefined;
/** The run as the page last saw it before its worker stopped, until a new one runs. */
let frozen: { record: RunRecord; base: string } | undefined;
let unsubscribe: (() => void) | undefined;
/** The seed of the run shown: the design's, unless a link or file brought another. */
let runSeed = 0;

/** What the next design change means for the run, said by the action that makes it. */
export interface RunIntent {
  /** Open this run of the new design (a link, a file, an undone restart) instead of 0:00. */
  record?: RunRecord;
  /** Say this, whatever the run did. */
  notice?: string;
  /** A whole new document: a new run even if it reads like the old one. */
  fresh?: boolean;
}
let intent: RunIntent | undefined;

/** The next design change opens `next.record`, or starts at 0:00, and says `next.notice`. */
export function expectRun(next: RunIntent): void {
  intent = next;
}

async function load(design: DesignDocument, record?: RunRecord): Promise<string | undefined> {
  if (!client) return;
  runSeed = record?.seed ?? design.seed;
  const result = await client.load(record ? { design, ...record } : { design });
  if (!result.ok) {
    setRunError(result.message);
    return result.message;
  }
}

/** The run shown, as a value: what a reload, a link or an exported file carries. */
export function currentRun(): RunRecord {
  const s = useRunStore.getState();
  return { seed: runSeed, journal: [...s.timeline.journal], atMs: s.nowMs, endMs: s.endMs };
}

function undoRestart(before: RunRecord): NoticeAction {
  return {
    label: 'Undo',
    run: () => {
      expectRun({ record: before, notice: 'The design and its run are back as they were.' });
      useDesignStore.temporal.getState().undo();
    },
  };
}

function onDesignChange(next: DesignDocument, previous: DesignDocument): void {
  const wanted = intent;
  intent = undefined;
  // The canvas layout and the name: the run never reads them.
  if (!wanted && runBaseOf(next) === runBaseOf(previous)) return;
  // A new run would start anyway: it starts in a new worker; the stopped run is its Undo.
  if (isStopped()) {
    void revive().then(() => runDesignChange(next, wanted));
    return;
  }
  runDesignChange(next, wanted);
}

function runDesignChange(next: DesignDocument, wanted: RunIntent | undefined): void {
  if (wanted?.record) {
    void load(next, wanted.record);
    if (wanted.notice) showNotice(wanted.notice);
    return;
  }
  const lost = !isPristine();
  const before = lost ? currentRun() : undefined;
  void load(next);
  const undoAction = before ? undoRestart(before) : undefined;
  if (wanted?.notice) showNotice(wanted.notice, 'info', undoAction);
  else if (lost)
    showNotice('The design changed, so the run restarted at 0:00.', 'info', undoAction);
}

const SAVE_EVERY_MS = 1000;
let lastSaveWallMs = 0;

function save(): void {
  if (useRunStore.getState().status !== 'ready') return;
  lastSaveWallMs = Date.now();
  saveRun(designStorage, useDesignStore.getState().design, currentRun());
}

/** Keep the run in local storage as it moves, so a reload finds the same moment. */
function persistRuns(): () => void {
  const stop = useRunStore.subscribe((s, p) => {
    const jumped = s.generation !== p.generation || s.timeline !== p.timeline;
    const paused = s.playing !== p.playing;
    if (jumped || paused || (s.nowMs !== p.nowMs && Date.now() - lastSaveWallMs >= SAVE_EVERY_MS))
      save();
  });
  const onHide = () => save();
  if (typeof window !== 'undefined') window.addEventListener('pagehide', onHide);
  return () => {
    stop();
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', onHide);
  };
}

/** Set once the first run is loaded: design changes before then are the first load's. */
let connected = false;

function isStopped(): boolean {
  return useWorkerStore.getState().stop !== null;
}

/** Frames into the run store; the worker's own words about its health to the watch. */
function route(message: SimMessage): void {
  watch?.alive();
  if (message.kind === 'beat') return;
  if (message.kind === 'error') {
    const at = mmss(useRunStore.getState().nowMs);
    workerStopped(`the engine failed at ${at} (${message.message})`);
    return;
  }
  if (message.kind === 'reset' && message.reason === 'load') frozen = undefined;
  if (message.kind === 'reset' && message.reason !== 'seek') lastHistory.clear();
  receive(message);
}

/** Make `next` the client the controls drive, watching `watched` when it is the app's worker. */
async function wire(next: SimClient, watched?: SimWorker): Promise<void> {
  watch?.stop();
  client = next;
  worker = watched;
  watch = watched ? watchWorker(watched, workerStopped) : undefined;
  // Messages of an ended worker (one already on its way) must not reach the new run.
  await next.subscribe((message) => {
    if (client === next) route(message);
  });
}

/**
 * The worker died or hung: end it, keep the design and the run as the page last saw it
 * (the journal of the shown branch, the moment), and say so; the dock offers a restart.
 */
function workerStopped(reason: string, restoreFailed = false): void {
  if (!client) return;
  const s = useRunStore.getState();
  // Where a reload would pick up: the last moment seen, not a second before.
  if (s.status === 'ready') save();
  const record = frozen?.record ?? currentRun();
  frozen = { record, base: frozen?.base ?? runBaseOf(useDesignStore.getState().design) };
  watch?.stop();
  watch = undefined;
  worker?.terminate();
  worker = undefined;
  client = undefined;
  setStopped();
  useWorkerStore.setState({
    stop: { reason, atMs: record.atMs, commands: record.journal.length, restoreFailed },
  });
  settleUnanswered();
}

/** A fresh worker, wired, with nothing loaded yet. */
async function revive(): Promise<boolean> {
  if (!respawn) return false;
  useWorkerStore.setState({ stop: null });
  setRestarting();
  const next = respawn();
  await wire(next.client, next);
  return true;
}

/**
 * Start a new worker after the old one stopped: at the moment the page last saw (the run
 * is design + seed + journal, so replaying the journal there is the same run), or at 0:00
 * of the same journal. (A design changed since has already started a new run: see
 * onDesignChange; the check here only guards against a journal that no longer fits.)
 */
export async function restartStopped(from: 'checkpoint' | 'start'): Promise<void> {
  if (!isStopped() || !frozen) return;
  const design = useDesignStore.getState().design;
  const fits = runBaseOf(design) === frozen.base;
  const kept = frozen.record;
  const record: RunRecord | undefined = !fits
    ? undefined
    : from === 'checkpoint'
      ? kept
      : { ...kept, atMs: 0, endMs: 0 };
  if (!(await revive())) return;
  const failed = await load(design, record);
  if (failed && from === 'checkpoint') {
    // The replay itself fails (the fault is in the run): 0:00 stays on offer.
    workerStopped(`it could not be restored at ${mmss(kept.atMs)} (${failed})`, true);
    return;
  }
  if (!failed)
    showNotice(
      record && record.atMs > 0
        ? `The simulation restarted from ${mmss(record.atMs)}.`
        : 'The simulation restarted at 0:00.',
    );
}

/** The e2e suite's way in (worker-test-hook.ts): arm a fault in the live worker. */
export function injectTestFault(kind: TestFault): Promise<boolean> {
  return client?.fault(kind) ?? Promise.resolve(false);
}

/** Wire a simulation client to the stores: frames in, design changes out. */
export async function connectSimulation(
  next: SimClient,
  options: { worker?: SimWorker; respawn?: () => SimWorker } = {},
): Promise<void> {
  unsubscribe?.();
  connected = false;
  respawn = options.respawn;
  frozen = undefined;
  useWorkerStore.setState({ stop: null });
  const stopDesign = useDesignStore.subscribe((state, previous) => {
    if (connected && state.design !== previous.design)
      onDesignChange(state.design, previous.design);
  });
  const stopPersist = persistRuns();
  unsubscribe = () => {
    stopDesign();
    stopPersist();
  };
  await wire(next, options.worker);
  // A link opened while the worker started: its run, else the one this design was left at.
  const wanted = intent;
  intent = undefined;
  const design = useDesignStore.getState().design;
  connected = true;
  await load(design, wanted?.record ?? loadRun(designStorage, design) ?? undefined);
  if (wanted?.notice) showNotice(wanted.notice);
}

/** The app's one simulation, in its worker, watched; a stopped one is replaced. */
export function startSimulation(): Promise<void> {
  if (testHooksEnabled()) installTestHook(injectTestFault);
  const first = getSimWorker();
  return connectSimulation(first.client, { worker: first, respawn: replaceSimWorker });
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

/** Show the shown branch at `atMs`; its past and its future stay. */
export function seek(atMs: number): Promise<void> {
  return client?.seek(atMs) ?? Promise.resolve();
}

/** Back to 0:00 of the same run: a seek, so nothing recorded is lost. */
export function restart(): void {
  void seek(0);
}

export function switchBranch(branchId: number): Promise<void> {
  return client?.switchBranch(branchId) ?? Promise.resolve();
}

/** A person's edit on the running cluster: AWS operations, journalled at the moment shown. */
export async function applyLive(commands: readonly Command[]): Promise<void> {
  const first = commands[0];
  if (!client) {
    if (first && isStopped())
      showNotice(`The simulation is stopped: restart it, then ${first.action} again.`, 'error');
    return;
  }
  for (const command of commands) {
    const live = client;
    if (!live) return;
    const result = await live.apply(command);
    if (result.error?.code === 'EngineError') {
      workerStopped(`the engine failed applying ${command.action} (${result.error.message})`);
      return;
    }
    if (result.error) showNotice(`${command.action}: ${result.error.message}`, 'error');
    else if (result.forked)
      showNotice(
        `A new branch starts at ${mmss(result.at * 1000)}; the old future is kept on the timeline.`,
      );
  }
}

/**
 * The last window answered for each chart's keys and branch: what the chart keeps drawing
 * while the worker is stopped (asked then, nothing would answer and the lines would go).
 */
const lastHistory = new Map<string, HistoryWindow | null>();
/** Calls to the worker in flight: a stopped worker never answers them, so they settle here. */
const unanswered = new Set<() => void>();

/** `answer`, or `fallback()` if the worker stops first: a caller waiting in flight is never stuck. */
function untilStopped<T>(answer: Promise<T>, fallback: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const settle = () => resolve(fallback());
    unanswered.add(settle);
    answer.then(resolve, reject).finally(() => unanswered.delete(settle));
  });
}

function settleUnanswered(): void {
  const waiting = [...unanswered];
  unanswered.clear();
  for (const settle of waiting) settle();
}

/** Part of a branch's history, as the chart draws it. */
export function fetchHistory(query: HistoryQuery): Promise<HistoryWindow | null> {
  const key = `${query.branchId ?? 'shown'}|${query.keys.join(',')}`;
  const kept = () => (isStopped() ? (lastHistory.get(key) ?? null) : null);
  if (!client) return Promise.resolve(kept());
  const answer = client.history(query).then((window) => {
    lastHistory.set(key, window);
    return window;
  });
  return untilStopped(answer, kept);
}

/** Ask the running simulation why a task is where it is, or why a service's task waits. */
export function fetchExplanation(target: ExplainTarget): Promise<PlacementExplanation | null> {
  if (!client) return Promise.resolve(null);
  return target.kind === 'task'
    ? client.explainTask(target.arn)
    : client.explainService(target.name);
}
