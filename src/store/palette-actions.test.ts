import { beforeEach, describe, expect, it } from 'vitest';
import { useDesignStore } from './design';
import { dropInstance, newDesign } from './design-actions';
import { dropLoadBalancer } from './lb-actions';
import {
  DEFAULT_TASK,
  dropAutoScalingGroup,
  dropExternalInstance,
  dropFargate,
  dropNamespace,
  dropServiceOn,
  dropStandaloneTask,
  dropTargetGroup,
} from './palette-actions';
import { useSessionStore } from './session';

// Before a run: each drop is one undoable edit through the gate, and selects what it added.

const design = () => useDesignStore.getState().design;
const selection = () => useSessionStore.getState().selection;
const history = () => useDesignStore.temporal.getState().pastStates.length;
const FORM = { family: 'web', image: 'nginx', cpu: 256, memoryMiB: 512, desiredCount: 2 };

describe('palette actions before a run', () => {
  beforeEach(() => {
    newDesign();
    useDesignStore.temporal.getState().clear();
  });

  it('an external instance: registered at 0:00, placed where dropped, selected', () => {
    expect(dropExternalInstance({ x: 40, y: 400 })).toBeUndefined();
    const entry = design().script[0];
    expect(entry?.action).toBe('RegisterContainerInstance');
    const id = entry?.action === 'RegisterContainerInstance' ? entry.input.ec2InstanceId : '';
    expect(selection()).toEqual({ kind: 'instance', id });
    expect(design().layout[`instance:${id}`]).toEqual({ x: 40, y: 400 });
    expect(history()).toBe(1);
  });

  it('Fargate: the cluster lists FARGATE and FARGATE_SPOT, once', () => {
    expect(dropFargate('default')).toBeUndefined();
    expect(dropFargate('default')).toBeUndefined();
    expect(design().clusters[0]?.capacityProviders).toEqual(['FARGATE', 'FARGATE_SPOT']);
    expect(history()).toBe(1);
  });

  it('a FARGATE service is selected; a Fargate daemon is refused and adds nothing', () => {
    expect(dropServiceOn(FORM, 'FARGATE', { x: 10, y: 50 })).toBeUndefined();
    expect(selection()).toEqual({ kind: 'service', name: 'web' });
    expect(design().services[0]?.launchType).toBe('FARGATE');
    expect(dropServiceOn({ ...FORM, schedulingStrategy: 'DAEMON' }, 'FARGATE')).toBe(
      'The DAEMON scheduling strategy does not support the FARGATE launch type.',
    );
    expect(design().services).toHaveLength(1);
  });

  it('a standalone task is RunTask at 0:00 in the script, its family registered', () => {
    dropInstance('m5.large', 'us-east-1a');
    expect(dropStandaloneTask(DEFAULT_TASK)).toBeUndefined();
    expect(design().taskDefinitions.map((t) => t.family)).toEqual(['report']);
    expect(design().script).toEqual([
      {
        at: 0,
        action: 'RunTask',
        input: { cluster: 'default', taskDefinition: 'report', count: 1, launchType: 'EC2' },
      },
    ]);
  });

  it('an Auto Scaling group, a target group on its load balancer, a namespace', () => {
    expect(dropAutoScalingGroup('default')).toBeUndefined();
    expect(selection()).toEqual({ kind: 'autoScalingGroup', name: 'default-asg' });
    expect(dropTargetGroup(undefined)).toMatch(/^A target group belongs to a load balancer/);
    dropLoadBalancer('application');
    expect(dropTargetGroup('alb')).toBeUndefined();
    expect(selection()).toEqual({ kind: 'loadBalancer', name: 'alb' });
    expect(design().listeners?.map((l) => l.Port)).toEqual([80, 8080]);
    dropServiceOn(FORM, 'EC2');
    expect(dropNamespace('default', 'web')).toBeUndefined();
    expect(selection()).toEqual({ kind: 'service', name: 'web' });
    expect(design().serviceDiscovery?.namespaces[0]?.Name).toBe('default.local');
  });
});
