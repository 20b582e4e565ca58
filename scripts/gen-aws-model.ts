/**
 * Writes src/design/aws-model/ecs.generated.ts and ecs-enums.generated.ts from @aws-sdk/client-ecs's own model:
 * the static schemas it exports (`RegisterTaskDefinitionRequest$`, ...) give every
 * structure's members and their shapes; the SDK's .d.ts files give which string members
 * are enums, and its enum objects their values. `npm run gen:aws-model` after the SDK
 * changes; src/design/aws-model/ecs.generated.test.ts fails while the two disagree.
 *
 * Schema tuples (@smithy/core/schema): a structure is [3, namespace, name, traits,
 * memberNames, memberSchemas, requiredCount], a union the same with 4, a list
 * [1, ns, name, traits, member], a map [2, ns, name, traits, key, value]; a member may be
 * wrapped as [schema, traits]; numbers are simple types (0 string, 1 number, 2 boolean,
 * 4-7 timestamp, 15 document, 21 blob), `64 | n` a list of n, `128 | n` a map of n.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as ecs from '@aws-sdk/client-ecs';

export interface EcsModelData {
  sdkVersion: string;
  structures: Record<string, Record<string, string>>;
  required: Record<string, string[]>;
  enums: Record<string, string[]>;
  taskDefinitionResponseOnly: string[];
  serviceResponseOnly: string[];
}

const ROOTS = ['RegisterTaskDefinitionRequest', 'CreateServiceRequest'];

type Schema = unknown;

const exported = ecs as unknown as Record<string, unknown>;
const deref = (s: Schema): Schema => (typeof s === 'function' ? (s as () => Schema)() : s);

function schemaOf(name: string): unknown[] {
  const s = exported[`${name}$`];
  if (!Array.isArray(s)) throw new Error(`@aws-sdk/client-ecs exports no ${name}$`);
  return s;
}

const SIMPLE: Record<number, string> = {
  0: 'string',
  1: 'number',
  2: 'boolean',
  4: 'timestamp',
  5: 'timestamp',
  6: 'timestamp',
  7: 'timestamp',
  15: 'document',
  17: 'number',
  19: 'number',
  21: 'blob',
};

/** Member types from the SDK's .d.ts interfaces: `networkMode?: NetworkMode | undefined`. */
function declaredTypes(): Map<string, Map<string, string>> {
  const require = createRequire(import.meta.url);
  const dir = `${require.resolve('@aws-sdk/client-ecs').replace(/dist-cjs\/index\.js$/, '')}dist-types/models/`;
  const out = new Map<string, Map<string, string>>();
  for (const file of readdirSync(dir).filter((f) => /^models_\d+\.d\.ts$/.test(f))) {
    const text = readFileSync(dir + file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of text.matchAll(/export interface (\w+) \{([^}]*)\}/g)) {
      const members = new Map<string, string>();
      for (const line of (m[2] ?? '').matchAll(/^\s*(\w+)\??:\s*(.+?)(?: \| undefined)?;$/gm)) {
        members.set(line[1] ?? '', line[2] ?? '');
      }
      out.set(m[1] ?? '', members);
    }
  }
  return out;
}

/** The enum a declared member type names (`NetworkMode`, `Compatibility[]`), if any. */
function enumOf(declared: string | undefined): string | undefined {
  const name = /^(\w+)(\[\])?$/.exec(declared ?? '')?.[1];
  const values = name === undefined ? undefined : exported[name];
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return undefined;
  const all = Object.values(values);
  return all.length > 0 && all.every((v) => typeof v === 'string') ? name : undefined;
}

export function buildEcsModel(): EcsModelData {
  const declared = declaredTypes();
  const structures: Record<string, Record<string, string>> = {};
  const required: Record<string, string[]> = {};
  const enums: Record<string, string[]> = {};
  const queue = [...ROOTS];

  function typeOf(schema: Schema, enumName: string | undefined): string {
    let s = deref(schema);
    if (Array.isArray(s) && typeof s[0] !== 'number') s = deref(s[0]);
    if (typeof s === 'number') {
      if (s >= 128) return `map:${typeOf(s & 0b0011_1111, enumName)}`;
      if (s >= 64) return `list:${typeOf(s & 0b0011_1111, enumName)}`;
      if (s === 0 && enumName !== undefined) {
        enums[enumName] = Object.values(exported[enumName] as Record<string, string>);
        return `enum:${enumName}`;
      }
      const simple = SIMPLE[s];
      if (!simple) throw new Error(`unknown simple schema ${s}`);
      return simple;
    }
    if (!Array.isArray(s)) throw new Error(`unknown schema ${String(s)}`);
    const [kind, , name] = s as [number, string, string];
    if (kind === 1) return `list:${typeOf(s[4], enumName)}`;
    if (kind === 2) return `map:${typeOf(s[5], enumName)}`;
    if (kind === 3 || kind === 4) {
      if (!structures[name] && !queue.includes(name)) queue.push(name);
      return name;
    }
    throw new Error(`unknown schema kind ${kind} (${name})`);
  }

  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (structures[name]) continue;
    const s = schemaOf(name);
    const names = s[4] as string[];
    const schemas = s[5] as Schema[];
    const members: Record<string, string> = {};
    structures[name] = members;
    names.forEach((member, i) => {
      members[member] = typeOf(schemas[i], enumOf(declared.get(name)?.get(member)));
    });
    const count = typeof s[6] === 'number' ? s[6] : 0;
    if (count > 0) required[name] = names.slice(0, count);
  }
  const membersOf = (name: string) => schemaOf(name)[4] as string[];
  const onlyIn = (response: string, request: string) =>
    membersOf(response).filter((m) => !membersOf(request).includes(m));
  const require = createRequire(import.meta.url);
  const pkg = require('@aws-sdk/client-ecs/package.json') as { version: string };
  return {
    sdkVersion: pkg.version,
    structures: sortedKeys(structures),
    required: sortedKeys(required),
    enums: sortedKeys(enums),
    taskDefinitionResponseOnly: onlyIn('TaskDefinition', 'RegisterTaskDefinitionRequest'),
    serviceResponseOnly: onlyIn('Service', 'CreateServiceRequest'),
  };
}

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

const q = (s: string) => `'${s}'`;
const key = (s: string) => (/^[A-Za-z_$][\w$]*$/.test(s) ? s : q(s));

function list(indent: string, items: readonly string[]): string {
  const flat = `[${items.map(q).join(', ')}]`;
  if (indent.length + flat.length + 20 <= 100) return flat;
  return `[\n${items.map((i) => `${indent}  ${q(i)},\n`).join('')}${indent}]`;
}

const named = (record: Record<string, string[]>) =>
  Object.entries(record)
    .map(([k, v]) => `  ${key(k)}: ${list('  ', v)},\n`)
    .join('');

/**
 * The enums alone, in their own module: the page's import gate (aws-shapes.ts) reads only
 * these, so the structures stay out of the first render, in the importers' chunks (B8).
 */
export function renderEcsEnums(m: EcsModelData): string {
  return `// Generated by scripts/gen-aws-model.ts from @aws-sdk/client-ecs ${m.sdkVersion}. Do not edit:
// run \`npm run gen:aws-model\`. The structures are in ./ecs.generated.ts.

/** The values of each enum a member names. */
export const ECS_ENUMS: Readonly<Record<string, readonly string[]>> = {
${named(m.enums)}};
`;
}

export function renderEcsModel(m: EcsModelData): string {
  const structs = Object.entries(m.structures)
    .map(([name, members]) => {
      const lines = Object.entries(members).map(([k, t]) => `    ${key(k)}: ${q(t)},\n`);
      return `  ${name}: {\n${lines.join('')}  },\n`;
    })
    .join('');
  return `// Generated by scripts/gen-aws-model.ts from @aws-sdk/client-ecs ${m.sdkVersion}. Do not edit:
// run \`npm run gen:aws-model\`. See ./model.ts for how member types are written; the
// enums are in ./ecs-enums.generated.ts.

export const ECS_SDK_VERSION = '${m.sdkVersion}';

/** Every structure reachable from RegisterTaskDefinitionRequest and CreateServiceRequest. */
export const ECS_STRUCTURES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
${structs}};

/** Members a structure requires. */
export const ECS_REQUIRED: Readonly<Record<string, readonly string[]>> = {
${named(m.required)}};

/** In the TaskDefinition structure DescribeTaskDefinition prints, not in RegisterTaskDefinitionRequest. */
export const TASK_DEFINITION_RESPONSE_ONLY: readonly string[] = ${list('', m.taskDefinitionResponseOnly)};

/** In the Service structure DescribeServices prints, not in CreateServiceRequest. */
export const SERVICE_RESPONSE_ONLY: readonly string[] = ${list('', m.serviceResponseOnly)};
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const model = buildEcsModel();
  writeFileSync(`${root}src/design/aws-model/ecs.generated.ts`, renderEcsModel(model));
  writeFileSync(`${root}src/design/aws-model/ecs-enums.generated.ts`, renderEcsEnums(model));
  console.log(
    `wrote ${Object.keys(model.structures).length} structures, ${Object.keys(model.enums).length} enums`,
  );
}
