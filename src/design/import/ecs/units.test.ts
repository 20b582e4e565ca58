import { describe, expect, it } from 'vitest';
import { taskSizeUnits } from './units';

describe('task cpu and memory as ECS stores them', () => {
  it.each([
    ['cpu', 256, '256'],
    ['cpu', '256', '256'],
    ['cpu', ' 1024 ', '1024'],
    ['cpu', '1 vCPU', '1024'],
    ['cpu', '1 vcpu', '1024'],
    ['cpu', '1vcpu', '1024'],
    ['cpu', '0.25 vCPU', '256'],
    ['cpu', '.25 vcpu', '256'],
    ['cpu', '0.5 vCPU', '512'],
    ['cpu', '2 vCPU', '2048'],
    ['cpu', '16 vCPU', '16384'],
    ['memory', 512, '512'],
    ['memory', '512', '512'],
    ['memory', '.5 gb', '512'],
    ['memory', '0.5 GB', '512'],
    ['memory', '1GB', '1024'],
    ['memory', '2 GB', '2048'],
    ['memory', '30 GB', '30720'],
  ] as const)('%s %j -> %j', (field, value, stored) => {
    expect(taskSizeUnits(field, value)).toBe(stored);
  });

  it.each([
    ['cpu', '0.1 vCPU'],
    ['cpu', '2 GB'],
    ['memory', '512 MiB'],
    ['memory', '2 GiB'],
    ['memory', '1 vCPU'],
    ['cpu', 'lots'],
    ['cpu', 1.5],
    ['cpu', -1],
    ['memory', true],
  ] as const)('leaves %s %j for the gate', (field, value) => {
    expect(taskSizeUnits(field, value)).toBeUndefined();
  });
});
