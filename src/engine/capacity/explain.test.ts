import { describe, expect, it } from 'vitest';
import { minutes, service } from '../testing/builders';
import { simulate } from '../testing/harness';
import { asgDesign, onProvider } from './testing';

// The capacity provider explanation says what the next minute of managed scaling
// (ecs-behavior §13.2) does, and the next minute then does it.

const desired = (run: ReturnType<typeof simulate>) =>
  run.sim.checkpoint().capacity?.groups.nodes?.desiredCapacity;

describe('explainCapacityProvider', () => {
  it('scale-out held by the warm-up: the instance and the seconds it has left', () => {
    // One 2,048-unit task fills an m5.large: six tasks need six instances.
    const run = simulate(
      asgDesign({ taskCpu: 2048, services: [service('web', 6, onProvider)] }),
    ).until(minutes(1));
    const e = run.sim.explainCapacityProvider('cp');
    expect(e?.reservation).toEqual({ value: 300, m: 6, n: 2 });
    expect(e?.lastReservation).toEqual({ value: 300, m: 6, n: 2, atMs: 60_000 });
    expect(e?.heldBy).toBe('InstanceWarmup');
    expect(e?.warmingUp.map((w) => w.leftMs)).toEqual([240_000, 240_000]);
    expect(e?.step).toEqual({ need: 4, instances: 4 });
    expect(e?.provisioningTasks).toBe(4);
    expect(e?.next).toEqual({ action: 'none', from: 2, to: 2 });
    expect(e?.summary).toMatch(
      /^CapacityProviderReservation would be 300 \(M 6 \/ N 2\), above the target 100, but scale-out waits for the instance warm-up: i-0[0-9a-f]{16} has 240 s of its 300 s left\. 4 tasks wait in PROVISIONING for its capacity\.$/,
    );
  });

  it('scale-out by the maximum step, and the next minute takes it', () => {
    const run = simulate(
      asgDesign({
        taskCpu: 2048,
        managedScaling: { maximumScalingStepSize: 2, instanceWarmupPeriod: 0 },
        services: [service('web', 8, onProvider)],
      }),
    ).until(0);
    const e = run.sim.explainCapacityProvider('cp');
    // At 0:00 the first datapoint (200, N = 0) launched two; eight tasks still wait.
    expect(e?.reservation).toEqual({ value: 400, m: 8, n: 2 });
    expect(e?.step).toEqual({ need: 6, instances: 2, limitedBy: 'maximum' });
    expect(e?.next).toEqual({ action: 'scale-out', from: 2, to: 4 });
    expect(e?.summary).toContain(
      'the next minute adds 2 instances (the tasks need 6; maximumScalingStepSize is 2), desired capacity 2 to 4.',
    );
    run.until(minutes(1));
    expect(desired(run)).toBe(4);
  });

  it('held by the group maximum size', () => {
    const run = simulate(
      asgDesign({
        taskCpu: 2048,
        managedScaling: { maximumScalingStepSize: 2, instanceWarmupPeriod: 60 },
        group: { MaxSize: 5 },
        services: [service('web', 8, onProvider)],
      }),
    ).until(minutes(10));
    const e = run.sim.explainCapacityProvider('cp');
    expect(e?.heldBy).toBe('MaxSize');
    expect(e?.provisioningTasks).toBe(3);
    expect(e?.summary).toContain('the group nodes is at its maximum size 5');
  });

  it('counts the 15 minutes below target, then names the scale-in the next minute makes', () => {
    const run = simulate(asgDesign({ services: [service('web', 1, onProvider)] })).until(
      minutes(3),
    );
    let e = run.sim.explainCapacityProvider('cp');
    expect(e?.reservation).toEqual({ value: 50, m: 1, n: 2 });
    expect(e?.minutesBelowTarget).toBe(3);
    expect(e?.heldBy).toBe('BelowTargetMinutes');
    expect(e?.summary).toBe(
      'CapacityProviderReservation would be 50 (M 1 / N 2), below the target 100: scale-in needs 15 minutes in a row below it; the next minute makes 4.',
    );
    run.until(minutes(14));
    e = run.sim.explainCapacityProvider('cp');
    expect(e?.next).toEqual({ action: 'scale-in', from: 2, to: 1 });
    expect(e?.protectedInstances).toBe(1);
    run.until(minutes(15));
    expect(desired(run)).toBe(1);
  });

  it('at target, disabled, unknown', () => {
    const steady = simulate(asgDesign({ services: [service('web', 1, onProvider)] })).until(
      minutes(16),
    );
    expect(steady.sim.explainCapacityProvider('cp')?.summary).toBe(
      'CapacityProviderReservation would be 100 (M 1 / N 1), at the target 100: managed scaling leaves the group at 1.',
    );
    expect(steady.sim.explainCapacityProvider('nope')).toBeUndefined();
    const off = simulate(asgDesign({ managedScaling: false })).until(minutes(1));
    expect(off.sim.explainCapacityProvider('cp')?.heldBy).toBe('ManagedScalingDisabled');
  });
});
