import {
  type Command,
  type CreateServiceInput,
  type DesignDocument,
  type DesignIssue,
  parseDesign,
  type ServiceConnectConfiguration,
} from '../design';
import { useDesignStore } from './design';
import { shownDesign } from './live/shown-design';
import { isPristine, useRunStore } from './run';
import { applyLive } from './sim-control';

/**
 * Service Connect on a service (ecs-behavior §15.2): the design before the run; during
 * it, UpdateService with the new serviceConnectConfiguration, which starts a deployment
 * whose new tasks find other services through the proxy.
 */

/** The configuration with Service Connect turned on or off, keeping what the service serves. */
export function serviceConnectWith(
  service: CreateServiceInput,
  enabled: boolean,
  namespace: string,
): ServiceConnectConfiguration {
  const was = service.serviceConnectConfiguration;
  return {
    ...(was ?? {}),
    enabled,
    namespace: was?.namespace ?? namespace,
  };
}

/** UpdateService with the new configuration; none when nothing changes. */
export function serviceConnectCommand(
  service: CreateServiceInput,
  configuration: ServiceConnectConfiguration,
): Command[] {
  const was = service.serviceConnectConfiguration;
  if (
    (was?.enabled ?? false) === configuration.enabled &&
    (was?.namespace ?? configuration.namespace) === configuration.namespace
  )
    return [];
  return [
    {
      action: 'UpdateService',
      input: {
        ...(service.cluster !== undefined && { cluster: service.cluster }),
        service: service.serviceName,
        serviceConnectConfiguration: configuration,
      },
    },
  ];
}

function withService(design: DesignDocument, name: string, sc: ServiceConnectConfiguration) {
  return {
    ...design,
    services: design.services.map((s) =>
      s.serviceName === name ? { ...s, serviceConnectConfiguration: sc } : s,
    ),
  };
}

/** Turn Service Connect on or off for a service; the gate's issues when it refuses. */
export function setServiceConnect(
  name: string,
  enabled: boolean,
  namespace: string,
): DesignIssue[] {
  const design = useDesignStore.getState().design;
  const run = useRunStore.getState();
  const live = !isPristine(run);
  const base = live ? shownDesign(design, run.timeline.journal, run.nowMs) : design;
  const service = base.services.find((s) => s.serviceName === name);
  if (!service) return [];
  const sc = serviceConnectWith(service, enabled, namespace);
  // The gate judges the change either way: a call that would no longer resolve is refused.
  const parsed = parseDesign(withService(base, name, sc));
  if (!parsed.ok) return parsed.issues;
  if (live) void applyLive(serviceConnectCommand(service, sc));
  else useDesignStore.setState({ design: parsed.design });
  return [];
}
