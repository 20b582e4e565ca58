import { describe, expect, it } from 'vitest';
import { caretWindow, checkQuery } from './query-check';

describe('checkQuery', () => {
  it('gives the canonical form of a valid expression', () => {
    expect(checkQuery('attribute:ecs.instance-type equals t2.small')).toEqual({
      ok: true,
      canonical: 'attribute:ecs.instance-type == t2.small',
    });
  });

  it('says where an expression goes wrong', () => {
    const checked = checkQuery('attribute:tier == ');
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.position).toBeGreaterThanOrEqual(17);
      expect(checked.message).not.toMatch(/^at \d+/);
    }
  });

  it('keeps the caret under the right character in a long expression', () => {
    const text = `attribute:a == 1 and ${'attribute:b == 2 and '.repeat(4)}attribute:c ==`;
    const { shown, caret } = caretWindow(text, text.length);
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(42);
    expect(caret).toBe(shown.length);
    expect(caretWindow('short', 2)).toEqual({ shown: 'short', caret: 2 });
  });
});
