import type { DesignDocument } from '../../document';
import { clusterNameOf, taskDefinitionRevisions } from '../../resolve';
import { createServiceInput } from './service';
import { registerTaskDefinitionInput } from './task-definition';

export interface ExportFile {
  path: string;
  json: unknown;
}

/**
 * The design's ECS resources as the files the AWS CLI takes with `--cli-input-json`:
 * `task-definitions/FAMILY-REVISION.json` for every revision (numbered as the design
 * numbers them, taskDefinitionRevisions) and `services/CLUSTER-SERVICE.json`, in the
 * design's order: register the task definitions first, then create the services.
 */
export function exportFiles(design: DesignDocument): ExportFile[] {
  const files: ExportFile[] = taskDefinitionRevisions(design).map((r) => ({
    path: `task-definitions/${r.family}-${r.revision}.json`,
    json: registerTaskDefinitionInput(r.input),
  }));
  for (const service of design.services) {
    const cluster = clusterNameOf(design, service.cluster);
    files.push({
      path: `services/${cluster}-${service.serviceName}.json`,
      json: createServiceInput(design, service),
    });
  }
  return files;
}
