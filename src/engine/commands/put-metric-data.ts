import type { PutMetricDataInput } from '../../design';
import { recordDatum } from '../alarms/alarms';
import { type EngineContext, isoAt } from '../context';
import { METRIC_PERIOD_MS } from '../output/metrics';

/** PutMetricData: a custom metric's datapoints, now; alarms on it see them this minute. */
export function putMetricData(
  ctx: EngineContext,
  input: PutMetricDataInput,
): Record<string, unknown> {
  for (const d of input.MetricData) {
    recordDatum(ctx, input.Namespace, d.MetricName, d.Dimensions, d.Value);
    ctx.out.metrics.push({
      Namespace: input.Namespace,
      MetricName: d.MetricName,
      Dimensions: (d.Dimensions ?? []).map((x) => ({ Name: x.Name, Value: x.Value })),
      Timestamp: isoAt(ctx, ctx.nowMs),
      Value: d.Value,
      Unit: d.Unit === 'Percent' ? 'Percent' : 'Count',
      Period: METRIC_PERIOD_MS / 1000,
    });
  }
  return {};
}
