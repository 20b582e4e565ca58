import type { TaskRequirements } from '../types';
import type { Filter } from './filter';

type Requirement = TaskRequirements['requiredAttributes'][number];

function failing(
  requirements: readonly Requirement[],
  attributes: Readonly<Record<string, string>>,
): number {
  for (let i = 0; i < requirements.length; i++) {
    const { name, value } = requirements[i]!;
    const actual = attributes[name];
    if (actual === undefined || (value !== undefined && actual !== value)) return i;
  }
  return -1;
}

/** Attributes the task definition needs (runtimePlatform, log drivers, capabilities). */
export function attributesFilter(requirements: readonly Requirement[]): Filter {
  const labels = requirements.map(({ name, value }) =>
    value === undefined ? `missing attribute ${name}` : `missing attribute ${name}=${value}`,
  );
  return {
    name: 'attributes',
    reason: 'ATTRIBUTE',
    check: (instance) => {
      const i = failing(requirements, instance.attributes);
      return i < 0 ? undefined : labels[i];
    },
    explain: (instance) => {
      const requirement = requirements[failing(requirements, instance.attributes)];
      if (!requirement) return 'attributes present';
      const actual = instance.attributes[requirement.name];
      return actual === undefined
        ? `missing attribute ${requirement.name}`
        : `${requirement.name} is ${actual}, needs ${requirement.value}`;
    },
  };
}
