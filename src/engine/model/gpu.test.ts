import { describe, expect, it } from 'vitest';
import type { DesignDocument } from '../../design';
import { restoreSimulation } from '../simulation';
import { design, instance, minutes, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

// GPUs as ECS registers and reserves them (ecs-behavior §3, §4.1, §4.6), end to end.

const G4DN = 'i-000000000000000a1';
const M5 = 'i-000000000000000b1';

/** A task definition whose one container needs `gpus` GPUs (API ResourceRequirement). */
function gpuTask(family: string, gpus: number, extra: Record<string, unknown> = {}) {
  const td = taskDefinition(family);
  return {
    ...td,
    ...extra,
    containerDefinitions: td.containerDefinitions.map((c) => ({
      ...c,
      resourceRequirements: [{ type: 'GPU' as const, value: String(gpus) }],
    })),
  };
}

function gpuDesign(types: Record<string, string>, desired: number, gpus = 1): DesignDocument {
  return design({
    containerInstances: Object.entries(types).map(([id, type]) => instance({ id, type })),
    taskDefinitions: [gpuTask('ml', gpus)],
    services: [service('ml', desired)],
  });
}

type Resource = { name: string; stringSetValue?: string[] };

function gpuResource(run: { sim: { describe(): { containerInstances: unknown[] } } }, id: string) {
  const ci = run.sim
    .describe()
    .containerInstances.map((c) => c as Record<string, unknown>)
    .find((c) => c.ec2InstanceId === id);
  const find = (key: string) =>
    (ci?.[key] as Resource[] | undefined)?.find((r) => r.name === 'GPU')?.stringSetValue;
  return { registered: find('registeredResources'), remaining: find('remainingResources') };
}

describe('an instance registers its GPUs (DescribeContainerInstances)', () => {
  it.each([
    ['g4dn.xlarge', 1],
    ['g4dn.12xlarge', 4],
  ])('a %s registers %i GPUs, all remaining while nothing runs', (type, count) => {
    const run = simulate(gpuDesign({ [G4DN]: type }, 0)).until(minutes(1));
    const { registered, remaining } = gpuResource(run, G4DN);
    expect(registered).toHaveLength(count);
    expect(registered?.[0]).toMatch(/^GPU-[0-9a-f]{8}-/);
    expect(remaining).toEqual(registered);
  });

  it('an m5.large lists no GPU resource', () => {
    const run = simulate(gpuDesign({ [M5]: 'm5.large' }, 0)).until(minutes(1));
    expect(gpuResource(run, M5)).toEqual({ registered: undefined, remaining: undefined });
  });
});

describe('GPU tasks hold their GPUs until STOPPED', () => {
  it('two 1-GPU tasks on a 1-GPU instance: one runs, the second is refused with RESOURCE:GPU', () => {
    const run = simulate(gpuDesign({ [G4DN]: 'g4dn.xlarge' }, 2)).until(minutes(2));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(1);
    expect(gpuResource(run, G4DN).remaining).toEqual([]);
    expect(run.sim.explainService('ml')?.failure?.reason).toBe('RESOURCE:GPU');
    expect(run.serviceMessages).toContain(
      'service ml was unable to place a task because no container instance met all of its requirements. The closest matching container-instance ' +
        `${run.sim.describe().containerInstances.map((c) => (c as { containerInstanceArn: string }).containerInstanceArn.split('/').pop())[0]} has insufficient GPU available.`,
    );
  });

  it('a GPU task refuses an m5.large and runs on the g4dn.xlarge beside it', () => {
    const run = simulate(gpuDesign({ [M5]: 'm5.large', [G4DN]: 'g4dn.xlarge' }, 1)).until(
      minutes(2),
    );
    const [task] = run.tasks({ lastStatus: 'RUNNING' });
    expect(task?.ec2InstanceId).toBe(G4DN);
    const alone = simulate(gpuDesign({ [M5]: 'm5.large' }, 1)).until(minutes(2));
    expect(alone.tasks({ lastStatus: 'RUNNING' })).toEqual([]);
    expect(alone.sim.explainService('ml')?.failure?.summary).toBe(
      '0/1 instances: 1 insufficient GPU',
    );
  });

  it('a stopped task gives its GPU back, and the next one takes it', () => {
    const run = simulate(gpuDesign({ [G4DN]: 'g4dn.xlarge' }, 2)).until(minutes(2));
    const [first] = run.tasks({ lastStatus: 'RUNNING' });
    run.apply({ action: 'StopTask', input: { cluster: 'test', task: first?.taskArn ?? '' } });
    run.until(minutes(5));
    const running = run.tasks({ lastStatus: 'RUNNING' });
    expect(running).toHaveLength(1);
    expect(running[0]?.taskArn).not.toBe(first?.taskArn);
    expect(gpuResource(run, G4DN).remaining).toEqual([]);
    run.apply({
      action: 'UpdateService',
      input: { cluster: 'test', service: 'ml', desiredCount: 0 },
    });
    run.until(minutes(8));
    expect(gpuResource(run, G4DN).remaining).toHaveLength(1);
  });

  it('a 2-GPU task takes two of a g4dn.12xlarge: two run, the third waits', () => {
    const run = simulate(gpuDesign({ [G4DN]: 'g4dn.12xlarge' }, 3, 2)).until(minutes(2));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(2);
    expect(gpuResource(run, G4DN).remaining).toEqual([]);
  });

  it('checkpoint and restore keep the GPUs held: the restored run goes on as the uninterrupted one', () => {
    const d = gpuDesign({ [G4DN]: 'g4dn.12xlarge', [M5]: 'm5.large' }, 3);
    const whole = simulate(d).until(minutes(2));
    const cp = JSON.parse(JSON.stringify(whole.sim.checkpoint()));
    const restored = restoreSimulation(cp);
    const scale = {
      action: 'UpdateService' as const,
      input: { cluster: 'test', service: 'ml', desiredCount: 5 },
    };
    whole.apply(scale).until(minutes(5));
    restored.apply(scale);
    restored.advance(minutes(5));
    expect(restored.describe()).toEqual(whole.sim.describe());
    expect(gpuResource(whole, G4DN).remaining).toEqual([]);
    expect(whole.tasks({ lastStatus: 'RUNNING' })).toHaveLength(4);
  });
});

describe('runtimePlatform with catalog types (§4.5)', () => {
  const platformDesign = (cpuArchitecture: 'ARM64' | 'X86_64') =>
    design({
      containerInstances: [instance({ id: M5, type: 'm5.large' }), instance({ type: 'c7g.large' })],
      taskDefinitions: [
        {
          ...taskDefinition('app'),
          runtimePlatform: { cpuArchitecture, operatingSystemFamily: 'LINUX' },
        },
      ],
      services: [service('app', 2)],
    });

  it.each([
    ['ARM64', 'c7g.large'],
    ['X86_64', 'm5.large'],
  ] as const)('%s tasks run only on the %s', (arch, type) => {
    const run = simulate(platformDesign(arch)).until(minutes(2));
    const running = run.tasks({ lastStatus: 'RUNNING' });
    expect(running).toHaveLength(2);
    const types = new Set(running.map((t) => (t.ec2InstanceId === M5 ? 'm5.large' : 'c7g.large')));
    expect([...types]).toEqual([type]);
  });

  it('an ARM64 task with only an m5.large names the attribute it misses', () => {
    const d = design({
      containerInstances: [instance({ id: M5, type: 'm5.large' })],
      taskDefinitions: [
        { ...taskDefinition('app'), runtimePlatform: { cpuArchitecture: 'ARM64' } },
      ],
      services: [service('app', 1)],
    });
    const run = simulate(d).until(minutes(1));
    const failure = run.sim.explainService('app')?.failure;
    expect(failure?.reason).toBe('ATTRIBUTE');
    expect(failure?.summary).toBe('0/1 instances: 1 missing attribute ecs.cpu-architecture=arm64');
  });
});

describe('Elastic Inference, past its end of life', () => {
  const eiDesign = (attributes: { name: string }[] = []) =>
    design({
      containerInstances: [{ ...instance({ id: M5, type: 'm5.large' }), attributes }],
      taskDefinitions: [
        {
          ...taskDefinition('infer'),
          inferenceAccelerators: [{ deviceName: 'device_1', deviceType: 'eia2.medium' }],
        },
      ],
      services: [service('infer', 1)],
    });

  it('a task with inferenceAccelerators is refused: no instance reports ecs.capability.task-eia', () => {
    const run = simulate(eiDesign()).until(minutes(1));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toEqual([]);
    expect(run.sim.explainService('infer')?.failure?.summary).toBe(
      '0/1 instances: 1 missing attribute ecs.capability.task-eia',
    );
  });

  it('an instance the design gives the attribute stands for one from before, and runs it', () => {
    const run = simulate(eiDesign([{ name: 'ecs.capability.task-eia' }])).until(minutes(1));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(1);
  });
});
