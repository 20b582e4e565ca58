import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { DesignDocument } from '../design';
import { importWorkerOf } from '../worker/import/client';
import { createImportApi } from '../worker/import/import-api';
import type { ImportApi, ImportRequest } from '../worker/import/protocol';
import { useDesignStore } from './design';
import { sampleDocument } from './design-storage';
import { cancelImport, importInFlight, readSources, setImportWorkerSpawn } from './import-actions';

const TASK_DEFINITION = JSON.stringify({
  family: 'batch',
  containerDefinitions: [{ name: 'batch', image: 'busybox', memory: 128 }],
});

const channels: MessageChannel[] = [];
afterEach(() => {
  setImportWorkerSpawn(undefined);
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/** Workers over MessageChannels; each request waits for `gate` when one is set. */
function fakeWorkers(gate?: () => Promise<void>) {
  const spawned: { requests: ImportRequest[]; ended: boolean }[] = [];
  setImportWorkerSpawn(async () => {
    const channel = new MessageChannel();
    channels.push(channel);
    const record = { requests: [] as ImportRequest[], ended: false };
    spawned.push(record);
    const inner = createImportApi();
    const api: ImportApi = {
      run: async (request, onProgress) => {
        record.requests.push(request);
        await gate?.();
        return inner.run(request, onProgress);
      },
    };
    Comlink.expose(api, channel.port2);
    const worker = importWorkerOf(channel.port1);
    return {
      run: worker.run,
      terminate: () => {
        record.ended = true;
        worker.terminate();
      },
    };
  });
  return spawned;
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('reading an import in its worker', () => {
  it('refuses a text over the limit by its size, before any worker starts', async () => {
    const spawned = fakeWorkers();
    const answer = await readSources([{ text: ' '.repeat(33 * 1024 * 1024) }], () => undefined);
    expect(answer).toMatchObject({
      ok: false,
      issues: [{ path: '(document)', message: 'is 33 MB; Berth imports up to 32 MB' }],
    });
    expect(spawned).toHaveLength(0);
  });

  it('keeps one worker between imports and reports the reading phase first', async () => {
    const spawned = fakeWorkers();
    const phases: string[] = [];
    const first = await readSources(
      [{ text: TASK_DEFINITION }],
      () => undefined,
      (p) => phases.push(p.phase),
    );
    expect(first.ok).toBe(true);
    expect(phases).toEqual(['reading', 'checking', 'checked']);
    await readSources([{ text: TASK_DEFINITION }], () => undefined);
    expect(spawned).toHaveLength(1);
  });

  it('Cancel ends the worker, answers cancelled, and the next import starts another', async () => {
    const spawned = fakeWorkers(() => new Promise(() => {}));
    const answer = readSources([{ text: TASK_DEFINITION }], () => undefined);
    await until(() => spawned[0]?.requests.length === 1);
    expect(importInFlight()).toBe(true);
    cancelImport();
    expect(await answer).toEqual({ ok: false, cancelled: true });
    expect(spawned[0]?.ended).toBe(true);
    expect(importInFlight()).toBe(false);
    void readSources([{ text: TASK_DEFINITION }], () => undefined);
    await until(() => spawned.length === 2);
    cancelImport();
  });

  it('Cancel pressed while the worker is still starting is honoured once it has started', async () => {
    let started: () => void = () => {};
    const starting = new Promise<void>((resolve) => {
      started = resolve;
    });
    const spawned = fakeWorkers();
    setImportWorkerSpawn(async () => {
      await starting;
      return importWorkerOf(new MessageChannel().port1);
    });
    const answer = readSources([{ text: TASK_DEFINITION }], () => undefined);
    cancelImport();
    started();
    expect(await answer).toEqual({ ok: false, cancelled: true });
    expect(spawned).toEqual([]);
  });

  it('adds again to the design as it now is when it changed during the read', async () => {
    useDesignStore.setState({ design: sampleDocument() });
    let release: (() => void) | undefined;
    let calls = 0;
    const spawned = fakeWorkers(
      () =>
        new Promise<void>((resolve) => {
          calls += 1;
          if (calls === 1) release = resolve;
          else resolve();
        }),
    );
    const answer = readSources([{ text: TASK_DEFINITION }], () => useDesignStore.getState().design);
    await until(() => release !== undefined);
    // An edit while the worker reads.
    const edited: DesignDocument = { ...sampleDocument(), name: 'Edited meanwhile' };
    useDesignStore.setState({ design: edited });
    release?.();
    const outcome = await answer;
    expect(spawned[0]?.requests.map((r) => r.base?.name)).toEqual([
      sampleDocument().name,
      'Edited meanwhile',
    ]);
    expect(outcome.ok && outcome.design.name).toBe('Edited meanwhile');
  });
});
