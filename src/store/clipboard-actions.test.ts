import { beforeEach, describe, expect, it } from 'vitest';
import { parseDesign } from '../design';
import { designInput, instance, parsedDesign, taskDefinition } from '../design/testing';
import { copyResources, PASTE_OFFSET, pasteClip, pasteResources } from './clipboard-actions';
import { useDesignStore } from './design';
import { newDesign } from './design-actions';

const base = () =>
  parsedDesign(
    designInput({
      clusters: [{ clusterName: 'demo' }],
      containerInstances: [
        instance('i-0a1b2c3d4e5f60001', { cluster: 'demo', containerInstanceArn: 'arn:x' }),
      ],
      taskDefinitions: [taskDefinition('web'), taskDefinition('web-2')],
      services: [
        {
          cluster: 'demo',
          serviceName: 'web',
          taskDefinition: 'web',
          desiredCount: 3,
        },
        { cluster: 'demo', serviceName: 'web-2', taskDefinition: 'web-2', desiredCount: 1 },
      ],
      workloads: [{ family: 'web', imagePullSeconds: 9 }],
      layout: { 'service:web': { x: 100, y: 44 } },
    }),
  );

describe('paste and duplicate', () => {
  it('names copies after the original, the next free number, ids fresh', () => {
    const design = base();
    const clip = copyResources(design, ['i-0a1b2c3d4e5f60001'], ['web', 'web-2']);
    const pasted = pasteClip(design, clip);
    // web and web-2 are taken: the copies are web-3 and web-4, not web-2-2.
    expect(pasted.serviceNames).toEqual(['web-3', 'web-4']);
    expect(pasted.instanceIds).toHaveLength(1);
    expect(pasted.instanceIds[0]).toMatch(/^i-0[0-9a-f]{16}$/);
    expect(pasted.instanceIds[0]).not.toBe('i-0a1b2c3d4e5f60001');
    const copy = pasted.design.containerInstances.at(-1);
    expect(copy?.containerInstanceArn).toBeUndefined();
    expect(copy?.instanceType).toBe('m5.large');
    expect(copy?.cluster).toBe('demo');
    expect(parseDesign(pasted.design).ok).toBe(true);
  });

  it('gives a copy its own task definition family and workload, and no load balancer', () => {
    const parsed = base();
    // Past the gate on purpose: only the copy's fields matter here.
    const lb = { targetGroupArn: 'arn:tg', containerName: 'web', containerPort: 80 };
    const design = {
      ...parsed,
      services: parsed.services.map((s) => ({ ...s, loadBalancers: [lb] })),
    };
    const pasted = pasteClip(design, copyResources(design, [], ['web']));
    const service = pasted.design.services.find((s) => s.serviceName === 'web-3');
    expect(service?.taskDefinition).toBe('web-3');
    expect(service?.desiredCount).toBe(3);
    expect(service?.loadBalancers).toBeUndefined();
    expect(pasted.design.taskDefinitions.map((t) => t.family)).toContain('web-3');
    expect(pasted.design.workloads.find((w) => w.family === 'web-3')?.imagePullSeconds).toBe(9);
  });

  it('offsets a pasted service from its original, once more per paste', () => {
    const design = base();
    const clip = copyResources(design, [], ['web']);
    const once = pasteClip(design, clip, 1);
    expect(once.design.layout['service:web-3']).toEqual({
      x: 100 + PASTE_OFFSET.x,
      y: 44 + PASTE_OFFSET.y,
    });
    const twice = pasteClip(once.design, clip, 2);
    expect(twice.serviceNames).toEqual(['web-4']);
    expect(twice.design.layout['service:web-4']).toEqual({
      x: 100 + 2 * PASTE_OFFSET.x,
      y: 44 + 2 * PASTE_OFFSET.y,
    });
  });

  it('two pastes of one instance give two different ids', () => {
    const design = base();
    const clip = copyResources(design, ['i-0a1b2c3d4e5f60001'], []);
    const once = pasteClip(design, clip);
    const twice = pasteClip(once.design, clip);
    expect(new Set([...once.instanceIds, ...twice.instanceIds]).size).toBe(2);
    expect(twice.design.containerInstances).toHaveLength(3);
  });

  it('a copy whose cluster is gone lands in the first cluster', () => {
    const design = base();
    const clip = copyResources(design, [], ['web']);
    const other = parsedDesign(
      designInput({ clusters: [{ clusterName: 'prod' }], taskDefinitions: [] }),
    );
    const pasted = pasteClip(other, clip);
    expect(pasted.design.services[0]?.cluster).toBe('prod');
    expect(pasted.serviceNames).toEqual(['web']);
  });
});

describe('pasteResources before a run', () => {
  beforeEach(() => {
    newDesign();
    useDesignStore.setState({ design: base() });
    useDesignStore.temporal.getState().clear();
  });

  it('commits the copies as one undo step through the gate', () => {
    const design = useDesignStore.getState().design;
    const outcome = pasteResources(copyResources(design, ['i-0a1b2c3d4e5f60001'], ['web']));
    expect(outcome.ok).toBe(true);
    const after = useDesignStore.getState().design;
    expect(after.services.map((s) => s.serviceName)).toEqual(['web', 'web-2', 'web-3']);
    expect(after.containerInstances).toHaveLength(2);
    expect(useDesignStore.temporal.getState().pastStates).toHaveLength(1);
  });
});
