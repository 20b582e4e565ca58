// B4's design: 150 m5.xlarge instances over three Availability Zones and one
// REPLICA service of 2,000 tasks (256 CPU units, 512 MiB) that all fit:
// 13-14 a instance under the default spread, of 16 by CPU.

import { benchDesign } from './bench-design';
export const B4_INSTANCES = 150;
export const B4_TASKS = 2_000;
export const B4_DESIGN_NAME = 'B4: 2,000 tasks on 150 instances';

export function b4Design(): Record<string, unknown> {
  return benchDesign({
    name: B4_DESIGN_NAME,
    seed: 4,
    idPrefix: 'b4',
    instances: B4_INSTANCES,
    services: [{ serviceName: 'api', desiredCount: B4_TASKS }],
    cpu: 256,
    memory: 512,
  });
}
