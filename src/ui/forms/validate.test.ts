import { describe, expect, it } from 'vitest';
import { containerMemory, desiredCount, ecsName, imageRef } from './validate';

describe('field validators', () => {
  it.each([
    ['5', { ok: true, value: 5 }],
    ['', { ok: false, error: 'Required' }],
    ['2.5', { ok: false, error: 'Must be a whole number' }],
    ['-1', { ok: false, error: 'Must be at least 0' }],
  ])('desired count %j', (text, expected) => expect(desiredCount(text)).toEqual(expected));

  it('names the unit in a range message', () => {
    expect(containerMemory('4')).toEqual({ ok: false, error: 'Must be at least 6 MiB' });
  });

  it('checks ECS names and image references', () => {
    expect(ecsName('web api').ok).toBe(false);
    expect(ecsName(' web-api ')).toEqual({ ok: true, value: 'web-api' });
    expect(imageRef('nginx latest').ok).toBe(false);
  });
});
