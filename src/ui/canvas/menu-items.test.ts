import { describe, expect, it } from 'vitest';
import { EMPTY_CLIP } from '../../store/clipboard-actions';
import type { BerthNode } from './flow-nodes';
import { menuItems } from './menu-items';

const service = {
  id: 'service:web',
  type: 'service',
  position: { x: 0, y: 0 },
  data: { summary: { serviceName: 'web' }, cluster: 'demo' },
} as unknown as BerthNode;
const instance = {
  id: 'instance:i-1',
  type: 'instance',
  position: { x: 0, y: 0 },
  data: { ec2InstanceId: 'i-1' },
} as unknown as BerthNode;
const launched = {
  ...instance,
  data: { ec2InstanceId: 'i-2', live: true },
} as unknown as BerthNode;
const group = {
  id: 'asg:nodes',
  type: 'autoScalingGroup',
  deletable: false,
  position: { x: 0, y: 0 },
  data: {},
} as unknown as BerthNode;
const clip = {
  instances: [],
  services: [{ service: { serviceName: 'web', taskDefinition: 'web' }, workloads: [] }],
} as never;

const item = (items: ReturnType<typeof menuItems>, action: string) =>
  items.find((i) => i.action === action);

describe('the context menu', () => {
  it('offers everything for a service before a run, paste waiting for a copy', () => {
    const items = menuItems({ selected: [service], onPane: false, live: false, clip: EMPTY_CLIP });
    expect(items.map((i) => i.label)).toEqual([
      'Inspect',
      'Duplicate',
      'Copy',
      'Paste',
      'Delete',
      'Zoom to fit',
    ]);
    expect(item(items, 'paste')?.disabled).toBe('Copy an instance or a service first.');
    expect(items.filter((i) => i.disabled !== undefined)).toHaveLength(1);
  });

  it('says that during a run a duplicated service restarts the run, an instance registers', () => {
    const s = menuItems({ selected: [service], onPane: false, live: true, clip });
    expect(item(s, 'duplicate')?.note).toMatch(/^Restarts the run at 0:00/);
    expect(item(s, 'paste')?.note).toMatch(/^Restarts the run at 0:00/);
    expect(item(s, 'delete')?.note).toBe('Restarts the run at 0:00 without the service.');
    const i = menuItems({ selected: [instance], onPane: false, live: true, clip: EMPTY_CLIP });
    expect(item(i, 'duplicate')?.note).toBe('Registers the copy now (RegisterContainerInstance).');
    expect(item(i, 'delete')?.note).toMatch(/^Terminates the instance now/);
  });

  it('disables with a reason what cannot apply', () => {
    const several = menuItems({
      selected: [service, instance],
      onPane: false,
      live: false,
      clip: EMPTY_CLIP,
    });
    expect(item(several, 'inspect')?.disabled).toBe(
      '2 are selected: the inspector lists them; click one there.',
    );
    const grown = menuItems({ selected: [launched], onPane: false, live: true, clip: EMPTY_CLIP });
    expect(item(grown, 'copy')?.disabled).toMatch(/Auto Scaling group/);
    const asg = menuItems({ selected: [group], onPane: false, live: false, clip: EMPTY_CLIP });
    expect(item(asg, 'delete')?.disabled).toBe(
      'An Auto Scaling group is deleted from its inspector.',
    );
    const pane = menuItems({ selected: [service], onPane: true, live: false, clip });
    expect(item(pane, 'inspect')?.label).toBe('Inspect design');
    expect(item(pane, 'copy')?.disabled).toBe('Select an instance or a service first.');
    expect(item(pane, 'paste')?.disabled).toBeUndefined();
  });
});
