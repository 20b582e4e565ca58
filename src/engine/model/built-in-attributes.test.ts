import { describe, expect, it } from 'vitest';
import { design, instance, minutes, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

const A = 'i-000000000000000a1';

describe('built-in attributes (§4.5)', () => {
  it.each(['ecs.ami-id', 'ecs.vpc-id', 'ecs.subnet-id'])(
    'every EC2 container instance has %s (memberOf "exists" places the task)',
    (name) => {
      const d = design({
        containerInstances: [instance({ id: A })],
        taskDefinitions: [taskDefinition('web')],
        services: [
          service('web', 1, {
            placementConstraints: [{ type: 'memberOf', expression: `attribute:${name} exists` }],
          }),
        ],
      });
      const run = simulate(d).until(minutes(1));
      expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(1);
    },
  );
});
