import { beforeEach, describe, expect, it } from 'vitest';
import { useDesignStore } from './design';
import { loadSample } from './design-actions';
import { applyServiceJson, applyTaskDefinitionJson } from './json-actions';

const design = () => useDesignStore.getState().design;

describe("the inspector's JSON, before a run", () => {
  beforeEach(() => loadSample());

  it('a task definition pasted with console fields and units: stored as ECS stores it', () => {
    const service = design().services[0]!;
    const td = design().taskDefinitions[0]!;
    const edit = applyTaskDefinitionJson(
      service.serviceName,
      JSON.stringify({
        ...td,
        cpu: '.25 vcpu',
        memory: '.5 gb',
        requiresCompatibilities: null,
        containerDefinitions: td.containerDefinitions.map((c) => ({ ...c, portBindings: [] })),
      }),
    );
    expect(edit.issues).toEqual([]);
    expect(edit.warnings.map((w) => w.path)).toEqual(['containerDefinitions[0].portBindings']);
    expect(design().taskDefinitions[0]).toMatchObject({ cpu: '256', memory: '512' });
    expect(design().taskDefinitions[0]).not.toHaveProperty('requiresCompatibilities');
  });

  it('refuses malformed JSON and what the gate refuses, keeping the design', () => {
    const before = design();
    const name = before.services[0]!.serviceName;
    expect(applyTaskDefinitionJson(name, '{ "family": ').issues[0]?.path).toBe('(json)');
    const bad = applyServiceJson(name, JSON.stringify({ ...before.services[0], desiredCount: -1 }));
    expect(bad.issues[0]?.path).toBe('services[0].desiredCount');
    expect(
      applyServiceJson(name, JSON.stringify({ ...before.services[0], serviceName: 'x' })).issues[0]
        ?.path,
    ).toBe('serviceName');
    expect(design()).toBe(before);
  });

  it('a service edited as JSON is the service the forms show', () => {
    const service = design().services[0]!;
    expect(
      applyServiceJson(service.serviceName, JSON.stringify({ ...service, desiredCount: 5 })).issues,
    ).toEqual([]);
    expect(design().services[0]?.desiredCount).toBe(5);
  });
});
