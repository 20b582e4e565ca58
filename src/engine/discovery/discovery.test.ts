import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../design';
import type { MetricDatum } from '../api';
import { createSimulation, restoreSimulation } from '../simulation';
import { design, instance, minutes, seconds, service } from '../testing/builders';
import { simulate } from '../testing/harness';

const NS = 'arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abcdefgh12345678';
const SRV = 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-abcdefgh12345678';

function td(family: string) {
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

/** api answers by Cloud Map DNS (TTL 60 s) and by Service Connect; one client uses each. */
function discoveryDesign(ttl = 60, extra: Record<string, unknown> = {}) {
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
              clientAliases: [{ port: 8080, dnsName: 'api' }],
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
      { fromService: 'dns-client', endpoint: 'api.berth.local', requestsPerSecond: 100 },
      { fromService: 'sc-client', endpoint: 'api:8080', requestsPerSecond: 100 },
    ],
    ...extra,
  });
}

const callMetrics = (metrics: MetricDatum[], name: string) =>
  metrics.filter((m) => m.MetricName === name).map((m) => m.Value);

function minuteTotals(run: ReturnType<typeof simulate>) {
  const metrics = run.frames.flatMap((f) => f.metrics);
  return {
    dnsRequests: callMetrics(
      metrics.filter((m) => m.Namespace === 'Berth/ServiceDiscovery'),
      'RequestCount',
    ),
    dnsFailed: callMetrics(metrics, 'FailedRequestCount'),
    scRequests: callMetrics(
      metrics.filter((m) => m.Namespace === 'AWS/ECS'),
      'RequestCount',
    ),
    scFailed: callMetrics(metrics, 'HTTPCode_Target_5XX_Count'),
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('service discovery against Service Connect (ecs-behavior §15)', () => {
  it('both clients are served in a steady state, a minute of 100 req/s each', () => {
    const run = simulate(discoveryDesign()).until(minutes(6));
    const m = minuteTotals(run);
    // Minutes 2-6: every task long RUNNING, every client holding a full answer.
    expect(m.dnsRequests.slice(2)).toEqual([6000, 6000, 6000, 6000, 6000]);
    expect(m.scRequests.slice(2)).toEqual([6000, 6000, 6000, 6000, 6000]);
    expect(sum(m.dnsFailed.slice(2))).toBe(0);
    expect(sum(m.scFailed.slice(2))).toBe(0);
  });

  it('a rolling update of the server: DNS clients fail until their answers expire, Service Connect clients do not', () => {
    const run = simulate(discoveryDesign()).until(minutes(5));
    run.apply({
      action: 'UpdateService',
      input: { cluster: 'test', service: 'api', forceNewDeployment: true },
    });
    run.until(minutes(12));
    const m = minuteTotals(run);
    const dnsFailedAfter = sum(m.dnsFailed.slice(5));
    expect(dnsFailedAfter).toBeGreaterThan(0);
    expect(sum(m.scFailed)).toBe(0);
    // Cached answers last one TTL: by 3 TTLs after the last old task stopped, none fail.
    expect(m.dnsFailed.slice(-2)).toEqual([0, 0]);
  });

  it('a longer TTL fails more requests through the same deployment', () => {
    const failed = (ttl: number) => {
      const run = simulate(discoveryDesign(ttl)).until(minutes(5));
      run.apply({
        action: 'UpdateService',
        input: { cluster: 'test', service: 'api', forceNewDeployment: true },
      });
      run.until(minutes(20));
      return sum(minuteTotals(run).dnsFailed);
    };
    const short = failed(10);
    const long = failed(300);
    expect(long).toBeGreaterThan(short * 3);
  });

  it('a checkpoint taken mid-deployment resumes with the same caches and counts', () => {
    const d = discoveryDesign();
    const whole = createSimulation(d, 7);
    const cut = createSimulation(d, 7);
    for (const sim of [whole, cut]) {
      sim.advance(minutes(5));
      sim.apply({
        action: 'UpdateService',
        input: { cluster: 'test', service: 'api', forceNewDeployment: true },
      });
      sim.advance(minutes(5) + seconds(50));
    }
    const resumed = restoreSimulation(JSON.parse(JSON.stringify(cut.checkpoint())));
    const a = whole.advance(minutes(14));
    const b = resumed.advance(minutes(14));
    expect(b.metrics).toEqual(a.metrics);
    expect(b.history).toEqual(a.history);
  });

  it('refuses a call the design cannot resolve, naming the field', () => {
    const bad = (patch: (d: ReturnType<typeof discoveryDesign>) => void) => {
      const d = JSON.parse(JSON.stringify(discoveryDesign()));
      patch(d);
      const r = parseDesign(JSON.stringify(d));
      return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
    };
    expect(bad((d) => (d.calls[0].endpoint = 'billing.berth.local'))).toContainEqual(
      expect.stringMatching(/^calls\[0\]\.endpoint: billing\.berth\.local is neither/),
    );
    expect(bad((d) => (d.calls[1].fromService = 'dns-client'))).toContainEqual(
      expect.stringMatching(
        /^calls\[1\]\.fromService: api:8080 is a Service Connect alias of api, and dns-client has no serviceConnectConfiguration/,
      ),
    );
    expect(
      bad((d) => (d.services[0].serviceConnectConfiguration.services[0].portName = 'web')),
    ).toContainEqual(
      'services[0].serviceConnectConfiguration.services[0].portName: web is not the name of a portMappings entry in api (Service Connect needs named port mappings)',
    );
    expect(
      bad((d) => (d.serviceDiscovery.services[0].DnsConfig.DnsRecords[0].Type = 'A')),
    ).toContainEqual(
      'services[0].serviceRegistries[0].registryArn: api has A records; with networkMode bridge a service registers SRV records only',
    );
  });
});
