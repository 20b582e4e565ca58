import { describe, expect, it } from 'vitest';
import { formatAxisSeconds, formatClock, isoAt, percent } from './format';

describe('format', () => {
  it.each([
    [0, '00:00'],
    [59_999, '00:59'],
    [61_000, '01:01'],
    [3_726_000, '1:02:06'],
  ])('clock %i ms is %s', (ms, text) => expect(formatClock(ms)).toBe(text));

  it('turns virtual time into the date-time it stands for', () => {
    expect(isoAt('2026-01-01T00:00:00Z', 90_500)).toBe('2026-01-01T00:01:30Z');
  });

  it('labels chart seconds briefly', () => {
    expect(formatAxisSeconds(90)).toBe('1:30');
  });

  it('clamps percentages', () => {
    expect(percent(5, 0)).toBe(0);
    expect(percent(300, 200)).toBe(100);
  });
});
