export {
  addExternalInstance,
  EXTERNAL_ATTRIBUTE,
  EXTERNAL_CPU,
  EXTERNAL_MEMORY_MIB,
  ON_PREMISES,
  registerExternalInstance,
} from './external-instance';
export { enableFargate, FARGATE_PROVIDERS } from './fargate';
export {
  fargateNetwork,
  fargateSizeFor,
  launchTypeRefusalOf,
  type PaletteLaunchType,
  serviceFor,
  taskDefinitionFor,
} from './launch-type';
export { addNamespace } from './namespace';
export { addServiceOn } from './service';
export {
  addRunTaskToScript,
  type NewTask,
  type StandaloneTask,
  standaloneTask,
} from './standalone-task';
export { addTargetGroup } from './target-group';
