import {
  availabilityZoneOf,
  type ContainerInstance,
  type DesignDocument,
  resolveTaskDefinition,
  type ScriptAction,
  taskDefinitionRevisions,
} from '../../design';
import {
  customAttributesOf,
  setCustomAttributes,
  setInstanceStatus,
} from '../edits/instance-state';
import { applyScalingEntry } from './shown-scaling';

/**
 * The design as it stands at a moment of the run: the document (the cluster at 0:00)
 * with every operation of its script and of the run's journal applied up to then.
 * What the canvas and the inspector show, so a drag back to 4:30 shows 4:30's desired
 * counts and drained instances; the document itself never takes a live edit.
 */
export function shownDesign(
  design: DesignDocument,
  journal: readonly ScriptAction[],
  atMs: number,
  /** False for the person's edits alone: what a restart folds into the new design. */
  withScript = true,
): DesignDocument {
  const due = (e: ScriptAction) => e.at * 1000 <= atMs;
  const entries = [...(withScript ? design.script.filter(due) : []), ...journal.filter(due)];
  if (entries.length === 0) return design;
  entries.sort((a, b) => a.at - b.at);
  let shown = design;
  for (const entry of entries) shown = applyEntry(shown, entry);
  return shown;
}

/** How many entries apply at `atMs`: the overlay changes only when this does. */
export function dueCount(
  design: DesignDocument,
  journal: readonly ScriptAction[],
  atMs: number,
): number {
  let n = 0;
  for (const e of design.script) if (e.at * 1000 <= atMs) n++;
  for (const e of journal) if (e.at * 1000 <= atMs) n++;
  return n;
}

const instanceIdOf = (design: DesignDocument, ref: string): string | undefined => {
  // Commands name instances by EC2 id, container instance id or ARN; the design by EC2 id.
  if (design.containerInstances.some((ci) => ci.ec2InstanceId === ref)) return ref;
  return undefined;
};

function applyEntry(design: DesignDocument, entry: ScriptAction): DesignDocument {
  switch (entry.action) {
    case 'RegisterTaskDefinition':
      // The family's next revision: a service naming the family alone now shows it.
      return { ...design, taskDefinitions: [...design.taskDefinitions, entry.input] };
    case 'UpdateService': {
      const {
        service,
        cluster,
        desiredCount,
        placementConstraints,
        placementStrategy,
        taskDefinition,
        deploymentConfiguration,
        healthCheckGracePeriodSeconds,
        loadBalancers,
        serviceRegistries,
        serviceConnectConfiguration,
        capacityProviderStrategy,
        networkConfiguration,
      } = entry.input;
      return {
        ...design,
        services: design.services.map((s) => {
          if (s.serviceName !== service) return s;
          if (cluster !== undefined && (s.cluster ?? design.clusters[0]?.clusterName) !== cluster)
            return s;
          const next = { ...s };
          if (desiredCount !== undefined) next.desiredCount = desiredCount;
          if (placementConstraints !== undefined) next.placementConstraints = placementConstraints;
          if (placementStrategy !== undefined) next.placementStrategy = placementStrategy;
          if (taskDefinition !== undefined) next.taskDefinition = taskDefinition;
          if (deploymentConfiguration !== undefined)
            next.deploymentConfiguration = {
              ...(next.deploymentConfiguration ?? {}),
              ...deploymentConfiguration,
            };
          if (healthCheckGracePeriodSeconds !== undefined)
            next.healthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds;
          if (loadBalancers !== undefined) next.loadBalancers = loadBalancers;
          if (serviceRegistries !== undefined) next.serviceRegistries = serviceRegistries;
          if (serviceConnectConfiguration !== undefined)
            next.serviceConnectConfiguration = serviceConnectConfiguration;
          if (networkConfiguration !== undefined) next.networkConfiguration = networkConfiguration;
          if (capacityProviderStrategy !== undefined) {
            // A strategy replaces a launch type (the engine takes it with forceNewDeployment).
            delete next.launchType;
            next.capacityProviderStrategy = capacityProviderStrategy;
          }
          return next;
        }),
      };
    }
    case 'UpdateContainerInstancesState': {
      let shown = design;
      for (const ref of entry.input.containerInstances) {
        const id = instanceIdOf(shown, ref);
        if (id) shown = setInstanceStatus(shown, id, entry.input.status);
      }
      return shown;
    }
    case 'PutAttributes':
    case 'DeleteAttributes': {
      let shown = design;
      for (const a of entry.input.attributes) {
        const id = instanceIdOf(shown, a.targetId);
        const ci = shown.containerInstances.find((c) => c.ec2InstanceId === id);
        if (!id || !ci) continue;
        const others = customAttributesOf(ci).filter((c) => c.name !== a.name);
        const kept =
          entry.action === 'PutAttributes'
            ? [
                ...others,
                a.value === undefined ? { name: a.name } : { name: a.name, value: a.value },
              ]
            : others;
        shown = setCustomAttributes(shown, id, kept);
      }
      return shown;
    }
    case 'RegisterContainerInstance': {
      const { ec2InstanceId, instanceType, availabilityZone, attributes, cluster, totalResources } =
        entry.input;
      if (!ec2InstanceId || instanceIdOf(design, ec2InstanceId)) return design;
      const ci: ContainerInstance = { ec2InstanceId };
      if (cluster !== undefined) ci.cluster = cluster;
      if (instanceType !== undefined) ci.instanceType = instanceType;
      if (availabilityZone !== undefined) ci.availabilityZone = availabilityZone;
      if (attributes !== undefined) ci.attributes = attributes;
      if (totalResources !== undefined) ci.registeredResources = totalResources;
      return { ...design, containerInstances: [...design.containerInstances, ci] };
    }
    case 'TerminateInstance':
      return withoutInstance(design, entry.input.ec2InstanceId);
    case 'FailAvailabilityZone':
      // The zone's instances are lost, as TerminateInstance loses one.
      return design.containerInstances
        .filter((ci) => availabilityZoneOf(ci) === entry.input.availabilityZone)
        .reduce((d, ci) => withoutInstance(d, ci.ec2InstanceId), design);
    case 'DeregisterContainerInstance':
      return withoutInstance(design, entry.input.containerInstance);
    case 'FailRevision': {
      // The revision's workload fails from now on, as the design's workloads say it.
      const revision = resolveTaskDefinition(
        taskDefinitionRevisions(design),
        entry.input.taskDefinition.replace(/^arn:.*:task-definition\//, ''),
      );
      if (!revision) return design;
      const { failure } = entry.input;
      const kept = design.workloads.find(
        (w) => w.family === revision.family && w.revision === revision.revision,
      );
      const workload = { ...(kept ?? { family: revision.family, revision: revision.revision }) };
      if (failure) workload.failure = failure;
      else delete workload.failure;
      return {
        ...design,
        workloads: [...design.workloads.filter((w) => w !== kept), workload],
      };
    }
    default:
      return applyScalingEntry(design, entry) ?? design;
  }
}

/** A terminated or deregistered instance leaves the picture, as it leaves the cluster. */
function withoutInstance(design: DesignDocument, ref: string): DesignDocument {
  const id = instanceIdOf(design, ref);
  if (!id) return design;
  return {
    ...design,
    containerInstances: design.containerInstances.filter((ci) => ci.ec2InstanceId !== id),
  };
}
