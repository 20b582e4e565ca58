import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../design';
import { sampleDocument } from '../design-storage';
import { emptyDesign } from './empty';
import { summarizeService } from './service-summary';
import { addService, removeService, updateService } from './services';

const form = { family: 'api', image: 'nginx:1.27', cpu: 512, memoryMiB: 1024, desiredCount: 3 };

describe('service edits', () => {
  it('registers a bridge task definition, creates the service and its workload', () => {
    const { design, serviceName } = addService(emptyDesign(), form, { x: 5, y: 6 });
    expect(serviceName).toBe('api');
    expect(parseDesign(design).ok).toBe(true);
    expect(design.taskDefinitions[0]).toMatchObject({
      family: 'api',
      networkMode: 'bridge',
      containerDefinitions: [
        { name: 'api', image: 'nginx:1.27', cpu: 512, memory: 1024, essential: true },
      ],
    });
    expect(design.services[0]).toMatchObject({
      serviceName: 'api',
      taskDefinition: 'api',
      desiredCount: 3,
    });
    expect(design.workloads[0]?.family).toBe('api');
    expect(design.layout['service:api']).toEqual({ x: 5, y: 6 });
  });

  it('never reuses a family, which would make a new revision of another service', () => {
    const once = addService(sampleDocument(), { ...form, family: 'web' });
    expect(once.serviceName).toBe('web-2');
    expect(once.design.taskDefinitions.map((t) => t.family)).toEqual(['web', 'web-2']);
  });

  it('summarises the task definition the service resolves to', () => {
    const sample = sampleDocument();
    const service = sample.services[0];
    if (!service) throw new Error('sample has a service');
    expect(summarizeService(sample, service)).toMatchObject({
      family: 'web',
      revision: 1,
      image: 'public.ecr.aws/nginx/nginx:1.27',
      cpu: 256,
      memoryMiB: 512,
      desiredCount: 3,
    });
  });

  it('edits desired count on the service and sizes on the container', () => {
    const next = updateService(sampleDocument(), 'web', {
      desiredCount: 5,
      cpu: 512,
      image: 'nginx:2',
    });
    expect(next.services[0]?.desiredCount).toBe(5);
    expect(next.taskDefinitions[0]?.containerDefinitions[0]).toMatchObject({
      cpu: 512,
      image: 'nginx:2',
    });
  });

  it('edits task-level sizes where the task definition has them', () => {
    const sample = sampleDocument();
    const withTaskSize = {
      ...sample,
      taskDefinitions: sample.taskDefinitions.map((t) => ({ ...t, cpu: '256', memory: '512' })),
    };
    const next = updateService(withTaskSize, 'web', { memoryMiB: 1024 });
    expect(next.taskDefinitions[0]?.memory).toBe('1024');
    expect(next.taskDefinitions[0]?.containerDefinitions[0]?.memory).toBe(512);
  });

  it('removes the service with its family when nothing else uses it', () => {
    const next = removeService(sampleDocument(), 'web');
    expect(next.services).toEqual([]);
    expect(next.taskDefinitions).toEqual([]);
    expect(next.workloads).toEqual([]);
  });
});
