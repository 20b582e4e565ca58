import { describe, expect, it } from 'vitest';
import type { ScriptAction } from '../../design';
import { design, instance, minutes, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

/** web:1 running, web:2 registered; an alarm on a custom metric the script feeds. */
function withAlarm(alarms: Record<string, unknown>, script: ScriptAction[] = []) {
  const web = taskDefinition('web');
  return design({
    containerInstances: ['a', 'b', 'c'].map((az, i) =>
      instance({ id: `i-00000000000000${i}c1`, az: `us-east-1${az}` }),
    ),
    taskDefinitions: [
      web,
      {
        ...web,
        containerDefinitions: web.containerDefinitions.map((c) => ({
          ...c,
          image: 'example/web:2',
        })),
      },
    ],
    services: [
      service('web', 3, {
        taskDefinition: 'web:1',
        deploymentConfiguration: {
          minimumHealthyPercent: 100,
          maximumPercent: 200,
          alarms: { alarmNames: ['errors'], enable: true, rollback: true, ...alarms },
        },
      }),
    ],
    alarms: [
      {
        AlarmName: 'errors',
        Namespace: 'Shop',
        MetricName: 'ErrorRate',
        Statistic: 'Maximum',
        Period: 60,
        EvaluationPeriods: 2,
        Threshold: 5,
        ComparisonOperator: 'GreaterThanThreshold',
      },
    ],
    script,
  });
}

const errors = (at: number, value: number): ScriptAction => ({
  at,
  action: 'PutMetricData',
  input: { Namespace: 'Shop', MetricData: [{ MetricName: 'ErrorRate', Value: value }] },
});
const deploy = {
  action: 'UpdateService',
  input: { service: 'web', taskDefinition: 'web:2' },
} as const;
const alarmState = (run: ReturnType<typeof simulate>) =>
  (run.sim.describe().alarms[0] as { StateValue: string }).StateValue;
const deploymentsOf = (run: ReturnType<typeof simulate>) =>
  (run.sim.describe().services[0] as { deployments: Record<string, unknown>[] }).deployments;

describe('CloudWatch alarms and deployment rollback (ecs-behavior §9.2)', () => {
  it('an alarm goes to ALARM after its evaluation periods breach, and back to OK', () => {
    const run = simulate(
      withAlarm({}, [errors(30, 9), errors(90, 9), errors(150, 1), errors(210, 1)]),
    ).until(minutes(1));
    expect(alarmState(run)).toBe('OK');
    run.until(minutes(2));
    expect(alarmState(run)).toBe('ALARM');
    // The page sees it on the service whose deployments watch it.
    expect(run.sim.snapshot().services[0]?.alarms).toEqual([
      { alarmName: 'errors', state: 'ALARM', reason: expect.stringMatching(/^Threshold Crossed/) },
    ]);
    run.until(minutes(4));
    expect(alarmState(run)).toBe('OK');
    expect(run.sim.snapshot().services[0]?.alarms?.[0]?.state).toBe('OK');
  });

  it('a deployment fails when its alarm enters ALARM, and rolls back to the last completed', () => {
    const run = simulate(withAlarm({}, [errors(130, 12), errors(190, 12)])).until(minutes(2));
    run.apply(deploy).until(minutes(12));
    const changes = run.events
      .filter((e) => e['detail-type'] === 'ECS Deployment State Change')
      .map((e) => [e.detail.eventName, e.detail.reason]);
    expect(changes[1]?.[0]).toBe('SERVICE_DEPLOYMENT_FAILED');
    expect(String(changes[1]?.[1])).toMatch(/alarm errors is in ALARM/);
    expect(changes[2]?.[0]).toBe('SERVICE_DEPLOYMENT_IN_PROGRESS');
    expect(String(changes[2]?.[1])).toMatch(
      /^ECS deployment alarm: rolling back to deploymentId ecs-svc\/\d{19}\.$/,
    );
    expect(run.tasks({ lastStatus: 'RUNNING' }).every((t) => t.revision === 1)).toBe(true);
  });

  it('an alarm already in ALARM when the deployment starts is ignored for all of it', () => {
    const run = simulate(
      withAlarm({}, [errors(30, 12), errors(90, 12), errors(150, 12), errors(210, 12)]),
    ).until(minutes(2) + 1_000);
    expect(alarmState(run)).toBe('ALARM');
    run.apply(deploy).until(minutes(12));
    expect(deploymentsOf(run)[0]).toMatchObject({ rolloutState: 'COMPLETED' });
    expect(run.tasks({ lastStatus: 'RUNNING' }).every((t) => t.revision === 2)).toBe(true);
  });

  it('with alarms a deployment bakes for Period x EvaluationPeriods before it completes', () => {
    const run = simulate(withAlarm({})).until(minutes(1));
    run.apply(deploy);
    // The old tasks go once the new are healthy (~1:53); the bake adds 2 minutes.
    run.until(minutes(3));
    expect(deploymentsOf(run)[0]).toMatchObject({ rolloutState: 'IN_PROGRESS', runningCount: 3 });
    run.until(minutes(5));
    expect(deploymentsOf(run)[0]).toMatchObject({ rolloutState: 'COMPLETED' });
  });
});
