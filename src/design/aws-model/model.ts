import { ECS_REQUIRED, ECS_STRUCTURES } from './ecs.generated';
import { ECS_ENUMS } from './ecs-enums.generated';

/**
 * Reading ecs.generated.ts. A member's type is written as text: `string`, `number`,
 * `boolean`, `timestamp`, `blob`, `document`; a structure's name (`ContainerDefinition`);
 * `enum:NetworkMode` (its values in ECS_ENUMS); `list:T` and `map:T` of any of those.
 */
export type MemberType =
  | { kind: 'string' | 'number' | 'boolean' | 'timestamp' | 'blob' | 'document' }
  | { kind: 'structure'; name: string }
  | { kind: 'enum'; name: string; values: readonly string[] }
  | { kind: 'list' | 'map'; of: MemberType };

const SIMPLE = new Set(['string', 'number', 'boolean', 'timestamp', 'blob', 'document']);

export function memberType(text: string): MemberType {
  if (text.startsWith('list:')) return { kind: 'list', of: memberType(text.slice(5)) };
  if (text.startsWith('map:')) return { kind: 'map', of: memberType(text.slice(4)) };
  if (text.startsWith('enum:')) {
    const name = text.slice(5);
    return { kind: 'enum', name, values: ECS_ENUMS[name] ?? [] };
  }
  if (SIMPLE.has(text)) return { kind: text as 'string' };
  return { kind: 'structure', name: text };
}

/** The members of an ECS structure, by name, with their types as text. */
export function membersOf(structure: string): Readonly<Record<string, string>> | undefined {
  return ECS_STRUCTURES[structure];
}

export function requiredMembersOf(structure: string): readonly string[] {
  return ECS_REQUIRED[structure] ?? [];
}
