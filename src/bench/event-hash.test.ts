import { describe, expect, it } from 'vitest';
import { failureTimes } from './b3-design';
import { eventHasher } from './event-hash';

function digestOf(lines: readonly string[]): string {
  const h = eventHasher();
  for (const line of lines) h.fold(line);
  return h.digest();
}

describe('the event stream hash', () => {
  it('is the same for the same lines and counts them', () => {
    const h = eventHasher();
    h.fold('{"id":"a"}');
    h.fold('{"id":"b"}');
    expect(h.digest()).toBe(digestOf(['{"id":"a"}', '{"id":"b"}']));
    expect(h.state.events).toBe(2);
    expect(h.state.chars).toBe(20);
    expect(h.digest()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('tells order and line breaks apart', () => {
    expect(digestOf(['ab', 'c'])).not.toBe(digestOf(['a', 'bc']));
    expect(digestOf(['a', 'b'])).not.toBe(digestOf(['b', 'a']));
    expect(digestOf([])).not.toBe(digestOf(['']));
  });
});

describe("B3's instance failures", () => {
  it('are drawn from the seed: the same seed the same whole seconds, in the day, in order', () => {
    const times = failureTimes(3);
    expect(failureTimes(3)).toEqual(times);
    expect(failureTimes(4)).not.toEqual(times);
    expect(times.length).toBeGreaterThan(0);
    for (const [i, t] of times.entries()) {
      expect(Number.isInteger(t)).toBe(true);
      expect(t).toBeGreaterThan(0);
      expect(t).toBeLessThan(86_400);
      if (i > 0) expect(t).toBeGreaterThanOrEqual(times[i - 1] ?? 0);
    }
  });
});
