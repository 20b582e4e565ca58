import { CURRENT_FORMAT_VERSION, type DesignDocument } from '../../design';

/** "New": one cluster and nothing in it, in the region the last design used. */
export function emptyDesign(region = 'us-east-1'): DesignDocument {
  return {
    formatVersion: CURRENT_FORMAT_VERSION,
    name: 'Untitled cluster',
    seed: 1,
    startTime: '2026-01-01T00:00:00Z',
    region,
    clusters: [{ clusterName: 'default' }],
    containerInstances: [],
    taskDefinitions: [],
    services: [],
    workloads: [],
    script: [],
    layout: {},
  };
}
