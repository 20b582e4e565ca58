import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { importDocuments } from '../../design/import';
import { importWorkerOf } from './client';
import { createImportApi } from './import-api';
import { largeDesign } from './large-design';
import type { ImportApi, ImportProgress } from './protocol';
import { runImport } from './run-import';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/** The worker's api over a MessageChannel: the same comlink boundary the page crosses. */
function connect(api: ImportApi = createImportApi()) {
  const channel = new MessageChannel();
  channels.push(channel);
  Comlink.expose(api, channel.port2);
  return importWorkerOf(channel.port1);
}

const TASK_DEFINITION = JSON.stringify({
  family: 'web',
  containerDefinitions: [{ name: 'web', image: 'nginx', memory: 512 }],
});

describe('the import worker', () => {
  it('answers what importDocuments answers, after phases whose fraction grows', async () => {
    const seen: ImportProgress[] = [];
    const sources = [{ text: TASK_DEFINITION }];
    const outcome = await connect().run({ sources }, (p) => seen.push(p));
    expect(outcome).toEqual(importDocuments(sources));
    expect(seen.map((p) => p.phase)).toEqual(['checking', 'checked']);
    expect(seen[0]).toMatchObject({ bytes: TASK_DEFINITION.length, sources: 1 });
    expect(seen[1]).toMatchObject({ instances: 0, taskDefinitions: 1, services: 1 });
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('passes a refusal through with its paths, and no checked phase', async () => {
    const seen: ImportProgress[] = [];
    const outcome = await connect().run({ sources: [{ text: '{ "family": ' }] }, (p) =>
      seen.push(p),
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues[0]?.path).toBe('(document)');
    expect(seen.map((p) => p.phase)).toEqual(['checking']);
  });

  it('answers the same after the JSON round trip it crosses in (a large design too)', async () => {
    const text = JSON.stringify(largeDesign(1024 * 1024));
    const sources = [{ name: 'large.json', text }];
    expect(await connect().run({ sources }, () => {})).toEqual(importDocuments(sources));
  });

  it('rejects when the worker throws, so the page can say so', async () => {
    const broken = connect({
      run: async () => {
        throw new Error('out of memory');
      },
    });
    await expect(broken.run({ sources: [{ text: '{}' }] }, () => {})).rejects.toThrow(
      'out of memory',
    );
  });

  it('reads and checks a 10 MB design in seconds, not minutes (the gate is linear)', async () => {
    const timed = (mb: number) => {
      const text = JSON.stringify(largeDesign(mb * 1024 * 1024));
      const start = performance.now();
      const outcome = runImport({ sources: [{ text }] }, () => {});
      expect(outcome.ok).toBe(true);
      return { text, ms: performance.now() - start, outcome };
    };
    timed(1); // warm the importers and the schemas
    const one = timed(1);
    const ten = timed(10);
    expect(ten.text.length).toBeGreaterThan(10 * 1024 * 1024);
    expect(ten.ms).toBeLessThan(10_000);
    // Ten times the text, at most about ten times the time (30 for a busy machine's noise).
    expect(ten.ms).toBeLessThan(Math.max(30 * one.ms, 2_000));
    // What crosses back to the page is plain JSON.
    expect(JSON.parse(JSON.stringify(ten.outcome))).toEqual(ten.outcome);
  });
});
