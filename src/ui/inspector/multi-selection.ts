import type { BerthNode } from '../canvas/flow-nodes';

/** One selected node as the several-selected inspector lists it. */
export interface SelectedRow {
  nodeId: string;
  kind: 'EC2' | 'Service' | 'Load balancer' | 'Auto Scaling group';
  name: string;
  detail: string;
}

/** What the selection adds up to: what a person checks before deleting or copying it. */
export interface SelectionTotals {
  instances: number;
  registeredCpu: number;
  registeredMemoryMiB: number;
  services: number;
  desiredCount: number;
  others: number;
}

const grouping = new Intl.NumberFormat('en-US');

function rowOf(node: BerthNode): SelectedRow | undefined {
  if (node.type === 'instance') {
    const d = node.data;
    return {
      nodeId: node.id,
      kind: 'EC2',
      name: d.ec2InstanceId,
      detail: `${d.instanceType} · ${d.az} · ${grouping.format(d.registeredCpu)} CPU units`,
    };
  }
  if (node.type === 'service') {
    const s = node.data.summary;
    const count = s.schedulingStrategy === 'DAEMON' ? 'DAEMON' : `desired ${s.desiredCount}`;
    return {
      nodeId: node.id,
      kind: 'Service',
      name: s.serviceName,
      detail: `${s.family} · ${count}`,
    };
  }
  if (node.type === 'loadBalancer')
    return { nodeId: node.id, kind: 'Load balancer', name: node.data.name, detail: node.data.type };
  if (node.type === 'autoScalingGroup')
    return { nodeId: node.id, kind: 'Auto Scaling group', name: node.data.place.name, detail: '' };
  return undefined;
}

/** The rows, in the order the selection was made, and their totals. */
export function selectionRows(nodes: readonly BerthNode[]): {
  rows: SelectedRow[];
  totals: SelectionTotals;
} {
  const rows: SelectedRow[] = [];
  const totals: SelectionTotals = {
    instances: 0,
    registeredCpu: 0,
    registeredMemoryMiB: 0,
    services: 0,
    desiredCount: 0,
    others: 0,
  };
  for (const node of nodes) {
    const row = rowOf(node);
    if (!row) continue;
    rows.push(row);
    if (node.type === 'instance') {
      totals.instances++;
      totals.registeredCpu += node.data.registeredCpu;
      totals.registeredMemoryMiB += node.data.registeredMemoryMiB;
    } else if (node.type === 'service') {
      totals.services++;
      if (node.data.summary.schedulingStrategy === 'REPLICA')
        totals.desiredCount += node.data.summary.desiredCount;
    } else totals.others++;
  }
  return { rows, totals };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${grouping.format(n)} ${n === 1 ? one : many}`;
}

/** The totals as the inspector says them: "2 instances: 4,096 CPU units, 15,236 MiB". */
export function totalsText(t: SelectionTotals): string[] {
  const lines: string[] = [];
  if (t.instances > 0)
    lines.push(
      `${plural(t.instances, 'instance')}: ${grouping.format(t.registeredCpu)} CPU units, ${grouping.format(t.registeredMemoryMiB)} MiB`,
    );
  if (t.services > 0)
    lines.push(`${plural(t.services, 'service')}: ${plural(t.desiredCount, 'task')} desired`);
  if (t.others > 0) lines.push(plural(t.others, 'other resource'));
  return lines;
}
