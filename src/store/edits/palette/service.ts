import type { DesignDocument } from '../../../design';
import type { Position } from '../instances';
import { addService, type NewService } from '../services';
import {
  launchTypeRefusalOf,
  type PaletteLaunchType,
  serviceFor,
  taskDefinitionFor,
} from './launch-type';

/**
 * The palette's service with its launch type: addService's RegisterTaskDefinition +
 * CreateService, then the task definition and service as FARGATE or EXTERNAL ask.
 */
export function addServiceOn(
  design: DesignDocument,
  form: NewService,
  launchType: PaletteLaunchType,
  position?: Position,
  cluster?: string,
): { design: DesignDocument; serviceName: string } | { refusal: string } {
  const refusal = launchTypeRefusalOf(
    launchType,
    form.networkMode ?? 'bridge',
    form.schedulingStrategy === 'DAEMON',
  );
  if (refusal) return { refusal };
  const added = addService(design, form, position, cluster);
  if (launchType === 'EC2') return added;
  const name = added.serviceName;
  const d = added.design;
  return {
    serviceName: name,
    design: {
      ...d,
      taskDefinitions: d.taskDefinitions.map((t) =>
        t.family === name ? taskDefinitionFor(t, launchType) : t,
      ),
      services: d.services.map((s) => (s.serviceName === name ? serviceFor(d, s, launchType) : s)),
    },
  };
}
