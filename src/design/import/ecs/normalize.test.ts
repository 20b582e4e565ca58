import { describe, expect, it } from 'vitest';
import { normalizeTaskDefinition, withoutNulls } from './normalize';

describe('normalizeTaskDefinition', () => {
  it('drops nulls at any depth, keys and list items', () => {
    expect(withoutNulls({ a: null, b: [1, null, { c: null, d: 2 }], e: { f: null } })).toEqual({
      b: [1, { d: 2 }],
      e: {},
    });
  });

  it('stores cpu and memory as ECS does', () => {
    const { value, warnings } = normalizeTaskDefinition(
      { family: 'web', cpu: '0.25 vCPU', memory: '.5 gb', containerDefinitions: [] },
      '',
    );
    expect(value).toMatchObject({ cpu: '256', memory: '512' });
    expect(warnings).toEqual([]);
  });

  it('warns of fields the API does not take, with their path in the document', () => {
    const { value, warnings } = normalizeTaskDefinition(
      {
        family: 'web',
        containerDefinitions: [{ name: 'web', image: 'nginx', portBindings: [{ port: 80 }] }],
        revision: 7,
        status: 'ACTIVE',
        registeredAt: '2024-01-01T00:00:00Z',
        networkMode: 'awsvpc2',
      },
      'taskDefinition',
    );
    expect(warnings).toEqual([
      {
        path: 'taskDefinition.containerDefinitions[0].portBindings',
        message: 'is not a field of ContainerDefinition; it is kept in the design but not exported',
      },
      {
        path: 'taskDefinition.networkMode',
        message:
          'is not a value AWS takes for NetworkMode (awsvpc, bridge, host, none); AWS refuses it',
      },
    ]);
    // Kept: the provenance, and the unknown field.
    expect(value).toMatchObject({
      revision: 7,
      status: 'ACTIVE',
      containerDefinitions: [{ portBindings: [{ port: 80 }] }],
    });
  });

  it("turns a map of tags into AWS's list, and says so", () => {
    const { value, warnings } = normalizeTaskDefinition(
      { family: 'web', containerDefinitions: [], tags: { team: 'a', env: 'prod' } },
      '',
    );
    expect((value as { tags: unknown }).tags).toEqual([
      { key: 'team', value: 'a' },
      { key: 'env', value: 'prod' },
    ]);
    expect(warnings.map((w) => w.path)).toEqual(['tags']);
    expect(warnings[0]?.message).toMatch(/^is a map; AWS takes tags as a list/);
  });

  it('gives back what is not a task definition, for the gate to refuse', () => {
    expect(normalizeTaskDefinition('web', '')).toEqual({ value: 'web', warnings: [] });
    expect(normalizeTaskDefinition(null, '')).toEqual({ value: null, warnings: [] });
  });
});
