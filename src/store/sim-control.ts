import type { Command, DesignDocument, RunRecord } from '../design';
import type { PlacementExplanation } from '../engine';
import { getSimClient, type SimClient } from '../worker/client';
import type { HistoryQuery } from '../worker/protocol';
import type { HistoryWindow } from '../worker/run';
import { designStorage, useDesignStore } from './design';
import type { ExplainTarget } from './explain-marks';
import { isPristine, receive, setPlaying, setRunError, setSpeedShown, useRunStore } from './run';
import { loadRun, runBaseOf, saveRun } from './run-storage';
import { type NoticeAction, showNotice } from './session';

let client: SimClient | undefined;
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

async function load(design: DesignDocument, record?: RunRecord): Promise<void> {
  if (!client) return;
  runSeed = record?.seed ?? design.seed;
  const result = await client.load(record ? { design, ...record } : { design });
  if (!result.ok) setRunError(result.message);
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
  if (wanted?.record) {
    void load(next, wanted.record);
    if (wanted.notice) showNotice(wanted.notice);
    return;
  }
  // The canvas layout and the name: the run never reads them.
  if (!wanted && runBaseOf(next) === runBaseOf(previous)) return;
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

/** Wire a simulation client to the stores: frames in, design changes out. */
export async function connectSimulation(next: SimClient): Promise<void> {
  unsubscribe?.();
  client = next;
  connected = false;
  const stopDesign = useDesignStore.subscribe((state, previous) => {
    if (connected && state.design !== previous.design)
      onDesignChange(state.design, previous.design);
  });
  const stopPersist = persistRuns();
  unsubscribe = () => {
    stopDesign();
    stopPersist();
  };
  await next.subscribe(receive);
  // A link opened while the worker started: its run, else the one this design was left at.
  const wanted = intent;
  intent = undefined;
  const design = useDesignStore.getState().design;
  connected = true;
  await load(design, wanted?.record ?? loadRun(designStorage, design) ?? undefined);
  if (wanted?.notice) showNotice(wanted.notice);
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

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A person's edit on the running cluster: AWS operations, journalled at the moment shown. */
export async function applyLive(commands: readonly Command[]): Promise<void> {
  if (!client) return;
  for (const command of commands) {
    const result = await client.apply(command);
    if (result.error) showNotice(`${command.action}: ${result.error.message}`, 'error');
    else if (result.forked)
      showNotice(
        `A new branch starts at ${clock(result.at * 1000)}; the old future is kept on the timeline.`,
      );
  }
}

/** Part of a branch's history, as the chart draws it. */
export function fetchHistory(query: HistoryQuery): Promise<HistoryWindow | null> {
  return client?.history(query) ?? Promise.resolve(null);
}

/** Ask the running simulation why a task is where it is, or why a service's task waits. */
export function fetchExplanation(target: ExplainTarget): Promise<PlacementExplanation | null> {
  if (!client) return Promise.resolve(null);
  return target.kind === 'task'
    ? client.explainTask(target.arn)
    : client.explainService(target.name);
}
