import { type MemberType, membersOf, memberType } from './model';

/** Something in a value that the ECS model does not take, with its JSON path. */
export interface ModelMismatch {
  path: string;
  kind: 'unknown-field' | 'enum-value';
  /** The structure the field is not part of, or the enum the value is not in. */
  owner: string;
  values?: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const fieldPath = (path: string, key: string) =>
  path === ''
    ? key
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? `${path}.${key}`
      : `${path}[${JSON.stringify(key)}]`;

/**
 * Fields the structure does not have, and enum values the model does not list, at any
 * depth. Values of the wrong JSON type are the gate's to refuse; the walk passes them by.
 */
export function modelMismatches(value: unknown, structure: string, path = ''): ModelMismatch[] {
  const out: ModelMismatch[] = [];
  walk(value, { kind: 'structure', name: structure }, path, out);
  return out;
}

function walk(value: unknown, type: MemberType, path: string, out: ModelMismatch[]): void {
  switch (type.kind) {
    case 'structure': {
      const members = membersOf(type.name);
      if (!members || !isRecord(value)) return;
      for (const [key, item] of Object.entries(value)) {
        const member = members[key];
        const at = fieldPath(path, key);
        if (member === undefined) out.push({ path: at, kind: 'unknown-field', owner: type.name });
        else walk(item, memberType(member), at, out);
      }
      return;
    }
    case 'list':
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          walk(item, type.of, `${path}[${i}]`, out);
        });
      }
      return;
    case 'map':
      if (isRecord(value)) {
        for (const [key, item] of Object.entries(value))
          walk(item, type.of, fieldPath(path, key), out);
      }
      return;
    case 'enum':
      if (typeof value === 'string' && !type.values.includes(value)) {
        out.push({ path, kind: 'enum-value', owner: type.name, values: type.values });
      }
      return;
    default:
      return;
  }
}

/** A copy holding only what the structure has, at any depth: what the ECS API takes. */
export function pruneToModel<T>(value: T, structure: string): T {
  return prune(value, { kind: 'structure', name: structure }) as T;
}

function prune(value: unknown, type: MemberType): unknown {
  if (type.kind === 'structure') {
    const members = membersOf(type.name);
    if (!members || !isRecord(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const member = members[key];
      if (member !== undefined) out[key] = prune(item, memberType(member));
    }
    return out;
  }
  if (type.kind === 'list' && Array.isArray(value))
    return value.map((item) => prune(item, type.of));
  if (type.kind === 'map' && isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, prune(v, type.of)]));
  }
  return value;
}
