import type { DesignFragment } from '../fragment';

/** For tests: the smallest design around one imported fragment (what the pipeline completes). */
export function designOf(fragment: DesignFragment) {
  return {
    formatVersion: 1,
    name: 'Copilot import',
    seed: 7,
    region: 'us-east-1',
    clusters: [{ clusterName: 'default' }],
    ...fragment,
  };
}
