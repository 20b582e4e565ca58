import { beforeEach, describe, expect, it } from 'vitest';
import { useDesignStore } from './design';
import { dropService, newDesign, undo } from './design-actions';
import {
  dropLoadBalancer,
  editDeregistrationDelay,
  editListenerPort,
  removeLoadBalancing,
  wireToLoadBalancer,
} from './lb-actions';
import { useRunStore } from './run';
import { select, useSessionStore } from './session';

const design = () => useDesignStore.getState().design;
const history = () => useDesignStore.temporal.getState().pastStates.length;
const web = { family: 'web', image: 'nginx', cpu: 256, memoryMiB: 512, desiredCount: 2 };

describe('load balancer actions', () => {
  beforeEach(() => {
    newDesign();
    useDesignStore.temporal.getState().clear();
  });

  it('a palette drop is one undo step, and selects the load balancer', () => {
    expect(dropLoadBalancer('application', { x: 0, y: -178 })).toBeUndefined();
    expect(history()).toBe(1);
    expect(design().loadBalancers?.[0]?.Name).toBe('alb');
    expect(useSessionStore.getState().selection).toEqual({ kind: 'loadBalancer', name: 'alb' });
    // Selecting anything else clears it.
    select({ kind: 'service', name: 'x' });
    expect(useSessionStore.getState().selection).toEqual({ kind: 'service', name: 'x' });
    undo();
    expect(design().loadBalancers).toBeUndefined();
    expect(design().targetGroups).toBeUndefined();
  });

  it('wires a service, and refuses an awsvpc one on an instance group, keeping the design', () => {
    dropService(web);
    dropService({ ...web, family: 'api', networkMode: 'awsvpc' });
    dropLoadBalancer('application');
    expect(wireToLoadBalancer('alb', 'web')).toBeUndefined();
    expect(design().services[0]?.loadBalancers?.[0]?.containerPort).toBe(80);
    const before = design();
    const refused = wireToLoadBalancer('alb', 'api');
    expect(refused?.refusal).toMatch(/^api uses awsvpc/);
    expect(design()).toBe(before);
  });

  it('says what the gate refuses: a Classic ELB needs a static host port', () => {
    dropService(web);
    dropLoadBalancer('classic');
    expect(wireToLoadBalancer('elb', 'web')).toEqual({
      refusal:
        'The design gate refuses it: services[0].loadBalancers[0].containerPort: 80 has a dynamic host port: a Classic ELB needs a static hostPort.',
    });
  });

  it('deletes a load balancer with its entries in one undo step, and an edge alone', () => {
    dropService(web);
    dropLoadBalancer('application');
    wireToLoadBalancer('alb', 'web');
    const steps = history();
    expect(removeLoadBalancing([], [{ lbName: 'alb', serviceName: 'web' }])).toBeUndefined();
    expect(design().services[0]?.loadBalancers).toBeUndefined();
    expect(design().loadBalancers).toHaveLength(1);
    undo();
    removeLoadBalancing(['alb'], []);
    expect(history()).toBe(steps + 1);
    expect(design().loadBalancers).toBeUndefined();
    expect(design().services[0]?.loadBalancers).toBeUndefined();
    undo();
    expect(design().services[0]?.loadBalancers).toHaveLength(1);
  });

  it('edits a listener port and the deregistration delay; the gate refuses 3601', () => {
    dropLoadBalancer('application');
    expect(editListenerPort('alb', 0, 8080)).toBeUndefined();
    expect(design().listeners?.[0]?.Port).toBe(8080);
    expect(editDeregistrationDelay('alb-targets', 30)).toBeUndefined();
    expect(design().targetGroups?.[0]?.Attributes).toEqual([
      { Key: 'deregistration_delay.timeout_seconds', Value: '30' },
    ]);
    expect(editDeregistrationDelay('alb-targets', 3601)).toBe(
      'The design gate refuses it: targetGroups[0].Attributes: deregistration_delay.timeout_seconds must be 0-3600 seconds.',
    );
  });

  it('on a running cluster, wiring is UpdateService, not a design change; a TargetType fix restarts', () => {
    dropService(web);
    dropService({ ...web, family: 'api', networkMode: 'awsvpc' });
    dropLoadBalancer('application');
    dropLoadBalancer('network');
    const steps = history();
    useRunStore.setState({ nowMs: 5000 });
    try {
      expect(wireToLoadBalancer('alb', 'web')).toBeUndefined();
      expect(history()).toBe(steps);
      expect(design().services[0]?.loadBalancers).toBeUndefined();
      // Changing the group's TargetType is no operation of the run: the design takes it.
      expect(wireToLoadBalancer('nlb', 'api', true)).toBeUndefined();
      expect(history()).toBe(steps + 1);
      expect(design().targetGroups?.[1]?.TargetType).toBe('ip');
    } finally {
      useRunStore.setState({ nowMs: 0 });
    }
  });
});
