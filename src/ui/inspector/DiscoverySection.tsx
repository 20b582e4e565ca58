import { memo, useState } from 'react';
import {
  type CreateServiceInput,
  cloudMapDnsName,
  type DesignDocument,
  findCloudMapService,
  resolveCall,
  serviceConnectAliases,
} from '../../design';
import { setServiceConnect } from '../../store/discovery-actions';
import { isPristine, useRunStore } from '../../store/run';

function registryText(design: DesignDocument, service: CreateServiceInput): string | undefined {
  const registry = service.serviceRegistries?.[0];
  const cm = registry && findCloudMapService(design, registry.registryArn);
  if (!cm) return undefined;
  const records = cm.DnsConfig?.DnsRecords ?? [];
  const ttl = records.length > 0 ? Math.min(...records.map((r) => r.TTL)) : undefined;
  const types = [...new Set(records.map((r) => r.Type))].join(', ');
  return `${cloudMapDnsName(design, cm) ?? cm.Name}${types ? ` (${types}${ttl === undefined ? '' : `, TTL ${ttl} s`})` : ''}`;
}

/**
 * How a service is found and how it finds others (ecs-behavior §15): its Cloud Map name,
 * its Service Connect aliases, the calls it makes and the way each goes. Turning Service
 * Connect on is an UpdateService during a run: its next tasks use the proxy.
 */
export const DiscoverySection = memo(function DiscoverySection({
  design,
  service,
}: {
  design: DesignDocument;
  service: CreateServiceInput;
}) {
  const running = useRunStore((s) => !isPristine(s));
  const [issue, setIssue] = useState<string | undefined>();
  const registry = registryText(design, service);
  const aliases = serviceConnectAliases(service);
  const calls = (design.calls ?? []).filter((c) => c.fromService === service.serviceName);
  const callers = (design.calls ?? []).filter((c) => {
    const r = resolveCall(design, c.fromService, c.endpoint);
    return !('error' in r) && r.serverService === service.serviceName;
  });
  const namespaces = design.serviceDiscovery?.namespaces ?? [];
  if (!registry && aliases.length === 0 && calls.length === 0 && namespaces.length === 0)
    return null;
  const sc = service.serviceConnectConfiguration;
  const namespace = sc?.namespace ?? namespaces[0]?.Name ?? '';
  return (
    <section data-testid="inspector.discovery">
      <h3 className="inspector-section">Service discovery</h3>
      {registry && (
        <p className="field-hint" data-testid="inspector.discovery.dns">
          Cloud Map DNS: <strong>{registry}</strong>
        </p>
      )}
      {aliases.length > 0 && (
        <p className="field-hint" data-testid="inspector.discovery.aliases">
          Service Connect: <strong>{aliases.join(', ')}</strong>
        </p>
      )}
      {callers.length > 0 && (
        <p className="field-hint">Called by {callers.map((c) => c.fromService).join(', ')}.</p>
      )}
      {calls.map((c) => {
        const r = resolveCall(design, c.fromService, c.endpoint);
        const via =
          'error' in r
            ? 'cannot resolve'
            : r.kind === 'connect'
              ? 'through Service Connect: endpoint changes reach it at once'
              : `by DNS: each task keeps an answer for ${r.ttlSeconds} s`;
        return (
          <p
            key={c.endpoint}
            className="field-hint"
            data-testid={`inspector.discovery.call.${c.endpoint}`}
          >
            Calls <strong>{c.endpoint}</strong> {via}.
          </p>
        );
      })}
      {namespace !== '' && (
        <label className="check">
          <input
            type="checkbox"
            checked={sc?.enabled ?? false}
            data-testid="inspector.serviceConnect"
            onChange={(e) => {
              const issues = setServiceConnect(service.serviceName, e.target.checked, namespace);
              setIssue(issues[0] && `${issues[0].path}: ${issues[0].message}`);
            }}
          />
          Service Connect in {namespace}
        </label>
      )}
      {issue && (
        <p className="field-error" role="alert">
          {issue}
        </p>
      )}
      {running && namespace !== '' && (
        <p className="inspector-note">
          A change here is an UpdateService: a deployment replaces the tasks, and only the new ones
          use the new way (§15.2).
        </p>
      )}
    </section>
  );
});
