import type { DesignDocument, DesignIssue } from '../design';
import type { ImportOutcome, ImportSource } from '../design/import';
import { issuesText } from '../design/issues';
import type { ImportProgress, ImportWorker } from '../worker/import/client';
import { useDesignStore } from './design';
import { sizeIssues } from './import-actions-limit';
import { useRunStore } from './run';

export type { ImportProgress } from '../worker/import/client';

/** The person pressed Cancel: the worker was ended and nothing changed. */
export interface ImportCancelled {
  ok: false;
  cancelled: true;
}
export type ImportAnswer = ImportOutcome | ImportCancelled;

type Spawn = () => Promise<ImportWorker>;

// One worker kept between imports (a second import skips its start); ended by Cancel or a failure.
let worker: ImportWorker | undefined;
let pending: { cancel: () => void } | undefined;
/** Cancel pressed before the worker had the sources (it was still starting): honoured after. */
let cancelAsked = false;

// The client comes in with the first import (comlink, the worker's URL): not in the first
// render. Loaded by a dynamic import: the store takes of the worker only its client.
const spawnDefault: Spawn = async () =>
  (await import('../worker/import/client')).spawnImportWorker();
let spawn: Spawn = spawnDefault;

/** Tests: an import worker over a MessageChannel instead of a real Worker. */
export function setImportWorkerSpawn(next: Spawn | undefined): void {
  spawn = next ?? spawnDefault;
  worker?.terminate();
  worker = undefined;
}

/** Ends the import in flight, if any: its worker stops and its answer is `cancelled`. */
export function cancelImport(): void {
  cancelAsked = true;
  pending?.cancel();
}

const CANCELLED: ImportCancelled = { ok: false, cancelled: true };

export const importInFlight = (): boolean => pending !== undefined;

const refused = (issues: DesignIssue[]): ImportOutcome => ({
  ok: false,
  issues,
  message: issuesText(issues),
});
const failedWith = (why: string) =>
  refused([{ path: '(document)', message: `could not be read: ${why}` }]);

async function runOnce(
  sources: readonly ImportSource[],
  base: DesignDocument | undefined,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportAnswer> {
  worker ??= await spawn();
  if (cancelAsked) return CANCELLED;
  const running = worker;
  return new Promise<ImportAnswer>((resolve) => {
    const settle = (answer: ImportAnswer, end: boolean) => {
      if (pending !== entry) return;
      pending = undefined;
      if (end) {
        running.terminate();
        if (worker === running) worker = undefined;
      }
      resolve(answer);
    };
    const entry = { cancel: () => settle(CANCELLED, true) };
    pending = entry;
    running.run(base ? { sources, base } : { sources }, onProgress).then(
      (outcome) => settle(outcome, false),
      (error: unknown) =>
        settle(failedWith(error instanceof Error ? error.message : String(error)), true),
    );
  });
}

/** What a change during the import is checked against: the design and where the run is. */
const moment = () => {
  const run = useRunStore.getState();
  return [useDesignStore.getState().design, run.timeline.journal, run.nowMs] as const;
};
const same = (a: ReturnType<typeof moment>, b: ReturnType<typeof moment>) =>
  a.every((part, i) => part === b[i]);

/**
 * Every source through the one pipeline, in the import worker: the page stays answering
 * while a large design is read and checked. Refused for size before the worker sees it.
 * `baseOf` is the design to add to (undefined: a new design); an edit made while the
 * worker read means the import is added again to the design as it now is, so no edit is lost.
 */
export async function readSources(
  sources: readonly ImportSource[],
  baseOf: () => DesignDocument | undefined,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<ImportAnswer> {
  const tooLarge = sizeIssues(sources.map((s) => ({ ...s, bytes: s.text.length })));
  if (tooLarge.length > 0) return refused(tooLarge);
  const bytes = sources.reduce((sum, s) => sum + s.text.length, 0);
  cancelAsked = false;
  onProgress({ phase: 'reading', fraction: 0.05, bytes, sources: sources.length });
  for (;;) {
    const before = moment();
    const base = baseOf();
    const answer = await runOnce(sources, base, onProgress);
    if (!answer.ok || base === undefined || same(before, moment())) return answer;
  }
}

/** A frame for the page to paint the progress line before the design's first render. */
const painted = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame === 'function')
      requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });

/** Says what is about to open and lets the page paint it; at once when nobody listens. */
export async function openingShown(
  design: DesignDocument,
  onProgress: ((p: ImportProgress) => void) | undefined,
): Promise<void> {
  if (!onProgress) return;
  onProgress({
    phase: 'opening',
    fraction: 0.9,
    instances: design.containerInstances.length,
    taskDefinitions: design.taskDefinitions.length,
    services: design.services.length,
  });
  await painted();
}
