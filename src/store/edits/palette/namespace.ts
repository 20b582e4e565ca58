import type { CloudMapNamespace, DesignDocument } from '../../../design';
import { hex16, uniqueName } from '../ids';

const ACCOUNT = '123456789012';

/**
 * CreatePrivateDnsNamespace `<cluster>.local` (Cloud Map, ecs-behavior §15): what Service
 * Connect and service discovery in the cluster name. Id and Arn are made up from the
 * design's seed and the name, as the load balancers' are.
 */
export function addNamespace(
  design: DesignDocument,
  cluster = design.clusters[0]?.clusterName ?? 'default',
): { design: DesignDocument; name: string } {
  const discovery = design.serviceDiscovery ?? { namespaces: [], services: [] };
  const taken = new Set(discovery.namespaces.map((n) => n.Name));
  const base = `${cluster.toLowerCase().replace(/[^a-z0-9-]/g, '-')}.local`;
  const name = uniqueName(base, taken);
  const Id = `ns-${hex16(`${design.seed}:ns:${name}`)}`;
  const namespace: CloudMapNamespace = {
    Name: name,
    Id,
    Arn: `arn:aws:servicediscovery:${design.region}:${ACCOUNT}:namespace/${Id}`,
    Type: 'DNS_PRIVATE',
  };
  return {
    design: {
      ...design,
      serviceDiscovery: { ...discovery, namespaces: [...discovery.namespaces, namespace] },
    },
    name,
  };
}
