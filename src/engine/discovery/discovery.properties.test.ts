import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../design';
import type { MetricDatum } from '../api';
import { createSimulation, restoreSimulation } from '../simulation';
import { minutes, seconds } from '../testing/builders';
import { discoveryDesign } from './testing';

/**
 * Calls between services through random server deployments, task stops and Service
 * Connect switches (ecs-behavior §15): every request a client sends is counted once,
 * served or failed; Service Connect fails none while the server keeps a task registered;
 * and a checkpoint taken anywhere resumes with the same caches and counts.
 */

const RUNS = 25;
const END_MS = minutes(16);

const opArb: fc.Arbitrary<{ atMs: number; command: Command }> = fc.record({
  atMs: fc.integer({ min: minutes(2), max: minutes(12) }),
  command: fc.oneof(
    fc.constant<Command>({
      action: 'UpdateService',
      input: { cluster: 'test', service: 'api', forceNewDeployment: true },
    }),
    fc.integer({ min: 2, max: 6 }).map<Command>((desiredCount) => ({
      action: 'UpdateService',
      input: { cluster: 'test', service: 'api', desiredCount },
    })),
    fc.constant<Command>({
      action: 'UpdateService',
      input: {
        cluster: 'test',
        service: 'dns-client',
        serviceConnectConfiguration: { enabled: true, namespace: 'berth.local' },
      },
    }),
    fc.constant<Command>({
      action: 'UpdateService',
      input: { cluster: 'test', service: 'dns-client', forceNewDeployment: true },
    }),
  ),
});

const caseArb = fc.record({
  ttl: fc.constantFrom(0, 5, 30, 60, 300),
  ops: fc.array(opArb, { maxLength: 4 }).map((ops) => [...ops].sort((a, b) => a.atMs - b.atMs)),
  cutMs: fc.integer({ min: minutes(1), max: minutes(15) }),
});

function play(ttl: number, ops: { atMs: number; command: Command }[], cutMs?: number) {
  const sim = createSimulation(discoveryDesign(ttl), 3);
  let live = sim;
  const metrics: MetricDatum[] = [];
  const advance = (to: number) => {
    if (cutMs !== undefined && live.nowMs < cutMs && to >= cutMs) {
      metrics.push(...live.advance(cutMs).metrics);
      live = restoreSimulation(JSON.parse(JSON.stringify(live.checkpoint())));
    }
    metrics.push(...live.advance(to).metrics);
  };
  for (const op of ops) {
    advance(op.atMs);
    live.apply(op.command);
  }
  advance(END_MS);
  return metrics;
}

const total = (metrics: MetricDatum[], ns: string, name: string) =>
  metrics
    .filter((m) => m.Namespace === ns && m.MetricName === name)
    .reduce((n, m) => n + m.Value, 0);

describe('calls between services, at random (ecs-behavior §15)', () => {
  it('count every request once, fail none through Service Connect while api keeps a task, and resume from any checkpoint', () => {
    fc.assert(
      fc.property(caseArb, ({ ttl, ops, cutMs }) => {
        const whole = play(ttl, ops);
        // Both clients send 100 req/s while they have a RUNNING task; each minute's
        // requests are whole numbers, so a minute can round by half a request per series.
        const sent =
          total(whole, 'Berth/ServiceDiscovery', 'RequestCount') +
          total(whole, 'AWS/ECS', 'RequestCount');
        const minutesOfBoth = END_MS / 60_000;
        expect(sent).toBeLessThanOrEqual(2 * 100 * 60 * minutesOfBoth + 4 * minutesOfBoth);
        for (const m of whole)
          if (
            m.MetricName === 'FailedRequestCount' ||
            m.MetricName === 'HTTPCode_Target_5XX_Count'
          ) {
            const requests = whole.find(
              (r) =>
                r.MetricName === 'RequestCount' &&
                r.Namespace === m.Namespace &&
                r.Timestamp === m.Timestamp &&
                JSON.stringify(r.Dimensions) === JSON.stringify(m.Dimensions),
            );
            expect(m.Value).toBeLessThanOrEqual(requests?.Value ?? 0);
          }
        // api never drops below ceil(desired x 50%) >= 1 registered task once it has one.
        const late = whole.filter(
          (m) => Date.parse(m.Timestamp) - Date.parse('2026-01-01T00:00:00Z') > seconds(150),
        );
        expect(total(late, 'AWS/ECS', 'HTTPCode_Target_5XX_Count')).toBe(0);
        expect(play(ttl, ops, cutMs)).toEqual(whole);
      }),
      { numRuns: RUNS },
    );
  });
});
