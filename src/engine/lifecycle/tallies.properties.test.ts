import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TASK_STATES, type TaskLastStatus } from '../api';
import type { EngineCheckpoint } from '../checkpoint';
import { createSimulation, restoreSimulation, type Simulation } from '../simulation';
import { minutes } from '../testing/builders';
import { buildDesign, END_MS, resolve, scenarioArb } from '../testing/random-runs';

/** Long enough past the commands for the first STOPPED tasks to be pruned (kept an hour). */
const PRUNED_BY_MS = END_MS + minutes(70);

const zeros = () => ({ running: 0, pending: 0, healthy: 0 });
const sideOf = (s: TaskLastStatus) =>
  s === 'RUNNING'
    ? 'running'
    : s === 'PENDING' || s === 'PROVISIONING' || s === 'ACTIVATING'
      ? 'pending'
      : undefined;

/** Everything the tallies keep, counted afresh from a checkpoint's entities. */
function recount(cp: EngineCheckpoint) {
  const byStatus = Object.fromEntries(TASK_STATES.map((s) => [s, 0]));
  const services = Object.fromEntries(cp.services.map((s) => [s.serviceName, zeros()]));
  // `service/deployment id`: only deployments with a task in some count.
  const deployments: Record<string, ReturnType<typeof zeros> & { taskDefinition: string }> = {};
  for (const task of cp.tasks) {
    byStatus[task.lastStatus] = (byStatus[task.lastStatus] ?? 0) + 1;
    const side = sideOf(task.lastStatus);
    const tally = task.serviceName === undefined ? undefined : services[task.serviceName];
    const healthy = task.countedHealthy === true && task.lastStatus === 'RUNNING';
    if (side && tally) tally[side]++;
    if (tally && healthy) tally.healthy++;
    if (tally && task.startedBy !== undefined && (side || healthy)) {
      const key = `${task.serviceName}/${task.startedBy}`;
      const td = task.taskDefinitionArn.slice(task.taskDefinitionArn.lastIndexOf('/') + 1);
      const d = deployments[key] ?? { ...zeros(), taskDefinition: td };
      deployments[key] = d;
      if (side) d[side]++;
      if (healthy) d.healthy++;
    }
  }
  const clusters: Record<string, number[]> = {};
  for (const i of cp.instances) {
    if (i.status === 'INACTIVE') continue;
    const c = clusters[i.clusterName] ?? [0, 0, 0, 0];
    clusters[i.clusterName] = c;
    c[0] = (c[0] ?? 0) + i.registeredCpu;
    c[1] = (c[1] ?? 0) + i.registeredCpu - i.remainingCpu;
    c[2] = (c[2] ?? 0) + i.registeredMemoryMiB;
    c[3] = (c[3] ?? 0) + i.registeredMemoryMiB - i.remainingMemoryMiB;
  }
  const stopped = cp.tasks
    .filter((t) => t.lastStatus === 'STOPPED')
    .map((t) => t.taskArn)
    .sort();
  return { byStatus, services, deployments, clusters, stopped };
}

/** The same shape, read from the tallies the checkpoint kept. */
function kept(cp: EngineCheckpoint) {
  const t = cp.tallies;
  if (!t) throw new Error('the checkpoint keeps no tallies');
  const tallies = new Map(t.services);
  const services = Object.fromEntries(
    cp.services.map((s) => [s.serviceName, { ...zeros(), ...tallies.get(s.serviceName) }]),
  );
  const deployments = Object.fromEntries(
    (t.deployments ?? []).flatMap(([name, byId]) =>
      byId.map(([id, d]) => [`${name}/${id}`, { ...d }] as const),
    ),
  );
  const clusters: Record<string, number[]> = {};
  for (const [name, c] of t.clusters) {
    const sums = [c.registeredCpu, c.reservedCpu, c.registeredMemoryMiB, c.reservedMemoryMiB];
    if (sums.some((n) => n !== 0)) clusters[name] = sums;
  }
  return {
    byStatus: t.byStatus,
    services,
    deployments,
    clusters,
    stopped: [...t.stopped].sort(),
  };
}

/** The STOPPED queue is oldest first, so pruning can stop at the first task it keeps. */
function stoppedInOrder(cp: EngineCheckpoint): boolean {
  const at = new Map(cp.tasks.map((t) => [t.taskArn, t.stoppedAtMs ?? -1]));
  const times = (cp.tallies?.stopped ?? []).map((arn) => at.get(arn) ?? -1);
  return times.every((ms, i) => ms >= 0 && (i === 0 || ms >= (times[i - 1] ?? 0)));
}

function expectTalliesMatch(sim: Simulation): void {
  const cp = sim.checkpoint();
  expect(kept(cp)).toEqual(recount(cp));
  expect(stoppedInOrder(cp)).toBe(true);
  const snapshot = sim.snapshot();
  expect(snapshot.taskStateCounts).toEqual(recount(cp).byStatus);
  for (const view of snapshot.services) {
    expect({
      running: view.runningCount,
      pending: view.pendingCount,
      healthy: view.healthyCount,
    }).toEqual(recount(cp).services[view.serviceName]);
    // What the page draws per deployment is the kept count, equal to a walk of the tasks.
    for (const d of view.deployments) {
      const counted = recount(cp).deployments[`${view.serviceName}/${d.id}`] ?? zeros();
      expect({ running: d.runningCount, pending: d.pendingCount, healthy: d.healthyCount }).toEqual(
        { running: counted.running, pending: counted.pending, healthy: counted.healthy },
      );
    }
  }
}

describe('kept counts', () => {
  it('always equal a full recount, through every kind of command and the pruning of old STOPPED tasks', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const sim = createSimulation(buildDesign(s));
        expectTalliesMatch(sim);
        for (const { atMs, recipe } of [...s.commands].sort((a, b) => a.atMs - b.atMs)) {
          sim.advance(Math.max(atMs, sim.nowMs));
          expectTalliesMatch(sim);
          sim.apply(resolve(sim, s, recipe));
          expectTalliesMatch(sim);
        }
        for (let t = END_MS; t <= PRUNED_BY_MS; t += minutes(10)) {
          sim.advance(t);
          expectTalliesMatch(sim);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('are counted afresh when restoring a checkpoint taken before they were kept', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const sim = createSimulation(buildDesign(s));
        for (const { atMs, recipe } of [...s.commands].sort((a, b) => a.atMs - b.atMs)) {
          sim.advance(Math.max(atMs, sim.nowMs));
          sim.apply(resolve(sim, s, recipe));
        }
        sim.advance(Math.max(s.breakAtMs, sim.nowMs));
        const { tallies: _kept, ...older } = JSON.parse(
          JSON.stringify(sim.checkpoint()),
        ) as EngineCheckpoint;
        const restored = restoreSimulation(older);
        const [live, again] = [sim.advance(PRUNED_BY_MS), restored.advance(PRUNED_BY_MS)];
        const { metrics, ...rest } = live;
        const { metrics: metricsAgain, ...restAgain } = again;
        expect(restAgain).toEqual(rest);
        expect(metricsAgain).toEqual(metrics);
        expectTalliesMatch(restored);
      }),
      { numRuns: 20 },
    );
  });

  it('per deployment are counted afresh when a checkpoint keeps the others but not those', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const sim = createSimulation(buildDesign(s));
        for (const { atMs, recipe } of [...s.commands].sort((a, b) => a.atMs - b.atMs)) {
          sim.advance(Math.max(atMs, sim.nowMs));
          sim.apply(resolve(sim, s, recipe));
        }
        sim.advance(Math.max(s.breakAtMs, sim.nowMs));
        const cp = JSON.parse(JSON.stringify(sim.checkpoint())) as EngineCheckpoint;
        if (cp.tallies) delete cp.tallies.deployments;
        const restored = restoreSimulation(cp);
        expectTalliesMatch(restored);
        restored.advance(PRUNED_BY_MS);
        expectTalliesMatch(restored);
      }),
      { numRuns: 20 },
    );
  });
});
