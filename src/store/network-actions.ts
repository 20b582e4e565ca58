import {
  type Command,
  type CreateServiceInput,
  type DesignDocument,
  type DesignIssue,
  type NetworkConfiguration,
  parseDesign,
} from '../design';
import { useDesignStore } from './design';
import { shownNow } from './design-actions';
import { type NetworkPatch, setServiceNetwork } from './edits/network';
import { isPristine } from './run';
import { applyLive } from './sim-control';

/**
 * An awsvpc service's subnets, security groups and public IP (ecs-behavior §8): the
 * design before the run; during it, UpdateService with the whole new
 * networkConfiguration, which starts a deployment whose tasks get ENIs in the new subnets.
 */

const current = () => useDesignStore.getState().design;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** UpdateService with the service's whole new networkConfiguration; none when it is the same. */
export function networkCommand(
  shown: CreateServiceInput,
  networkConfiguration: NetworkConfiguration,
): Command[] {
  if (same(shown.networkConfiguration, networkConfiguration)) return [];
  return [
    {
      action: 'UpdateService',
      input: {
        ...(shown.cluster !== undefined && { cluster: shown.cluster }),
        service: shown.serviceName,
        networkConfiguration,
      },
    },
  ];
}

/** awsvpc tasks need an ENI in some subnet: AWS refuses an empty list, so does Berth. */
function subnetRefusal(design: DesignDocument, name: string): DesignIssue[] {
  const index = design.services.findIndex((s) => s.serviceName === name);
  const subnets = design.services[index]?.networkConfiguration?.awsvpcConfiguration.subnets;
  if (subnets === undefined || subnets.length > 0) return [];
  return [
    {
      path: `services[${index}].networkConfiguration.awsvpcConfiguration.subnets`,
      message: 'needs at least one subnet for the tasks’ network interfaces',
    },
  ];
}

/** Set part of a service's awsvpcConfiguration; the gate's issues when it refuses. */
export function setNetworkConfiguration(name: string, patch: NetworkPatch): DesignIssue[] {
  const live = !isPristine();
  const before = live ? shownNow() : current();
  const after = setServiceNetwork(before, name, patch);
  const refused = subnetRefusal(after, name);
  if (refused.length > 0) return refused;
  const parsed = parseDesign(after);
  if (!parsed.ok) return parsed.issues;
  if (!live) {
    // A blur without a change must not make an undo step.
    if (!same(parsed.design, current())) useDesignStore.setState({ design: parsed.design });
    return [];
  }
  const was = before.services.find((s) => s.serviceName === name);
  const next = after.services.find((s) => s.serviceName === name)?.networkConfiguration;
  if (was && next) void applyLive(networkCommand(was, next));
  return [];
}
