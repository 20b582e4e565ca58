import { describe, expect, it } from 'vitest';
import { circuitBreakerThreshold, deploymentBounds } from './bounds';

describe('deployment bounds (ecs-behavior §8.1 worked examples)', () => {
  it.each([
    // desired, min, max, lower, upper
    [4, 50, 200, 2, 8],
    [2, 75, 200, 2, 4],
    [4, 100, 200, 4, 8],
    [3, 100, 125, 3, 3],
    [4, 0, 100, 0, 4],
  ])('desired %i, min %i%%, max %i%%: lower %i, upper %i', (desired, min, max, lower, upper) => {
    expect(deploymentBounds(desired, min, max)).toEqual({ lower, upper });
  });
});

describe('circuit breaker threshold (§9.1: ceil(desired / 2) within 3..200)', () => {
  it.each([
    [1, 3],
    [6, 3],
    [7, 4],
    [10, 5],
    [25, 13],
    [400, 200],
    [800, 200],
  ])('desired %i: %i failed tasks', (desired, threshold) => {
    expect(circuitBreakerThreshold(desired)).toBe(threshold);
  });
});
