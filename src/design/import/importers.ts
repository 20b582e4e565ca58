import { cloudFormationImporter } from './cloudformation';
import { COPILOT_IMPORTERS } from './copilot';
import { ECS_IMPORTERS } from './ecs';
import type { Importer } from './fragment';

/**
 * Every reader of AWS documents, first match wins: a template and a manifest have
 * shapes of their own (Resources, type + name), then ECS's wrappers before the bare
 * inputs they wrap.
 */
export const IMPORTERS: readonly Importer[] = [
  cloudFormationImporter,
  ...COPILOT_IMPORTERS,
  ...ECS_IMPORTERS,
];
