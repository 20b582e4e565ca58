import { describe, expect, it } from 'vitest';
import type { Command } from '../../design';
import type { TaskView } from '../api';
import { design, instance, minutes, seconds, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

/** Cases rolling.properties.test.ts found, pinned as examples. */

const BOUNDS_MESSAGE =
  'service web was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.';
const STEADY = 'service web has reached a steady state.';

const instances = ['a', 'b', 'c'].map((az, i) =>
  instance({ id: `i-00000000000000${i}a1`, az: `us-east-1${az}` }),
);

function revision(image: number, healthCheck = false) {
  const td = taskDefinition('web', { cpu: 128, memory: 256 });
  return {
    ...td,
    containerDefinitions: td.containerDefinitions.map((c) => ({
      ...c,
      image: `example/web:${image}`,
      ...(healthCheck && { healthCheck: { command: ['CMD-SHELL', 'exit 0'] } }),
    })),
  };
}

function webDesign(desired: number, min: number, max: number, healthCheck = false) {
  return design({
    containerInstances: instances,
    taskDefinitions: [revision(1, healthCheck), revision(2, healthCheck)],
    services: [
      service('web', desired, {
        taskDefinition: 'web:1',
        deploymentConfiguration: { minimumHealthyPercent: min, maximumPercent: max },
      }),
    ],
  });
}

const deploy: Command = {
  action: 'UpdateService',
  input: { cluster: 'test', service: 'web', taskDefinition: 'web:2' },
};
const scale = (desiredCount: number): Command => ({
  action: 'UpdateService',
  input: { cluster: 'test', service: 'web', desiredCount },
});

describe('rolling deployments: cases the properties found', () => {
  it('old tasks still on their way to healthy are no deadlock: no bounds message, and the deployment completes', () => {
    // desired 2, min 1% -> lower 1, max 100% -> upper 2: a deploy at 5 s finds both tasks
    // PENDING; the lower bound keeps them until they are healthy (53 s), then one goes.
    const run = simulate(webDesign(2, 1, 100))
      .until(seconds(5))
      .apply(deploy)
      .until(minutes(5));
    expect(run.serviceMessages).not.toContain(BOUNDS_MESSAGE);
    const running = run.tasks({ lastStatus: 'RUNNING' });
    expect(running.map((t) => t.revision)).toEqual([2, 2]);
  });

  it('a deadlocked deployment says so once, not on each pass of the scheduler', () => {
    // desired 2, min 75%, max 100%: no move (§8.1). Standalone tasks stopping in the
    // cluster make the scheduler look again; it has nothing new to say.
    const run = simulate(webDesign(2, 75, 100))
      .until(minutes(2))
      .apply(deploy);
    for (let k = 0; k < 3; k++) {
      run
        .until(minutes(3 + k))
        .apply({ action: 'RunTask', input: { cluster: 'test', taskDefinition: 'web:1' } })
        .until(minutes(3 + k) + seconds(20));
      const arn = run
        .tasks()
        .find((t) => t.serviceName === undefined && t.desiredStatus === 'RUNNING')?.taskArn;
      run.apply({ action: 'StopTask', input: { cluster: 'test', task: arn ?? '' } });
    }
    run.until(minutes(8));
    expect(run.serviceMessages.filter((m) => m === BOUNDS_MESSAGE)).toHaveLength(1);
  });

  it('no steady state while the older deployment still has tasks (§8.2)', () => {
    // Stuck (desired 2, min 75%, max 100%): the old tasks run the desired count, settled,
    // but the deployment has not replaced them.
    const stuck = simulate(webDesign(2, 75, 100)).until(minutes(1));
    const before = stuck.serviceMessages.length;
    stuck.apply(deploy).until(minutes(5));
    expect(stuck.serviceMessages.slice(before)).toEqual([BOUNDS_MESSAGE]);
    // Rolling: steady once it completed.
    const run = simulate(webDesign(2, 100, 200)).until(minutes(1));
    const start = run.serviceMessages.length;
    run.apply(deploy).until(minutes(5));
    const said = run.serviceMessages.slice(start);
    const done = said.findIndex((m) => m.endsWith('deployment completed.'));
    expect(done).toBeGreaterThan(0);
    expect(said.slice(0, done)).not.toContain(STEADY);
    expect(said.slice(done)).toContain(STEADY);
  });

  it('a desired count lowered during a deployment stops tasks not yet healthy first, keeping the lower bound', () => {
    // desired 5, min 34% (lower 2), max 100%, container health checks: at 129 s three new
    // tasks are HEALTHY and two just started; desired 3 (lower ceil(1.02) = 2) stops the
    // two that are not.
    const run = simulate(webDesign(1, 34, 100, true)).until(seconds(43));
    run.apply(scale(5)).apply(deploy).until(seconds(129), seconds(1)).apply(scale(3));
    const healthy = (t: TaskView) => t.lastStatus === 'RUNNING' && t.healthStatus === 'HEALTHY';
    for (let t = seconds(130); t <= minutes(6); t += seconds(1)) {
      run.until(t);
      expect(run.tasks().filter(healthy).length).toBeGreaterThanOrEqual(2);
    }
    const running = run.tasks({ lastStatus: 'RUNNING' });
    expect(running).toHaveLength(3);
    expect(running.every((t) => t.revision === 2 && t.healthStatus === 'HEALTHY')).toBe(true);
  });
});
