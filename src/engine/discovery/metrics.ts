import type { MetricDatum } from '../api';
import type { EngineContext } from '../context';
import { noteCalls } from '../output/history';
import { advanceCall } from './endpoints';

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
  for (const call of ctx.discovery.calls) {
    const i = ctx.discovery.calls.indexOf(call);
    advanceCall(ctx, i);
    const state = ctx.discoveryState.calls[i];
    if (!state) continue;
    const served = Math.round(state.served);
    const failed = Math.round(state.failed);
    state.served = 0;
    state.failed = 0;
    chart[call.label] = { served, failed };
    const client = ctx.services.get(call.fromService);
    if (call.route.kind === 'connect') {
      const dims = [
        { Name: 'ClusterName', Value: client?.clusterName ?? '' },
        { Name: 'ServiceName', Value: call.fromService },
        { Name: 'TargetDiscoveryName', Value: call.route.discoveryName },
      ];
      push({
        Namespace: 'AWS/ECS',
        MetricName: 'RequestCount',
        Dimensions: dims,
        Value: served + failed,
        Unit: 'Count',
      });
      push({
        Namespace: 'AWS/ECS',
        MetricName: 'HTTPCode_Target_5XX_Count',
        Dimensions: dims,
        Value: failed,
        Unit: 'Count',
      });
    } else {
      const dims = [
        { Name: 'ClientService', Value: call.fromService },
        { Name: 'Endpoint', Value: call.endpoint },
      ];
      const ns = 'Berth/ServiceDiscovery';
      push({
        Namespace: ns,
        MetricName: 'RequestCount',
        Dimensions: dims,
        Value: served + failed,
        Unit: 'Count',
      });
      push({
        Namespace: ns,
        MetricName: 'FailedRequestCount',
        Dimensions: dims,
        Value: failed,
        Unit: 'Count',
      });
    }
  }
  noteCalls(ctx, chart);
}
