import { describe, expect, it } from 'vitest';
import {
  attributeName,
  attributeValue,
  containerMemory,
  desiredCount,
  ecsName,
  imageRef,
} from './validate';

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

  it.each([
    ['tier', true],
    ['team/owner.v2_x-y', true],
    ['', false],
    ['has space', false],
    ['colon:name', false],
    ['ecs.instance-type', false],
    ['a'.repeat(129), false],
  ])('attribute name %j valid: %s', (text, ok) => expect(attributeName(text).ok).toBe(ok));

  it.each([
    ['', true],
    ['gpu', true],
    ['blue team', true],
    ['a@b/c\\d:e', true],
    [' lead', false],
    ['trail ', false],
    ['semi;colon', false],
  ])('attribute value %j valid: %s', (text, ok) => expect(attributeValue(text).ok).toBe(ok));
});
