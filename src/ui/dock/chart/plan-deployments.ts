import { countAxis } from './axis';
import { deploymentColor } from './colors';
import type { ChartInput, DeploymentStatuses } from './input';
import {
  type ChartPlan,
  type ChartQuery,
  COMPARE,
  type LegendEntry,
  maxOf,
  type Row,
  type Series,
} from './series';

const BOUNDS = ['desired', 'healthy', 'lower', 'upper', 'running'] as const;

/**
 * Asks the worker for every deployment of `service` recorded so far (worker/run/history.ts
 * expands it); spelled here, as the main thread imports worker code as types only.
 */
const allDeploymentsKey = (service: string, field: 'running' | 'pending') =>
  `deployment:${service}:*:${field}`;

export function deploymentsQuery(input: ChartInput): ChartQuery {
  const name = input.deploymentService;
  if (name === undefined) return { keys: [], compareKeys: [] };
  return {
    keys: [
      allDeploymentsKey(name, 'running'),
      allDeploymentsKey(name, 'pending'),
      ...BOUNDS.map((f) => `service:${name}:${f}`),
    ],
    compareKeys: [`service:${name}:running`],
  };
}

/** The deployment ids a window holds, oldest first (the worker expands them in that order). */
export function deploymentIdsOf(keys: readonly string[], service: string): string[] {
  const prefix = `deployment:${service}:`;
  return keys
    .filter((k) => k.startsWith(prefix) && k.endsWith(':running'))
    .map((k) => k.slice(prefix.length, -':running'.length));
}

/** `deployment:<service>:<id>:total`: its running and pending, for the axis and the legend. */
const totalKey = (service: string, id: string) => `deployment:${service}:${id}:total`;

export function addDeploymentTotals(service: string, ids: readonly string[]) {
  return (row: Row) => {
    let stack = 0;
    for (const id of ids) {
      const running = row[`deployment:${service}:${id}:running`] ?? 0;
      const pending = row[`deployment:${service}:${id}:pending`] ?? 0;
      row[totalKey(service, id)] = running + pending;
      stack += running + pending;
    }
    row[`stack:${service}`] = stack;
  };
}

/**
 * One service's tasks stacked by deployment: each deployment's RUNNING tasks, then their
 * pending ones above in a paler shade of the same hue, so the top of the pile is what the
 * upper bound limits; the min-max band behind and the healthy line, which the lower bound
 * holds up, in front. Labelled by revision, the PRIMARY one said so.
 */
export function deploymentsPlan(
  rows: Row[],
  input: ChartInput,
  ids: readonly string[],
  labels: Readonly<Record<string, string>>,
  statuses: DeploymentStatuses,
): ChartPlan {
  const name = input.deploymentService ?? '';
  const key = (id: string, f: string) => `deployment:${name}:${id}:${f}`;
  const shown = ids.filter((id) => rows.some((r) => (r[totalKey(name, id)] ?? 0) > 0));
  const labelOf = (id: string) => {
    const revision = labels[`deployment:${name}:${id}`] ?? id;
    return statuses[id] === 'PRIMARY' ? `${revision} (PRIMARY)` : revision;
  };
  const colorOf = (id: string) => deploymentColor(ids.indexOf(id));
  const series: Series[] = [
    {
      key: `service:${name}:lower`,
      upperKey: `service:${name}:upper`,
      name: 'min-max bounds',
      kind: 'band',
      color: 'var(--chart-ink)',
    },
  ];
  for (const id of shown)
    series.push({
      key: key(id, 'running'),
      name: `${labelOf(id)} running`,
      kind: 'area',
      stackId: 'deployments',
      className: 'series series-deployment',
      color: colorOf(id),
      fillOpacity: 0.7,
    });
  for (const id of shown)
    series.push({
      key: key(id, 'pending'),
      name: `${labelOf(id)} pending`,
      kind: 'area',
      stackId: 'deployments',
      className: 'series series-deployment-pending',
      color: colorOf(id),
      fillOpacity: 0.22,
    });
  series.push({
    key: `service:${name}:desired`,
    name: 'desired',
    kind: 'desired',
    color: 'var(--chart-ink)',
  });
  series.push({
    key: `service:${name}:healthy`,
    name: 'healthy',
    kind: 'healthy',
    className: 'series series-healthy',
    color: 'var(--chart-ink)',
  });
  if (input.comparing)
    series.push({
      key: `${COMPARE}service:${name}:running`,
      name: 'running (other branch)',
      kind: 'compare',
      color: 'var(--chart-ink)',
    });
  const legend: LegendEntry[] = shown.map((id) => ({
    id: `deployment.${labels[`deployment:${name}:${id}`] ?? id}`,
    label: labelOf(id),
    color: colorOf(id),
    swatch: 'area',
    valueKey: key(id, 'running'),
    format: 'count',
    title: `Deployment ${id}: its RUNNING tasks now (solid in the chart), pending above them (pale)`,
  }));
  legend.push(
    {
      id: 'healthy',
      label: 'healthy',
      color: 'var(--chart-ink)',
      swatch: 'thick',
      valueKey: `service:${name}:healthy`,
      format: 'count',
      title: 'RUNNING and counted healthy by the scheduler: at least the lower bound',
    },
    {
      id: 'bounds',
      label: 'min–max',
      color: 'var(--chart-ink)',
      swatch: 'band',
      valueKey: `service:${name}:lower`,
      upperKey: `service:${name}:upper`,
      format: 'count',
      title:
        'During a deployment: at least ceil(desired x min%) healthy, at most floor(desired x max%) running or pending',
    },
  );
  if (input.comparing)
    legend.push({
      id: 'compare',
      label: 'running, other branch',
      color: 'var(--chart-ink)',
      swatch: 'dashed',
      valueKey: `${COMPARE}service:${name}:running`,
      format: 'count',
    });
  const max = maxOf(rows, [
    `stack:${name}`,
    `service:${name}:upper`,
    `service:${name}:desired`,
    `${COMPARE}service:${name}:running`,
  ]);
  return { rows, series, yAxis: { ...countAxis(max), format: 'count' }, legend };
}
