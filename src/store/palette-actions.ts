import { create } from 'zustand';
import {
  type Command,
  clusterNameOf,
  type DesignDocument,
  type DesignIssue,
  parseDesign,
} from '../design';
import { useDesignStore } from './design';
import { createAutoScalingGroup } from './design-actions';
import type { Position } from './edits/instances';
import {
  addExternalInstance,
  addNamespace,
  addRunTaskToScript,
  addServiceOn,
  addTargetGroup,
  enableFargate,
  type NewTask,
  type PaletteLaunchType,
  registerExternalInstance,
  standaloneTask,
} from './edits/palette';
import type { NewService } from './edits/services';
import { clusterProvidersCommand } from './live/scaling-commands';
import { shownDesign } from './live/shown-design';
import { isPristine, useRunStore } from './run';
import { select, showNotice } from './session';
import { applyLive, expectRun } from './sim-control';

/**
 * The palette's drops that design-actions.ts and lb-actions.ts do not already make: each
 * before a run an edit through the design gate; during a run the AWS operation it is
 * (RegisterContainerInstance, PutClusterCapacityProviders, RunTask), journalled now; and
 * what no operation of the run covers (CreateService, CreateTargetGroup, a Cloud Map
 * namespace) restarts the run at 0:00 with the change, saying which operation it was.
 * Each returns a sentence when it adds nothing, and selects what it added.
 */

/** The palette's own form state: the service's launch type and the standalone task. */
export interface PaletteForms {
  serviceLaunchType: PaletteLaunchType;
  task: NewTask;
}

export const DEFAULT_TASK: NewTask = {
  family: 'report',
  image: 'public.ecr.aws/docker/library/busybox:1.36',
  cpu: 256,
  memoryMiB: 256,
  count: 1,
  launchType: 'EC2',
};

export const usePaletteForms = create<PaletteForms>(() => ({
  serviceLaunchType: 'EC2',
  task: DEFAULT_TASK,
}));

export function setServiceLaunchType(serviceLaunchType: PaletteLaunchType): void {
  usePaletteForms.setState({ serviceLaunchType });
}

export function setNewTask(patch: Partial<NewTask>): void {
  usePaletteForms.setState((s) => ({ task: { ...s.task, ...patch } }));
}

// The few lines of design-actions.ts' private helpers this module needs, as they are there.
const current = () => useDesignStore.getState().design;
const live = () => !isPristine();
const commit = (design: DesignDocument) => useDesignStore.setState({ design });

function shown(): DesignDocument {
  const s = useRunStore.getState();
  return shownDesign(current(), s.timeline.journal, s.nowMs);
}

function sentence(issues: readonly DesignIssue[]): string | undefined {
  const issue = issues[0];
  return issue ? `${issue.path}: ${issue.message}` : undefined;
}

function tryCommit(candidate: DesignDocument): string | undefined {
  const parsed = parseDesign(candidate);
  if (!parsed.ok) return sentence(parsed.issues);
  if (JSON.stringify(parsed.design) !== JSON.stringify(current())) commit(parsed.design);
  return undefined;
}

/** As design-actions' restartWith: the person's edits, changed, become the design; the run restarts. */
function restartWith(
  change: (d: DesignDocument) => { design: DesignDocument } | { refusal: string },
  operation: string,
): string | undefined {
  const s = useRunStore.getState();
  const base = live() ? shownDesign(current(), s.timeline.journal, s.nowMs, false) : current();
  const result = change(base);
  if ('refusal' in result) return result.refusal;
  if (!live()) return tryCommit(result.design);
  const parsed = parseDesign(result.design);
  if (!parsed.ok) return sentence(parsed.issues);
  expectRun({
    notice: `${operation} is not an operation Berth plays on a running cluster, so the run restarted at 0:00 with it.`,
  });
  commit(parsed.design);
  return undefined;
}

/** An on-premises instance: registered at 0:00 (the script) before a run, now during one. */
export function dropExternalInstance(position?: Position, cluster?: string): string | undefined {
  if (!live()) {
    const added = addExternalInstance(current(), position, cluster);
    const refusal = tryCommit(added.design);
    if (refusal === undefined) select({ kind: 'instance', id: added.ec2InstanceId });
    return refusal;
  }
  const { input, layout, ec2InstanceId } = registerExternalInstance(shown(), position, cluster);
  commit({ ...current(), layout });
  void applyLive([{ action: 'RegisterContainerInstance', input }]);
  select({ kind: 'instance', id: ec2InstanceId });
  return undefined;
}

/** FARGATE and FARGATE_SPOT for the cluster: the design's list, or PutClusterCapacityProviders now. */
export function dropFargate(cluster?: string): string | undefined {
  const base = live() ? shown() : current();
  const result = enableFargate(base, cluster);
  if (!result.changed) {
    showNotice(`Cluster ${result.cluster} has FARGATE and FARGATE_SPOT already.`);
    return undefined;
  }
  const said = () =>
    showNotice(
      `FARGATE and FARGATE_SPOT are capacity providers of ${result.cluster}: its Fargate tasks run in the Fargate lane.`,
    );
  if (live()) {
    // The engine answers PutClusterCapacityProviders as ECS would. Not the gate: the design
    // as shown may hold an external instance registered in the run, which the gate refuses.
    const strategy =
      base.clusters.find((c) => c.clusterName === result.cluster)
        ?.defaultCapacityProviderStrategy ?? [];
    // After the operation: its own notice (a new branch) would otherwise hide this one.
    void applyLive(
      clusterProvidersCommand(result.cluster, result.capacityProviders, strategy),
    ).then(said);
    return undefined;
  }
  const refusal = tryCommit(result.design);
  if (refusal !== undefined) return refusal;
  said();
  return undefined;
}

/** The palette's service on its launch type; a new service restarts a run (no CreateService in it). */
export function dropServiceOn(
  form: NewService,
  launchType: PaletteLaunchType,
  position?: Position,
  cluster?: string,
): string | undefined {
  let serviceName = '';
  const refusal = restartWith((d) => {
    const result = addServiceOn(d, form, launchType, position, cluster);
    if ('refusal' in result) return result;
    serviceName = result.serviceName;
    return result;
  }, 'CreateService');
  if (refusal === undefined) select({ kind: 'service', name: serviceName });
  return refusal;
}

/** Select the first task the RunTask started once a frame brings it (a few frames at most). */
function selectNewTask(family: string, known: ReadonlySet<string>): void {
  let frames = 0;
  const unsubscribe = useRunStore.subscribe((s) => {
    frames += 1;
    const task = Object.values(s.tasks).find(
      (t) => !known.has(t.taskArn) && t.family === family && t.serviceName === undefined,
    );
    if (task) select({ kind: 'task', arn: task.taskArn });
    if (task || frames > 60) unsubscribe();
  });
}

/**
 * A standalone task. Before a run: RunTask at 0:00 in the script (a new family's task
 * definition joins the design). During one: RunTask now, after RegisterTaskDefinition
 * when the family is new; the first task it starts is selected.
 */
export function dropStandaloneTask(form: NewTask, cluster?: string): string | undefined {
  if (!live()) {
    const task = standaloneTask(current(), form, cluster);
    if ('refusal' in task) return task.refusal;
    const refusal = tryCommit(addRunTaskToScript(task.design, task.runTask));
    if (refusal === undefined)
      showNotice(
        `RunTask of ${form.count} ${form.family} in ${task.runTask.cluster} at 0:00 is in the script: press play to start it.`,
      );
    return refusal;
  }
  // The engine answers RegisterTaskDefinition and RunTask as ECS would (errors as notices).
  const task = standaloneTask(shown(), form, cluster);
  if ('refusal' in task) return task.refusal;
  const commands: Command[] = [
    ...(task.register ? [{ action: 'RegisterTaskDefinition' as const, input: task.register }] : []),
    { action: 'RunTask', input: task.runTask },
  ];
  const known = new Set(Object.keys(useRunStore.getState().tasks));
  void applyLive(commands).then(() => selectNewTask(form.family, known));
  return undefined;
}

/** An Auto Scaling group with its launch template, in the cluster it was dropped in. */
export function dropAutoScalingGroup(cluster?: string): string | undefined {
  return sentence(createAutoScalingGroup(cluster));
}

/** A target group and its listener on a load balancer; the load balancer is selected. */
export function dropTargetGroup(lbName: string | undefined): string | undefined {
  if (lbName === undefined)
    return 'A target group belongs to a load balancer: add an Application or Network Load Balancer first, then drop it there.';
  let added: { name: string; port: number } | undefined;
  const refusal = restartWith((d) => {
    const result = addTargetGroup(d, lbName);
    if ('refusal' in result) return result;
    added = result;
    return result;
  }, 'CreateTargetGroup and CreateListener');
  if (refusal !== undefined) return refusal;
  select({ kind: 'loadBalancer', name: lbName });
  if (added)
    showNotice(
      `Target group ${added.name} added to ${lbName}, behind a listener on port ${added.port}.`,
    );
  return undefined;
}

/**
 * A Cloud Map namespace named for the cluster. Dropped on a service, that service is
 * selected: its inspector offers Service Connect in the new namespace.
 */
export function dropNamespace(cluster?: string, serviceName?: string): string | undefined {
  let name = '';
  const refusal = restartWith((d) => {
    const result = addNamespace(d, clusterNameOf(d, cluster));
    name = result.name;
    return result;
  }, 'CreatePrivateDnsNamespace');
  if (refusal !== undefined) return refusal;
  if (serviceName !== undefined) select({ kind: 'service', name: serviceName });
  showNotice(
    `Cloud Map namespace ${name} added: services can register in it or use Service Connect.`,
  );
  return undefined;
}
