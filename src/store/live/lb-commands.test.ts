import { describe, expect, it } from 'vitest';
import type { CreateServiceInput } from '../../design';
import { loadBalancersCommand } from './commands';

const service: CreateServiceInput = { cluster: 'demo', serviceName: 'web', taskDefinition: 'web' };
const entry = { targetGroupArn: 'web-tg', containerName: 'web', containerPort: 80 };

describe('loadBalancersCommand', () => {
  it('is UpdateService with the whole new list, in the cluster of the service', () => {
    expect(loadBalancersCommand(service, [entry])).toEqual([
      {
        action: 'UpdateService',
        input: { cluster: 'demo', service: 'web', loadBalancers: [entry] },
      },
    ]);
  });

  it('takes a service off every load balancer with an empty list, and is nothing when unchanged', () => {
    const wired = { ...service, loadBalancers: [entry] };
    expect(loadBalancersCommand(wired, [])).toEqual([
      { action: 'UpdateService', input: { cluster: 'demo', service: 'web', loadBalancers: [] } },
    ]);
    expect(loadBalancersCommand(wired, [entry])).toEqual([]);
    expect(loadBalancersCommand(service, [])).toEqual([]);
  });
});
