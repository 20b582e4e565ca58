import { describe, expect, it } from 'vitest';
import { freshInstanceId, uniqueName } from './ids';

const design = (seed: number, ids: string[] = []) => ({
  seed,
  containerInstances: ids.map((ec2InstanceId) => ({ ec2InstanceId })),
});

describe('freshInstanceId', () => {
  it('looks like an EC2 id: i- and 17 hex digits', () => {
    expect(freshInstanceId(design(42))).toMatch(/^i-[0-9a-f]{17}$/);
  });

  it('gives the same id for the same seed and count, another for another seed', () => {
    expect(freshInstanceId(design(7))).toBe(freshInstanceId(design(7)));
    expect(freshInstanceId(design(7))).not.toBe(freshInstanceId(design(8)));
  });

  it('never repeats an id the design has', () => {
    const first = freshInstanceId(design(1));
    const second = freshInstanceId(design(1, [first]));
    expect(second).not.toBe(first);
    // Even when the counter's own id is taken by an imported instance.
    const clash = freshInstanceId(design(1, ['i-x']));
    expect(freshInstanceId(design(1, ['i-x', clash]))).not.toBe(clash);
  });
});

describe('uniqueName', () => {
  it.each([
    ['web', [], 'web'],
    ['web', ['web'], 'web-2'],
    ['web', ['web', 'web-2'], 'web-3'],
  ])('%s with %j taken is %s', (base, taken, expected) => {
    expect(uniqueName(base, new Set(taken))).toBe(expected);
  });
});
