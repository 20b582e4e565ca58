import type { MetricDatum } from '../api';
import type { EngineContext } from '../context';
import { noteCalls } from '../output/history';
import { advanceCall } from './endpoints';
import { emptyCounts } from './state';

type Push = (m: Omit<MetricDatum, 'Timestamp' | 'Period'>) => void;

/**
 * A minute of each call between services. Service Connect calls as AWS/ECS publishes
 * them, by the client service and the server's TargetDiscoveryName; Model: the requests
 * that find no endpoint count as HTTPCode_Target_5XX_Count (the proxy answers 503).
 * DNS calls under Berth/ServiceDiscovery (Model: AWS has no metric for what a DNS
 * client sends), RequestCount and FailedRequestCount by ClientService and Endpoint.
 */
export function emitCallMetrics(ctx: EngineContext, push: Push): void {
  if (ctx.discovery.calls.length === 0) return;
  const chart: Record<string, { served: number; failed: number }> = {};
  ctx.discovery.calls.forEach((call, i) => {
    advanceCall(ctx, i);
    const state = ctx.discoveryState.calls[i];
    if (!state) return;
    const { dns, connect, none } = state.counts;
    state.counts = emptyCounts();
    const round = (n: number) => Math.round(n);
    const minute = {
      served: round(dns.served + connect.served + none.served),
      failed: round(dns.failed + connect.failed + none.failed),
    };
    chart[call.label] = minute;
    if (state.lastMinute?.served !== minute.served || state.lastMinute.failed !== minute.failed)
      ctx.out.dirtyServices.add(call.fromService);
    state.lastMinute = minute;
    const client = ctx.services.get(call.fromService);
    if (call.connect && connect.served + connect.failed > 0) {
      const dims = [
        { Name: 'ClusterName', Value: client?.clusterName ?? '' },
        { Name: 'ServiceName', Value: call.fromService },
        { Name: 'TargetDiscoveryName', Value: call.connect.discoveryName },
      ];
      const requests = round(connect.served + connect.failed);
      push({
        Namespace: 'AWS/ECS',
        MetricName: 'RequestCount',
        Dimensions: dims,
        Value: requests,
        Unit: 'Count',
      });
      push({
        Namespace: 'AWS/ECS',
        MetricName: 'HTTPCode_Target_5XX_Count',
        Dimensions: dims,
        Value: round(connect.failed),
        Unit: 'Count',
      });
    }
    // What a DNS client sent, and what a client that could not resolve the name lost.
    const byName = { served: dns.served + none.served, failed: dns.failed + none.failed };
    if (!call.connect || byName.served + byName.failed > 0) {
      const dims = [
        { Name: 'ClientService', Value: call.fromService },
        { Name: 'Endpoint', Value: call.endpoint },
      ];
      const ns = 'Berth/ServiceDiscovery';
      push({
        Namespace: ns,
        MetricName: 'RequestCount',
        Dimensions: dims,
        Value: round(byName.served + byName.failed),
        Unit: 'Count',
      });
      push({
        Namespace: ns,
        MetricName: 'FailedRequestCount',
        Dimensions: dims,
        Value: round(byName.failed),
        Unit: 'Count',
      });
    }
  });
  noteCalls(ctx, chart);
}
