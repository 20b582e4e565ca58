import { describe, expect, it } from 'vitest';
import { type Command, type DesignDocument, parseDesign, type ScriptAction } from '../../design';
import { simulate } from '../../engine/testing/harness';
import { sampleDocument } from '../design-storage';
import {
  addAutoScalingGroup,
  addCapacityProvider,
  deleteScalingPolicy,
  deleteScheduledAction,
  enableServiceScaling,
  newScheduledAction,
  putScalingPolicy,
  putScheduledAction,
  registerScalableTarget,
  resourceIdOf,
  setClusterCapacityProviders,
  setServiceCapacity,
  targetTrackingPolicy,
  updateAutoScalingGroup,
  updateCapacityProvider,
} from '../edits';
import {
  clusterProvidersCommand,
  createProviderCommands,
  deletePolicyCommand,
  deleteScheduledCommand,
  groupUpdateCommand,
  providerUpdateCommand,
  registeredTargetCommand,
  scalableTargetCommand,
  scalingPolicyCommand,
  scheduledActionCommand,
  serviceCapacityCommand,
} from './scaling-commands';
import { shownDesign } from './shown-design';

// A capacity or scaling edit on a running cluster is the AWS operations it stands for:
// the engine takes them, and the design as shown afterwards is the edit's design, so the
// form shows what the cluster runs with and a restart folds them in.

function gate(design: DesignDocument): DesignDocument {
  const parsed = parseDesign(design);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.design;
}

function withCapacity() {
  const a = addAutoScalingGroup(sampleDocument());
  const b = addCapacityProvider(a.design, a.name);
  const design = gate(enableServiceScaling(b.design, 'web'));
  return { design, group: a.name, provider: b.name, resourceId: resourceIdOf(design, 'web') };
}

const at = (seconds: number, commands: Command[]) =>
  commands.map((c) => ({ at: seconds, ...c }) as ScriptAction);

/** The engine answers each command without an error, and the journal shows the edit's design. */
function playsAs(design: DesignDocument, commands: Command[], edited: DesignDocument) {
  const run = simulate(design).until(60_000);
  for (const c of commands) run.apply(c);
  expect(run.results.map((r) => r.error?.message)).toEqual(commands.map(() => undefined));
  const shown = shownDesign(design, at(60, commands), 60_000, false);
  expect(shown).toEqual(edited);
}

describe('capacity edits on a running cluster', () => {
  it('bounds and desired capacity are UpdateAutoScalingGroup', () => {
    const { design, group } = withCapacity();
    const patch = { MinSize: 1, MaxSize: 6, DesiredCapacity: 3 };
    const commands = groupUpdateCommand(group, patch);
    expect(commands).toEqual([
      {
        action: 'UpdateAutoScalingGroup',
        input: { AutoScalingGroupName: group, MinSize: 1, MaxSize: 6, DesiredCapacity: 3 },
      },
    ]);
    playsAs(design, commands ?? [], updateAutoScalingGroup(design, group, patch));
  });

  it('a group’s zones or instance type is no operation the engine plays: null, a restart', () => {
    const { group } = withCapacity();
    expect(groupUpdateCommand(group, { instanceType: 'c5.large' })).toBeNull();
    expect(groupUpdateCommand(group, { AvailabilityZones: ['us-east-1a'] })).toBeNull();
    expect(groupUpdateCommand(group, {})).toEqual([]);
  });

  it('managed scaling is UpdateCapacityProvider', () => {
    const { design, provider } = withCapacity();
    const patch = { managedScaling: { targetCapacity: 80, maximumScalingStepSize: 4 } };
    const commands = providerUpdateCommand(provider, patch);
    expect(commands[0]?.action).toBe('UpdateCapacityProvider');
    playsAs(design, commands, updateCapacityProvider(design, provider, patch));
  });

  it('the cluster’s providers and default strategy are PutClusterCapacityProviders with both lists', () => {
    const { design, provider } = withCapacity();
    const cluster = design.clusters[0]!.clusterName;
    const names = [provider, 'FARGATE'];
    const strategy = [{ capacityProvider: provider, weight: 1, base: 1 }];
    const commands = clusterProvidersCommand(cluster, names, strategy);
    expect(commands[0]?.input).toEqual({
      cluster,
      capacityProviders: names,
      defaultCapacityProviderStrategy: strategy,
    });
    playsAs(design, commands, setClusterCapacityProviders(design, cluster, names, strategy));
  });

  it('a new provider is CreateCapacityProvider, then its cluster’s list', () => {
    const a = addAutoScalingGroup(sampleDocument());
    const design = gate(a.design);
    const b = addCapacityProvider(design, a.name);
    const commands = createProviderCommands(b.design, b.name);
    expect(commands?.map((c) => c.action)).toEqual([
      'CreateCapacityProvider',
      'PutClusterCapacityProviders',
    ]);
    playsAs(design, commands ?? [], b.design);
  });

  it('a service’s new strategy is UpdateService with forceNewDeployment; a launch type restarts', () => {
    const { design, provider } = withCapacity();
    const cluster = design.clusters[0]!.clusterName;
    const withProvider = setClusterCapacityProviders(design, cluster, [provider], []);
    const web = withProvider.services.find((s) => s.serviceName === 'web')!;
    const capacity = { capacityProviderStrategy: [{ capacityProvider: provider, weight: 1 }] };
    const commands = serviceCapacityCommand(web, capacity);
    expect(commands?.[0]?.input).toMatchObject({ forceNewDeployment: true });
    playsAs(withProvider, commands ?? [], setServiceCapacity(withProvider, 'web', capacity));
    expect(serviceCapacityCommand(web, { launchType: 'FARGATE' })).toBeNull();
  });
});

describe('service auto scaling edits on a running cluster', () => {
  it('turning it on is RegisterScalableTarget with both bounds', () => {
    const design = gate(sampleDocument());
    const edited = enableServiceScaling(design, 'web');
    const commands = registeredTargetCommand(edited, resourceIdOf(design, 'web'));
    expect(commands[0]?.input).toMatchObject({ MinCapacity: 1, MaxCapacity: 10 });
    playsAs(design, commands, edited);
  });

  it('a new maximum is RegisterScalableTarget with that bound alone', () => {
    const { design, resourceId } = withCapacity();
    const input = {
      ServiceNamespace: 'ecs' as const,
      ScalableDimension: 'ecs:service:DesiredCount' as const,
      ResourceId: resourceId,
      MaxCapacity: 20,
    };
    playsAs(design, scalableTargetCommand(input), registerScalableTarget(design, input));
  });

  it('policies and scheduled actions are put and deleted by their own operations', () => {
    const { design } = withCapacity();
    const policy = targetTrackingPolicy(design, 'web', 'ECSServiceAverageCPUUtilization');
    const withPolicy = putScalingPolicy(design, policy);
    playsAs(design, scalingPolicyCommand(policy), withPolicy);
    const scheduled = newScheduledAction(withPolicy, 'web');
    const both = putScheduledAction(withPolicy, scheduled);
    const commands = [
      ...scalingPolicyCommand(policy),
      ...scheduledActionCommand(scheduled),
      ...deletePolicyCommand(policy),
      ...deleteScheduledCommand(scheduled),
    ];
    const none = deleteScheduledAction(
      deleteScalingPolicy(both, policy.ResourceId, policy.PolicyName),
      scheduled.ResourceId,
      scheduled.ScheduledActionName,
    );
    playsAs(design, commands, none);
  });
});
