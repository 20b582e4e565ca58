import { describe, expect, it } from 'vitest';
import { design, instance, minutes, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

// ecs-behavior §16: `service <name> has reached a steady state.`; §4.6 placement failure.
const A = 'i-000000000000000a1';

describe('steady state after a placement failure is resolved', () => {
  it('lowering desiredCount to what fits resolves the failure and reaches steady state', () => {
    // m5.large: 2048 CPU; 1024 per task -> 2 fit, the 3rd cannot be placed.
    const d = design({
      containerInstances: [instance({ id: A })],
      taskDefinitions: [taskDefinition('web', { cpu: 1024 })],
      services: [service('web', 3)],
    });
    const run = simulate(d).until(minutes(1));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(2);
    expect(run.serviceMessages.some((m) => m.includes('was unable to place a task'))).toBe(true);
    run.apply({
      action: 'UpdateService',
      input: { cluster: 'test', service: 'web', desiredCount: 2 },
    });
    run.until(minutes(3));
    expect(run.serviceMessages.at(-1)).toBe('service web has reached a steady state.');
    expect(run.sim.snapshot().services[0]?.placementFailure).toBeUndefined();
  });
});
