import {
  cloudMapDnsName,
  findCloudMapService,
  findNamespace,
  resolveCall,
} from './discovery-resolve';
import type { DesignDocument } from './document';
import { resolveTaskDefinition, type TaskDefinitionRevision } from './resolve';

type Push = (path: string, message: string) => void;

/**
 * Service discovery and Service Connect references (ecs-behavior §15): what a service or
 * a call names must be in the design, in a form ECS and Cloud Map accept.
 */
export function checkDiscovery(
  design: DesignDocument,
  revisions: readonly TaskDefinitionRevision[],
  push: Push,
): void {
  design.serviceDiscovery?.services.forEach((cm, i) => {
    const at = `serviceDiscovery.services[${i}]`;
    const ns = findNamespace(design, cm.NamespaceId);
    if (!ns) push(`${at}.NamespaceId`, `${cm.NamespaceId} is not in serviceDiscovery.namespaces`);
    else if (cm.DnsConfig && ns.Type === 'HTTP')
      push(`${at}.DnsConfig`, `${ns.Name} is an HTTP namespace: it has no DNS, so no DnsConfig`);
  });
  design.services.forEach((service, i) => {
    const at = `services[${i}]`;
    const td = resolveTaskDefinition(revisions, service.taskDefinition)?.input;
    const mode = td?.networkMode ?? 'bridge';
    service.serviceRegistries?.forEach((registry, j) => {
      const path = `${at}.serviceRegistries[${j}]`;
      const cm = findCloudMapService(design, registry.registryArn);
      if (!cm) {
        push(`${path}.registryArn`, `${registry.registryArn} is not in serviceDiscovery.services`);
        return;
      }
      const types = (cm.DnsConfig?.DnsRecords ?? []).map((r) => r.Type);
      // §15.1: bridge and host tasks share the instance's address, so only SRV records
      // (with the container's port) can tell them apart.
      if (mode !== 'awsvpc') {
        if (types.some((t) => t !== 'SRV'))
          push(
            `${path}.registryArn`,
            `${cm.Name} has ${types.filter((t) => t !== 'SRV').join(', ')} records; with networkMode ${mode} a service registers SRV records only`,
          );
        if (
          types.includes('SRV') &&
          (!registry.containerName || registry.containerPort === undefined)
        )
          push(
            path,
            `an SRV record with networkMode ${mode} needs containerName and containerPort`,
          );
      }
    });
    const sc = service.serviceConnectConfiguration;
    if (!sc?.enabled) return;
    const path = `${at}.serviceConnectConfiguration`;
    if (sc.namespace !== undefined && !findNamespace(design, sc.namespace))
      push(`${path}.namespace`, `${sc.namespace} is not in serviceDiscovery.namespaces`);
    if (sc.namespace === undefined)
      push(`${path}.namespace`, 'needs a namespace (Berth has no cluster default namespace)');
    if (td && td.memory === undefined)
      push(
        `${at}.taskDefinition`,
        `${service.taskDefinition} needs task-level memory: Service Connect adds a proxy container to every task (§15.2)`,
      );
    const names = new Set(
      (td?.containerDefinitions ?? []).flatMap((c) =>
        (c.portMappings ?? []).flatMap((p) => (p.name === undefined ? [] : [p.name])),
      ),
    );
    sc.services?.forEach((entry, j) => {
      if (td && !names.has(entry.portName))
        push(
          `${path}.services[${j}].portName`,
          `${entry.portName} is not the name of a portMappings entry in ${service.taskDefinition} (Service Connect needs named port mappings)`,
        );
    });
  });
  design.calls?.forEach((call, i) => {
    const r = resolveCall(design, call.fromService, call.endpoint);
    if ('error' in r) push(`calls[${i}].${r.field}`, r.error);
    else if (r.serverService === call.fromService)
      push(`calls[${i}].endpoint`, `${call.endpoint} is ${call.fromService} itself`);
  });
  // Two registries answering for one DNS name would make a call ambiguous.
  const seen = new Map<string, string>();
  for (const service of design.services)
    for (const registry of service.serviceRegistries ?? []) {
      const cm = findCloudMapService(design, registry.registryArn);
      const name = cm && cloudMapDnsName(design, cm);
      if (!name) continue;
      const other = seen.get(name);
      if (other !== undefined && other !== service.serviceName)
        push(
          `services[${design.services.indexOf(service)}].serviceRegistries`,
          `${name} is already registered by ${other}`,
        );
      seen.set(name, service.serviceName);
    }
}
