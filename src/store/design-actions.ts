import {
  type Command,
  type CreateServiceInput,
  type DeploymentConfiguration,
  type DesignDocument,
  type DesignIssue,
  type ParseResult,
  parseDesign,
  parseRunFile,
  type RegisterTaskDefinitionInput,
  type RunRecord,
} from '../design';
import type { ImportSource } from '../design/import';
import { useDesignStore } from './design';
import { sampleDocument } from './design-storage';
import {
  addAutoScalingGroup,
  addCapacityProvider,
  type GroupPatch,
  type ProviderPatch,
  type Refusable,
  removeAutoScalingGroup,
  removeCapacityProvider,
  summarizeService,
  updateAutoScalingGroup,
  updateCapacityProvider,
} from './edits';
import { emptyDesign } from './edits/empty';
import {
  type CustomAttribute,
  type InstanceStatus,
  setCustomAttributes,
  setInstanceStatus,
} from './edits/instance-state';
import {
  addInstance,
  type InstancePatch,
  type Position,
  removeInstance,
  updateInstance,
} from './edits/instances';
import {
  addService,
  type NewService,
  removeService,
  type ServicePatch,
  updateService,
} from './edits/services';
import { closeExplain, closeExplainOf } from './explain';
import {
  type ImportAnswer,
  type ImportProgress,
  openingShown,
  readSources,
} from './import-actions';
import {
  attributeCommands,
  codeDeployCommands,
  deployCommands,
  deploymentConfigCommand,
  failTargetCommand,
  failZoneCommand,
  forceDeploymentCommand,
  LIVE_SERVICE_FIELDS,
  registerCommand,
  revisionCommand,
  statusCommand,
  stopTaskCommand,
  terminateCommand,
  updateServiceCommand,
} from './live/commands';
import {
  createProviderCommands,
  groupUpdateCommand,
  providerUpdateCommand,
} from './live/scaling-commands';
import { shownDesign } from './live/shown-design';
import { isPristine, useRunStore } from './run';
import { requestFit, type Selection, select } from './session';
import { sharedText } from './share-link';
import { applyLive, expectRun, pause } from './sim-control';

const current = () => useDesignStore.getState().design;
const temporal = () => useDesignStore.temporal.getState();

function commit(design: DesignDocument): void {
  useDesignStore.setState({ design });
}

/** Every edit passes the same gate as an import; nothing invalid reaches the store. */
function tryCommit(candidate: DesignDocument): DesignIssue[] {
  const parsed = parseDesign(candidate);
  if (!parsed.ok) return parsed.issues;
  // A blur without a change must not make an undo step.
  if (JSON.stringify(parsed.design) !== JSON.stringify(current())) commit(parsed.design);
  return [];
}

/** Whether the run has begun: edits then act on the running cluster, not on the design. */
const live = () => !isPristine();

/** The design as the run stands at the moment shown (script and journal applied). */
export function shownNow(): DesignDocument {
  return shown();
}

/** Before a run: the design changed, through the gate (no undo step when nothing changed). */
export function tryCommitDesign(change: (d: DesignDocument) => DesignDocument): DesignIssue[] {
  return tryCommit(change(current()));
}

function shown(): DesignDocument {
  const s = useRunStore.getState();
  return shownDesign(current(), s.timeline.journal, s.nowMs);
}

/**
 * A change no ECS operation makes to a running cluster (an instance's type, a new
 * service, a task definition): the design as the person's edits left it, changed,
 * becomes the design, and the run restarts at 0:00 with a notice that offers Undo.
 */
export function restartWith(
  change: (d: DesignDocument) => DesignDocument,
  what: string,
): DesignIssue[] {
  if (!live()) return tryCommit(change(current()));
  const s = useRunStore.getState();
  const base = shownDesign(current(), s.timeline.journal, s.nowMs, false);
  const parsed = parseDesign(change(base));
  if (!parsed.ok) return parsed.issues;
  expectRun({
    notice: `${what} is not an operation on a running cluster, so the run restarted at 0:00 with it.`,
  });
  commit(parsed.design);
  return [];
}

/** A whole new document: a new run, paused at 0:00, as a fresh page would start it. */
function replace(design: DesignDocument, notice?: string): void {
  pause();
  closeExplain();
  expectRun(notice === undefined ? { fresh: true } : { notice, fresh: true });
  commit(design);
  select(null);
  requestFit();
}

export function newDesign(): void {
  replace(emptyDesign(current().region));
}

export function loadSample(): void {
  replace(sampleDocument());
}

/**
 * Paste or file: through the gate; on error the current design stays as it is. A Berth
 * file with its run opens at the moment it was exported; anything else starts a new run.
 */
export function importDesign(text: string): ParseResult {
  const parsed = parseRunFile(text);
  if (!parsed.ok) return parsed;
  openParsed(parsed.design, parsed.run);
  return parsed;
}

function openParsed(design: DesignDocument, run?: RunRecord): void {
  if (run) {
    pause();
    closeExplain();
    expectRun({
      record: run,
      notice: `Imported “${design.name}” with its run, at the moment it was exported.`,
    });
    commit(design);
    select(null);
    requestFit();
  } else replace(design, `Imported “${design.name}”: a new run starts at 0:00.`);
}

/**
 * Whatever a person arrives with (task definitions, services, templates, manifests, Berth
 * designs; one or several), read by the one import pipeline. A lone Berth design opens
 * as itself; AWS documents are added to the design (`add`) or start a new one. Refused:
 * nothing changes. During a run an addition is no operation, so the run restarts with it.
 */
export async function importSources(
  sources: readonly ImportSource[],
  mode: 'add' | 'new' = 'add',
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportAnswer> {
  // Read and checked in the import worker (import-actions.ts); applied here, one undo step.
  const baseOf = () => {
    if (mode === 'new') return undefined;
    const s = useRunStore.getState();
    return live() ? shownDesign(current(), s.timeline.journal, s.nowMs, false) : current();
  };
  const outcome = await readSources(sources, baseOf, onProgress);
  if (!outcome.ok) return outcome;
  await openingShown(outcome.design, onProgress);
  const what = outcome.read.map((r) => r.label).join(', ');
  if (outcome.replaces || mode === 'new') {
    if (outcome.read.length === 1 && outcome.read[0]?.kind === 'berth-design')
      openParsed(outcome.design, outcome.run);
    else replace(outcome.design, `Imported ${what} into a new design: a run starts at 0:00.`);
    return outcome;
  }
  pause();
  expectRun({
    notice: live()
      ? `Added ${what}: adding resources is no operation on a running cluster, so the run restarted at 0:00 with them.`
      : `Added ${what} to the design.`,
  });
  commit(outcome.design);
  requestFit();
  return outcome;
}

/**
 * `cluster`: the frame it was dropped in; the first cluster when absent. On a running
 * cluster the instance registers now (RegisterContainerInstance) and only its place on
 * the canvas goes into the design.
 */
export function dropInstance(
  instanceType: string,
  az: string,
  position?: Position,
  cluster?: string,
): string {
  const result = addInstance(live() ? shown() : current(), instanceType, az, position, cluster);
  if (live()) {
    const ci = result.design.containerInstances.find(
      (c) => c.ec2InstanceId === result.ec2InstanceId,
    );
    commit({ ...current(), layout: result.design.layout });
    if (ci) void applyLive([registerCommand(ci)]);
  } else commit(result.design);
  select({ kind: 'instance', id: result.ec2InstanceId });
  return result.ec2InstanceId;
}

export function dropService(
  form: NewService,
  position?: Position,
  cluster?: string,
): DesignIssue[] {
  let serviceName = '';
  const issues = restartWith((d) => {
    const result = addService(d, form, position, cluster);
    serviceName = result.serviceName;
    return result.design;
  }, 'Adding a service');
  if (issues.length === 0) select({ kind: 'service', name: serviceName });
  return issues;
}

export function editInstance(id: string, patch: InstancePatch): DesignIssue[] {
  return restartWith((d) => updateInstance(d, id, patch), "Changing an instance's type or zone");
}

const instanceShown = (id: string) =>
  shown().containerInstances.find((c) => c.ec2InstanceId === id);

/** Before the run: the design's status. During it: UpdateContainerInstancesState, now. */
export function setStatus(id: string, status: InstanceStatus): DesignIssue[] {
  if (!live()) return tryCommit(setInstanceStatus(current(), id, status));
  const ci = instanceShown(id);
  if (ci) void applyLive(statusCommand(ci, status));
  return [];
}

/** Before the run: the design's attributes. During it: PutAttributes / DeleteAttributes, now. */
export function setAttributes(id: string, attributes: readonly CustomAttribute[]): DesignIssue[] {
  if (!live()) return tryCommit(setCustomAttributes(current(), id, attributes));
  const before = shown();
  const parsed = parseDesign(setCustomAttributes(before, id, attributes));
  if (!parsed.ok) return parsed.issues;
  const ci = before.containerInstances.find((c) => c.ec2InstanceId === id);
  if (ci) void applyLive(attributeCommands(ci, attributes));
  return [];
}

/**
 * Before the run: the design. During it: desired count and placement are UpdateService,
 * now; anything else (image, size) restarts the run with the change.
 */
export function editService(name: string, patch: ServicePatch): DesignIssue[] {
  if (!live()) return tryCommit(updateService(current(), name, patch));
  const before = shown();
  const service = before.services.find((s) => s.serviceName === name);
  if (!service) return [];
  const fields = Object.keys(patch).filter((k) => patch[k as keyof ServicePatch] !== undefined);
  if (fields.some((f) => !LIVE_SERVICE_FIELDS.has(f))) {
    // The container changed: register the next revision and deploy it, as in ECS.
    const next = nextRevision(before, service, patch);
    if ('issues' in next) return next.issues;
    // A CODE_DEPLOY service deploys through CodeDeploy; the others by UpdateService.
    const deploy =
      service.deploymentController?.type === 'CODE_DEPLOY'
        ? codeDeployCommands(before, service, next.input)
        : deployCommands(service, next.input);
    void applyLive([...deploy, ...updateServiceCommand(service, patch)]);
    return [];
  }
  const parsed = parseDesign(updateService(before, name, patch));
  if (!parsed.ok) return parsed.issues;
  void applyLive(updateServiceCommand(service, patch));
  return [];
}

/** The task definition the patch makes of the service's current one, checked by the gate. */
function nextRevision(
  before: DesignDocument,
  service: CreateServiceInput,
  patch: ServicePatch,
): { input: RegisterTaskDefinitionInput } | { issues: DesignIssue[] } {
  const { taskDefinitionIndex } = summarizeService(before, service);
  const input = before.taskDefinitions[taskDefinitionIndex];
  if (!input) return { issues: [{ path: 'taskDefinition', message: 'is not in the design' }] };
  const changed = updateService(before, service.serviceName, patch);
  const parsed = parseDesign(changed);
  if (!parsed.ok) return { issues: parsed.issues };
  const next = changed.taskDefinitions[taskDefinitionIndex];
  if (!next || JSON.stringify(next) === JSON.stringify(input)) return { issues: [] };
  return { input: next };
}

/** During a run: deploy another registered revision, `family:revision`. */
export function deployRevision(name: string, taskDefinition: string): void {
  const service = shown().services.find((s) => s.serviceName === name);
  if (service) void applyLive(revisionCommand(service, taskDefinition));
}

/** During a run: UpdateService with forceNewDeployment. */
export function forceNewDeployment(name: string): void {
  const service = shown().services.find((s) => s.serviceName === name);
  if (service) void applyLive(forceDeploymentCommand(service));
}

/**
 * The bounds and the circuit breaker: the design before the run, UpdateService during it.
 */
export function setDeploymentConfiguration(
  name: string,
  config: DeploymentConfiguration,
): DesignIssue[] {
  const merge = (d: DesignDocument) => ({
    ...d,
    services: d.services.map((s) =>
      s.serviceName === name
        ? { ...s, deploymentConfiguration: { ...(s.deploymentConfiguration ?? {}), ...config } }
        : s,
    ),
  });
  if (!live()) return tryCommit(merge(current()));
  const before = shown();
  const parsed = parseDesign(merge(before));
  if (!parsed.ok) return parsed.issues;
  const service = before.services.find((s) => s.serviceName === name);
  if (service) void applyLive(deploymentConfigCommand(service, config));
  return [];
}

/** Instances taken off a running cluster terminate; a service removed restarts the run without it. */
export function removeResources(selections: readonly Selection[]): void {
  const services = selections.flatMap((s) => (s?.kind === 'service' ? [s.name] : []));
  const instances = selections.flatMap((s) => (s?.kind === 'instance' ? [s.id] : []));
  if (!live()) {
    let design = current();
    for (const id of instances) design = removeInstance(design, id);
    for (const name of services) design = removeService(design, name);
    if (design !== current()) commit(design);
  } else {
    const before = shown();
    const commands = instances.flatMap((id) => {
      const ci = before.containerInstances.find((c) => c.ec2InstanceId === id);
      return ci ? [terminateCommand(ci)] : [];
    });
    if (commands.length > 0) void applyLive(commands);
    if (services.length > 0)
      restartWith((d) => services.reduce(removeService, d), 'Deleting a service');
  }
  closeExplainOf(services);
  select(null);
}

/** One drag, one commit: positions (and zones, when an instance changed lane) together. */
export function moveNodes(
  positions: Readonly<Record<string, Position>>,
  zones: Readonly<Record<string, string>> = {},
): void {
  const layout = { ...current().layout, ...positions };
  if (Object.keys(zones).length === 0) {
    commit({ ...current(), layout });
    return;
  }
  restartWith((d) => {
    let design: DesignDocument = { ...d, layout };
    for (const [id, az] of Object.entries(zones))
      design = updateInstance(design, id, { availabilityZone: az });
    return design;
  }, 'Moving an instance to another zone');
}

/**
 * Open what a share link carries, through the same gate as an import: the design, and
 * the run at the moment it was shared when the link has one. It replaces the current
 * design as one undoable step, so Undo brings that back; a link the gate refuses leaves
 * everything as it is and says why.
 */
export function openSharedLink(hash: string): void {
  const shared = sharedText(hash);
  if (shared.kind === 'none') return;
  if (shared.kind === 'unreadable') {
    useDesignStore.setState({
      loadIssue: {
        message: 'This share link could not be read (is it complete?). Your design is unchanged.',
        issues: [],
      },
    });
    return;
  }
  const parsed = parseRunFile(shared.text);
  if (!parsed.ok) {
    useDesignStore.setState({
      loadIssue: {
        message: 'The design in this share link cannot be opened. Your design is unchanged.',
        issues: parsed.issues,
        text: shared.text,
      },
    });
    return;
  }
  pause();
  closeExplain();
  const notice = `Opened the shared design “${parsed.design.name}”${parsed.run ? ' at the moment it was shared' : ''}. Undo brings back yours.`;
  expectRun(parsed.run ? { record: parsed.run, notice } : { notice });
  commit(parsed.design);
  select(null);
  requestFit();
}

export function undo(): void {
  temporal().undo();
}

export function redo(): void {
  temporal().redo();
}

export function dismissLoadIssue(): void {
  useDesignStore.setState({ loadIssue: null });
}

/** Faults, on a running cluster only: journalled like any other command. */
export function failZone(availabilityZone: string, cluster?: string): void {
  if (live()) void applyLive(failZoneCommand(availabilityZone, cluster));
}

export function failOneTarget(targetGroupArn: string): void {
  if (live()) void applyLive(failTargetCommand(targetGroupArn));
}

/** Stop the service's first RUNNING task (as the run shows it now). */
export function stopOneTask(serviceName: string): void {
  if (!live()) return;
  const tasks = Object.values(useRunStore.getState().tasks);
  const task = tasks.find(
    (t) =>
      t.serviceName === serviceName && t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING',
  );
  if (task) void applyLive(stopTaskCommand(task.taskArn, task.clusterName));
}

/**
 * Capacity and service auto scaling (Auto Scaling groups, capacity providers, strategies,
 * scalable targets, policies, alarms, scheduled actions): each edit is the AWS input it
 * stands for, put into the design through the gate. During a run, `commands` says which
 * operations the edit is (UpdateAutoScalingGroup, PutScalingPolicy...), built from the
 * design as shown then and the edit's result; they join the journal at that moment.
 * Without them, or when they answer null (no operation makes the change: a group's
 * zones, an alarm), the run restarts at 0:00 with the change, saying which it was.
 */
export function editScaling(
  change: (d: DesignDocument) => DesignDocument,
  operation: string,
  commands?: (after: DesignDocument, before: DesignDocument) => Command[] | null,
): DesignIssue[] {
  if (!live()) return tryCommit(change(current()));
  if (commands) {
    const before = shown();
    const after = change(before);
    const parsed = parseDesign(after);
    if (!parsed.ok) return parsed.issues;
    const operations = commands(after, before);
    if (operations !== null) {
      if (operations.length > 0) void applyLive(operations);
      return [];
    }
  }
  const s = useRunStore.getState();
  const base = shownDesign(current(), s.timeline.journal, s.nowMs, false);
  const parsed = parseDesign(change(base));
  if (!parsed.ok) return parsed.issues;
  if (JSON.stringify(parsed.design) === JSON.stringify(current())) return [];
  expectRun({
    notice: `${operation} is not an operation Berth plays on a running cluster, so the run restarted at 0:00 with it.`,
  });
  commit(parsed.design);
  return [];
}

/** A delete that refuses while something names the resource: the refusal, or the gate's. */
export function editRefusable(
  change: (d: DesignDocument) => Refusable,
  operation: string,
): string | undefined {
  let refusal: string | undefined;
  const issues = editScaling((d) => {
    const result = change(d);
    if ('refusal' in result) {
      refusal = result.refusal;
      return d;
    }
    return result.design;
  }, operation);
  if (refusal !== undefined) return refusal;
  const issue = issues[0];
  return issue ? `${issue.path}: ${issue.message}` : undefined;
}

/** "Add Auto Scaling group": a launch template and a group for the cluster, selected. */
export function createAutoScalingGroup(cluster?: string): DesignIssue[] {
  let name = '';
  const issues = editScaling((d) => {
    const result = addAutoScalingGroup(d, cluster);
    name = result.name;
    return result.design;
  }, 'CreateAutoScalingGroup');
  if (issues.length === 0) select({ kind: 'autoScalingGroup', name });
  return issues;
}

export function editAutoScalingGroup(name: string, patch: GroupPatch): DesignIssue[] {
  return editScaling(
    (d) => updateAutoScalingGroup(d, name, patch),
    'Changing an Auto Scaling group',
    () => groupUpdateCommand(name, patch),
  );
}

export function deleteAutoScalingGroup(name: string): string | undefined {
  const refusal = editRefusable((d) => removeAutoScalingGroup(d, name), 'DeleteAutoScalingGroup');
  if (refusal === undefined) select(null);
  return refusal;
}

/** "Add capacity provider" for a group: created, associated with the cluster, selected. */
export function createCapacityProvider(groupName: string, cluster?: string): DesignIssue[] {
  let name = '';
  const issues = editScaling(
    (d) => {
      const result = addCapacityProvider(d, groupName, cluster);
      name = result.name;
      return result.design;
    },
    'CreateCapacityProvider and PutClusterCapacityProviders',
    (after) => createProviderCommands(after, name),
  );
  if (issues.length === 0) select({ kind: 'capacityProvider', name });
  return issues;
}

export function editCapacityProvider(name: string, patch: ProviderPatch): DesignIssue[] {
  return editScaling(
    (d) => updateCapacityProvider(d, name, patch),
    'UpdateCapacityProvider',
    () => providerUpdateCommand(name, patch),
  );
}

export function deleteCapacityProvider(name: string): string | undefined {
  const refusal = editRefusable((d) => removeCapacityProvider(d, name), 'DeleteCapacityProvider');
  if (refusal === undefined) select(null);
  return refusal;
}
