import { STATUS_COLORS } from '../../status';
import { countAxis, percentAxis } from './axis';
import { deploymentColor } from './colors';
import type { ChartInput } from './input';
import { stepMarks } from './marks';
import {
  type ChartLevel,
  type ChartMark,
  type ChartPlan,
  type ChartQuery,
  type LegendEntry,
  maxOf,
  type Row,
  type Series,
} from './series';

const GROUP_FIELDS = ['desired', 'inService', 'pending'] as const;
export const groupKey = (group: string, field: (typeof GROUP_FIELDS)[number]) =>
  `asg:${group}:${field}`;
export const providerKey = (provider: string) => `cpr:${provider}`;

export function instancesQuery(input: ChartInput): ChartQuery {
  const groups = input.capacity?.groups ?? [];
  return {
    keys: groups.flatMap((g) => GROUP_FIELDS.map((f) => groupKey(g.name, f))),
    compareKeys: [],
  };
}

/** The desired capacity's steps of each group, marked `from → to` (named when there are several). */
function groupMarks(rows: readonly Row[], groups: readonly string[]): ChartMark[] {
  return groups.flatMap((g) =>
    stepMarks(
      rows,
      groupKey(g, 'desired'),
      `${g} desired capacity`,
      groups.length > 1 ? `${g} ` : '',
    ),
  );
}

/**
 * Each Auto Scaling group's instances: InService solid, desired dotted, still booting
 * (Pending) amber; each change of the desired capacity a tick `from → to`; the group's
 * MaxSize dotted while it fits.
 */
export function instancesPlan(rows: Row[], input: ChartInput): ChartPlan {
  const groups = input.capacity?.groups ?? [];
  const series: Series[] = [];
  const legend: LegendEntry[] = [];
  groups.forEach((g, i) => {
    const color = deploymentColor(i);
    series.push(
      {
        key: groupKey(g.name, 'desired'),
        name: `${g.name} desired`,
        kind: 'desired',
        color,
        width: 3,
      },
      {
        key: groupKey(g.name, 'inService'),
        name: `${g.name} InService`,
        kind: 'running',
        className: 'series series-in-service',
        color,
        width: 3.5,
      },
      { key: groupKey(g.name, 'pending'), name: `${g.name} Pending`, kind: 'pending', color },
    );
    legend.push(
      {
        id: `asg.${g.name}.inService`,
        group: g.name,
        label: 'in service',
        color,
        swatch: 'line',
        valueKey: groupKey(g.name, 'inService'),
        format: 'count',
      },
      {
        id: `asg.${g.name}.desired`,
        group: g.name,
        label: 'desired',
        color,
        swatch: 'dotted',
        valueKey: groupKey(g.name, 'desired'),
        format: 'count',
      },
      {
        id: `asg.${g.name}.pending`,
        group: g.name,
        label: 'booting',
        color: STATUS_COLORS.PENDING,
        swatch: 'line',
        valueKey: groupKey(g.name, 'pending'),
        format: 'count',
        title: 'Launched and not yet registered with the cluster',
      },
      {
        id: `asg.${g.name}.bounds`,
        group: g.name,
        label: `min–max ${g.minSize}–${g.maxSize}`,
        color: '#6b7280',
        swatch: 'dotted',
      },
    );
  });
  const axis = countAxis(
    maxOf(
      rows,
      series.map((s) => s.key),
    ) * 1.2,
  );
  const levels: ChartLevel[] = groups
    .filter((g) => g.maxSize <= axis.max)
    .map((g) => ({
      id: `max.${g.name}`,
      value: g.maxSize,
      label: `${groups.length > 1 ? `${g.name} ` : ''}MaxSize ${g.maxSize}`,
      color: '#6b7280',
      style: 'bound',
    }));
  const marks = groupMarks(
    rows,
    groups.map((g) => g.name),
  );
  return { rows, series, yAxis: { ...axis, format: 'count' }, legend, levels, marks };
}

export function reservationQuery(input: ChartInput): ChartQuery {
  const providers = input.capacity?.providers ?? [];
  return {
    keys: [
      ...providers.map((p) => providerKey(p.name)),
      ...providers.map((p) => groupKey(p.groupName, 'desired')),
    ],
    compareKeys: [],
  };
}

/**
 * Each capacity provider's CapacityProviderReservation (M / N x 100) minute by minute
 * against its targetCapacity (dashed): above it managed scaling adds instances, each a
 * tick `from → to` where its group's desired capacity stepped.
 */
export function reservationPlan(rows: Row[], input: ChartInput): ChartPlan {
  const providers = input.capacity?.providers ?? [];
  const several = providers.length > 1;
  const series: Series[] = providers.map((p, i) => ({
    key: providerKey(p.name),
    name: `${p.name} reservation`,
    kind: 'running',
    className: 'series series-reservation',
    color: deploymentColor(i),
    width: 3.5,
  }));
  const levels: ChartLevel[] = providers.map((p) => ({
    id: `target.${p.name}`,
    value: p.targetCapacity,
    label: `${several ? `${p.name} ` : ''}targetCapacity ${p.targetCapacity}%`,
    color: 'var(--chart-ink)',
    style: 'target',
  }));
  const legend: LegendEntry[] = providers.map((p, i) => ({
    id: `cpr.${p.name}`,
    label: `${p.name} reservation`,
    color: deploymentColor(i),
    swatch: 'line',
    valueKey: providerKey(p.name),
    format: 'percent',
    title:
      'CapacityProviderReservation: instances the tasks need (M) over instances running (N), x 100',
  }));
  const top = Math.max(
    maxOf(
      rows,
      series.map((s) => s.key),
    ),
    ...levels.map((l) => l.value * 1.15),
  );
  const groups = [...new Set(providers.map((p) => p.groupName))];
  return {
    rows,
    series,
    yAxis: { ...percentAxis(top), format: 'percent' },
    legend,
    levels,
    marks: groupMarks(rows, groups),
  };
}
