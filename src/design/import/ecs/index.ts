import type { Importer } from '../fragment';
import { describeContainerInstancesImporter } from './container-instances';
import { createServiceImporter, describeServicesImporter } from './service';
import { describeTaskDefinitionImporter, registerTaskDefinitionImporter } from './task-definition';

export { clusterOfContainerInstanceArn, containerInstanceOf } from './container-instances';
export { normalizeTaskDefinition, withoutNulls } from './normalize';
export { clusterNameOfArn, serviceInputOf, taskDefinitionRefOfArn } from './service';
export { taskSizeUnits } from './units';
export {
  createServiceImporter,
  describeContainerInstancesImporter,
  describeServicesImporter,
  describeTaskDefinitionImporter,
  registerTaskDefinitionImporter,
};

/** The ECS readers, most specific shape first (a wrapper before the bare object it wraps). */
export const ECS_IMPORTERS: readonly Importer[] = [
  describeTaskDefinitionImporter,
  describeServicesImporter,
  describeContainerInstancesImporter,
  registerTaskDefinitionImporter,
  createServiceImporter,
];
