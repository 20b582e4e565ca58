import { describe, expect, it } from 'vitest';
import { design, instance, minutes, seconds, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

// ecs-behavior §1.2: stopTimeout on the container definition; 30 s agent default only "if unset".
function withStopTimeout(stopTimeout: number, stopSeconds: number) {
  const td = taskDefinition('batch');
  const container = { ...td.containerDefinitions[0]!, stopTimeout };
  return design({
    containerInstances: [instance({ id: 'i-000000000000000a1' })],
    taskDefinitions: [{ ...td, containerDefinitions: [container] }],
    workloads: [{ family: 'batch', stopSeconds }],
  });
}

function stopDuration(stopTimeout: number, stopSeconds: number): number {
  const run = simulate(withStopTimeout(stopTimeout, stopSeconds)).until(seconds(1));
  run.apply({ action: 'RunTask', input: { cluster: 'test', taskDefinition: 'batch' } });
  run.until(minutes(1));
  const id = run.tasks({ lastStatus: 'RUNNING' })[0]!.taskId;
  run.apply({ action: 'StopTask', input: { cluster: 'test', task: id } });
  const stopAt = run.sim.nowMs;
  run.until(minutes(5));
  const t = run.tasks().find((x) => x.taskId === id)!;
  expect(t.lastStatus).toBe('STOPPED');
  return (t.stoppedAtMs ?? 0) - stopAt;
}

describe('stop timing (§1.2)', () => {
  it('container stopTimeout 5 s: SIGKILL after 5 s even if the workload would take 20 s', () => {
    expect(stopDuration(5, 20)).toBe(seconds(5));
  });

  it('container stopTimeout 120 s: a workload taking 60 s to exit is not killed at 30 s', () => {
    expect(stopDuration(120, 60)).toBe(seconds(60));
  });
});
