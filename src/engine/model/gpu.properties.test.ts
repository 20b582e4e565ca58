import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { design, instance, minutes, seconds, service, taskDefinition } from '../testing/builders';
import { type Run, simulate } from '../testing/harness';

// Random GPU clusters under random scaling and stops: no instance ever has more GPUs
// held than it registered, and what it holds is exactly its live tasks' GPUs.

const TYPES = ['g4dn.xlarge', 'g4dn.12xlarge', 'p3.8xlarge', 'm5.large'] as const;

function gpuTask(family: string, gpus: number) {
  const td = taskDefinition(family, { cpu: 128, memory: 256 });
  if (gpus === 0) return td;
  return {
    ...td,
    containerDefinitions: td.containerDefinitions.map((c) => ({
      ...c,
      resourceRequirements: [{ type: 'GPU' as const, value: String(gpus) }],
    })),
  };
}

const step = fc.record({
  afterSeconds: fc.integer({ min: 1, max: 90 }),
  kind: fc.constantFrom('stop', 'stop', 'scale'),
  service: fc.nat(1),
  pick: fc.nat(),
  desired: fc.integer({ min: 0, max: 6 }),
});

const scenario = fc.record({
  types: fc.array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 4 }),
  gpus: fc.tuple(fc.constantFrom(0, 1, 1, 2), fc.constantFrom(1, 2, 4)),
  desired: fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })),
  steps: fc.array(step, { maxLength: 8 }),
  seed: fc.nat(),
});

type Resource = { name: string; stringSetValue?: string[] };

function checkGpus(run: Run, gpusOf: Record<string, number>): void {
  const held = new Map<string, number>();
  for (const t of run.tasks()) {
    if (t.lastStatus === 'STOPPED' || !t.containerInstanceArn) continue;
    held.set(
      t.containerInstanceArn,
      (held.get(t.containerInstanceArn) ?? 0) + (gpusOf[t.family] ?? 0),
    );
  }
  for (const raw of run.sim.describe().containerInstances) {
    const ci = raw as {
      containerInstanceArn: string;
      registeredResources: Resource[];
      remainingResources: Resource[];
    };
    const gpu = (list: Resource[]) => list.find((r) => r.name === 'GPU')?.stringSetValue ?? [];
    const registered = gpu(ci.registeredResources).length;
    const remaining = gpu(ci.remainingResources).length;
    expect(remaining).toBeGreaterThanOrEqual(0);
    expect(remaining).toBeLessThanOrEqual(registered);
    expect(registered - remaining).toBe(held.get(ci.containerInstanceArn) ?? 0);
  }
}

describe('GPU accounting', () => {
  it("never holds more GPUs than registered, and holds exactly the live tasks' GPUs", () => {
    fc.assert(
      fc.property(scenario, ({ types, gpus, desired, steps, seed }) => {
        const gpusOf = { a: gpus[0], b: gpus[1] };
        const d = design({
          containerInstances: types.map((type, i) =>
            instance({ type, az: i % 2 === 0 ? 'us-east-1a' : 'us-east-1b' }),
          ),
          taskDefinitions: [gpuTask('a', gpus[0]), gpuTask('b', gpus[1])],
          services: [service('a', desired[0]), service('b', desired[1])],
        });
        const run = simulate(d, seed).until(minutes(1));
        checkGpus(run, gpusOf);
        for (const s of steps) {
          const name = s.service === 0 ? 'a' : 'b';
          if (s.kind === 'scale') {
            run.apply({
              action: 'UpdateService',
              input: { cluster: 'test', service: name, desiredCount: s.desired },
            });
          } else {
            const live = run.tasks().filter((t) => t.lastStatus !== 'STOPPED');
            const victim = live[s.pick % Math.max(1, live.length)];
            if (victim)
              run.apply({ action: 'StopTask', input: { cluster: 'test', task: victim.taskArn } });
          }
          run.until(run.sim.nowMs + seconds(s.afterSeconds));
          checkGpus(run, gpusOf);
        }
      }),
      { numRuns: 60 },
    );
  });
});
