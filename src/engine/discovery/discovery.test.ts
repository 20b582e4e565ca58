import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../design';
import type { MetricDatum } from '../api';
import { createSimulation, restoreSimulation } from '../simulation';
import { minutes, seconds } from '../testing/builders';
import { simulate } from '../testing/harness';
import { discoveryDesign } from './testing';

/** One client's datapoints of one metric, minute by minute. */
const series = (metrics: MetricDatum[], ns: string, name: string, client: string) =>
  metrics
    .filter(
      (m) =>
        m.Namespace === ns &&
        m.MetricName === name &&
        m.Dimensions.some(
          (d) => d.Value === client && (d.Name === 'ClientService' || d.Name === 'ServiceName'),
        ),
    )
    .map((m) => m.Value);

function minuteTotals(run: ReturnType<typeof simulate>) {
  const metrics = run.frames.flatMap((f) => f.metrics);
  const dns = 'Berth/ServiceDiscovery';
  return {
    dnsRequests: series(metrics, dns, 'RequestCount', 'dns-client'),
    dnsFailed: series(metrics, dns, 'FailedRequestCount', 'dns-client'),
    scRequests: series(metrics, 'AWS/ECS', 'RequestCount', 'sc-client'),
    scFailed: series(metrics, 'AWS/ECS', 'HTTPCode_Target_5XX_Count', 'sc-client'),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: tests break the document on purpose
type Doc = any;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('service discovery against Service Connect (ecs-behavior §15)', () => {
  it('both clients are served in a steady state, a minute of 100 req/s each', () => {
    const run = simulate(discoveryDesign()).until(minutes(6));
    const m = minuteTotals(run);
    // Minutes 2-6: every task long RUNNING, every client holding a full answer.
    expect(m.dnsRequests.slice(-5)).toEqual([6000, 6000, 6000, 6000, 6000]);
    expect(m.scRequests.slice(-5)).toEqual([6000, 6000, 6000, 6000, 6000]);
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

  it('UpdateService turning on Service Connect for the client: its new tasks stop failing through a server deployment', () => {
    const redeploy = {
      action: 'UpdateService' as const,
      input: { cluster: 'test', service: 'api', forceNewDeployment: true },
    };
    const run = simulate(discoveryDesign()).until(minutes(3));
    run.apply({
      action: 'UpdateService',
      input: {
        cluster: 'test',
        service: 'dns-client',
        serviceConnectConfiguration: { enabled: true, namespace: 'berth.local' },
      },
    });
    // The client's own deployment replaces its tasks; only the new ones use the proxy.
    expect(run.results.at(-1)?.error).toBeUndefined();
    run.until(minutes(8)).apply(redeploy).until(minutes(15));
    const m = minuteTotals(run);
    expect(sum(m.dnsFailed)).toBe(0);
    // Its requests now come through Service Connect, as AWS/ECS counts them.
    const metrics = run.frames.flatMap((f) => f.metrics);
    const viaProxy = metrics.filter(
      (x) =>
        x.Namespace === 'AWS/ECS' &&
        x.MetricName === 'RequestCount' &&
        x.Dimensions.some((d) => d.Name === 'ServiceName' && d.Value === 'dns-client'),
    );
    expect(viaProxy.at(-1)?.Value).toBe(6000);
  });

  it('refuses a call the design cannot resolve, naming the field', () => {
    const bad = (patch: (d: Doc) => void) => {
      const d: Doc = JSON.parse(JSON.stringify(discoveryDesign()));
      patch(d);
      const r = parseDesign(JSON.stringify(d));
      return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
    };
    expect(bad((d) => (d.calls[0].endpoint = 'billing.berth.local'))).toContainEqual(
      expect.stringMatching(/^calls\[0\]\.endpoint: billing\.berth\.local is neither/),
    );
    expect(
      bad((d) => {
        d.services[0].serviceConnectConfiguration.services[0].clientAliases[0].dnsName = 'api';
        d.calls[0].endpoint = 'api:8080';
      }),
    ).toContainEqual(
      expect.stringMatching(
        /^calls\[0\]\.fromService: api:8080 is a Service Connect alias of api, and dns-client has no serviceConnectConfiguration/,
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
