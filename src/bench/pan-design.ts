// B5's design: 500 m5.xlarge instances over three Availability Zones, each with tasks
// (one REPLICA service of 2,000 small tasks, four an instance under the default spread).

import { benchDesign } from './bench-design';

export const B5_INSTANCES = 500;
export const B5_TASKS = 2_000;
export const B5_DESIGN_NAME = 'B5: 2,000 tasks on 500 instances';

export function b5Design(): Record<string, unknown> {
  return benchDesign({
    name: B5_DESIGN_NAME,
    seed: 5,
    idPrefix: 'b5',
    instances: B5_INSTANCES,
    services: [{ serviceName: 'api', desiredCount: B5_TASKS }],
    cpu: 256,
    memory: 512,
  });
}
