export { emptyDesign } from './empty';
export { freshInstanceId, uniqueName } from './ids';
export {
  addInstance,
  type InstancePatch,
  instanceKey,
  type Position,
  removeInstance,
  updateInstance,
} from './instances';
export { type ServiceSummary, summarizeService } from './service-summary';
export {
  addService,
  type NewService,
  removeService,
  type ServicePatch,
  serviceKey,
  updateService,
} from './services';
export { zonesOf } from './zones';
