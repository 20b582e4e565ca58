import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instanceCatalog, instanceTypeSpec } from '../../design';
import type { CostView, EcsEvent } from '../api';
import { restoreContext } from '../checkpoint';
import { createSimulation, type Simulation } from '../simulation';
import { buildDesign, END_MS, instanceId, resolve, scenarioArb } from '../testing/random-runs';
import {
  MINIMUM_BILLED_MS,
  startFargateTask,
  startInstance,
  stopFargateTask,
  stopInstance,
} from './meter';
import { type CostState, newCostState, type Purchase } from './state';
import { costView } from './view';

const HOUR_MS = 3_600_000;
const TYPES = ['m5.large', 'c5.large', 't3.micro'] as const;

/** Everything the cost can only grow by, read off a view. */
function grows(before: CostView, after: CostView): void {
  expect(after.totalUsd).toBeGreaterThanOrEqual(before.totalUsd);
  for (const key of ['vcpuHours', 'gbHours', 'usd', 'spotVcpuHours', 'spotGbHours'] as const)
    expect(after.fargate[key]).toBeGreaterThanOrEqual(before.fargate[key]);
  for (const row of before.instances) {
    const next = after.instances.find(
      (r) => r.instanceType === row.instanceType && r.purchase === row.purchase,
    );
    expect(next?.hours ?? -1).toBeGreaterThanOrEqual(row.hours);
    expect(next?.usd ?? 0).toBeGreaterThanOrEqual(row.usd ?? 0);
  }
}

/** A lifetime's billed ms: what it ran, at least the minimum once it stopped. */
const billed = (fromMs: number, toMs: number, stopped: boolean) =>
  stopped ? Math.max(MINIMUM_BILLED_MS, toMs - fromMs) : toMs - fromMs;

type Op =
  | { dt: number; kind: 'startInstance'; id: number; type: number; purchase: Purchase }
  | { dt: number; kind: 'stopInstance'; id: number }
  | { dt: number; kind: 'startTask'; id: number; cpu: number; memoryMiB: number; spot: boolean }
  | { dt: number; kind: 'stopTask'; id: number };

// Short steps too, so lifetimes under the minimum come up.
const dt = fc.oneof(fc.integer({ min: 0, max: 90_000 }), fc.integer({ min: 0, max: 2 * HOUR_MS }));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    dt,
    kind: fc.constant('startInstance' as const),
    id: fc.nat(5),
    type: fc.nat(TYPES.length - 1),
    purchase: fc.constantFrom('on-demand' as const, 'spot' as const),
  }),
  fc.record({ dt, kind: fc.constant('stopInstance' as const), id: fc.nat(5) }),
  fc.record({
    dt,
    kind: fc.constant('startTask' as const),
    id: fc.nat(5),
    cpu: fc.constantFrom(256, 512, 1024, 4096),
    memoryMiB: fc.constantFrom(512, 1024, 2048, 8192),
    spot: fc.boolean(),
  }),
  fc.record({ dt, kind: fc.constant('stopTask' as const), id: fc.nat(5) }),
);

describe('cost, as a property', () => {
  it('never decreases, and equals the sum over instances and tasks of lifetime x price', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.nat(HOUR_MS), (ops, tail) => {
        const cost: CostState = newCostState();
        let nowMs = 0;
        // The oracle: every lifetime, kept whole, summed only at the end.
        const lives: { key: string; from: number; to?: number }[] = [];
        const tasks: { spot: boolean; cpu: number; mib: number; from: number; to?: number }[] = [];
        const liveInstance = new Map<number, number>();
        const liveTask = new Map<number, number>();
        let view = costView({ cost, nowMs });
        for (const op of ops) {
          nowMs += op.dt;
          switch (op.kind) {
            case 'startInstance': {
              if (liveInstance.has(op.id)) break;
              const type = TYPES[op.type] ?? 'm5.large';
              startInstance(cost, `i-${op.id}`, type, op.purchase, nowMs);
              liveInstance.set(
                op.id,
                lives.push({ key: `${type}/${op.purchase}`, from: nowMs }) - 1,
              );
              break;
            }
            case 'stopInstance': {
              stopInstance(cost, `i-${op.id}`, nowMs);
              const life = lives[liveInstance.get(op.id) ?? -1];
              if (life) life.to = nowMs;
              liveInstance.delete(op.id);
              break;
            }
            case 'startTask': {
              if (liveTask.has(op.id)) break;
              const provider = op.spot ? 'FARGATE_SPOT' : 'FARGATE';
              const size = {
                provider,
                architecture: 'X86_64',
                cpu: op.cpu,
                memoryMiB: op.memoryMiB,
              } as const;
              startFargateTask(cost, `task-${op.id}`, size, nowMs);
              const life = { spot: op.spot, cpu: op.cpu, mib: op.memoryMiB, from: nowMs };
              liveTask.set(op.id, tasks.push(life) - 1);
              break;
            }
            case 'stopTask': {
              stopFargateTask(cost, `task-${op.id}`, nowMs);
              const life = tasks[liveTask.get(op.id) ?? -1];
              if (life) life.to = nowMs;
              liveTask.delete(op.id);
              break;
            }
          }
          const next = costView({ cost, nowMs });
          grows(view, next);
          view = next;
        }
        nowMs += tail;
        const end = costView({ cost, nowMs });
        grows(view, end);

        let usd = 0;
        for (const type of TYPES) {
          for (const purchase of ['on-demand', 'spot'] as const) {
            const key = `${type}/${purchase}`;
            const ms = lives
              .filter((l) => l.key === key)
              .reduce((sum, l) => sum + billed(l.from, l.to ?? nowMs, l.to !== undefined), 0);
            const row = end.instances.find(
              (r) => r.instanceType === type && r.purchase === purchase,
            );
            expect(row?.hours ?? 0).toBeCloseTo(ms / HOUR_MS, 5);
            const price = instanceTypeSpec(type)?.onDemandUsdPerHour ?? 0;
            if (purchase === 'on-demand' && row) {
              expect(row.usd).toBeCloseTo((ms / HOUR_MS) * price, 5);
              usd += (ms / HOUR_MS) * price;
            }
            if (purchase === 'spot') expect(row?.usd).toBeUndefined();
          }
        }
        const rates = instanceCatalog().fargate.linuxX86;
        for (const spot of [false, true]) {
          let vcpuHours = 0;
          let gbHours = 0;
          for (const t of tasks.filter((x) => x.spot === spot)) {
            const ms = billed(t.from, t.to ?? nowMs, t.to !== undefined);
            vcpuHours += ((t.cpu / 1024) * ms) / HOUR_MS;
            gbHours += ((t.mib / 1024) * ms) / HOUR_MS;
          }
          const f = end.fargate;
          expect(spot ? f.spotVcpuHours : f.vcpuHours).toBeCloseTo(vcpuHours, 5);
          expect(spot ? f.spotGbHours : f.gbHours).toBeCloseTo(gbHours, 5);
          if (!spot) usd += vcpuHours * rates.usdPerVcpuHour + gbHours * rates.usdPerGbHour;
        }
        expect(end.totalUsd).toBeCloseTo(usd, 5);
      }),
      { numRuns: 200 },
    );
  });

  it('in random runs: never decreases, and is what the instances lived, by their own events', () => {
    const read = (sim: Simulation) =>
      costView(restoreContext(JSON.parse(JSON.stringify(sim.checkpoint()))));
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const d = buildDesign(s);
        const sim = createSimulation(d);
        const events: EcsEvent[] = [];
        let view = read(sim);
        const commands = [...s.commands].sort((a, b) => a.atMs - b.atMs);
        for (const { atMs, recipe } of commands) {
          events.push(...sim.advance(Math.max(atMs, sim.nowMs)).events);
          sim.apply(resolve(sim, s, recipe));
          const next = read(sim);
          grows(view, next);
          view = next;
        }
        events.push(...sim.advance(END_MS).events);
        const end = read(sim);
        grows(view, end);

        // The oracle: a design's instances bill from 0; one an event shows registered starts,
        // one it shows INACTIVE stops (at least the minimum).
        const start = Date.parse(d.startTime);
        const billing = new Map<string, { type: string; from: number }>(
          s.instances.map((x, i) => [instanceId(i), { type: x.type, from: 0 }]),
        );
        const msByType = new Map<string, number>();
        const add = (type: string, ms: number) =>
          msByType.set(type, (msByType.get(type) ?? 0) + ms);
        for (const e of events) {
          if (e['detail-type'] !== 'ECS Container Instance State Change') continue;
          const detail = e.detail as {
            ec2InstanceId: string;
            status: string;
            attributes: { name: string; value?: string }[];
          };
          const at = Date.parse(e.time) - start;
          const live = billing.get(detail.ec2InstanceId);
          if (detail.status === 'INACTIVE' && live) {
            add(live.type, billed(live.from, at, true));
            billing.delete(detail.ec2InstanceId);
          } else if (detail.status !== 'INACTIVE' && !live) {
            const type = detail.attributes.find((a) => a.name === 'ecs.instance-type')?.value;
            billing.set(detail.ec2InstanceId, { type: type ?? 'unknown', from: at });
          }
        }
        for (const live of billing.values()) add(live.type, billed(live.from, END_MS, false));
        let usd = 0;
        for (const [type, ms] of msByType) {
          const row = end.instances.find((r) => r.instanceType === type);
          expect(row?.hours ?? 0).toBeCloseTo(ms / HOUR_MS, 5);
          usd += (ms / HOUR_MS) * (instanceTypeSpec(type)?.onDemandUsdPerHour ?? 0);
        }
        expect(end.instances.map((r) => r.instanceType).sort()).toEqual(
          [...msByType.keys()].sort(),
        );
        expect(end.totalUsd).toBeCloseTo(usd, 5);
      }),
      { numRuns: 40 },
    );
  });
});
