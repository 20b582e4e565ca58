import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type DesignDocument, resolveCall } from '../../../design';
import { useChartStore } from '../../../store/chart';
import { useDesignStore } from '../../../store/design';
import { useRunStore } from '../../../store/run';
import type { CallLine, ChartInput, DeploymentStatuses } from './input';
import { type ListenerGroups, listenerGroups } from './traffic-groups';
import {
  useCapacityFacts,
  useCostFacts,
  useScaledServiceNames,
  useScalingFacts,
} from './use-scaling-facts';

const NONE: readonly string[] = [];

/** Each call as the engine labels it, and how its client resolves it. */
export function callLines(design: DesignDocument): CallLine[] {
  return (design.calls ?? []).map((c) => {
    const route = resolveCall(design, c.fromService, c.endpoint);
    const label = `${c.fromService} → ${c.endpoint}`;
    if (!('kind' in route)) return { label };
    return { label, via: route.kind === 'connect' ? 'Service Connect' : 'DNS' };
  });
}

/** The listeners that split traffic between target groups, for `split` mode and its picker. */
export function useListenerGroups(): ListenerGroups[] {
  const design = useDesignStore((s) => s.design);
  return useMemo(() => listenerGroups(design).filter((l) => l.targetGroups.length > 0), [design]);
}

/** What the chart's modes need, from the design and the picker: stable while neither changes. */
export function useChartInput(): ChartInput {
  const mode = useChartStore((s) => s.mode);
  const picked = useChartStore((s) => s.services);
  const deploymentPick = useChartStore((s) => s.deploymentService);
  const listenerPick = useChartStore((s) => s.listener);
  const comparing = useChartStore((s) => s.compareBranchId !== null);
  const design = useDesignStore((s) => s.design);
  const allServices = useDesignStore(
    useShallow((s) => s.design.services.map((x) => x.serviceName)),
  );
  const targetGroups = useDesignStore(
    useShallow((s) => (s.design.targetGroups ?? []).map((t) => t.Name)),
  );
  const listeners = useListenerGroups();
  const calls = useMemo(() => callLines(design), [design]);
  const scalingPick = useChartStore((s) => s.scalingService);
  const scaledServices = useScaledServiceNames();
  const scaling = useScalingFacts(
    scalingPick !== null && scaledServices.includes(scalingPick) ? scalingPick : scaledServices[0],
  );
  const capacity = useCapacityFacts();
  const cost = useCostFacts();
  return useMemo(() => {
    const services = mode === 'services' ? (picked.length > 0 ? picked : allServices) : NONE;
    const deploymentService =
      deploymentPick !== null && allServices.includes(deploymentPick)
        ? deploymentPick
        : allServices[0];
    const listener = listeners.find((l) => l.id === listenerPick) ?? listeners[0];
    return {
      mode,
      services,
      allServices,
      deploymentService,
      listener,
      targetGroups,
      calls,
      comparing,
      scaledServices,
      ...(scaling && { scaling }),
      ...(capacity && { capacity }),
      ...(cost && { cost }),
    };
  }, [
    scaledServices,
    scaling,
    capacity,
    cost,
    mode,
    picked,
    allServices,
    deploymentPick,
    listeners,
    listenerPick,
    targetGroups,
    calls,
    comparing,
  ]);
}

/**
 * The picked service's deployments listed now, PRIMARY or ACTIVE by id: a string compared
 * shallowly, so a frame that changes no deployment's status re-renders nothing.
 */
export function useDeploymentStatuses(service: string | undefined): DeploymentStatuses {
  const text = useRunStore((s) =>
    service === undefined
      ? ''
      : (s.services[service]?.deployments ?? []).map((d) => `${d.id}=${d.status}`).join(','),
  );
  return useMemo(
    () =>
      Object.fromEntries(
        text
          .split(',')
          .filter(Boolean)
          .map((pair) => pair.split('=') as [string, 'PRIMARY' | 'ACTIVE']),
      ),
    [text],
  );
}
