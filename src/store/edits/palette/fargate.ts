import { clusterNameOf, type DesignDocument } from '../../../design';
import { setClusterCapacityProviders } from '../capacity';

export const FARGATE_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'] as const;

/**
 * PutClusterCapacityProviders with FARGATE and FARGATE_SPOT added to the cluster's list
 * (its own providers and default strategy kept, as the API needs both lists whole).
 * `changed` is false when the cluster had both already.
 */
export function enableFargate(
  design: DesignDocument,
  cluster?: string,
): { design: DesignDocument; cluster: string; capacityProviders: string[]; changed: boolean } {
  const name = clusterNameOf(design, cluster);
  const found = design.clusters.find((c) => c.clusterName === name);
  const had = found?.capacityProviders ?? [];
  const missing = FARGATE_PROVIDERS.filter((p) => !had.includes(p));
  const capacityProviders = [...had, ...missing];
  if (!found || missing.length === 0)
    return { design, cluster: name, capacityProviders, changed: false };
  const strategy = found.defaultCapacityProviderStrategy ?? [];
  return {
    design: setClusterCapacityProviders(design, name, capacityProviders, strategy),
    cluster: name,
    capacityProviders,
    changed: true,
  };
}
