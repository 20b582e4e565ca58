import { design, instance, service } from '../testing/builders';

/**
 * A server service answering by Cloud Map DNS and by Service Connect under one name,
 * api.berth.local:8080, and two clients calling it at 100 req/s: dns-client without
 * Service Connect, sc-client with it (ecs-behavior §15).
 */
export const NS = 'arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abcdefgh12345678';
export const SRV = 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-abcdefgh12345678';

export function td(family: string) {
  return {
    family,
    networkMode: 'bridge' as const,
    memory: '512',
    containerDefinitions: [
      {
        name: family,
        image: `example/${family}:1`,
        cpu: 128,
        memory: 256,
        essential: true,
        portMappings: [
          { name: 'http', containerPort: 8080, hostPort: 0, protocol: 'tcp' as const },
        ],
      },
    ],
  };
}

export function discoveryDesign(ttl = 60, extra: Record<string, unknown> = {}) {
  return design({
    containerInstances: ['a', 'b'].map((az, i) =>
      instance({ id: `i-00000000000000${i}b1`, az: `us-east-1${az}` }),
    ),
    taskDefinitions: [td('api'), td('dns-client'), td('sc-client')],
    serviceDiscovery: {
      namespaces: [
        { Name: 'berth.local', Arn: NS, Id: 'ns-abcdefgh12345678', Type: 'DNS_PRIVATE' },
      ],
      services: [
        {
          Name: 'api',
          Arn: SRV,
          Id: 'srv-abcdefgh12345678',
          NamespaceId: 'ns-abcdefgh12345678',
          DnsConfig: { DnsRecords: [{ Type: 'SRV', TTL: ttl }] },
        },
      ],
    },
    services: [
      service('api', 4, {
        serviceRegistries: [{ registryArn: SRV, containerName: 'api', containerPort: 8080 }],
        serviceConnectConfiguration: {
          enabled: true,
          namespace: 'berth.local',
          services: [
            {
              portName: 'http',
              discoveryName: 'api',
              clientAliases: [{ port: 8080, dnsName: 'api.berth.local' }],
            },
          ],
        },
        deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 100 },
      }),
      service('dns-client', 2),
      service('sc-client', 2, {
        serviceConnectConfiguration: { enabled: true, namespace: 'berth.local' },
      }),
    ],
    calls: [
      { fromService: 'dns-client', endpoint: 'api.berth.local:8080', requestsPerSecond: 100 },
      { fromService: 'sc-client', endpoint: 'api.berth.local:8080', requestsPerSecond: 100 },
    ],
    ...extra,
  });
}
