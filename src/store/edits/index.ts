export {
  addStepScaling,
  alarmsOfPolicy,
  albResourceLabel,
  DEFAULT_TARGET_VALUE,
  deleteScalingPolicy,
  deleteScheduledAction,
  deregisterScalableTarget,
  enableServiceScaling,
  newScheduledAction,
  type PredefinedMetricType,
  policyArn,
  putMetricAlarm,
  putScalingPolicy,
  putScheduledAction,
  registerScalableTarget,
  resourceIdOf,
  type ServiceScaling,
  scalingOf,
  targetTrackingPolicy,
} from './autoscaling';
export {
  addAutoScalingGroup,
  addCapacityProvider,
  type GroupPatch,
  groupCluster,
  groupInstanceType,
  groupNamed,
  groupNameOfRef,
  type ProviderPatch,
  providerNamed,
  providersOfGroup,
  providerUsers,
  type Refusable,
  removeAutoScalingGroup,
  removeCapacityProvider,
  type ServiceCapacity,
  setClusterCapacityProviders,
  setServiceCapacity,
  templateOfGroup,
  updateAutoScalingGroup,
  updateCapacityProvider,
} from './capacity';
export { emptyDesign } from './empty';
export { freshInstanceId, uniqueName } from './ids';
export {
  type CustomAttribute,
  customAttributesOf,
  type InstanceStatus,
  isBuiltInAttribute,
  setCustomAttributes,
  setInstanceStatus,
  statusOf,
} from './instance-state';
export {
  addInstance,
  type InstancePatch,
  instanceKey,
  type Position,
  removeInstance,
  updateInstance,
} from './instances';
export { type WireRefusal, type WireResult, wireService } from './lb-wiring';
export {
  addLoadBalancer,
  entryUses,
  type LoadBalancerKind,
  listenersOf,
  loadBalancerKey,
  loadBalancerNamed,
  removeLoadBalancer,
  setListenerPort,
  setTargetGroupAttribute,
  targetGroupsOf,
  unwireService,
} from './load-balancers';
export { type ServiceSummary, summarizeService } from './service-summary';
export {
  addService,
  type NewService,
  portMappingFor,
  removeService,
  type SchedulingStrategy,
  type ServiceNetworkMode,
  type ServicePatch,
  serviceKey,
  updateService,
} from './services';
export { zonesOf, zonesOfCluster } from './zones';
