import { beforeEach, describe, expect, it } from 'vitest';
import type { CreateServiceInput, ScriptAction } from '../design';
import { useDesignStore } from './design';
import { dropService, newDesign } from './design-actions';
import { zoneSubnet } from './edits/network';
import { shownDesign } from './live/shown-design';
import { networkCommand, setNetworkConfiguration } from './network-actions';

const design = () => useDesignStore.getState().design;
const history = () => useDesignStore.temporal.getState().pastStates.length;
const api = {
  family: 'api',
  image: 'nginx',
  cpu: 256,
  memoryMiB: 512,
  desiredCount: 2,
  networkMode: 'awsvpc' as const,
};
const network = () => design().services[0]?.networkConfiguration?.awsvpcConfiguration;

describe('network actions before a run', () => {
  beforeEach(() => {
    newDesign();
    dropService(api);
    useDesignStore.temporal.getState().clear();
  });

  it('writes the defaults with the first edit, as one undo step', () => {
    const subnets = ['us-east-1a', 'us-east-1b'].map(zoneSubnet);
    expect(setNetworkConfiguration('api', { subnets })).toEqual([]);
    expect(network()).toEqual({ subnets, assignPublicIp: 'DISABLED' });
    expect(history()).toBe(1);
    // The same again makes no step.
    expect(setNetworkConfiguration('api', { subnets })).toEqual([]);
    expect(history()).toBe(1);
  });

  it('refuses no subnet at all, and what the gate refuses, keeping the design', () => {
    const before = design();
    expect(setNetworkConfiguration('api', { subnets: [] })).toEqual([
      {
        path: 'services[0].networkConfiguration.awsvpcConfiguration.subnets',
        message: 'needs at least one subnet for the tasks’ network interfaces',
      },
    ]);
    const groups = ['1', '2', '3', '4', '5', '6'].map((n) => `sg-0000000${n}`);
    expect(setNetworkConfiguration('api', { securityGroups: groups })[0]?.message).toBe(
      'allows at most 5 security groups',
    );
    expect(design()).toBe(before);
  });
});

describe('network during a run', () => {
  const service: CreateServiceInput = {
    cluster: 'demo',
    serviceName: 'api',
    taskDefinition: 'api',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'] } },
  };
  const update = (at: number, subnets: string[], name = 'api'): ScriptAction => ({
    at,
    action: 'UpdateService',
    input: { service: name, networkConfiguration: { awsvpcConfiguration: { subnets } } },
  });

  it('is UpdateService with the whole configuration, none when it is the same', () => {
    const next = {
      awsvpcConfiguration: { subnets: ['subnet-b'], assignPublicIp: 'ENABLED' as const },
    };
    expect(networkCommand(service, next)).toEqual([
      {
        action: 'UpdateService',
        input: { cluster: 'demo', service: 'api', networkConfiguration: next },
      },
    ]);
    expect(networkCommand(service, { awsvpcConfiguration: { subnets: ['subnet-a'] } })).toEqual([]);
  });

  it('shows the last due UpdateService’s network for that service', () => {
    const d = { ...design(), clusters: [{ clusterName: 'demo' }], services: [service] };
    const journal = [update(30, ['subnet-b']), update(90, ['subnet-c']), update(40, ['x'], 'web')];
    const shownAt = (ms: number) =>
      shownDesign(d, journal, ms).services.find((s) => s.serviceName === 'api')
        ?.networkConfiguration;
    expect(shownAt(20_000)).toEqual(service.networkConfiguration);
    expect(shownAt(60_000)).toEqual({ awsvpcConfiguration: { subnets: ['subnet-b'] } });
    expect(shownAt(90_000)?.awsvpcConfiguration.subnets).toEqual(['subnet-c']);
  });
});
