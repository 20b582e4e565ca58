import { beforeEach, describe, expect, it, vi } from 'vitest';

const seeks: number[] = [];
let release: (() => void)[] = [];
vi.mock('./sim-control', () => ({
  seek: (atMs: number) => {
    seeks.push(atMs);
    return new Promise<void>((resolve) => release.push(resolve));
  },
  step: vi.fn(),
}));

const { useRunStore } = await import('./run');
const { scrubTo, stepBy } = await import('./time-nav');

describe('moving through time', () => {
  beforeEach(() => {
    seeks.length = 0;
    release = [];
    useRunStore.setState({ nowMs: 60_000, endMs: 60_000 });
  });

  it('steps from where the playhead is going, not from the last frame shown', async () => {
    scrubTo(0);
    stepBy(10_000);
    stepBy(10_000);
    stepBy(10_000);
    expect(seeks).toEqual([0]);
    release.shift()?.();
    await Promise.resolve();
    await Promise.resolve();
    // The presses while the first seek was out fold into one seek, to 0:30.
    expect(seeks).toEqual([0, 30_000]);
    release.shift()?.();
  });
});
