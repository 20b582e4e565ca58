import { readdirSync, readFileSync } from 'node:fs';
import type {
  CreateServiceCommandInput,
  RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import * as ecs from '@aws-sdk/client-ecs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { membersOf, memberType } from '../../aws-model/model';
import { modelMismatches } from '../../aws-model/walk';
import type { CreateServiceInput, RegisterTaskDefinitionInput } from '../../aws-shapes';
import type { DesignDocument, DesignInput } from '../../document';
import { ECS_IMPORTERS, registerTaskDefinitionImporter } from '../../import/ecs';
import { parseDesign } from '../../parse';
import { allAttributesOf } from '../../resolve';
import { designInput, parsedDesign, sampleJson, taskDefinition } from '../../testing';
import { exportFiles } from './files';
import { createServiceInput } from './service';
import { registerTaskDefinitionInput } from './task-definition';

/**
 * The exports checked against AWS's own model at run time: the SDK's static schemas
 * (RegisterTaskDefinitionRequest$, CreateServiceRequest$), walked member by member for
 * members, JSON types and required members, and the SDK's own enum objects for values.
 * The schemas do not say which string member is an enum (the SDK's .d.ts does); that
 * one fact is read from the generated model, whose own test compares it with the SDK.
 */
const exported = ecs as unknown as Record<string, unknown>;
const deref = (s: unknown): unknown => (typeof s === 'function' ? (s as () => unknown)() : s);
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function sdkProblems(value: unknown, schema: unknown, path: string, enumName?: string): string[] {
  let s = deref(schema);
  if (Array.isArray(s) && typeof s[0] !== 'number') s = deref(s[0]);
  if (typeof s === 'number') {
    if (s >= 128) {
      if (!isRecord(value)) return [`${path}: not a map`];
      return Object.entries(value).flatMap(([k, v]) =>
        sdkProblems(v, s & 63, `${path}.${k}`, enumName),
      );
    }
    if (s >= 64) {
      if (!Array.isArray(value)) return [`${path}: not a list`];
      return value.flatMap((v, i) => sdkProblems(v, s & 63, `${path}[${i}]`, enumName));
    }
    const want = { 0: 'string', 1: 'number', 2: 'boolean' }[s as 0 | 1 | 2];
    if (want && typeof value !== want) return [`${path}: not a ${want}`];
    if (s === 0 && enumName) {
      const values = Object.values(exported[enumName] as Record<string, string>);
      if (!values.includes(value as string))
        return [`${path}: ${String(value)} not in ${enumName}`];
    }
    return [];
  }
  const tuple = s as unknown[];
  if (tuple[0] === 1) {
    if (!Array.isArray(value)) return [`${path}: not a list`];
    return value.flatMap((v, i) => sdkProblems(v, tuple[4], `${path}[${i}]`, enumName));
  }
  if (tuple[0] === 2) {
    if (!isRecord(value)) return [`${path}: not a map`];
    return Object.entries(value).flatMap(([k, v]) =>
      sdkProblems(v, tuple[5], `${path}.${k}`, enumName),
    );
  }
  if (!isRecord(value)) return [`${path}: not a structure`];
  const names = tuple[4] as string[];
  const schemas = tuple[5] as unknown[];
  const required = typeof tuple[6] === 'number' ? names.slice(0, tuple[6]) : [];
  const problems = required
    .filter((r) => value[r] === undefined)
    .map((r) => `${path}.${r}: missing`);
  // Which members are enums: the .d.ts says, and the generated model copies it.
  const ours = membersOf(String(tuple[2])) ?? {};
  for (const [key, item] of Object.entries(value)) {
    const i = names.indexOf(key);
    if (i < 0) {
      problems.push(`${path}.${key}: not a member of ${String(tuple[2])}`);
      continue;
    }
    const type = ours[key] === undefined ? undefined : memberType(ours[key]);
    const inner = type?.kind === 'list' || type?.kind === 'map' ? type.of : type;
    problems.push(
      ...sdkProblems(
        item,
        schemas[i],
        `${path}.${key}`,
        inner?.kind === 'enum' ? inner.name : undefined,
      ),
    );
  }
  return problems;
}

const checkTaskDefinition = (v: unknown) => sdkProblems(v, ecs.RegisterTaskDefinitionRequest$, '');
const checkService = (v: unknown) => sdkProblems(v, ecs.CreateServiceRequest$, '');

function fixture(name: string): unknown {
  return JSON.parse(
    readFileSync(new URL(`../../import/ecs/fixtures/${name}`, import.meta.url), 'utf8'),
  );
}

function importedFragment(doc: unknown): Partial<DesignDocument> {
  const importer = ECS_IMPORTERS.find((i) => i.recognises(doc));
  const result = importer?.read(doc);
  if (!result?.ok) throw new Error('not imported');
  return result.fragment as Partial<DesignDocument>;
}

describe('the SDK check itself', () => {
  it('finds unknown members, wrong types, bad enums and missing required members', () => {
    expect(
      checkTaskDefinition({
        containerDefinitions: [{ name: 'a', image: 'b', cpu: '1', portBindings: [] }],
        networkMode: 'awsvpc2',
      }),
    ).toEqual([
      '.family: missing',
      '.containerDefinitions[0].cpu: not a number',
      '.containerDefinitions[0].portBindings: not a member of ContainerDefinition',
      '.networkMode: awsvpc2 not in NetworkMode',
    ]);
  });
});

describe('every fixture exports what AWS accepts', () => {
  const files = readdirSync(new URL('../../import/ecs/fixtures/', import.meta.url)).filter((f) =>
    f.endsWith('.json'),
  );

  it.each(files)('%s', (file) => {
    const fragment = importedFragment(fixture(file));
    for (const td of fragment.taskDefinitions ?? []) {
      const input = registerTaskDefinitionInput(td);
      expect(checkTaskDefinition(input)).toEqual([]);
      expect(input).not.toHaveProperty('revision');
    }
    for (const service of fragment.services ?? []) {
      // Each service's task definition, so that it resolves in the design.
      const { family } = { family: service.taskDefinition.split(':')[0] ?? '' };
      const design = parsedDesign(
        designInput({
          region: 'us-west-2',
          clusters: [{ clusterName: service.cluster ?? 'default' }],
          taskDefinitions: [taskDefinition(family)],
        }),
      );
      expect(checkService(createServiceInput(design, service))).toEqual([]);
    }
  });
});

describe('the export types', () => {
  it('are the SDK command inputs', () => {
    const design = parsedDesign(
      designInput({
        taskDefinitions: [taskDefinition('web', { networkMode: 'awsvpc' })],
        services: [{ serviceName: 'web', taskDefinition: 'web', desiredCount: 2 }],
      }),
    );
    // Two fields of the design's type are looser than the API's, so they are typed apart:
    // a task definition's placementConstraints are memberOf only (the design's type shares
    // the service's, with distinctInstance), and runtimePlatform.operatingSystemFamily is
    // the OSFamily enum (a string in the design). The walk below checks their values.
    const { placementConstraints, runtimePlatform, ...rest } = registerTaskDefinitionInput(
      design.taskDefinitions[0]!,
    );
    const td = rest satisfies Omit<
      RegisterTaskDefinitionCommandInput,
      'placementConstraints' | 'runtimePlatform'
    >;
    expect([placementConstraints, runtimePlatform]).toEqual([undefined, undefined]);
    const service = createServiceInput(
      design,
      design.services[0]!,
    ) satisfies CreateServiceCommandInput;
    expect(checkTaskDefinition(td)).toEqual([]);
    expect(checkService(service)).toEqual([]);
  });
});

describe('createServiceInput', () => {
  const web = taskDefinition('web', { networkMode: 'awsvpc' });
  const instances = [
    { ec2InstanceId: 'i-0a', instanceType: 'm5.large', availabilityZone: 'us-east-1b' },
    { ec2InstanceId: 'i-0b', instanceType: 'm5.large', availabilityZone: 'us-east-1a' },
    { ec2InstanceId: 'i-0c', instanceType: 'm5.large', availabilityZone: 'us-east-1b' },
  ];
  const subnetOf = (az: string) =>
    allAttributesOf({ ec2InstanceId: 'i-0', availabilityZone: az })['ecs.subnet-id'];
  const service = (extra: Record<string, unknown> = {}) =>
    ({
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 2,
      ...extra,
    }) as CreateServiceInput;

  it('names the cluster and the revision, gives awsvpc a subnet per zone, and drops what CreateService lacks', () => {
    const design = parsedDesign(
      designInput({
        containerInstances: instances,
        taskDefinitions: [web, web],
        services: [service({ berthNote: 'not AWS' })],
      }),
    );
    expect(createServiceInput(design, design.services[0]!)).toEqual({
      cluster: 'demo',
      serviceName: 'web',
      taskDefinition: 'web:2',
      desiredCount: 2,
      networkConfiguration: {
        awsvpcConfiguration: { subnets: [subnetOf('us-east-1a'), subnetOf('us-east-1b')] },
      },
    });
  });

  it("takes the region's zones a to c when the cluster has no instances", () => {
    const design = parsedDesign(
      designInput({ region: 'eu-west-1', taskDefinitions: [web], services: [service()] }),
    );
    expect(
      createServiceInput(design, design.services[0]!).networkConfiguration?.awsvpcConfiguration,
    ).toEqual({ subnets: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'].map(subnetOf) });
  });

  it("keeps the service's own networkConfiguration, and gives a bridge service none", () => {
    const own = {
      awsvpcConfiguration: {
        subnets: ['subnet-1'],
        securityGroups: ['sg-1'],
        assignPublicIp: 'ENABLED',
      },
    };
    const design = parsedDesign(
      designInput({
        taskDefinitions: [web, taskDefinition('api')],
        services: [
          service({ networkConfiguration: own }),
          service({ serviceName: 'api', taskDefinition: 'api' }),
        ],
      }),
    );
    expect(createServiceInput(design, design.services[0]!).networkConfiguration).toEqual(own);
    expect(createServiceInput(design, design.services[1]!)).not.toHaveProperty(
      'networkConfiguration',
    );
  });
});

describe('exportFiles', () => {
  it('gives a file per revision, numbered as the design numbers them, and per service', () => {
    const design = parsedDesign(
      designInput({
        taskDefinitions: [
          { ...taskDefinition('web'), revision: 7, status: 'ACTIVE' },
          taskDefinition('web', { cpu: '1 vCPU' }),
          taskDefinition('api'),
        ],
        services: [
          { serviceName: 'web', taskDefinition: 'web:7', desiredCount: 1 },
          { serviceName: 'api', taskDefinition: 'api', cluster: 'demo', desiredCount: 0 },
        ],
      }),
    );
    const files = exportFiles(design);
    expect(files.map((f) => f.path)).toEqual([
      'task-definitions/web-7.json',
      'task-definitions/web-8.json',
      'task-definitions/api-1.json',
      'services/demo-web.json',
      'services/demo-api.json',
    ]);
    expect(files[0]?.json).not.toHaveProperty('revision');
    expect(files[1]?.json).toMatchObject({ cpu: '1024' });
    expect(files[3]?.json).toMatchObject({ cluster: 'demo', taskDefinition: 'web:7' });
    for (const f of files) {
      const problems = f.path.startsWith('services/')
        ? checkService(f.json)
        : checkTaskDefinition(f.json);
      expect(problems).toEqual([]);
    }
  });
});

describe("the project's own designs", () => {
  const dir = new URL('../../../../e2e/designs/', import.meta.url);
  const designs = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it.each(designs)('%s exports what AWS accepts', (file) => {
    const design = parsedDesign(readFileSync(new URL(file, dir), 'utf8'));
    const problems = exportFiles(design).flatMap((f) =>
      (f.path.startsWith('services/') ? checkService(f.json) : checkTaskDefinition(f.json)).map(
        (p) => `${f.path}${p}`,
      ),
    );
    expect(problems).toEqual([]);
    // And reads back without a word: nothing in an export is unknown to AWS's model.
    for (const f of exportFiles(design)) {
      const importer = ECS_IMPORTERS.find((i) => i.recognises(f.json));
      const read = importer?.read(f.json);
      expect(read?.ok && read.warnings).toEqual([]);
    }
  });

  it('exports the sample', () => {
    const design = parsedDesign(sampleJson());
    expect(exportFiles(design).length).toBeGreaterThan(0);
    for (const f of exportFiles(design)) {
      expect(
        f.path.startsWith('services/') ? checkService(f.json) : checkTaskDefinition(f.json),
      ).toEqual([]);
    }
  });
});

describe('registerTaskDefinitionInput', () => {
  it('removes provenance and what the API does not have, at any depth', () => {
    const td = {
      ...taskDefinition('web'),
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:1:task-definition/web:3',
      revision: 3,
      status: 'ACTIVE',
      requiresAttributes: [{ name: 'ecs.capability.task-eni' }],
      compatibilities: ['EC2'],
      registeredAt: '2024-01-01T00:00:00Z',
      registeredBy: 'arn:aws:iam::1:root',
      deregisteredAt: '2024-02-01T00:00:00Z',
      deleteRequestedAt: '2024-03-01T00:00:00Z',
      berth: { note: 'kept in the design' },
      memory: '.5 gb',
      tags: { team: 'web' },
    } as RegisterTaskDefinitionInput;
    td.containerDefinitions[0] = { ...td.containerDefinitions[0]!, portBindings: [] } as never;
    expect(registerTaskDefinitionInput(td)).toEqual({
      family: 'web',
      containerDefinitions: [{ name: 'web', image: 'example/web:1', cpu: 256, memory: 512 }],
      memory: '512',
      tags: [{ key: 'team', value: 'web' }],
    });
  });
});

/** Task definitions as a design may hold them: every task size form, extra fields, provenance. */
const taskDefinitionArb = fc.record(
  {
    family: fc.constantFrom('web', 'api', 'worker_1'),
    containerDefinitions: fc
      .uniqueArray(
        fc.record(
          {
            name: fc.constantFrom('app', 'sidecar', 'log-router'),
            image: fc.constantFrom('nginx', 'public.ecr.aws/docker/library/httpd:2.4'),
            cpu: fc.integer({ min: 0, max: 4096 }),
            memory: fc.integer({ min: 4, max: 8192 }),
            essential: fc.boolean(),
            portMappings: fc.array(
              fc.record(
                {
                  containerPort: fc.integer({ min: 1, max: 65535 }),
                  protocol: fc.constantFrom('tcp', 'udp'),
                  hostIp: fc.constant('0.0.0.0'),
                },
                { requiredKeys: ['containerPort'] },
              ),
              { maxLength: 2 },
            ),
            environment: fc.array(
              fc.record({ name: fc.string({ minLength: 1, maxLength: 5 }), value: fc.string() }),
            ),
            dockerLabels: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string()),
            portBindings: fc.constant([]),
            madeUp: fc.constant(null),
          },
          { requiredKeys: ['name', 'image', 'memory'] },
        ),
        { minLength: 1, maxLength: 3, selector: (c) => c.name },
      )
      .map(([first, ...rest]) => [{ ...first!, essential: true }, ...rest]),
    networkMode: fc.constantFrom('bridge', 'host', 'awsvpc', 'none'),
    cpu: fc.constantFrom('256', '1024', '1 vCPU', '0.25 vcpu', '2 vCPU'),
    memory: fc.constantFrom('512', '2048', '2 GB', '0.5 GB', '1GB'),
    tags: fc.oneof(
      fc.array(fc.record({ key: fc.string({ minLength: 1, maxLength: 5 }), value: fc.string() }), {
        maxLength: 2,
      }),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.string(), { maxKeys: 2 }),
    ),
    revision: fc.integer({ min: 1, max: 50 }),
    status: fc.constant('ACTIVE'),
    registeredAt: fc.constant('2024-01-01T00:00:00Z'),
    somethingElse: fc.record({ nested: fc.constant(null), value: fc.integer() }),
  },
  { requiredKeys: ['family', 'containerDefinitions'] },
);

describe('import of the export', () => {
  it('is a fixed point: a task definition exported, imported and exported again is the same, and AWS takes it', () => {
    fc.assert(
      fc.property(taskDefinitionArb, (raw) => {
        const gate = parseDesign(designInput({ taskDefinitions: [raw as never] }));
        // Only what the gate lets into a design (sizes that fit, unique names, ...).
        fc.pre(gate.ok);
        if (!gate.ok) return;
        const once = registerTaskDefinitionInput(gate.design.taskDefinitions[0]!);
        expect(modelMismatches(once, 'RegisterTaskDefinitionRequest')).toEqual([]);
        expect(checkTaskDefinition(once)).toEqual([]);
        const read = registerTaskDefinitionImporter.read(JSON.parse(JSON.stringify(once)));
        if (!read.ok) throw new Error('not imported');
        expect(read.warnings).toEqual([]);
        const again = parsedDesign(designInput(read.fragment as Partial<DesignInput>));
        expect(registerTaskDefinitionInput(again.taskDefinitions[0]!)).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });
});
